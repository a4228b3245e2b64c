"""CSV/XLSX export of the employee's own entries or the team's, for a date range."""
import csv
import io
from datetime import timedelta

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.ekspor import sel_aman
from pegawai import access

from .. import selectors
from ..filters import KegiatanTimFilter
from ..forms import RentangForm
from ..importer import EKSPOR_KOLOM
from . import pegawai_required, tim_required

MAKS_HARI = 366
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _kolom():
    return EKSPOR_KOLOM  # fixed names (e-Kinerja's first): the file imports back in either language


def _baris(k) -> list:
    tanggapan = "; ".join(
        " — ".join(x for x in (t.get_tanda_display() if t.tanda else "", t.komentar) if x) for t in k.tanggapan.all()
    )
    row = [k.tanggal, f"{k.jam_mulai:%H:%M}" if k.jam_mulai else "", f"{k.jam_selesai:%H:%M}" if k.jam_selesai else "",
           k.rencana_aksi.teks if k.rencana_aksi else "", k.uraian, k.kuantitas, k.satuan, k.bukti_url,
           k.pegawai.nip, k.pegawai.nama, k.iki.rhk.teks if k.iki else "", k.iki.teks if k.iki else "",
           k.status, k.catatan_atasan, k.nama_berkas, tanggapan]
    return [sel_aman(v) for v in row]


def _rentang(request):
    """The requested range, defaulting to the current month and capped at a year."""
    form = RentangForm(request.GET)
    today = timezone.localdate()
    c = form.cleaned_data if form.is_valid() else {}
    sampai = c.get("sampai") or today
    dari = c.get("dari") or sampai.replace(day=1)
    if dari > sampai:
        dari = sampai.replace(day=1)
    return max(dari, sampai - timedelta(days=MAKS_HARI)), sampai


def _respond(request, qs, nama: str) -> HttpResponse:
    dari, sampai = _rentang(request)
    qs = qs.filter(tanggal__gte=dari, tanggal__lte=sampai).order_by("tanggal", "pegawai__nama", "jam_mulai", "pk")
    rows = (_baris(k) for k in qs)
    filename = f"kegiatan-harian-{nama}-{dari:%Y%m%d}-{sampai:%Y%m%d}"
    if request.GET.get("format") == "xlsx":
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet(_("Kegiatan harian"))
        ws.append(_kolom())
        for row in rows:
            ws.append([float(v) if hasattr(v, "as_tuple") else v for v in row])
        buf = io.BytesIO()
        wb.save(buf)
        response = HttpResponse(buf.getvalue(), content_type=XLSX_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
        return response
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write("\ufeff")  # BOM: Excel opens UTF-8 names correctly
    writer = csv.writer(response)
    writer.writerow(_kolom())
    for row in rows:
        writer.writerow([f"{v:%Y-%m-%d}" if hasattr(v, "strftime") else v for v in row])
    return response


@pegawai_required
def ekspor_saya(request):
    me = access.peran(request.user).pegawai
    return _respond(request, selectors.kegiatan_milik(me), me.nip)


@tim_required
def ekspor_tim(request):
    r = access.peran(request.user)
    tim_qs = selectors.tim_of(request.user)
    f = KegiatanTimFilter(
        request.GET,
        queryset=selectors.kegiatan_tim(tim_qs),
        tim=tim_qs if r.is_atasan else None,
        rhk_qs=selectors.rhk_tim(tim_qs) if r.is_atasan else None,
    )
    return _respond(request, f.qs if f.is_valid() else f.queryset.none(), "tim")
