"""Reads for SKP pages, each in a fixed number of queries (style.md §2.4)."""
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Exists,
    OuterRef,
    Prefetch,
    QuerySet,
    Value,
    When,
)

from pegawai.models import Pegawai, UnitKerja

from ..models import (
    EkspektasiPerilaku,
    IndikatorKinerja,
    PerilakuKerja,
    RencanaHasilKerja,
    Skp,
    SkpVersi,
)

# Utama before tambahan (domain.md §1.3: A. UTAMA, B. TAMBAHAN); alphabetical order would invert them.
JENIS_URUT = Case(When(jenis=RencanaHasilKerja.Jenis.UTAMA, then=Value(0)), default=Value(1))


def rhk_of(skp: Skp) -> QuerySet[RencanaHasilKerja]:
    return skp.rhk.select_related("induk", "induk__skp__pegawai").prefetch_related(
        Prefetch("iki", queryset=IndikatorKinerja.objects.order_by("urutan", "pk"))
    ).order_by(JENIS_URUT, "urutan", "pk")


def perilaku_with_ekspektasi(skp: Skp) -> list[PerilakuKerja]:
    """The 7 BerAKHLAK values with indicators; ``.ekspektasi`` set from this SKP (domain.md §2)."""
    teks = dict(EkspektasiPerilaku.objects.filter(skp=skp).values_list("perilaku_id", "teks"))
    values = list(PerilakuKerja.objects.prefetch_related("indikator", "frasa_ekspektasi"))
    for p in values:
        p.ekspektasi = teks.get(p.pk, "")
        p.frasa_aktif = [f for f in p.frasa_ekspektasi.all() if f.aktif]
    return values


def induk_choices(skp: Skp) -> QuerySet[RencanaHasilKerja]:
    """RHK the owner may pick as intervened: those of the penilai's SKPs of the same year (§1.4)."""
    if skp.is_jpt or skp.pejabat_penilai_id is None:
        return RencanaHasilKerja.objects.none()
    return RencanaHasilKerja.objects.filter(
        skp__pegawai_id=skp.pejabat_penilai_id, skp__tahun=skp.tahun
    ).select_related("skp").order_by("skp__tanggal_mulai", JENIS_URUT, "urutan")


def last_versi(skp: Skp) -> SkpVersi | None:
    return skp.versi_disetujui.select_related("disetujui_oleh").order_by("-versi").first()


# --- Matriks peran hasil (domain.md §1.4) ---------------------------------------------------------

@dataclass
class BarisMatriks:
    pegawai: Pegawai
    sel: list[list[RencanaHasilKerja]]  # one list per column (my RHK), subordinate RHK intervening it
    lepas: list[RencanaHasilKerja]  # subordinate RHK without a link to mine


@dataclass
class Matriks:
    kolom: list[RencanaHasilKerja]
    baris: list[BarisMatriks]
    tanpa_dukungan: list[RencanaHasilKerja]


def matriks_peran_hasil(
    me: Pegawai, bawahan: QuerySet[Pegawai], tahun: int, *, people: list[Pegawai] | None = None
) -> Matriks:
    """Columns: my RHK of ``tahun``; rows: my subordinates (``people``: one page of them, else all);
    cells: their RHK that intervene mine. Whether a column has support is asked of all subordinates."""
    didukung = RencanaHasilKerja.objects.filter(
        induk=OuterRef("pk"), skp__pegawai__in=bawahan.values("pk"), skp__tahun=tahun
    )
    kolom = list(
        RencanaHasilKerja.objects.filter(skp__pegawai=me, skp__tahun=tahun)
        .annotate(didukung=Exists(didukung))
        .order_by("skp__tanggal_mulai", JENIS_URUT, "urutan")
    )
    if people is None:
        people = list(bawahan.select_related("jabatan").order_by("nama"))
    sub = RencanaHasilKerja.objects.filter(skp__pegawai__in=[p.pk for p in people], skp__tahun=tahun).select_related(
        "skp"
    )
    per = defaultdict(list)
    for r in sub:
        per[r.skp.pegawai_id].append(r)
    idx = {r.pk: i for i, r in enumerate(kolom)}
    baris = []
    for p in people:
        sel, lepas = [[] for _ in kolom], []
        for r in per[p.pk]:
            if r.induk_id in idx:
                sel[idx[r.induk_id]].append(r)
            else:
                lepas.append(r)
        baris.append(BarisMatriks(pegawai=p, sel=sel, lepas=lepas))
    return Matriks(kolom=kolom, baris=baris, tanpa_dukungan=[r for r in kolom if not r.didukung])


# --- Monitoring HR ------------------------------------------------------------------------------


@dataclass
class BarisUnit:
    unit: UnitKerja
    pegawai: int = 0
    tanpa_skp: int = 0
    status: dict = field(default_factory=dict)


def pegawai_tanpa_skp(pegawai_qs: QuerySet[Pegawai], tahun: int) -> QuerySet[Pegawai]:
    return pegawai_qs.filter(aktif=True).exclude(Exists(Skp.objects.filter(pegawai=OuterRef("pk"), tahun=tahun)))


def monitoring_per_unit(units: list[UnitKerja], tahun: int, *, segar: bool = True) -> list[BarisUnit]:
    """Per unit: pegawai aktif, those without an SKP for ``tahun`` and SKP counts by status, from the
    summary rows (``penilaian.ringkasan``, the same numbers as counting the tables)."""
    from ..ringkasan import KOLOM_SKP, skp_per_unit

    rows = skp_per_unit(units, tahun, segar=segar)
    hasil = []
    for u in units:
        r = rows.get(u.pk)
        hasil.append(BarisUnit(unit=u, pegawai=r.pegawai_aktif if r else 0, tanpa_skp=r.tanpa_skp if r else 0,
                               status={s: getattr(r, kolom) if r else 0 for s, kolom in KOLOM_SKP.items()}))
    return hasil
