"""The employee's own log: list, add/edit/delete, evidence file, month calendar, roll-up per IKI."""
from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.once import submit_once
from kinerja.uploads import serve_private
from kinerja.web import MAX_TAHUN, MIN_TAHUN, error_message, paginate, parse_int
from pegawai import access

from .. import selectors, services
from ..filters import KegiatanSayaFilter
from ..forms import KegiatanForm
from . import pegawai_required
from .rekap import rekap_context


@pegawai_required
def saya(request):
    me = access.peran(request.user).pegawai
    f = KegiatanSayaFilter(request.GET, queryset=selectors.kegiatan_milik(me), iki_qs=selectors.iki_pilihan(me))
    return render(
        request,
        "harian/kegiatan_saya.html",
        {
            "filter": f,
            "page_obj": paginate(request, f.qs if f.is_valid() else f.queryset.none()),
            "me": me,
            **rekap_context(request, me),
        },
    )


def _form_view(request, kegiatan=None):
    me = access.peran(request.user).pegawai
    initial = {"tanggal": request.GET["tanggal"]} if kegiatan is None and request.GET.get("tanggal") else None
    form = KegiatanForm(request.POST or None, request.FILES or None, instance=kegiatan, pegawai=me, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if kegiatan is None:
                obj = services.kegiatan_create(
                    pegawai=me, data=form.data_kegiatan(), berkas=form.cleaned_data.get("berkas"), oleh=request.user
                )
            else:
                obj = services.kegiatan_update(
                    kegiatan=kegiatan,
                    data=form.data_kegiatan(),
                    berkas=form.cleaned_data.get("berkas"),
                    hapus_berkas=form.cleaned_data.get("hapus_berkas", False),
                    oleh=request.user,
                )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, _("Kegiatan tanggal %(t)s tersimpan.") % {"t": f"{obj.tanggal:%d-%m-%Y}"})
            return redirect("harian:saya")
    return render(request, "harian/kegiatan_form.html", {"form": form, "kegiatan": kegiatan})


@pegawai_required
@submit_once
def tambah(request):
    return _form_view(request)


@pegawai_required
def ubah(request, pk):
    return _form_view(request, selectors.get_kegiatan_for(request.user, pk, edit=True))


@require_POST
@pegawai_required
def hapus(request, pk):
    kegiatan = selectors.get_kegiatan_for(request.user, pk, edit=True)
    try:
        services.kegiatan_delete(kegiatan=kegiatan, oleh=request.user)
    except ValidationError as e:
        error_message(request, e)
    else:
        messages.success(request, _("Kegiatan dihapus."))
    return redirect("harian:saya")


@login_required
def berkas(request, pk):
    """The evidence file, for whoever may see the entry (owner, atasan, HR of the instansi)."""
    kegiatan = selectors.get_kegiatan_for(request.user, pk)
    if not kegiatan.berkas:
        raise Http404
    return serve_private(kegiatan.berkas, nama=kegiatan.nama_berkas)


def _bulan(request) -> date:
    """``?bulan=2026-03``; anything else (bad digits, year 10**17) shows the current month."""
    y, _sep, m = request.GET.get("bulan", "").partition("-")
    y, m = parse_int(y, min_value=MIN_TAHUN, max_value=MAX_TAHUN), parse_int(m, min_value=1, max_value=12)
    return date(y, m, 1) if y and m else timezone.localdate().replace(day=1)


@pegawai_required
def kalender(request):
    me = access.peran(request.user).pegawai
    awal = _bulan(request)
    sebelum = (awal.replace(day=1) - timedelta(days=1)).replace(day=1)
    sesudah = (awal.replace(day=28) + timedelta(days=4)).replace(day=1)
    return render(
        request,
        "harian/kegiatan_kalender.html",
        {
            "hari_nama": [_("Sen"), _("Sel"), _("Rab"), _("Kam"), _("Jum"), _("Sab"), _("Min")],
            "awal": awal,
            "sebelum": sebelum,
            "sesudah": sesudah,
            "hari_ini": timezone.localdate(),
            "minggu": selectors.kalender_bulan(me, awal.year, awal.month),
        },
    )
