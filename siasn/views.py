"""The HR page "SIASN": validation report, downloads in SIASN's shape, and the master-data import."""
from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from kinerja import impor as pementasan
from kinerja.once import submit_once
from kinerja.web import MAX_TAHUN, MIN_TAHUN, int_param, paginate, tahun_param
from pegawai import access as pegawai_access
from pegawai.models import Instansi

from . import ekspor as ek
from . import impor
from .access import instansi_siasn, siasn_hr_required
from .models import EksporSiasn
from .services import XLSX_TYPE, ekspor_siasn

TAMPIL = {
    "terhalang": lambda lap: lap.terhalang,
    "ulang": lambda lap: lap.ekspor_ulang,
    "baru": lambda lap: lap.belum_diekspor,
    "semua": lambda lap: lap.baris,
}


def _jenis(request, source) -> str:
    jenis = source.get("jenis") or EksporSiasn.Jenis.SKP22
    if jenis not in EksporSiasn.Jenis.values:
        raise Http404
    return jenis


@siasn_hr_required
def siasn_home(request):
    instansi = instansi_siasn(request)
    tahun = tahun_param(request)
    jenis = _jenis(request, request.GET)
    tampil = request.GET.get("tampil") if request.GET.get("tampil") in TAMPIL else "terhalang"
    lap = ek.laporan(instansi, tahun, jenis)
    riwayat = (EksporSiasn.objects.filter(instansi=instansi, tahun=tahun).select_related("oleh", "oleh__pegawai")
               [:10])
    return render(request, "siasn/home.html", {
        "instansi": instansi, "tahun": tahun, "jenis": jenis, "jenis_list": EksporSiasn.Jenis.choices,
        "tampil": tampil, "laporan": lap, "page_obj": paginate(request, TAMPIL[tampil](lap), 50),
        "riwayat": riwayat, "formats": EksporSiasn.Format.choices,
        "instansi_list": Instansi.objects.order_by("nama") if pegawai_access.peran(request.user).is_admin else None,
        "tampil_list": [("terhalang", _("Terhalang")), ("ulang", _("Perlu ekspor ulang")),
                        ("baru", _("Belum pernah diekspor")), ("semua", _("Semua"))],
    })


@require_POST
@siasn_hr_required
def siasn_ekspor(request):
    instansi = instansi_siasn(request)
    tahun = int_param(request, "tahun", min_value=MIN_TAHUN, max_value=MAX_TAHUN, source=request.POST)
    if tahun is None:
        raise Http404
    jenis = _jenis(request, request.POST)
    format = request.POST.get("format")
    if format not in EksporSiasn.Format.values:
        raise Http404
    lap = ek.laporan(instansi, tahun, jenis)
    ekspor, isi = ekspor_siasn(laporan=lap, instansi=instansi, tahun=tahun, format=format, oleh=request.user)
    nama = f"siasn-{jenis}-{instansi.kode}-{tahun}.{format}"
    tipe = XLSX_TYPE if format == EksporSiasn.Format.XLSX else "application/json"
    response = HttpResponse(isi, content_type=tipe)
    response["Content-Disposition"] = f'attachment; filename="{nama}"'
    return response


# --- import -----------------------------------------------------------------------------------------

SESSION_KEY = "impor_siasn"


class ImporForm(forms.Form):
    berkas = forms.FileField(label=_lazy("Berkas (JSON, XLSX atau CSV)"))


@siasn_hr_required
def siasn_impor(request):
    instansi = instansi_siasn(request)
    form = ImporForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        berkas = form.cleaned_data["berkas"]
        data = berkas.read(impor.MAKS_BYTE + 1)
        try:
            hasil = impor.periksa(data, berkas.name, instansi=instansi)
        except impor.ImporError as exc:
            form.add_error("berkas", str(exc))
        else:
            token = pementasan.simpan(request, SESSION_KEY, data, instansi=instansi.pk, nama=berkas.name[:200])
            return pementasan.pratinjau(
                request, "siasn/impor_preview.html", nama=berkas.name, token=token, baris=hasil.baris,
                galat=len(hasil.kesalahan), siap=hasil.ok, hasil=hasil, instansi=instansi,
                konfirmasi="siasn:impor-confirm", kembali="siasn:impor")
    return render(request, "siasn/impor.html", {"form": form, "instansi": instansi, "alias": impor.ALIAS})


@require_POST
@siasn_hr_required
@submit_once
def siasn_impor_confirm(request):
    r = pegawai_access.peran(request.user)

    def cek(staged):
        instansi = Instansi.objects.filter(pk=staged["instansi"]).first()
        if instansi is None or not (r.is_admin or instansi.pk == r.instansi_id):
            pementasan.batal(request, SESSION_KEY)
            raise Http404
        return staged | {"instansi": instansi}

    hasil = pementasan.konfirmasi(
        request, SESSION_KEY, kembali="siasn:impor", galat_berkas=(impor.ImporError,), cek=cek,
        jumlah_galat=lambda hasil: len(hasil.kesalahan),
        jalankan=lambda data, st: impor.impor(data, st["nama"], instansi=st["instansi"], oleh=request.user))
    if not pementasan.disimpan(hasil):
        return hasil
    messages.success(request, _("Impor selesai: %(u)d pegawai diperbarui, %(m)d mutasi dicatat.")
                     % {"u": hasil.diubah, "m": hasil.dipindah})
    return redirect("siasn:home")
