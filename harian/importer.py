"""Import of one pegawai's daily entries from an e-Kinerja export or a spreadsheet (CSV or XLSX):
every row validated by the same rules as the form, all-or-nothing (as ``pegawai.importer``).

Columns (README "Kegiatan harian"; header names are matched without case, ``_`` = space; order free):
Tanggal, Jam Mulai, Jam Selesai, Rencana Aksi, Kegiatan, Realisasi, Satuan, Link Bukti (e-Kinerja's progres
harian, domain.md §11.1), and optionally NIP (must be the importer's own) and Indikator Kinerja. Required:
Tanggal, Jam Mulai, Jam Selesai, Kegiatan, Realisasi. The file Kinerja exports (``EKSPOR_KOLOM``) imports back.
Row numbers in messages are the file's line numbers (the header is line 1).
"""
import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.audit import audit_log
from pegawai.models import Pegawai
from penilaian.models import IndikatorKinerja, RencanaAksi

from . import jam, rules, selectors, services

# The e-Kinerja progres harian columns, in its order, then Kinerja's extras (export only, ignored on import
# except NIP and Indikator Kinerja). Fixed Indonesian names in both languages, so a file always re-imports.
EKINERJA_KOLOM = ["Tanggal", "Jam Mulai", "Jam Selesai", "Rencana Aksi", "Kegiatan", "Realisasi", "Satuan",
                  "Link Bukti"]
EKSPOR_KOLOM = EKINERJA_KOLOM + ["NIP", "Nama", "RHK", "Indikator Kinerja", "Status", "Catatan Atasan",
                                 "Berkas Bukti", "Tanggapan Atasan"]
TEMPLAT_KOLOM = EKINERJA_KOLOM + ["Indikator Kinerja"]
ALIAS = {
    "tanggal": "tanggal", "jam mulai": "jam_mulai", "jam selesai": "jam_selesai", "rencana aksi": "rencana_aksi",
    "kegiatan": "kegiatan", "uraian kegiatan": "kegiatan", "uraian": "kegiatan", "realisasi": "realisasi",
    "kuantitas": "realisasi", "satuan": "satuan", "link bukti": "bukti", "bukti": "bukti", "tautan bukti": "bukti",
    "nip": "nip", "indikator kinerja": "indikator", "indikator": "indikator",
}
WAJIB = ["tanggal", "jam_mulai", "jam_selesai", "kegiatan", "realisasi"]
MAKS_BARIS = 1000
DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")


class ImportFileError(Exception):
    """The file as a whole cannot be read (type, encoding, header, size)."""


@dataclass
class Baris:
    baris: int
    mentah: dict
    data: services.DataKegiatan | None = None
    kesalahan: list[str] = field(default_factory=list)


@dataclass
class HasilImpor:
    rows: list[Baris] = field(default_factory=list)
    created: int = 0

    @property
    def errors(self) -> list[str]:
        return [_("Baris %(b)d: %(p)s") % {"b": r.baris, "p": p} for r in self.rows for p in r.kesalahan]

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not any(r.kesalahan for r in self.rows)


def _kunci(header) -> str:
    return ALIAS.get(re.sub(r"[\s_]+", " ", str(header or "")).strip().lower(), "")


def _sel(v) -> str | date | time:
    if isinstance(v, datetime):
        return v.date() if v.time() == time(0) else v.time() if v.date() == date(1899, 12, 30) else v
    if isinstance(v, date | time):
        return v
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return "" if v is None else str(v).strip()


def _baris_xlsx(data: bytes) -> list[tuple[int, list]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ImportFileError(_("Berkas XLSX tidak dapat dibaca. Simpan ulang dari aplikasi lembar kerja.")) from None
    ws = wb.worksheets[0]
    hasil = []
    for i, row in enumerate(ws.iter_rows(values_only=True), start=1):
        hasil.append((i, [_sel(v) for v in row]))
        if len(hasil) > MAKS_BARIS + 1:
            break
    wb.close()
    return hasil


def _baris_csv(data: bytes) -> list[tuple[int, list]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(_("Berkas tidak ber-encoding UTF-8. Simpan ulang sebagai 'CSV UTF-8'.")) from None
    if "\x00" in text:
        raise ImportFileError(_("Berkas mengandung karakter NUL. Simpan ulang sebagai 'CSV UTF-8' lalu unggah lagi."))
    lines = text.splitlines()
    first = lines[0] if lines else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    hasil = []
    for row in reader:
        hasil.append((reader.line_num, [c.strip() for c in row]))
        if len(hasil) > MAKS_BARIS + 1:
            break
    return hasil


def read_rows(data: bytes) -> list[tuple[int, dict]]:
    """(line, {column key: cell}) for every non-empty data row; the header is the first non-empty row."""
    if not data.strip():
        raise ImportFileError(_("Berkas kosong."))
    semua = _baris_xlsx(data) if data.startswith(b"PK\x03\x04") else _baris_csv(data)
    semua = [(n, r) for n, r in semua if any(c not in ("", None) for c in r)]
    if not semua:
        raise ImportFileError(_("Berkas kosong."))
    header = [_kunci(h) for h in semua[0][1]]
    kurang = [k for k in WAJIB if k not in header]
    if kurang:
        nama = {"tanggal": "Tanggal", "jam_mulai": "Jam Mulai", "jam_selesai": "Jam Selesai", "kegiatan": "Kegiatan",
                "realisasi": "Realisasi"}
        raise ImportFileError(_("Kolom wajib tidak ada: %(k)s.") % {"k": ", ".join(nama[k] for k in kurang)})
    rows = []
    for line, cells in semua[1:]:
        rows.append((line, {k: cells[i] if i < len(cells) else "" for i, k in enumerate(header) if k}))
    if not rows:
        raise ImportFileError(_("Berkas tidak berisi baris data."))
    if len(rows) > MAKS_BARIS:
        raise ImportFileError(_("Paling banyak %(n)d baris sekali impor; bagi berkasnya.") % {"n": MAKS_BARIS})
    return rows


def _tanggal(v) -> date | None:
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(str(v), fmt).date()
        except ValueError:
            continue
    return None


def _jam(v) -> time | None:
    if isinstance(v, datetime):
        return v.time()
    if isinstance(v, time):
        return v
    m = re.fullmatch(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?", str(v))
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        return None
    return time(int(m[1]), int(m[2]))


def _angka(v) -> Decimal | None:
    teks = str(v).strip().replace(" ", "")
    if "," in teks and "." not in teks:
        teks = teks.replace(",", ".")  # "2,5" as typed in Indonesian
    try:
        d = Decimal(teks)
    except InvalidOperation:
        return None
    if not d.is_finite() or abs(d) >= Decimal(10) ** 10:
        return None
    return d if d == d.quantize(Decimal("0.01")) else None


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", str(s)).strip().casefold()


def _pesan(e: ValidationError) -> list[str]:
    return [m for ms in e.message_dict.values() for m in ms] if hasattr(e, "error_dict") else e.messages


class _Pilihan:
    """The pegawai's rencana aksi and IKIs, read once."""

    def __init__(self, pegawai: Pegawai):
        self.ra = list(selectors.rencana_aksi_pilihan(pegawai))
        self.iki = list(selectors.iki_pilihan(pegawai))

    def rencana_aksi(self, teks: str, tanggal: date) -> list[RencanaAksi]:
        t = _norm(teks)
        return [r for r in self.ra if _norm(r.teks) == t
                and r.penilaian.periode.tanggal_mulai <= tanggal <= r.penilaian.periode.tanggal_selesai]

    def indikator(self, teks: str, tanggal: date, ra: RencanaAksi | None) -> list[IndikatorKinerja]:
        t = _norm(teks)
        def cocok(i):
            skp = i.rhk.skp
            return ra.rhk_id == i.rhk_id if ra else skp.tanggal_mulai <= tanggal <= skp.tanggal_selesai

        return [i for i in self.iki if _norm(i.teks) == t and cocok(i)]


def _validate_row(b: Baris, pegawai: Pegawai, pilihan: _Pilihan) -> None:  # noqa: C901 (one check per column)
    r, err = b.mentah, b.kesalahan
    tanggal = _tanggal(r.get("tanggal", ""))
    if tanggal is None:
        err.append(_("Tanggal '%(v)s' tidak valid (pakai YYYY-MM-DD atau DD-MM-YYYY).") % {"v": r.get("tanggal", "")})
    mulai, selesai = _jam(r.get("jam_mulai", "")), _jam(r.get("jam_selesai", ""))
    for nama, nilai, mentah in (("Jam Mulai", mulai, r.get("jam_mulai")),
                                ("Jam Selesai", selesai, r.get("jam_selesai"))):
        if nilai is None:
            err.append(_("%(k)s '%(v)s' tidak valid (pakai JJ:MM, mis. 08:30).") % {"k": nama, "v": mentah or ""})
    uraian = str(r.get("kegiatan", "")).strip()
    if not uraian:
        err.append(_("Kegiatan wajib diisi."))
    kuantitas = _angka(r.get("realisasi", ""))
    if kuantitas is None or kuantitas < 0:
        err.append(_("Realisasi '%(v)s' bukan angka yang wajar (0 atau lebih, paling banyak dua desimal).")
                   % {"v": r.get("realisasi", "")})
    satuan = str(r.get("satuan", "")).strip()
    if len(satuan) > 50:
        err.append(_("Satuan terlalu panjang (maksimal 50 karakter)."))
    bukti = str(r.get("bukti", "")).strip()
    if bukti:
        try:
            URLValidator(schemes=["http", "https"])(bukti)
            if len(bukti) > 500:
                raise ValidationError("")
        except ValidationError:
            err.append(_("Link bukti '%(v)s' bukan alamat web (http/https) yang valid.") % {"v": bukti[:80]})
    nip = str(r.get("nip", "")).strip()
    if nip and nip != pegawai.nip:
        err.append(_("NIP %(n)s bukan NIP Anda; impor hanya untuk kegiatan Anda sendiri.") % {"n": nip})
    ra = iki = None
    if tanggal is not None and str(r.get("rencana_aksi", "")).strip():
        cocok = pilihan.rencana_aksi(r["rencana_aksi"], tanggal)
        if len(cocok) != 1:
            err.append(_("Rencana aksi '%(v)s' tidak ditemukan pada periode tanggal %(t)s.") % {
                "v": str(r["rencana_aksi"])[:80], "t": f"{tanggal:%d-%m-%Y}"} if not cocok else
                _("Rencana aksi '%(v)s' ada lebih dari satu pada periode itu; bedakan teksnya.") % {
                "v": str(r["rencana_aksi"])[:80]})
        else:
            ra = cocok[0]
    if tanggal is not None and str(r.get("indikator", "")).strip() and not err:
        cocok = pilihan.indikator(r["indikator"], tanggal, ra)
        if len(cocok) != 1:
            err.append(_("Indikator kinerja '%(v)s' tidak ditemukan pada SKP Anda untuk tanggal itu.")
                       % {"v": str(r["indikator"])[:80]})
        else:
            iki = cocok[0]
    if err:
        return
    b.data = services.DataKegiatan(tanggal=tanggal, uraian=uraian, kuantitas=kuantitas, satuan=satuan, iki=iki,
                                   bukti_url=bukti, jam_mulai=mulai, jam_selesai=selesai, rencana_aksi=ra)
    try:
        rules.cek_jam(mulai, selesai)
        rules.cek_tanggal(pegawai, tanggal)
        b.data.iki = rules.cek_rencana_aksi(pegawai, tanggal, ra, iki)
        rules.cek_iki(pegawai, tanggal, b.data.iki)
        rules.cek_tumpang_tindih(pegawai, tanggal, mulai, selesai)
    except ValidationError as e:
        err.extend(_pesan(e))


def validate_file(data: bytes, *, pegawai: Pegawai) -> HasilImpor:
    hasil = HasilImpor()
    pilihan = _Pilihan(pegawai)
    for line, raw in read_rows(data):
        b = Baris(baris=line, mentah=raw)
        _validate_row(b, pegawai, pilihan)
        hasil.rows.append(b)
    # Overlaps inside the file itself (the database ones are checked per row above).
    sah = [b for b in hasil.rows if b.data]
    for i, a in enumerate(sah):
        for c in sah[:i]:
            if a.data.tanggal == c.data.tanggal and jam.bertumpuk(
                (a.data.jam_mulai, a.data.jam_selesai), (c.data.jam_mulai, c.data.jam_selesai)
            ):
                a.kesalahan.append(_("Jamnya bertumpang tindih dengan baris %(b)d pada tanggal yang sama.") % {
                    "b": c.baris})
                break
    return hasil


def import_file(data: bytes, *, pegawai: Pegawai, oleh) -> HasilImpor:
    """Validate every row; when all are valid create them in one transaction (a ValidationError from a row
    saved meanwhile rolls everything back and reaches the caller)."""
    hasil = validate_file(data, pegawai=pegawai)
    if not hasil.ok:
        return hasil
    with transaction.atomic():
        for b in hasil.rows:
            services.kegiatan_create(pegawai=pegawai, data=b.data, oleh=oleh)
        audit_log(aktor=oleh, aksi="harian.imported", objek=pegawai, data={"jumlah": len(hasil.rows)})
    hasil.created = len(hasil.rows)
    return hasil
