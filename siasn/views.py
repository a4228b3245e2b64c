"""The HR page "SIASN": the stored validation report (``siasn.laporan``), downloads in SIASN's shape (computed
on request: they are exports), and the master-data import."""
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from kinerja import impor as pementasan
from kinerja.db_router import baca_replika
from kinerja.once import submit_once
from kinerja.web import MAX_PAGE, MAX_TAHUN, MIN_TAHUN, int_param, tahun_param
from pegawai import access as pegawai_access
from pegawai.models import Instansi

from . import ekspor as ek
from . import impor
from . import laporan as lp
from .access import instansi_siasn, siasn_hr_required
from .models import EksporSiasn, LaporanSiasn, LaporanSiasnBaris
from .services import XLSX_TYPE, ekspor_siasn

Kategori = LaporanSiasnBaris.Kategori

# Which stored rows each tab lists, the column numbering them (a page is a range of it: one indexed query
# however deep), and the count of the summary row it shows (no COUNT query).
TAMPIL = {
    "terhalang": ({"kategori": Kategori.TERHALANG}, "nomor", "terhalang"),
    "ulang": ({"kategori": Kategori.BERUBAH}, "nomor", "ekspor_ulang"),
    "baru": ({"kategori": Kategori.BARU}, "nomor", "belum_diekspor"),
    "semua": ({}, "urutan", "jumlah_baris"),
}
PER_HALAMAN = 50


class _Halaman(Paginator):
    """Pages of stored rows numbered 0, 1, 2, … by ``kolom``, with the count known from the summary."""

    def __init__(self, object_list, per_page, *, count: int, kolom: str):
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count
        self.kolom = kolom

    def page(self, number):
        number = self.validate_number(number)
        awal = (number - 1) * self.per_page
        rows = self.object_list.filter(**{f"{self.kolom}__gte": awal, f"{self.kolom}__lt": awal + self.per_page})
        return self._get_page(rows, number, self)


def _jenis(request, source) -> str:
    jenis = source.get("jenis") or EksporSiasn.Jenis.SKP22
    if jenis not in EksporSiasn.Jenis.values:
        raise Http404
    return jenis


def _lingkup(request, source):
    instansi = instansi_siasn(request)
    tahun = int_param(request, "tahun", min_value=MIN_TAHUN, max_value=MAX_TAHUN, source=source) \
        if source is request.POST else tahun_param(request)
    if tahun is None:
        raise Http404
    return instansi, tahun, _jenis(request, source)


def _stored(instansi, tahun, jenis):
    return LaporanSiasn.objects.filter(instansi=instansi, tahun=tahun, jenis=jenis).first()


def _query(instansi, tahun, jenis, is_admin: bool) -> str:
    q = {"tahun": tahun, "jenis": jenis} | ({"instansi": instansi.pk} if is_admin else {})
    return urlencode(q)


@siasn_hr_required
def siasn_home(request):
    """The stored report (``siasn.laporan``): its figures, a page of its rows, its state; never the year."""
    instansi, tahun, jenis = _lingkup(request, request.GET)
    tampil = request.GET.get("tampil") if request.GET.get("tampil") in TAMPIL else "terhalang"
    lap = _stored(instansi, tahun, jenis)
    page_obj = None
    if lap is not None and lap.dihitung_pada is not None:
        saring, kolom, jumlah = TAMPIL[tampil]
        baris = (LaporanSiasnBaris.objects.filter(laporan=lap, **saring).order_by(kolom)
                 .only("kategori", "nip", "nama", "alasan"))
        page_obj = _Halaman(baris, PER_HALAMAN, count=getattr(lap, jumlah), kolom=kolom).get_page(
            int_param(request, "page", default=1, min_value=1, max_value=MAX_PAGE))
    riwayat = (EksporSiasn.objects.filter(instansi=instansi, tahun=tahun).select_related("oleh", "oleh__pegawai")
               [:10])
    is_admin = pegawai_access.peran(request.user).is_admin
    return render(request, "siasn/home.html", {
        "instansi": instansi, "tahun": tahun, "jenis": jenis, "jenis_list": EksporSiasn.Jenis.choices,
        "tampil": tampil, "laporan": lap, "per_alasan": lp.per_alasan(lap) if lap else [], "page_obj": page_obj,
        "riwayat": riwayat, "formats": EksporSiasn.Format.choices, "query": _query(instansi, tahun, jenis, is_admin),
        "instansi_list": Instansi.objects.order_by("nama") if is_admin else None,
        "tampil_list": [("terhalang", _("Terhalang")), ("ulang", _("Perlu ekspor ulang")),
                        ("baru", _("Belum pernah diekspor")), ("semua", _("Semua"))],
    })


@require_POST
@siasn_hr_required
def siasn_susun(request):
    """*Susun ulang* (and *Coba lagi* on a stalled run): queue a recompute of the stored report."""
    instansi, tahun, jenis = _lingkup(request, request.POST)
    _lap, dimulai = lp.laporan_siasn_start(instansi=instansi, tahun=tahun, jenis=jenis, oleh=request.user)
    if dimulai:
        messages.success(request, _("Laporan validasi sedang disusun di latar."))
    is_admin = pegawai_access.peran(request.user).is_admin
    return redirect(f"{reverse('siasn:home')}?{_query(instansi, tahun, jenis, is_admin)}")


@siasn_hr_required
def siasn_status(request):
    """htmx polls this partial while a run is active; once it is not, the page reloads to show the result."""
    instansi, tahun, jenis = _lingkup(request, request.GET)
    lap = _stored(instansi, tahun, jenis)
    response = render(request, "siasn/_status.html", {
        "laporan": lap, "instansi": instansi, "tahun": tahun, "jenis": jenis,
        "query": _query(instansi, tahun, jenis, pegawai_access.peran(request.user).is_admin)})
    if lap is None or not lap.is_aktif or lap.terhenti:
        response["HX-Refresh"] = "true"
    return response


@require_POST
@siasn_hr_required
def siasn_ekspor(request):
    instansi, tahun, jenis = _lingkup(request, request.POST)
    format = request.POST.get("format")
    if format not in EksporSiasn.Format.values:
        raise Http404
    with baca_replika():  # the whole year of the instansi: on the read replica when there is one
        lap = ek.laporan(instansi, tahun, jenis)
    ekspor, isi = ekspor_siasn(laporan=lap, instansi=instansi, tahun=tahun, format=format, oleh=request.user)
    lp.laporan_siasn_start(instansi=instansi, tahun=tahun, jenis=jenis)  # the rows' export state changed
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
