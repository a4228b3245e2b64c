"""CSV import of pegawai: every row validated, all-or-nothing, fast enough for 10,000 rows.

Header (order free, names fixed; see README): nip, nama, gelar_depan, gelar_belakang, status,
jenis_kelamin, tanggal_lahir, golongan, jabatan, unit_kerja, atasan_nip, email.
Required columns: nip, nama, status, unit_kerja. Encoding UTF-8 (a BOM is fine), separator comma or
semicolon. Row numbers in messages are line numbers of the file (the header is line 1).
"""
import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.audit import audit_log
from kinerja.once import atomic_unique
from penilaian.ringkasan import tandai_unit

from .models import Golongan, Instansi, Jabatan, Pegawai, RiwayatAtasan, UnitKerja
from .nip import PNS, PPPK, golongan_jenis_untuk, ketidaksesuaian, parse_nip

COLUMNS = [
    "nip", "nama", "gelar_depan", "gelar_belakang", "status", "jenis_kelamin", "tanggal_lahir",
    "golongan", "jabatan", "unit_kerja", "atasan_nip", "email",
]
REQUIRED = ["nip", "nama", "status", "unit_kerja"]
DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")
CHUNK = 2000


class ImportFileError(Exception):
    """The file as a whole cannot be read (encoding, header)."""


@dataclass
class RowError:
    baris: int
    nip: str
    pesan: str

    def __str__(self):
        return _("Baris %(baris)d (NIP %(nip)s): %(pesan)s") % {
            "baris": self.baris,
            "nip": self.nip or "-",
            "pesan": self.pesan,
        }


@dataclass
class ImportResult:
    rows: list[dict] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    created: int = 0
    ids: list[int] = field(default_factory=list)  # pk of the created pegawai, in file order

    @property
    def ok(self) -> bool:
        return not self.errors


def read_rows(data: bytes, *, columns=COLUMNS, required=REQUIRED) -> list[tuple[int, dict]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(_("Berkas tidak ber-encoding UTF-8. Simpan ulang sebagai 'CSV UTF-8'.")) from None
    if not text.strip():
        raise ImportFileError(_("Berkas kosong."))
    if "\x00" in text:  # PostgreSQL cannot store it; a spreadsheet saved as UTF-16 shows up like this too
        raise ImportFileError(_("Berkas mengandung karakter NUL. Simpan ulang sebagai 'CSV UTF-8' lalu unggah lagi."))
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in required if c not in header]
    if missing:
        raise ImportFileError(_("Kolom wajib tidak ada: %(kolom)s.") % {"kolom": ", ".join(missing)})
    reader.fieldnames = header
    rows = []
    for row in reader:
        clean = {k: (v or "").strip() for k, v in row.items() if k in columns}
        if any(clean.values()):
            rows.append((reader.line_num, clean))
    if not rows:
        raise ImportFileError(_("Berkas tidak berisi baris data."))
    return rows


def _parse_date(value: str) -> date | None:
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def _existing_nips(nips: list[str]) -> set[str]:
    found = set()
    for i in range(0, len(nips), CHUNK):
        found.update(Pegawai.objects.filter(nip__in=nips[i : i + CHUNK]).values_list("nip", flat=True))
    return found


def _atasan_in_db(nips: list[str], instansi: Instansi) -> dict[str, int]:
    found = {}
    for i in range(0, len(nips), CHUNK):
        found.update(
            Pegawai.objects.filter(nip__in=nips[i : i + CHUNK], unit_kerja__instansi=instansi).values_list("nip", "pk")
        )
    return found


class _Lookups:
    def __init__(self, instansi: Instansi):
        self.units = {u.kode.lower(): u.pk for u in UnitKerja.objects.filter(instansi=instansi)}
        self.jabatan = {j.nama.lower(): j.pk for j in Jabatan.objects.all()}
        self.golongan = {(g.jenis, g.kode.lower()): g.pk for g in Golongan.objects.all()}


def _validate_row(raw: dict, lk: _Lookups) -> tuple[dict, list[str]]:  # noqa: C901 (one check per column)
    errs, out = [], {}
    try:
        info = parse_nip(raw.get("nip", ""))
    except ValidationError as exc:
        errs.extend(exc.messages)
        info = None
    out["nip"] = raw.get("nip", "")
    out["nama"] = raw.get("nama", "")
    if not out["nama"]:
        errs.append(_("Nama wajib diisi."))
    elif len(out["nama"]) > 150:
        errs.append(_("Nama terlalu panjang (maksimal 150 karakter)."))
    out["gelar_depan"] = raw.get("gelar_depan", "")[:30]
    out["gelar_belakang"] = raw.get("gelar_belakang", "")[:60]
    status = raw.get("status", "").upper()
    if status not in Pegawai.Status.values:
        errs.append(_("Status '%(s)s' tidak dikenal (PNS, CPNS, PPPK atau PPPK_PW).") % {"s": raw.get("status", "")})
    out["status"] = status
    jk = raw.get("jenis_kelamin", "").upper()
    if jk and jk not in ("L", "P"):
        errs.append(_("Jenis kelamin harus L atau P."))
    out["jenis_kelamin"] = jk or (info.jenis_kelamin if info else "")
    tgl_raw = raw.get("tanggal_lahir", "")
    tgl = _parse_date(tgl_raw) if tgl_raw else None
    if tgl_raw and tgl is None:
        errs.append(_("Tanggal lahir '%(t)s' tidak valid (pakai YYYY-MM-DD).") % {"t": tgl_raw})
    out["tanggal_lahir"] = tgl or (info.tanggal_lahir if info else None)
    unit = raw.get("unit_kerja", "")
    out["unit_kerja_id"] = lk.units.get(unit.lower())
    if not unit:
        errs.append(_("Unit kerja wajib diisi."))
    elif out["unit_kerja_id"] is None:
        errs.append(_("Unit kerja dengan kode '%(k)s' tidak ditemukan.") % {"k": unit})
    jab = raw.get("jabatan", "")
    out["jabatan_id"] = lk.jabatan.get(jab.lower()) if jab else None
    if jab and out["jabatan_id"] is None:
        errs.append(_("Jabatan '%(j)s' tidak ditemukan.") % {"j": jab})
    gol = raw.get("golongan", "")
    jenis_gol = golongan_jenis_untuk(status)
    out["golongan_id"] = lk.golongan.get((jenis_gol, gol.lower())) if gol else None
    status_ok = status in Pegawai.Status.values
    lain = PNS if jenis_gol == PPPK else PPPK  # a known golongan of the other family: an agreement error
    gol_lain = bool(gol) and out["golongan_id"] is None and status_ok and (lain, gol.lower()) in lk.golongan
    if gol and out["golongan_id"] is None and not gol_lain:
        errs.append(_("Golongan '%(g)s' tidak dikenal untuk status %(s)s.") % {"g": gol, "s": status or "-"})
    errs.extend(
        ketidaksesuaian(
            info,
            status=status if status_ok else "",
            jenis_kelamin=jk if jk in ("L", "P") else "",
            tanggal_lahir=tgl,
            golongan_jenis=lain if gol_lain else "",
            golongan_kode=gol,
        ).values()
    )
    email = raw.get("email", "")
    if email:
        try:
            validate_email(email)
            if len(email) > 254:
                raise ValidationError("too long")
        except ValidationError:
            errs.append(_("Alamat email '%(e)s' tidak valid.") % {"e": email[:60]})
    out["email"] = email
    out["atasan_nip"] = raw.get("atasan_nip", "")
    return out, errs


def _find_loops(rows: list[dict], line_of: dict[str, int]) -> dict[str, list[int]]:
    """Rows of the file whose atasan chain (inside the file) comes back to itself."""
    parent = {r["nip"]: r["atasan_nip"] for r in rows if r["atasan_nip"] in line_of}
    in_loop: dict[str, list[int]] = {}
    for start in parent:
        path, node = [], start
        while node in parent and node not in path:
            path.append(node)
            node = parent[node]
        if node == start:
            in_loop[start] = [line_of[n] for n in path] + [line_of[start]]
    return in_loop


def validate_file(data: bytes, *, instansi: Instansi) -> ImportResult:
    result = ImportResult()
    lk = _Lookups(instansi)
    parsed = read_rows(data)
    line_of: dict[str, int] = {}
    dup_lines: dict[str, int] = {}
    for line, raw in parsed:
        row, errs = _validate_row(raw, lk)
        nip = row["nip"]
        if nip in line_of:
            errs.append(_("NIP ganda di berkas (sudah ada di baris %(b)d).") % {"b": line_of[nip]})
            dup_lines[nip] = line
        else:
            line_of[nip] = line
        row["baris"] = line
        row["kesalahan"] = errs
        result.rows.append(row)
    existing = _existing_nips(list(line_of))
    atasan_db = _atasan_in_db(
        sorted({r["atasan_nip"] for r in result.rows if r["atasan_nip"]} - set(line_of)), instansi
    )
    loops = _find_loops(result.rows, line_of)
    for row in result.rows:
        if row["nip"] in existing:
            row["kesalahan"].append(_("NIP sudah terdaftar di basis data."))
        atasan = row["atasan_nip"]
        if atasan:
            if atasan == row["nip"]:
                row["kesalahan"].append(_("Pegawai tidak boleh menjadi atasan dirinya sendiri."))
            elif atasan not in line_of and atasan not in atasan_db:
                row["kesalahan"].append(
                    _("NIP atasan %(n)s tidak ditemukan di berkas maupun di instansi.") % {"n": atasan}
                )
            elif row["nip"] in loops:
                chain = " → ".join(str(b) for b in loops[row["nip"]])
                row["kesalahan"].append(_("Rantai atasan membentuk lingkaran (baris %(c)s).") % {"c": chain})
        row["atasan_db_id"] = atasan_db.get(atasan)
        result.errors.extend(RowError(row["baris"], row["nip"], msg) for msg in row["kesalahan"])
    result.errors.sort(key=lambda e: e.baris)
    return result


@atomic_unique
def import_file(data: bytes, *, instansi: Instansi, oleh=None, dry_run: bool = False) -> ImportResult:
    """Validate every row; when all are valid (and not ``dry_run``) create them in one transaction."""
    result = validate_file(data, instansi=instansi)
    if not result.ok or dry_run:
        return result
    fields = [
        "nip",
        "nama",
        "gelar_depan",
        "gelar_belakang",
        "status",
        "jenis_kelamin",
        "tanggal_lahir",
        "unit_kerja_id",
        "jabatan_id",
        "golongan_id",
        "email",
    ]
    with transaction.atomic():
        objs = [Pegawai(**{f: r[f] for f in fields}, atasan_id=r["atasan_db_id"]) for r in result.rows]
        Pegawai.objects.bulk_create(objs, batch_size=1000)
        # PostgreSQL and SQLite hand the new keys back from the INSERT: read back only what a backend did not.
        # (On PostgreSQL that read is also slow here: with the new rows still in the trigram index's pending
        # list, the planner may answer `nip IN (…)` through that index, about a minute per 1,000 NIPs.)
        ids = {o.nip: o.pk for o in objs if o.pk is not None}
        tanpa_pk = [o.nip for o in objs if o.pk is None]
        for i in range(0, len(tanpa_pk), CHUNK):
            ids.update(Pegawai.objects.filter(nip__in=tanpa_pk[i : i + CHUNK]).values_list("nip", "pk"))
        to_update = []
        for obj, row in zip(objs, result.rows, strict=True):
            obj.pk = ids[obj.nip]
            if row["atasan_nip"] and obj.atasan_id is None:
                obj.atasan_id = ids[row["atasan_nip"]]
                to_update.append(obj)
        Pegawai.objects.bulk_update(to_update, ["atasan"], batch_size=1000)
        RiwayatAtasan.objects.bulk_create(
            [
                RiwayatAtasan(pegawai_id=o.pk, atasan_baru_id=o.atasan_id, diubah_oleh=oleh, alasan="Impor CSV")
                for o in objs
                if o.atasan_id
            ],
            batch_size=1000,
        )
        audit_log(aktor=oleh, aksi="pegawai.imported", objek=instansi, data={"jumlah": len(objs)})
        tandai_unit(*{o.unit_kerja_id for o in objs})  # bulk_create: the summary rows of their units
    result.created = len(objs)
    result.ids = [o.pk for o in objs]
    return result


def preview_labels(rows: list[dict]) -> list[dict]:
    """The preview rows with what each code was mapped to: unit "kode — nama (induk)", jabatan, golongan."""
    units = UnitKerja.objects.select_related("parent").in_bulk({r["unit_kerja_id"] for r in rows} - {None})
    jabatan = Jabatan.objects.in_bulk({r["jabatan_id"] for r in rows} - {None})
    golongan = Golongan.objects.in_bulk({r["golongan_id"] for r in rows} - {None})
    for r in rows:
        unit = units.get(r["unit_kerja_id"])
        r["unit_label"] = unit.label_lengkap if unit else ""
        r["jabatan_label"] = str(jabatan[r["jabatan_id"]]) if r["jabatan_id"] in jabatan else ""
        gol = golongan.get(r["golongan_id"])
        r["golongan_label"] = gol.kode if gol else ""
    return rows
