"""CSV import of mutasi/promosi: every row checked like the HR page does, all-or-nothing.

Header (order free): nip, jenis, tmt, unit_kerja, jabatan, golongan, atasan_nip, nomor_sk. Required:
nip, jenis, tmt, unit_kerja, jabatan. ``jenis``: MUTASI, PROMOSI or PENGANGKATAN; ``tmt``: YYYY-MM-DD
(or DD-MM-YYYY); ``unit_kerja``: the unit's kode; ``jabatan``: its exact name; ``golongan`` empty =
unchanged; ``atasan_nip`` empty = the head of the new unit. One row per pegawai per file. Rows are
applied in file order through ``pegawai_move`` inside one transaction: any refusal undoes them all.
"""
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.audit import audit_log

from .importer import CHUNK, DATE_FORMATS, ImportFileError, RowError, read_rows  # noqa: F401 (ImportFileError for callers)
from .models import Golongan, Instansi, Jabatan, Pegawai, RiwayatJabatan, UnitKerja
from .mutasi import ATASAN_BAWAAN, pegawai_move, pegawai_move_plan
from .nip import golongan_jenis_untuk

COLUMNS = ["nip", "jenis", "tmt", "unit_kerja", "jabatan", "golongan", "atasan_nip", "nomor_sk"]
REQUIRED = ["nip", "jenis", "tmt", "unit_kerja", "jabatan"]
# The example row of the downloadable template.
CONTOH = ["198505172010031001", "MUTASI", "2026-07-01", "01.01.1.1", "Penata Layanan Operasional", "III/b", "",
          "821/123/BKPSDM/2026"]
JENIS = {j.value: j.value for j in RiwayatJabatan.JENIS_PINDAH} | {"PENGANGKATAN_AWAL": "PENGANGKATAN"}


@dataclass
class MoveImportResult:
    rows: list[dict] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    created: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def _tanggal(value: str) -> date | None:
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def _pegawai_by_nip(nips: list[str], instansi: Instansi) -> dict[str, Pegawai]:
    found = {}
    for i in range(0, len(nips), CHUNK):
        qs = Pegawai.objects.with_relations().filter(nip__in=nips[i : i + CHUNK], unit_kerja__instansi=instansi)
        found.update({p.nip: p for p in qs})
    return found


def _parse(raw: dict, lk: dict, orang: dict[str, Pegawai]) -> tuple[dict, list[str]]:
    """The service's keyword arguments from one row, or what is wrong with its cells."""
    errs, out = [], {}
    pegawai = orang.get(raw.get("nip", ""))
    if pegawai is None:
        errs.append(_("Pegawai dengan NIP ini tidak ditemukan di instansi ini."))
    jenis = JENIS.get(raw.get("jenis", "").upper().replace(" ", "_"))
    if jenis is None:
        errs.append(_("Jenis '%(j)s' tidak dikenal (MUTASI, PROMOSI atau PENGANGKATAN).") % {"j": raw.get("jenis", "")})
    tmt = _tanggal(raw.get("tmt", ""))
    if tmt is None:
        errs.append(_("TMT '%(t)s' tidak valid (pakai YYYY-MM-DD).") % {"t": raw.get("tmt", "")})
    unit = lk["unit"].get(raw.get("unit_kerja", "").lower())
    if unit is None:
        errs.append(_("Unit kerja dengan kode '%(k)s' tidak ditemukan di instansi ini.")
                    % {"k": raw.get("unit_kerja", "")})
    jabatan = lk["jabatan"].get(raw.get("jabatan", "").lower())
    if jabatan is None:
        errs.append(_("Jabatan '%(j)s' tidak ditemukan.") % {"j": raw.get("jabatan", "")})
    golongan = None
    if kode := raw.get("golongan", ""):
        golongan = lk["golongan"].get((golongan_jenis_untuk(pegawai.status) if pegawai else "", kode.lower()))
        if golongan is None and pegawai is not None:
            errs.append(_("Golongan '%(g)s' tidak dikenal untuk status %(s)s.") % {"g": kode, "s": pegawai.status})
    atasan = ATASAN_BAWAAN
    if nip_atasan := raw.get("atasan_nip", ""):
        atasan = orang.get(nip_atasan)
        if atasan is None:
            errs.append(_("NIP atasan %(n)s tidak ditemukan di instansi ini.") % {"n": nip_atasan})
    out.update(pegawai=pegawai, jenis=jenis, tmt=tmt, unit=unit, jabatan=jabatan, golongan=golongan, atasan=atasan,
               nomor_sk=raw.get("nomor_sk", "")[:100])
    return out, errs


def validate_moves(data: bytes, *, instansi: Instansi, hari_ini: date | None = None) -> MoveImportResult:
    """Every row checked (cells, then the move's own rules); nothing written."""
    result = MoveImportResult()
    parsed = read_rows(data, columns=COLUMNS, required=REQUIRED)
    nips = sorted({r.get("nip", "") for _l, r in parsed} | {r.get("atasan_nip", "") for _l, r in parsed} - {""})
    orang = _pegawai_by_nip(nips, instansi)
    lk = {
        "unit": {u.kode.lower(): u for u in UnitKerja.objects.filter(instansi=instansi).select_related("kepala")},
        "jabatan": {j.nama.lower(): j for j in Jabatan.objects.all()},
        "golongan": {(g.jenis, g.kode.lower()): g for g in Golongan.objects.all()},
    }
    baris_nip: dict[str, int] = {}
    for line, raw in parsed:
        kwargs, errs = _parse(raw, lk, orang)
        nip = raw.get("nip", "")
        if nip in baris_nip:
            errs.append(_("NIP ganda di berkas (sudah ada di baris %(b)d): satu perpindahan per pegawai per berkas.")
                        % {"b": baris_nip[nip]})
        baris_nip.setdefault(nip, line)
        if not errs:
            try:
                plan = pegawai_move_plan(hari_ini=hari_ini, **kwargs)
            except ValidationError as exc:  # the same refusals as the HR page
                errs.extend(exc.messages)
            else:
                kwargs["atasan"] = plan.atasan
        row = {"baris": line, "nip": nip, "kwargs": kwargs, "kesalahan": errs,
               "nama": kwargs["pegawai"].nama_lengkap if kwargs["pegawai"] else "",
               "jenis": raw.get("jenis", ""), "tmt": kwargs["tmt"], "unit": kwargs["unit"],
               "jabatan": kwargs["jabatan"]}
        result.rows.append(row)
        result.errors.extend(RowError(line, nip, pesan) for pesan in errs)
    return result


def import_moves(data: bytes, *, instansi: Instansi, oleh=None, hari_ini: date | None = None) -> MoveImportResult:
    """Validate every row; when all are valid record them in file order, in one transaction (all-or-nothing)."""
    result = validate_moves(data, instansi=instansi, hari_ini=hari_ini)
    if not result.ok:
        return result
    with transaction.atomic():
        for row in result.rows:
            kwargs = dict(row["kwargs"])
            pegawai = kwargs.pop("pegawai")
            try:
                with transaction.atomic():
                    pegawai_move(pegawai=pegawai, oleh=oleh, hari_ini=hari_ini, **kwargs)
            except ValidationError as exc:  # an earlier row of the file changed what this one relies on
                result.errors.extend(RowError(row["baris"], row["nip"], pesan) for pesan in exc.messages)
        if result.errors:
            transaction.set_rollback(True)
            return result
        audit_log(aktor=oleh, aksi="pegawai.moves_imported", objek=instansi, data={"jumlah": len(result.rows)})
    result.created = len(result.rows)
    return result
