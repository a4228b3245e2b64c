"""Pohon kinerja (cascade tree) and HR screens: monitoring per unit and year, reassigning a penilai."""
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kinerja.web import id_param, paginate, tahun_param
from pegawai import access as pegawai_access
from pegawai.decorators import hr_required
from pegawai.selectors import descendant_ids

from ... import ringkasan
from ...access import get_rhk_pohon_for, get_skp_for, pohon_rhk_q, pohon_units_for, skp_visible_to
from ...models import Skp
from ...pejabat import penilai_di_bawah_pengawas_per_skp
from .. import pohon, selectors, services
from ..forms import ReassignForm


def _pick_unit(request, units):
    pk = id_param(request, "unit")
    unit = units.select_related("kepala").filter(pk=pk).first() if pk else None
    return unit or units.select_related("kepala").order_by("level", "kode").first()


@login_required
def skp_pohon(request):
    """Pohon kinerja: RHK cascade from a unit head down every level (domain.md §1.4). Only the head's RHK
    are read here; each node opens its children through :func:`skp_pohon_anak`."""
    units = pohon_units_for(request.user)
    unit = _pick_unit(request, units)
    tahun = tahun_param(request)
    roots = pohon.pohon_akar(unit, tahun, pohon_rhk_q(units)) if unit else []
    return render(request, "penilaian/skp/pohon.html", {
        "unit": unit, "tahun": tahun, "roots": roots,
        "units": units.select_related("parent").order_by("kode")[:500],
        "tahun_list": range(date.today().year + 1, date.today().year - 3, -1),
    })


@login_required
def skp_pohon_anak(request, pk):
    """One page of the RHK intervening node ``pk`` (htmx); the node must lie in the user's tree scope."""
    units = pohon_units_for(request.user)
    rhk = get_rhk_pohon_for(request.user, pk)
    scope = pohon_rhk_q(units)
    page = paginate(request, pohon.pohon_anak(rhk, scope), pohon.ANAK_PER_HALAMAN)
    page.object_list = pohon.with_n_anak(list(page.object_list), rhk.skp.tahun, scope)
    return render(request, "penilaian/skp/_pohon_anak.html", {"rhk": rhk, "page_obj": page})


@login_required
def skp_pohon_lepas(request):
    """One page of the unit's RHK that intervene no RHK of its tree (htmx)."""
    units = pohon_units_for(request.user)
    pk = id_param(request, "unit")
    unit = get_object_or_404(units.select_related("kepala"), pk=pk) if pk else None
    if unit is None:
        raise Http404
    tahun = tahun_param(request)
    page = paginate(request, pohon.pohon_lepas(unit, tahun), pohon.LEPAS_PER_HALAMAN)
    return render(request, "penilaian/skp/_pohon_lepas.html", {"unit": unit, "tahun": tahun, "page_obj": page})


@hr_required
def skp_monitoring(request):
    """HR: per unit and year, SKP counts by status, who has no SKP yet, who waits on whom."""
    units = pegawai_access.units_managed_by(request.user)
    pk = id_param(request, "unit")
    unit = units.filter(pk=pk).first() if pk else None
    scope = units.filter(pk__in=descendant_ids(unit)) if unit else units
    tahun = tahun_param(request)
    instansi = pegawai_access.peran(request.user).instansi_id
    # HR's scope is one instansi: the unit table and the two counts come from its summary rows, made
    # current once here; an admin's spans every instansi and counts live.
    ringkas = instansi is not None and not pegawai_access.peran(request.user).is_admin
    diperbarui = ringkasan.segarkan(instansi, tahun)[tahun] if ringkas else None
    jumlah = ringkasan.jumlah_skp(scope, tahun) if ringkas else {}
    page = paginate(request, scope.select_related("parent").order_by("kode"), 50, count=jumlah.get("unit"))
    page.object_list = selectors.monitoring_per_unit(list(page.object_list), tahun, segar=not ringkas)
    pegawai = pegawai_access.pegawai_managed_by(request.user).filter(unit_kerja__in=scope)
    if ringkas:  # only the units the summary says have someone without an SKP: no walk of the instansi for none
        pegawai = pegawai.filter(unit_kerja__in=ringkasan.unit_tanpa_skp(scope, tahun))
    tanpa = selectors.pegawai_tanpa_skp(pegawai, tahun).select_related("jabatan", "unit_kerja", "atasan")
    menunggu = (
        skp_visible_to(request.user)
        .filter(tahun=tahun, status=Skp.Status.DIAJUKAN, pegawai__unit_kerja__in=scope)
        .order_by("diajukan_pada")
    )
    if not ringkas:
        jumlah = {"tanpa": tanpa.count(), "diajukan": menunggu.count()}
    # PermenPANRB 6/2022 Pasal 1: penilai below pengawas without a recorded delegation (a warning).
    skp_tahun = skp_visible_to(request.user).filter(tahun=tahun, pegawai__unit_kerja__in=scope)
    lemah_per_penilai = penilai_di_bawah_pengawas_per_skp(skp_tahun)
    lemah = skp_tahun.filter(pejabat_penilai_id__in=list(lemah_per_penilai)).select_related(
        "pejabat_penilai__jabatan").order_by("pegawai__nama", "pk")
    return render(
        request,
        "penilaian/skp/monitoring.html",
        {
            "unit": unit,
            "units": units.select_related("parent").order_by("kode")[:500],
            "tahun": tahun,
            "page_obj": page,
            "diperbarui": diperbarui,
            "tanpa": tanpa[:100] if jumlah["tanpa"] else [],
            "n_tanpa": jumlah["tanpa"],
            "menunggu": menunggu[:100] if jumlah["diajukan"] else [],
            "n_menunggu": jumlah["diajukan"],
            "lemah": lemah[:100] if lemah_per_penilai else [],
            "n_lemah": sum(lemah_per_penilai.values()),
            "tahun_list": range(date.today().year + 1, date.today().year - 3, -1),
            "Status": Skp.Status,
        },
    )


@hr_required
def skp_reassign(request, pk):
    """HR corrects the pejabat penilai of one SKP (domain.md §9.3), with an audit entry."""
    skp = get_skp_for(request.user, pk)
    if not pegawai_access.is_hr(request.user):
        raise PermissionDenied
    form = ReassignForm(request.POST or None, skp=skp)
    if request.method == "POST" and form.is_valid():
        try:
            services.skp_reassign_penilai(skp=skp, oleh=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Pejabat penilai diubah."))
            return redirect("penilaian:skp-detail", skp.pk)
    return render(request, "penilaian/skp/form.html", {"form": form, "judul": _("Ubah pejabat penilai"), "skp": skp})
