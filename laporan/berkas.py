"""Writing reports to XLSX and CSV: every text cell through ``kinerja.ekspor.sel_aman`` (no formula
injection), numbers as numbers, the header on row 1 of each sheet, the filters on a last sheet."""
import csv
import io
from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal

from django.utils.translation import gettext as _

from kinerja.ekspor import sel_aman

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NAMA_LEMBAR_MAKS = 31  # Excel's limit on a sheet name


def _sel(v):
    if isinstance(v, Decimal):
        return float(v)
    if v is None or isinstance(v, int | float | date | datetime):
        return v
    return sel_aman(str(v))


def xlsx(lembar: Iterable, keterangan: list[tuple[str, str]],
         kemajuan: Callable[[int], None] | None = None) -> bytes:
    """One sheet per report (``Lembar``), then a *Keterangan* sheet with the filters."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    for i, lb in enumerate(lembar, start=1):
        ws = wb.create_sheet(lb.judul[:NAMA_LEMBAR_MAKS])
        ws.append([_sel(k) for k in lb.kolom])
        for row in lb.baris:
            ws.append([_sel(v) for v in row])
        if kemajuan:
            kemajuan(i)
    ws = wb.create_sheet(_("Keterangan"))
    for k, v in keterangan:
        ws.append([_sel(k), _sel(v)])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _csv_sel(v):
    if v is None:
        return ""
    if isinstance(v, date):
        return f"{v:%Y-%m-%d}"
    if isinstance(v, Decimal):
        return str(v)  # exact, as stored: "97.50"
    return _sel(v)


def csv_text(kolom: list[str], baris: Iterable[list]) -> str:
    """UTF-8 CSV with a BOM (Excel then opens names correctly); dates as YYYY-MM-DD, decimals with a dot."""
    out = io.StringIO()
    out.write("\ufeff")
    w = csv.writer(out)
    w.writerow([_sel(k) for k in kolom])
    for row in baris:
        w.writerow([_csv_sel(v) for v in row])
    return out.getvalue()
