"""Recording a SIASN export and writing its file (JSON or XLSX), in one transaction with the audit entry."""
import io
import json

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.audit import audit_log
from kinerja.ekspor import sel_aman

from . import format as fmt
from .ekspor import Laporan
from .models import EksporSiasn, EksporSiasnBaris

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _urut(jenis: str, data: dict) -> dict:
    return {nama: data.get(nama, "") for nama, _desk, _tambahan in fmt.FIELDS[jenis]}


def tulis_json(laporan: Laporan, *, instansi, tahun: int, waktu) -> bytes:
    isi = {
        "jenis": laporan.jenis, "instansi": instansi.nama, "tahun": tahun, "dibuat": waktu.isoformat(),
        "jumlah": len(laporan.valid), "data": [_urut(laporan.jenis, b.data) for b in laporan.valid],
    }
    return json.dumps(isi, ensure_ascii=False, indent=2).encode()


def tulis_xlsx(laporan: Laporan, *, instansi, tahun: int, waktu) -> bytes:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(laporan.jenis)
    kolom = fmt.FIELDS[laporan.jenis]
    ws.append([nama for nama, _d, _t in kolom])
    for b in laporan.valid:
        ws.append([sel_aman(v) for v in _urut(laporan.jenis, b.data).values()])
    ket = wb.create_sheet(_("Keterangan"))
    ket.append([_("Kolom"), _("Isi"), _("Tambahan Kinerja")])
    for nama, desk, tambahan in kolom:
        ket.append([nama, sel_aman(str(desk)), _("ya") if tambahan else ""])
    ket.append([])
    ket.append([_("Instansi"), sel_aman(instansi.nama)])
    ket.append([_("Tahun"), tahun])
    ket.append([_("Dibuat"), timezone.localtime(waktu).strftime("%Y-%m-%d %H:%M")])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


PENULIS = {EksporSiasn.Format.JSON: tulis_json, EksporSiasn.Format.XLSX: tulis_xlsx}


@transaction.atomic
def ekspor_siasn(*, laporan: Laporan, instansi, tahun: int, format: str, oleh) -> tuple[EksporSiasn, bytes]:
    """Record an export of the rows nothing blocks (key + content hash each) and write its file."""
    ekspor = EksporSiasn.objects.create(instansi=instansi, tahun=tahun, jenis=laporan.jenis, format=format,
                                        jumlah_baris=len(laporan.valid),
                                        oleh=oleh if getattr(oleh, "is_authenticated", False) else None)
    EksporSiasnBaris.objects.bulk_create(
        [EksporSiasnBaris(ekspor=ekspor, kunci=b.kunci, hash=b.hash) for b in laporan.valid], batch_size=1000)
    audit_log(aktor=oleh, aksi="siasn.diekspor", objek=ekspor, data={
        "instansi": instansi.pk, "tahun": tahun, "jenis": laporan.jenis, "format": format,
        "jumlah_baris": ekspor.jumlah_baris, "terhalang": len(laporan.terhalang)})
    return ekspor, PENULIS[format](laporan, instansi=instansi, tahun=tahun, waktu=ekspor.dibuat_pada)
