"""Import of master data in SIASN's shape, and of e-Kinerja's "Laporan SKP" / "Laporan Penilaian SKP".

One reader for three file types: JSON as the SIASN API returns it (a list of profil objects, or
``{"data": [...]}``), XLSX (first sheet, header in row 1) and CSV (UTF-8, comma or semicolon). Column
names follow SIASN's profil (``pns_data_utama``, see ``siasn.format``); e-Kinerja's export names are
accepted as aliases (``nip``, ``jabatan``, ``unit_kerja``).

What it does (our choice, README "SIASN"): it **reconciles pegawai Kinerja already knows** (NIP of this
instansi) with the national record. Name, gelar and golongan are updated in place; a changed unit or
jabatan is recorded as a **mutasi through ``pegawai_move``** (TMT = ``tmtJabatan``, else today), so it
becomes a riwayat jabatan entry, the SKP of the old post is closed and a new one opened exactly as the
HR form does; the SIASN ids (``id``/``pnsId``, ``unorId``) are kept in ``PegawaiSiasn`` for the export.
New NIPs are refused with a reason (they come in through the pegawai CSV import, which asks for an
account and an atasan). **Duplicate NIP**: in a file with ``periode_akhir`` (an e-Kinerja report, one row
per NIP and period) the row with the latest ``periode_akhir`` wins, as BKPSDMs do after a mutasi
(domain.md §11.1); in a SIASN riwayat jabatan / golongan file the row with the latest ``tmtJabatan`` /
``tmtGolongan`` is the current post / golongan; otherwise a duplicate NIP is an error.
Preview → confirm, all-or-nothing.
"""
import csv
import io
import json
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.audit import audit_log
from pegawai.models import Golongan, Instansi, Jabatan, Pegawai, UnitKerja
from pegawai.models_riwayat import RiwayatJabatan
from pegawai.mutasi import pegawai_move, pegawai_move_plan
from pegawai.nip import parse_nip

from . import format as fmt
from .laporan import mulai_ulang_instansi
from .models import PegawaiSiasn

MAKS_BYTE = 5 * 1024 * 1024
MAKS_BARIS = 20000
JENIS_BERKAS = ("json", "xlsx", "csv")

# Accepted column → the SIASN name read (SIASN profil names first, then e-Kinerja's report names).
ALIAS = {
    "nipbaru": "nipBaru", "nip": "nipBaru", "nip_baru": "nipBaru",
    "nama": "nama", "gelardepan": "gelarDepan", "gelar_depan": "gelarDepan",
    "gelarbelakang": "gelarBelakang", "gelar_belakang": "gelarBelakang",
    "tgllahir": "tglLahir", "jeniskelamin": "jenisKelamin", "statuspegawai": "statusPegawai",
    "jenispegawainama": "jenisPegawaiNama", "golruangakhir": "golRuangAkhir", "golruangakhirid": "golRuangAkhirId",
    "jabatannama": "jabatanNama", "jabatan": "jabatanNama", "unorid": "unorId", "unornama": "unorNama",
    "unit_kerja": "unorNama", "unor": "unorNama", "tmtjabatan": "tmtJabatan", "id": "pnsId", "pnsid": "pnsId",
    "periode_akhir": "periode_akhir", "periodeakhir": "periode_akhir", "is_plt_plh": "is_plt_plh",
    # riwayat jabatan / golongan (pns_rw_jabatan, pns_rw_golongan)
    "namajabatan": "jabatanNama", "jabatanfungsionalnama": "jabatanNama", "jabatanfungsionalumumnama": "jabatanNama",
    "namaunor": "unorNama", "golongan": "golRuangAkhir", "golonganid": "golRuangAkhirId", "tmtgolongan": "tmtGolongan",
}
# A file with one of these columns holds several rows per NIP (a report per period, a history): the row with
# the latest date is the current one (domain.md §11.1 for periode_akhir; the latest TMT for a riwayat).
KOLOM_TERBARU = ("periode_akhir", "tmtJabatan", "tmtGolongan")
WAJIB = ("nipBaru",)  # a riwayat golongan file has no name; where a nama column is given it must be filled
FORMAT_TANGGAL = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")


class ImporError(Exception):
    """The file as a whole cannot be used (type, size, encoding, header, empty)."""


@dataclass
class BarisImpor:
    baris: int
    nip: str
    data: dict
    kesalahan: list[str] = field(default_factory=list)
    perubahan: list[str] = field(default_factory=list)
    pegawai_id: int | None = None
    pindah: dict | None = None
    ubah: dict = field(default_factory=dict)
    diganti: int | None = None  # the line of an older row of the same NIP (periode_akhir) it replaced


@dataclass
class HasilImpor:
    baris: list[BarisImpor] = field(default_factory=list)
    dilewati: list[tuple[int, str]] = field(default_factory=list)  # (line, reason) of rows replaced by a later one
    diubah: int = 0
    dipindah: int = 0

    @property
    def kesalahan(self) -> list[str]:
        return [_("Baris %(b)d (NIP %(n)s): %(p)s") % {"b": b.baris, "n": b.nip or "-", "p": k}
                for b in self.baris for k in b.kesalahan]

    @property
    def ok(self) -> bool:
        return not any(b.kesalahan for b in self.baris)


def _teks(v) -> str:
    if v is None:
        return ""
    if isinstance(v, datetime):
        return v.date().isoformat()
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _normal(header) -> list[str]:
    kunci = [_teks(h).lower().replace(" ", "") for h in header]
    riwayat = "idpns" in kunci  # in a riwayat file ``id`` is the riwayat row's, ``idPns`` the pegawai's
    return [("pnsId" if k == "idpns" else "" if (riwayat and k == "id") else ALIAS.get(k, "")) for k in kunci]


def _baris_dari_tabel(header, rows) -> list[tuple[int, dict]]:
    kolom = _normal(header)
    kurang = [w for w in WAJIB if w not in kolom]
    if kurang:
        raise ImporError(_("Kolom wajib tidak ada: %(k)s.") % {"k": ", ".join(kurang)})
    hasil = []
    for nomor, row in rows:
        d = {k: _teks(v) for k, v in zip(kolom, row, strict=False) if k}
        if any(d.values()):
            hasil.append((nomor, d))
    return hasil


def baca(data: bytes, nama: str) -> list[tuple[int, dict]]:
    """[(row number, {SIASN name: text})]; raises ImporError for a file that cannot be used."""
    ext = nama.rsplit(".", 1)[-1].lower() if "." in nama else ""
    if ext not in JENIS_BERKAS:
        raise ImporError(_("Jenis berkas tidak didukung. Unggah JSON, XLSX atau CSV."))
    if len(data) > MAKS_BYTE:
        raise ImporError(_("Berkas terlalu besar (maksimal 5 MB)."))
    if not data.strip():
        raise ImporError(_("Berkas kosong."))
    if ext == "json":
        rows = _json(data)
    elif ext == "xlsx":
        rows = _xlsx(data)
    else:
        rows = _csv(data)
    if not rows:
        raise ImporError(_("Berkas tidak berisi baris data."))
    if len(rows) > MAKS_BARIS:
        raise ImporError(_("Berkas berisi lebih dari %(n)d baris. Bagi menjadi beberapa berkas.") % {"n": MAKS_BARIS})
    return rows


def _json(data: bytes):
    try:
        isi = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise ImporError(_("Berkas JSON tidak dapat dibaca.")) from None
    if isinstance(isi, dict):
        isi = isi.get("data")
    if not isinstance(isi, list) or not all(isinstance(o, dict) for o in isi):
        raise ImporError(_("Berkas JSON harus berisi daftar data pegawai (bentuk API SIASN)."))
    if not isi:
        return []
    header = list(dict.fromkeys(k for o in isi for k in o))
    return _baris_dari_tabel(header, [(i, [o.get(k) for k in header]) for i, o in enumerate(isi, start=1)])


def _xlsx(data: bytes):
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 (openpyxl raises many kinds for a file that is not a workbook)
        raise ImporError(_("Berkas XLSX tidak dapat dibaca.")) from None
    ws = wb.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    header = next(rows, None)
    if header is None:
        raise ImporError(_("Berkas kosong."))
    return _baris_dari_tabel(header, ((i, r) for i, r in enumerate(rows, start=2)))


def _csv(data: bytes):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImporError(_("Berkas tidak ber-encoding UTF-8. Simpan ulang sebagai 'CSV UTF-8'.")) from None
    if "\x00" in text:
        raise ImporError(_("Berkas mengandung karakter NUL. Simpan ulang sebagai 'CSV UTF-8' lalu unggah lagi."))
    first = text.splitlines()[0] if text.strip() else ""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";" if first.count(";") > first.count(",") else ",")
    header = next(reader, None) or []
    return _baris_dari_tabel(header, ((reader.line_num, r) for r in reader))


def _tanggal(v: str) -> date | None:
    for f in FORMAT_TANGGAL:
        try:
            return datetime.strptime(v[:10], f).date()
        except ValueError:
            continue
    return None


def _dedup(rows: list[tuple[int, dict]], hasil: HasilImpor) -> list[tuple[int, dict, int | None]]:
    """With a ``KOLOM_TERBARU`` column: one row per NIP, the latest date (``periode_akhir``: domain.md §11.1)."""
    kolom = next((k for k in KOLOM_TERBARU if any(k in d for _n, d in rows)), None)
    if kolom is None:
        return [(n, d, None) for n, d in rows]
    pilih: dict[str, tuple[int, dict, int | None]] = {}
    urutan = []
    for n, d in rows:
        nip = d.get("nipBaru", "")
        lama = pilih.get(nip)
        if lama is None:
            pilih[nip] = (n, d, None)
            urutan.append(nip)
            continue
        baru_tgl, lama_tgl = _tanggal(d.get(kolom, "")), _tanggal(lama[1].get(kolom, ""))
        if baru_tgl is not None and (lama_tgl is None or baru_tgl > lama_tgl):
            hasil.dilewati.append((lama[0], _("diganti baris %(b)d (%(k)s lebih baru)") % {"b": n, "k": kolom}))
            pilih[nip] = (n, d, lama[0])
        else:
            hasil.dilewati.append((n, _("baris %(b)d punya %(k)s lebih baru") % {"b": lama[0], "k": kolom}))
    return [pilih[nip] for nip in urutan]


class _Acuan:
    def __init__(self, instansi: Instansi, nips):
        units = list(UnitKerja.objects.filter(instansi=instansi))
        self.unit_kode = {u.kode.lower(): u for u in units}
        self.unit_nama = {u.nama.lower(): u for u in units}
        self.jabatan = {j.nama.lower(): j for j in Jabatan.objects.all()}
        self.golongan = {(g.jenis, g.kode.lower()): g for g in Golongan.objects.all()}
        self.pegawai = {p.nip: p for p in Pegawai.objects.filter(nip__in=nips).select_related(
            "unit_kerja", "jabatan", "golongan")}
        self.instansi = instansi

    def unit(self, d: dict) -> UnitKerja | None:
        return self.unit_kode.get(d.get("unorId", "").lower()) or self.unit_nama.get(d.get("unorNama", "").lower())


def _cek(b: BarisImpor, ac: _Acuan, hari_ini: date) -> None:  # noqa: C901 (one check per column)
    d = b.data
    try:
        parse_nip(b.nip)
    except ValidationError as exc:
        b.kesalahan.extend(exc.messages)
        return
    pg = ac.pegawai.get(b.nip)
    if pg is None:
        b.kesalahan.append(_("NIP belum terdaftar di Kinerja; tambahkan lewat Impor pegawai (CSV)."))
        return
    if pg.unit_kerja.instansi_id != ac.instansi.pk:
        b.kesalahan.append(_("Pegawai ini terdaftar di instansi lain."))
        return
    b.pegawai_id = pg.pk
    nama = d.get("nama", "")
    if "nama" not in d:
        pass
    elif not nama:
        b.kesalahan.append(_("Nama wajib diisi."))
    elif len(nama) > 150:
        b.kesalahan.append(_("Nama terlalu panjang (maksimal 150 karakter)."))
    elif nama != pg.nama:
        b.ubah["nama"] = nama
    for kolom, attr, maks in (("gelarDepan", "gelar_depan", 30), ("gelarBelakang", "gelar_belakang", 60)):
        if kolom in d and d[kolom][:maks] != getattr(pg, attr):
            b.ubah[attr] = d[kolom][:maks]
    gol_teks = d.get("golRuangAkhir") or fmt.GOLONGAN_DARI_ID.get(d.get("golRuangAkhirId", ""), "")
    if gol_teks:
        jenis = Golongan.Jenis.PPPK if pg.status == Pegawai.Status.PPPK else Golongan.Jenis.PNS
        gol = ac.golongan.get((jenis, gol_teks.lower()))
        if gol is None:
            b.kesalahan.append(_("Golongan '%(g)s' tidak dikenal.") % {"g": gol_teks})
        elif gol.pk != pg.golongan_id:
            b.ubah["golongan"] = gol
    unit = ac.unit(d) if (d.get("unorId") or d.get("unorNama")) else pg.unit_kerja
    if unit is None:
        b.kesalahan.append(_("Unit kerja '%(u)s' tidak ditemukan di instansi ini.")
                           % {"u": d.get("unorNama") or d.get("unorId")})
    jab_nama = d.get("jabatanNama", "")
    jabatan = ac.jabatan.get(jab_nama.lower()) if jab_nama else pg.jabatan
    if jab_nama and jabatan is None:
        b.kesalahan.append(_("Jabatan '%(j)s' tidak ditemukan.") % {"j": jab_nama})
    if unit is not None and jabatan is not None and (unit.pk != pg.unit_kerja_id or jabatan.pk != pg.jabatan_id):
        tmt = _tanggal(d["tmtJabatan"]) if d.get("tmtJabatan") else hari_ini
        if tmt is None:
            b.kesalahan.append(_("tmtJabatan '%(t)s' tidak valid (pakai YYYY-MM-DD).") % {"t": d["tmtJabatan"]})
        else:
            pindah = {"jenis": RiwayatJabatan.Jenis.MUTASI, "tmt": tmt, "unit": unit, "jabatan": jabatan,
                      "golongan": b.ubah.get("golongan")}
            try:
                pegawai_move_plan(pegawai=pg, hari_ini=hari_ini, **pindah)
            except ValidationError as exc:
                b.kesalahan.extend(exc.messages)
            else:
                b.pindah = pindah
                b.perubahan.append(_("Mutasi: %(u)s, %(j)s (TMT %(t)s)") % {
                    "u": unit.nama, "j": jabatan.nama, "t": tmt.isoformat()})
    for attr in b.ubah:
        b.perubahan.append({"nama": _("Nama"), "gelar_depan": _("Gelar depan"), "gelar_belakang": _("Gelar belakang"),
                            "golongan": _("Golongan")}[attr])


def periksa(data: bytes, nama: str, *, instansi: Instansi, hari_ini: date | None = None) -> HasilImpor:
    hari_ini = hari_ini or timezone.localdate()
    hasil = HasilImpor()
    rows = baca(data, nama)
    pilihan = _dedup(rows, hasil)
    ac = _Acuan(instansi, [d.get("nipBaru", "") for _n, d, _g in pilihan])
    dilihat: dict[str, int] = {}
    for n, d, diganti in pilihan:
        b = BarisImpor(baris=n, nip=d.get("nipBaru", ""), data=d, diganti=diganti)
        if b.nip in dilihat:
            b.kesalahan.append(_("NIP ganda di berkas (sudah ada di baris %(b)d).") % {"b": dilihat[b.nip]})
        else:
            dilihat[b.nip] = n
            _cek(b, ac, hari_ini)
        hasil.baris.append(b)
    return hasil


@transaction.atomic
def impor(data: bytes, nama: str, *, instansi: Instansi, oleh, hari_ini: date | None = None) -> HasilImpor:
    """Check every row again; when all are valid apply them in one transaction (all or nothing)."""
    hasil = periksa(data, nama, instansi=instansi, hari_ini=hari_ini)
    if not hasil.ok:
        return hasil
    for b in hasil.baris:
        pg = Pegawai.objects.get(pk=b.pegawai_id)
        if b.ubah:
            for attr, v in b.ubah.items():
                setattr(pg, attr, v)
            pg.save(update_fields=list(b.ubah))
            hasil.diubah += 1
        if b.pindah is not None:
            pegawai_move(pegawai=pg, oleh=oleh, hari_ini=hari_ini, **b.pindah)
            hasil.dipindah += 1
        pns_id, unor_id = b.data.get("pnsId", ""), b.data.get("unorId", "")
        if pns_id or unor_id:
            PegawaiSiasn.objects.update_or_create(pegawai=pg, defaults={"pns_id": pns_id[:42], "unor_id": unor_id[:42]})
    audit_log(aktor=oleh, aksi="siasn.diimpor", objek=instansi, data={
        "berkas": nama[:100], "baris": len(hasil.baris), "diubah": hasil.diubah, "dipindah": hasil.dipindah})
    mulai_ulang_instansi(instansi)  # NIPs, names and SIASN ids changed: the stored reports are recomputed
    return hasil
