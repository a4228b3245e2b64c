"""Kinerja's results in SIASN's shape (``siasn.format``), with the validation report before an export.

- **skp22** (one row per pegawai and year): the Akhir evaluation of the pegawai's last SKP of the year in
  this instansi; the predikat is the annual one (``predikat_tahunan_map``, domain.md §11.2 rule 1), the
  ratings are that evaluation's, the penilai is read from its frozen snapshot (§11.2 rule 2) with
  ``status_asn`` (ASN / NON ASN; a Kepala Daerah has no NIP, §11.1).
- **kinerjaPeriodik** (one row per periodic evaluation): period, ratings and predikat, and for angka kredit
  the koefisien of the jenjang held in that SKP and the predikat's percentage (§5.1, §11.2 rule 3).

A row is exported only when nothing blocks it (``ALASAN``); every export stores each row's key and the
hash of its content, so a row whose content changed since (a keberatan decided, a penilai corrected) is
flagged for re-export. A fixed number of queries whatever the number of pegawai.
"""
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from pegawai.models import Instansi, Jabatan, Pegawai
from pegawai.nip import parse_nip
from penilaian.angka_kredit import KOEFISIEN, PERSEN
from penilaian.evaluasi.selectors import predikat_tahunan_map, skp_dinilai
from penilaian.models import Penilaian, Periode, Skp
from penilaian.predikat import Predikat, Rating

from . import format as fmt
from .models import EksporSiasn, EksporSiasnBaris, PegawaiSiasn

# What blocks a row, in the order the report lists them.
ALASAN = {
    "tanpa_akhir": _("Penilaian akhir tahun belum dibuat"),
    "belum_final": _("Penilaian belum final"),
    "keberatan": _("Keberatan belum diputus"),
    "nip_kosong": _("NIP pegawai tidak ada"),
    "nip_salah": _("NIP pegawai tidak valid"),
    "penilai": _("Pejabat penilai tidak tercatat"),
    "nip_penilai": _("NIP pejabat penilai (ASN) tidak tercatat"),
    "predikat_tahunan": _("Predikat tahunan belum ada"),
}

# Export state of a row that nothing blocks.
BARU, BERUBAH, SAMA = "baru", "berubah", "sama"
STATUS_EKSPOR = {
    BARU: _("Belum pernah diekspor"),
    BERUBAH: _("Berubah sejak ekspor terakhir: ekspor ulang"),
    SAMA: _("Sudah diekspor, tidak berubah"),
}


@dataclass
class Baris:
    kunci: str
    nip: str
    nama: str
    alasan: list[str] = field(default_factory=list)
    data: dict = field(default_factory=dict)
    hash: str = ""
    status_ekspor: str = ""

    @property
    def valid(self) -> bool:
        return not self.alasan

    @property
    def alasan_teks(self) -> list[str]:
        return [str(ALASAN[a]) for a in self.alasan]

    @property
    def status_ekspor_teks(self) -> str:
        return str(STATUS_EKSPOR.get(self.status_ekspor, ""))


@dataclass
class Laporan:
    jenis: str
    baris: list[Baris]

    @property
    def valid(self) -> list[Baris]:
        return [b for b in self.baris if b.valid]

    @property
    def terhalang(self) -> list[Baris]:
        return [b for b in self.baris if not b.valid]

    @property
    def per_alasan(self) -> list[tuple[str, str, int]]:
        """[(code, text, count)] for every reason that blocks at least one row, in ``ALASAN`` order."""
        hitung = Counter(a for b in self.baris for a in b.alasan)
        return [(kode, str(teks), hitung[kode]) for kode, teks in ALASAN.items() if hitung[kode]]

    @property
    def ekspor_ulang(self) -> list[Baris]:
        return [b for b in self.baris if b.status_ekspor == BERUBAH]

    @property
    def belum_diekspor(self) -> list[Baris]:
        return [b for b in self.baris if b.status_ekspor == BARU]


def hash_baris(data: dict) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _cek_nip(nip: str) -> str | None:
    if not (nip or "").strip():
        return "nip_kosong"
    try:
        parse_nip(nip)
    except ValidationError:
        return "nip_salah"
    return None


def _penilai(penilaian: Penilaian) -> tuple[dict, list[str]]:
    """The penilai block of a final evaluation's snapshot and what is missing in it."""
    penilai = (penilaian.snapshot or {}).get("penilai") or {}
    status = penilai.get("status_asn", fmt.STATUS_ASN) if penilai else fmt.STATUS_ASN
    alasan = []
    if not penilai.get("nama"):
        alasan.append("penilai")
    elif status == fmt.STATUS_ASN and not penilai.get("nip"):
        alasan.append("nip_penilai")
    nip = penilai.get("nip", "") if status == fmt.STATUS_ASN else ""
    return {
        "statusPenilai": fmt.STATUS_NON_ASN if status != fmt.STATUS_ASN else fmt.STATUS_ASN,
        "nip": nip or "", "nama": penilai.get("nama", ""),
        "golongan": fmt.golongan_id(penilai.get("pangkat_golongan", "")),
        "jabatan": penilai.get("jabatan", ""), "unit": penilai.get("unit", ""),
    }, alasan


def _rating(value: str) -> tuple[str, str]:
    try:
        return fmt.RATING[Rating(value)]
    except ValueError:
        return "", ""


def _predikat(value) -> tuple[str, str]:
    try:
        return fmt.PREDIKAT[Predikat(value)]
    except ValueError:
        return "", ""


def _blokir_status(penilaian: Penilaian) -> list[str]:
    if penilaian.status == Penilaian.Status.KEBERATAN:
        return ["keberatan"]
    if penilaian.status not in Penilaian.SELESAI:
        return ["belum_final"]
    return []


def _pns_id(pegawai_ids) -> dict[int, str]:
    return dict(PegawaiSiasn.objects.filter(pegawai_id__in=pegawai_ids).values_list("pegawai_id", "pns_id"))


def _terakhir_diekspor(instansi: Instansi, tahun: int, jenis: str) -> dict[str, str]:
    """Row key → hash of its latest export (one query)."""
    rows = EksporSiasnBaris.objects.filter(
        ekspor__instansi=instansi, ekspor__tahun=tahun, ekspor__jenis=jenis).order_by(
        "ekspor__dibuat_pada", "ekspor_id").values_list("kunci", "hash")
    return dict(rows)  # a later export overwrites an earlier one


def _tandai(baris: list[Baris], instansi: Instansi, tahun: int, jenis: str) -> None:
    lama = _terakhir_diekspor(instansi, tahun, jenis)
    for b in baris:
        if b.valid:
            b.hash = hash_baris(b.data)
            b.status_ekspor = BARU if b.kunci not in lama else (SAMA if lama[b.kunci] == b.hash else BERUBAH)


def _akhir_terakhir(instansi: Instansi, tahun: int):
    """The Akhir evaluation of each pegawai's last SKP of the year in ``instansi`` (§11.2 rule 1)."""
    sesudahnya = Skp.objects.filter(pegawai_id=OuterRef("skp__pegawai_id"), tahun=tahun).filter(
        Q(tanggal_selesai__gt=OuterRef("skp__tanggal_selesai"))
        | Q(tanggal_selesai=OuterRef("skp__tanggal_selesai"), pk__gt=OuterRef("skp_id")))
    return (Penilaian.objects.filter(periode__instansi=instansi, periode__tahun=tahun,
                                     periode__jenis=Periode.Jenis.TAHUNAN)
            .exclude(Exists(sesudahnya)).select_related("skp__pegawai", "periode")
            .order_by("skp__pegawai__nama", "skp__pegawai_id", "pk"))


class _Akhir(SimpleNamespace):
    """One row of ``_akhir_rows``: what the skp22 row needs of an evaluation, read as plain values (a year of
    an instansi is tens of thousands of evaluations; four model instances each cost seconds)."""


def _akhir_rows(instansi: Instansi, tahun: int) -> list[_Akhir]:
    rows = _akhir_terakhir(instansi, tahun).values(
        "status", "rating_hasil", "rating_perilaku", pegawai_id=F("skp__pegawai_id"), nip=F("skp__pegawai__nip"),
        nama=F("skp__pegawai__nama"), gelar_depan=F("skp__pegawai__gelar_depan"),
        gelar_belakang=F("skp__pegawai__gelar_belakang"), snap_penilai=F("snapshot__penilai"))
    return [_Akhir(**r, snapshot={"penilai": r["snap_penilai"]}) for r in rows]


def _nama_lengkap(r) -> str:
    nama = f"{r.gelar_depan} {r.nama}".strip()  # as Pegawai.nama_lengkap
    return f"{nama}, {r.gelar_belakang}" if r.gelar_belakang else nama


def laporan_skp22(instansi: Instansi, tahun: int) -> Laporan:
    akhir = _akhir_rows(instansi, tahun)
    ada = {p.pegawai_id for p in akhir}
    tanpa = (Pegawai.objects.filter(skp__in=skp_dinilai(Skp.objects.filter(tahun=tahun,
                                                                            unit_kerja__instansi=instansi)))
             .exclude(Exists(_akhir_terakhir(instansi, tahun).filter(skp__pegawai_id=OuterRef("pk"))))
             .distinct().order_by("nama", "pk").only("pk", "nip", "nama", "gelar_depan", "gelar_belakang"))
    # By a subquery (the year's Akhir evaluations of the instansi cover every row), not an IN list of
    # tens of thousands of ids; a pegawai listed there without a row here is never looked up.
    pegawai_akhir = Penilaian.objects.filter(periode__instansi=instansi, periode__tahun=tahun,
                                             periode__jenis=Periode.Jenis.TAHUNAN).values("skp__pegawai_id")
    predikat = predikat_tahunan_map(pegawai_akhir, tahun) if ada else {}
    pns = _pns_id(pegawai_akhir)
    baris = []
    for p in akhir:
        b = Baris(kunci=f"{p.nip}/{tahun}", nip=p.nip, nama=_nama_lengkap(p))
        status = _blokir_status(p)
        b.alasan = list(status)
        if (a := _cek_nip(p.nip)) is not None:
            b.alasan.append(a)
        if not status:  # only a final evaluation has a snapshot to check
            penilai, kurang = _penilai(p)
            b.alasan.extend(kurang)
            pred = predikat.get(p.pegawai_id)
            if pred is None:
                b.alasan.append("predikat_tahunan")
            hasil, perilaku, kuadran = _rating(p.rating_hasil), _rating(p.rating_perilaku), _predikat(pred or "")
            b.data = {
                "pnsDinilaiId": pns.get(p.pegawai_id, ""), "nipBaru": p.nip, "nama": b.nama, "tahun": str(tahun),
                "hasilKinerja": hasil[0], "hasilKinerjaNilai": hasil[1],
                "perilakuKerja": perilaku[0], "PerilakuKerjaNilai": perilaku[1],
                "kuadranKinerja": kuadran[0], "KuadranKinerjaNilai": kuadran[1],
                "statusPenilai": penilai["statusPenilai"], "nipNrpPenilai": penilai["nip"],
                "namaPenilai": penilai["nama"], "penilaiGolonganId": penilai["golongan"],
                "penilaiJabatanNm": penilai["jabatan"], "penilaiUnorNm": penilai["unit"],
            }
        baris.append(b)
    for pg in tanpa:
        baris.append(Baris(kunci=f"{pg.nip}/{tahun}", nip=pg.nip, nama=pg.nama_lengkap, alasan=["tanpa_akhir"]))
    _tandai(baris, instansi, tahun, EksporSiasn.Jenis.SKP22)
    return Laporan(EksporSiasn.Jenis.SKP22, baris)


def _koefisien(jenis: str | None, jenjang: str | None) -> str:
    """The angka kredit koefisien of a jabatan fungsional's jenjang (§5.1); empty for any other jabatan."""
    if jenis != Jabatan.Jenis.FUNGSIONAL:
        return ""
    k = KOEFISIEN.get(jenjang)
    return f"{k.normalize():f}" if k is not None else ""


def _persentase(predikat: str) -> str:
    try:
        return f"{(PERSEN[Predikat(predikat)] * 100).normalize():f}"
    except ValueError:
        return ""


def _periodik_rows(instansi: Instansi, tahun: int) -> list[_Akhir]:
    """The year's periodic evaluations as plain values (as ``_akhir_rows``: no model instances)."""
    rows = (Penilaian.objects.filter(periode__instansi=instansi, periode__tahun=tahun)
            .exclude(periode__jenis=Periode.Jenis.TAHUNAN)
            .order_by("skp__pegawai__nama", "skp__pegawai_id", "periode__tanggal_mulai", "pk")
            .values("status", "rating_hasil", "rating_perilaku", "predikat", "skp_id", "periode_id",
                    pegawai_id=F("skp__pegawai_id"), nip=F("skp__pegawai__nip"), nama=F("skp__pegawai__nama"),
                    gelar_depan=F("skp__pegawai__gelar_depan"), gelar_belakang=F("skp__pegawai__gelar_belakang"),
                    jabatan_nama=F("skp__jabatan__nama"), jabatan_jenis=F("skp__jabatan__jenis"),
                    jabatan_jenjang=F("skp__jabatan__jenjang"), unit_nama=F("skp__unit_kerja__nama"),
                    periode_nama=F("periode__nama"), mulai=F("periode__tanggal_mulai"),
                    selesai=F("periode__tanggal_selesai"), snap_penilai=F("snapshot__penilai"),
                    snap_pegawai=F("snapshot__pegawai")))
    return [_Akhir(**r, snapshot={"penilai": r["snap_penilai"]}) for r in rows]


def laporan_periodik(instansi: Instansi, tahun: int) -> Laporan:
    rows = _periodik_rows(instansi, tahun)
    # The SIASN ids by a subquery (every row's pegawai has one of these evaluations), not an IN list.
    pns = _pns_id(Penilaian.objects.filter(periode__instansi=instansi, periode__tahun=tahun)
                  .exclude(periode__jenis=Periode.Jenis.TAHUNAN).values("skp__pegawai_id"))
    baris, nip_cek = [], {}
    for p in rows:
        nama = _nama_lengkap(p)
        b = Baris(kunci=f"{p.nip}/{p.periode_id}/{p.skp_id}", nip=p.nip, nama=nama)
        status = _blokir_status(p)
        b.alasan = list(status)
        if p.nip not in nip_cek:  # a pegawai has several periods: each NIP is checked once
            nip_cek[p.nip] = _cek_nip(p.nip)
        if (a := nip_cek[p.nip]) is not None:
            b.alasan.append(a)
        if not status:
            penilai, kurang = _penilai(p)
            b.alasan.extend(kurang)
            dinilai = p.snap_pegawai or {}
            hasil, perilaku, kuadran = _rating(p.rating_hasil), _rating(p.rating_perilaku), _predikat(p.predikat)
            b.data = {
                "pnsDinilaiId": pns.get(p.pegawai_id, ""), "nip": p.nip, "nama": nama, "tahun": str(tahun),
                "periodikNama": p.periode_nama, "periodeAwal": p.mulai.isoformat(),
                "periodeAkhir": p.selesai.isoformat(),
                "jabatan": dinilai.get("jabatan") or p.jabatan_nama or "",
                "unorNama": dinilai.get("unit") or p.unit_nama or "", "instansiNama": instansi.nama,
                "hasilKinerja": hasil[0], "hasilKinerjaNilai": hasil[1],
                "perilakuKerja": perilaku[0], "perilakuKerjaNilai": perilaku[1],
                "kuadranKinerjaNilai": kuadran[0], "kuadranNilai": kuadran[1],
                "koefisenId": _koefisien(p.jabatan_jenis, p.jabatan_jenjang),
                "persentase": _persentase(p.predikat),
                "statusPenilai": penilai["statusPenilai"], "penilaiNipNrp": penilai["nip"],
                "namaPenilai": penilai["nama"], "penilaiGolonganId": penilai["golongan"],
                "penilaiJabatanNama": penilai["jabatan"], "penilaiUnorNm": penilai["unit"],
            }
        baris.append(b)
    _tandai(baris, instansi, tahun, EksporSiasn.Jenis.PERIODIK)
    return Laporan(EksporSiasn.Jenis.PERIODIK, baris)


LAPORAN = {EksporSiasn.Jenis.SKP22: laporan_skp22, EksporSiasn.Jenis.PERIODIK: laporan_periodik}


def laporan(instansi: Instansi, tahun: int, jenis: str) -> Laporan:
    return LAPORAN[jenis](instansi, tahun)
