"""Reads for the konversi predikat kinerja → angka kredit **per SKP period** (domain.md §5.1, §11.1,
§11.2 rules 1 and 3). The formula is pure, in ``penilaian/angka_kredit.py``; this module only decides
which SKP periods, predikat and jenjang go into it. A fixed number of queries per pegawai.

- **Periods**: every SKP of the pegawai that can be evaluated (approved, or with evaluations), one row
  each, with the months of ``angka_kredit.bulan_periode``.
- **Jenjang**: of the jabatan held in that SKP (``Skp.jabatan``; for an old row without it, the jabatan
  named in its frozen snapshot), never the pegawai's current jabatan (§11.2 rule 2). A period outside a
  jabatan fungsional earns no AK (shown without a koefisien).
- **Predikat of a period** (§11.2 rule 3): that SKP's own final Akhir (annual) evaluation; without one
  yet, its latest final periodic evaluation. For the year's last SKP this is the annual predikat (§11.2
  rule 1), which the page and the document also show (``predikat_tahunan``).
- **Year**: the sum of its rows; **cumulative**: the running sum over the years listed (TABEL AKUMULASI).
"""
from dataclasses import dataclass, field
from decimal import Decimal

from pegawai.models import Jabatan, Pegawai

from .angka_kredit import BarisAk, PeriodeAk, akumulasi, baris_ak, total_ak
from .evaluasi.selectors import predikat_tahunan, skp_dinilai
from .models import Penilaian, Skp
from .predikat import Predikat


@dataclass
class PeriodeKonversi:
    skp: Skp
    jabatan: Jabatan | None  # held in this SKP period
    penilaian: Penilaian | None  # whose predikat counts for the period
    baris: BarisAk


@dataclass
class KonversiTahun:
    tahun: int
    periode: list[PeriodeKonversi] = field(default_factory=list)
    total: Decimal = Decimal("0.00")
    kumulatif: Decimal = Decimal("0.00")
    predikat_tahunan: Predikat | None = None

    @property
    def skp_terakhir(self) -> Skp | None:
        return self.periode[-1].skp if self.periode else None


def predikat_per_skp(skps: list[Skp]) -> dict[int, Penilaian]:
    """SKP id → the final evaluation whose predikat counts for its period (§11.2 rule 3)."""
    rows = (Penilaian.objects.filter(skp__in=skps, status__in=Penilaian.SELESAI).exclude(predikat="")
            .select_related("periode", "penilai").order_by("periode__tanggal_selesai", "pk"))
    hasil: dict[int, Penilaian] = {}
    for p in rows:
        lama = hasil.get(p.skp_id)
        # The Akhir evaluation wins; otherwise the latest final one (rows come in date order).
        if lama is None or p.periode.is_tahunan or not lama.periode.is_tahunan:
            hasil[p.skp_id] = p
    return hasil


def _jabatan_per_skp(skps: list[Skp]) -> dict[int, Jabatan | None]:
    nama = {s.pk: (s.snapshot or {}).get("pegawai", {}).get("jabatan") for s in skps if s.jabatan_id is None}
    menurut_nama = Jabatan.objects.in_bulk([n for n in nama.values() if n], field_name="nama") if any(
        nama.values()) else {}
    return {s.pk: s.jabatan if s.jabatan_id else menurut_nama.get(nama.get(s.pk)) for s in skps}


def konversi_pegawai(pegawai: Pegawai, *, tahunan: dict | None = None) -> list[KonversiTahun]:
    """Every year with a period in a jabatan fungsional, oldest first (at most 5 queries; 4 when the
    caller passes the pegawai's ``predikat_tahunan`` as ``tahunan``)."""
    skps = list(skp_dinilai(Skp.objects.filter(pegawai=pegawai)).select_related("jabatan", "unit_kerja")
                .order_by("tanggal_mulai", "pk"))
    if not skps:
        return []
    penentu = predikat_per_skp(skps)
    jabatan = _jabatan_per_skp(skps)
    if tahunan is None:
        tahunan = predikat_tahunan([pegawai.pk]).get(pegawai.pk, {})
    per_tahun: dict[int, KonversiTahun] = {}
    for s in skps:
        p, j = penentu.get(s.pk), jabatan[s.pk]
        jenjang = j.jenjang if j is not None and j.jenis == Jabatan.Jenis.FUNGSIONAL else ""
        baris = baris_ak(PeriodeAk(s.tanggal_mulai, s.tanggal_selesai, p.predikat if p else "", jenjang))
        kt = per_tahun.setdefault(s.tahun, KonversiTahun(s.tahun, predikat_tahunan=tahunan.get(s.tahun)))
        kt.periode.append(PeriodeKonversi(s, j, p, baris))
    hasil = [kt for _th, kt in sorted(per_tahun.items()) if any(pk.baris.koefisien for pk in kt.periode)]
    for kt in hasil:
        kt.total = total_ak(pk.baris for pk in kt.periode)
    kumulatif = {th: k for th, _ak, k in akumulasi({kt.tahun: kt.total for kt in hasil})}
    for kt in hasil:
        kt.kumulatif = kumulatif[kt.tahun]
    return hasil


def konversi_tahun(pegawai: Pegawai, tahun: int) -> tuple[KonversiTahun | None, list[KonversiTahun]]:
    """The year's konversi and the years up to it (for the TABEL AKUMULASI)."""
    semua = [kt for kt in konversi_pegawai(pegawai) if kt.tahun <= tahun]
    ini = semua[-1] if semua and semua[-1].tahun == tahun else None
    return ini, semua
