"""The employee's page: own records, JP progress, plan, angka kredit; and the supervisor's team view."""
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from kinerja.web import paginate, tahun_param
from pegawai import access

from .. import selectors


def _halaman(request, pegawai, *, saya: bool):
    tahun = tahun_param(request)
    riwayat = selectors.riwayat_qs().filter(pegawai=pegawai)
    ctx = {
        "pegawai": pegawai, "tahun": tahun, "saya": saya, "page_obj": paginate(request, riwayat, 20),
        "tahun_pilihan": range(tahun - 3, tahun + 2), **selectors.ringkasan_pegawai(pegawai, tahun),
    }
    return render(request, "pelatihan/pegawai_detail.html", ctx)


@login_required
def saya(request):
    """Pelatihan saya (domain.md §8.3): records, verified JP against the year's rule, plan, AK."""
    pegawai = access.peran(request.user).pegawai
    if pegawai is None:
        raise PermissionDenied(_("Akun ini tidak terhubung dengan data pegawai."))
    return _halaman(request, pegawai, saya=True)


@login_required
def pegawai_detail(request, pk):
    """The same page for one pegawai seen by their supervisor or HR (404 outside scope)."""
    pegawai = access.get_pegawai_for(request.user, pk)
    return _halaman(request, pegawai, saya=pegawai == access.peran(request.user).pegawai)


@login_required
def tim(request):
    """JP tim: the supervisor's subordinates with their verified JP this year."""
    r = access.peran(request.user)
    if not r.is_atasan:
        raise PermissionDenied
    tahun = tahun_param(request)
    qs = selectors.with_jp_rekap(access.bawahan_of(r.pegawai).with_relations(), tahun).order_by("nama")
    page_obj = paginate(request, qs, 50)
    ids = [p.pk for p in page_obj]
    marks = selectors.penanda_per_pegawai(ids, tahun=tahun)
    rows = [(p, selectors.status_of(p), marks.get(p.pk)) for p in page_obj]
    return render(request, "pelatihan/tim.html", {"tahun": tahun, "rows": rows, "page_obj": page_obj,
                                                   "tahun_pilihan": range(tahun - 3, tahun + 2)})
