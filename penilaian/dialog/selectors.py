"""Reads of the performance dialogue; every list is scoped through ``dialog.access``."""
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.utils import timezone

from pegawai.access import peran
from penilaian.access import skp_to_approve
from penilaian.models import (
    Bimbingan,
    CheckIn,
    Penilaian,
    PerilakuKerja,
    Periode,
    RencanaHasilKerja,
    TanggapanUmpanBalik,
    UmpanBalikEntri,
)
from penilaian.tindak_lanjut import PREDIKAT_PERBAIKAN

from .access import bimbingan_visible_to, checkin_visible_to


@dataclass
class LogSasaran:
    """The feedback log of one target, newest first; ``entri[0]`` is the current feedback."""

    kunci: str
    label: str
    jenis: str  # "rhk" | "perilaku"
    entri: list = field(default_factory=list)


def target_choices(penilaian: Penilaian) -> list[tuple[str, str]]:
    """Targets of a feedback entry: each RHK, each of its IKI, each BerAKHLAK value."""
    pilihan = []
    for rhk in RencanaHasilKerja.objects.filter(skp=penilaian.skp_id).prefetch_related("iki").order_by("urutan", "pk"):
        pilihan.append((f"rhk-{rhk.pk}", f"RHK: {rhk.teks[:90]}"))
        pilihan.extend((f"iki-{i.pk}", f"— IKI: {i.teks[:90]}") for i in rhk.iki.all())
    pilihan.extend((f"perilaku-{p.pk}", str(p)) for p in PerilakuKerja.objects.order_by("urutan"))
    return pilihan


def log_umpan_balik(penilaian: Penilaian) -> list[LogSasaran]:
    """Every entry of the evaluation grouped per target (RHK first, then values), in three queries."""
    entri = list(
        UmpanBalikEntri.objects.filter(penilaian=penilaian)
        .select_related("oleh", "iki", "rhk", "perilaku")
        .prefetch_related(Prefetch("tanggapan", queryset=TanggapanUmpanBalik.objects.select_related("oleh")))
        .annotate(direvisi=Exists(UmpanBalikEntri.objects.filter(revisi_dari=OuterRef("pk"))))
        .order_by("-dibuat_pada", "-pk")
    )
    grup: dict[str, LogSasaran] = {}
    for e in entri:
        if e.target_kunci not in grup:
            label, jenis = (e.rhk.teks, "rhk") if e.rhk_id else (str(e.perilaku), "perilaku")
            grup[e.target_kunci] = LogSasaran(e.target_kunci, label, jenis)
        grup[e.target_kunci].entri.append(e)
    urut = {k: i for i, (k, _l) in enumerate(target_choices(penilaian))}
    return sorted(grup.values(), key=lambda g: urut.get(g.kunci, 9999))


def checkin_of(penilaian: Penilaian) -> list[CheckIn]:
    return list(CheckIn.objects.filter(penilaian=penilaian).prefetch_related("aksi").order_by("-jadwal"))


def bimbingan_of_skp(skp_id: int) -> list[Bimbingan]:
    return list(Bimbingan.objects.filter(skp_id=skp_id).select_related("pembimbing").order_by("-tanggal"))


def checkin_upcoming(user) -> QuerySet[CheckIn]:
    return checkin_visible_to(user).filter(status=CheckIn.Status.DIJADWALKAN,
                                           jadwal__gte=timezone.now() - timedelta(days=1)).order_by("jadwal")


def bimbingan_list(user) -> QuerySet[Bimbingan]:
    return bimbingan_visible_to(user).order_by("-tanggal", "-pk")


def usulan_bimbingan(user) -> QuerySet[Penilaian]:
    """Final annual evaluations with Butuh Perbaikan or lower (domain.md §5.2, §3.4) of SKPs the user
    appraises, for which no bimbingan has been planned yet: each proposes a session."""
    return (
        Penilaian.objects.filter(skp__in=skp_to_approve(user).values("pk"), periode__jenis=Periode.Jenis.TAHUNAN,
                                 status__in=Penilaian.SELESAI, predikat__in=PREDIKAT_PERBAIKAN)
        .exclude(Exists(Bimbingan.objects.filter(penilaian_asal=OuterRef("pk"))))
        .select_related("skp", "skp__pegawai", "periode").order_by("-periode__tahun", "skp__pegawai__nama")
    )


def umpan_balik_tim(user) -> QuerySet[Penilaian]:
    """The evaluations of the running periods the user appraises and may still give feedback on: one
    row per subordinate, the way into their feedback log (domain.md §1.1 stage 2)."""
    today = timezone.localdate()
    return (
        Penilaian.objects.filter(skp__in=skp_to_approve(user).values("pk"),
                                 status__in=Penilaian.status_untuk("feedback"),
                                 periode__tanggal_mulai__lte=today, periode__batas_pengisian__gte=today)
        .select_related("skp__pegawai", "periode").order_by("skp__pegawai__nama", "periode__tanggal_mulai")
    )


def menunggu_tanggapan(user) -> QuerySet[UmpanBalikEntri]:
    """Feedback to the user that asks for a response and has none yet (newest first)."""
    me = peran(user).pegawai
    if me is None:
        return UmpanBalikEntri.objects.none()
    return (UmpanBalikEntri.objects.filter(penilaian__skp__pegawai=me, minta_tanggapan=True)
            .exclude(Exists(TanggapanUmpanBalik.objects.filter(entri=OuterRef("pk"))))
            .select_related("penilaian__periode", "oleh", "rhk", "perilaku").order_by("-dibuat_pada"))
