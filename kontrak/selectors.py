"""Reads for the HR pages of perjanjian kerja: per pegawai, ending soon with the renewal recommendation,
and whether the instansi's periods give a PPPK Paruh Waktu its quarterly and annual evaluation."""
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, QuerySet

from notifikasi.pesan import nama_periode
from pegawai.models import Pegawai
from pegawai.nip import STATUS_PPPK
from penilaian.evaluasi.selectors import predikat_tahunan
from penilaian.models import Penilaian, Periode
from penilaian.predikat import Predikat

from .models import PerjanjianKerja
from .rules import Saran, rekomendasi

HARI_BAWAAN, HARI_MAKS = 90, 730


def perjanjian_of(pegawai: Pegawai) -> QuerySet[PerjanjianKerja]:
    return PerjanjianKerja.objects.filter(pegawai=pegawai).select_related("dibuat_oleh").order_by("-tanggal_mulai")


def berakhir_dalam(pegawai_qs: QuerySet[Pegawai], *, hari: int, hari_ini: date) -> QuerySet[PerjanjianKerja]:
    """Contracts in force of ``pegawai_qs`` ending within ``hari`` days from ``hari_ini`` (soonest first);
    ``sudah_diperpanjang``: a later contract is already recorded."""
    lanjutan = PerjanjianKerja.objects.berlaku().filter(pegawai=OuterRef("pegawai"),
                                                       tanggal_mulai__gt=OuterRef("tanggal_selesai"))
    return (
        PerjanjianKerja.objects.berlaku()
        .filter(pegawai__in=pegawai_qs.values("pk"), tanggal_selesai__gte=hari_ini,
                tanggal_selesai__lte=hari_ini + timedelta(days=hari))
        .select_related("pegawai__unit_kerja", "pegawai__jabatan")
        .annotate(sudah_diperpanjang=Exists(lanjutan))
        .order_by("tanggal_selesai", "pegawai__nama", "pk")
    )


def tanpa_kontrak(pegawai_qs: QuerySet[Pegawai], *, hari_ini: date) -> QuerySet[Pegawai]:
    """Active PPPK / PPPK PW of ``pegawai_qs`` with no contract in force on ``hari_ini`` (HR must record one)."""
    berlaku = PerjanjianKerja.objects.pada(hari_ini).filter(pegawai=OuterRef("pk"))
    # Only the unit is shown: the six joins of ``with_relations`` cost more to plan than the page to read.
    return (pegawai_qs.filter(status__in=STATUS_PPPK, aktif=True).exclude(Exists(berlaku))
            .select_related(None).select_related("unit_kerja").order_by("nama", "pk"))


@dataclass
class BarisRekomendasi:
    perjanjian: PerjanjianKerja
    tahunan: Predikat | None
    tahun_tahunan: int | None
    triwulan: list[tuple[str, Predikat]] = field(default_factory=list)
    saran: Saran | None = None


def _triwulan(kontrak: list[PerjanjianKerja]) -> dict[int, list[tuple[str, Predikat]]]:
    """Final quarterly predikat inside each contract, in date order: {perjanjian pk: [(periode, predikat)]}."""
    rows = (
        Penilaian.objects.filter(skp__pegawai_id__in={k.pegawai_id for k in kontrak},
                                 periode__jenis=Periode.Jenis.TRIWULANAN, status__in=Penilaian.SELESAI)
        .exclude(predikat="")
        .order_by("periode__tanggal_mulai", "pk")
        .values_list("skp__pegawai_id", "periode__nama", "periode__tahun", "periode__tanggal_selesai", "predikat")
    )
    per_pegawai: dict[int, list[PerjanjianKerja]] = {}
    for k in kontrak:
        per_pegawai.setdefault(k.pegawai_id, []).append(k)
    hasil: dict[int, list[tuple[str, Predikat]]] = {k.pk: [] for k in kontrak}
    for pid, nama, tahun, selesai, predikat in rows:
        for k in per_pegawai.get(pid, []):
            # A quarter belongs to the contract its last day falls in.
            if k.tanggal_mulai <= selesai <= k.tanggal_selesai:
                hasil[k.pk].append((f"{nama_periode(nama)} {tahun}", Predikat(predikat)))
    return hasil


def rekomendasi_rows(kontrak: list[PerjanjianKerja]) -> list[BarisRekomendasi]:
    """One row per contract with its annual predikat (``predikat_tahunan``: the latest year inside the
    contract), its quarterly predikat and the recommendation of ``rules.rekomendasi``; two queries."""
    if not kontrak:
        return []
    tahunan = predikat_tahunan({k.pegawai_id for k in kontrak})
    triwulan = _triwulan(kontrak)
    rows = []
    for k in kontrak:
        per_tahun = tahunan.get(k.pegawai_id, {})
        tahun = max((t for t in per_tahun if k.tanggal_mulai.year <= t <= k.tanggal_selesai.year), default=None)
        p = per_tahun.get(tahun) if tahun else None
        tw = triwulan.get(k.pk, [])
        rows.append(BarisRekomendasi(k, p, tahun, tw, rekomendasi(k.pegawai.status, p, [x[1] for x in tw])))
    return rows


def periode_pppk_pw_kurang(instansi_id: int, tahun: int) -> list[str]:
    """What the instansi's period set of ``tahun`` lacks for a PPPK Paruh Waktu (domain.md §11.1: evaluation
    triwulan and tahunan). PPPK PW are evaluated in the instansi's periods like everyone (each SKP gets the
    periods overlapping its dates), so the set must hold the four quarters and the Akhir period."""
    jenis = list(Periode.objects.filter(instansi_id=instansi_id, tahun=tahun).values_list("jenis", flat=True))
    kurang = []
    if jenis.count(Periode.Jenis.TRIWULANAN) < 4:
        kurang.append(str(Periode.Jenis.TRIWULANAN.label))
    if Periode.Jenis.TAHUNAN not in jenis:
        kurang.append(str(Periode.Jenis.TAHUNAN.label))
    return kurang
