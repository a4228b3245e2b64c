"""Reads for peer input, unit distribution, keberatan and follow-up (domain.md §3.5, §4, §5.2, §6).

Anonymity (§6): nothing here returns a MasukanRekan together with anything that identifies its
author; the aggregate exists only once released (see ``penilaian.models.rekan``) and from
``MIN_JAWABAN`` answers on.
"""
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404

from pegawai import access as pegawai_access
from pegawai.models import Pegawai, UnitKerja

from ..access import acting_for_ids, is_penilai_of, penilaian_visible_to
from ..evaluasi.selectors import akhir_skp_terakhir
from ..kurva import batas, pengecualian_unit_kecil, periksa_distribusi
from ..models import (
    CapaianOrganisasi,
    FinalisasiUnit,
    Keberatan,
    MasukanRekan,
    Penilaian,
    PerilakuKerja,
    RilisMasukanRekan,
    Skp,
    UndanganRekan,
)
from ..predikat import Predikat, Rating

MIN_JAWABAN = 3


# ---------------------------------------------------------------- peer input (§6)

@dataclass
class BarisAgregat:
    perilaku: PerilakuKerja
    jumlah: dict[str, int]  # Rating value → count

    @property
    def per_rating(self) -> list[tuple[str, str, int]]:
        return [(r.value, r.label, self.jumlah.get(r.value, 0)) for r in Rating]


@dataclass
class Agregat:
    jumlah_jawaban: int
    baris: list[BarisAgregat]
    komentar: list[str] = field(default_factory=list)


@dataclass
class StatusKohort:
    """What the supervisor/HR may know before release: how many invitations are done, not by whom."""

    jumlah_undangan: int
    jumlah_selesai: int
    rilis: RilisMasukanRekan | None

    @property
    def terkunci(self) -> bool:
        """The cohort is fixed from the first answer on: no more invitations."""
        return self.jumlah_selesai > 0 or self.rilis is not None

    @property
    def dirilis(self) -> bool:
        return self.rilis is not None


def status_kohort(penilaian: Penilaian) -> StatusKohort:
    n = penilaian.undangan_rekan.aggregate(total=Count("pk"), selesai=Count("pk", filter=Q(sudah_menjawab=True)))
    rilis = RilisMasukanRekan.objects.filter(penilaian=penilaian).first()
    return StatusKohort(n["total"], n["selesai"], rilis)


def agregat_masukan(penilaian: Penilaian) -> Agregat | None:
    """The released counts per rating per BerAKHLAK value and the comments (§6), else None.

    None before release and when fewer than 3 peers answered. The released answers never change,
    so every view shows the same aggregate. Comments come in the order of the answers' random ids,
    a shuffle fixed at release that says nothing about who answered when. A cohort that is due
    (deadline passed, evaluation final) is released here first, so no page waits for the periodic task.
    """
    rilis = RilisMasukanRekan.objects.filter(penilaian=penilaian).first()
    if rilis is None:
        if not (penilaian.is_final or penilaian.periode.terkunci()):
            return None  # a complete cohort is released by the task queued with its last answer
        if not penilaian.undangan_rekan.exists():
            return None
        from .services import masukan_rekan_release

        if not masukan_rekan_release(penilaian_id=penilaian.pk):
            return None
        rilis = RilisMasukanRekan.objects.get(penilaian=penilaian)
    if rilis.jumlah_jawaban < MIN_JAWABAN:
        return None
    rows = list(MasukanRekan.objects.filter(penilaian=penilaian).order_by("id").values_list("jawaban", "komentar"))
    counts: dict[str, Counter] = defaultdict(Counter)
    for jawaban, _komentar in rows:
        for kode, rating in (jawaban or {}).items():
            counts[kode][rating] += 1
    baris = [BarisAgregat(p, dict(counts[p.kode])) for p in PerilakuKerja.objects.order_by("urutan")]
    komentar = [k.strip() for _j, k in rows if k and k.strip()]
    return Agregat(len(rows), baris, komentar)


def undangan_for_rekan(pegawai: Pegawai) -> QuerySet[UndanganRekan]:
    """The peer's inbox: invitations addressed to them, open ones first; ``dirilis`` once released."""
    return (
        UndanganRekan.objects.filter(rekan=pegawai)
        .annotate(dirilis=Exists(RilisMasukanRekan.objects.filter(penilaian=OuterRef("penilaian"))))
        .select_related("penilaian__periode", "penilaian__skp__pegawai__jabatan", "penilaian__skp__pegawai__unit_kerja")
        .order_by("sudah_menjawab", "-penilaian__periode__batas_pengisian", "-pk")
    )


def undangan_terbuka(qs: QuerySet[UndanganRekan], hari_ini: date | None = None) -> QuerySet[UndanganRekan]:
    """The invitations of ``qs`` a peer can still answer (§6): not answered, cohort not released,
    evaluation not final and, given ``hari_ini``, its period's deadline not passed (as the inbox shows)."""
    qs = qs.filter(sudah_menjawab=False, penilaian__rilis_rekan__isnull=True).exclude(
        penilaian__status__in=Penilaian.SELESAI)
    return qs if hari_ini is None else qs.filter(penilaian__periode__batas_pengisian__gte=hari_ini)


def get_undangan_for(user, pk) -> UndanganRekan:
    me = pegawai_access.peran(user).pegawai
    if me is None:
        raise Http404
    try:
        return undangan_for_rekan(me).get(pk=pk)
    except (UndanganRekan.DoesNotExist, ValueError):
        raise Http404 from None


def can_manage_rekan(user, penilaian: Penilaian) -> bool:
    """Supervisor (acting) penilai of the appraisee, or HR of the instansi. Never the appraisee."""
    r = pegawai_access.peran(user)
    if r.pegawai is not None and penilaian.skp.pegawai_id == r.pegawai.pk:
        return False
    if r.is_admin or r.is_hr:
        return True
    return is_penilai_of(user, penilaian.skp)  # incl. the Plt/Plh of a vacant post (penilaian.pejabat)


def get_penilaian_rekan_for(user, pk) -> Penilaian:
    """An evaluation whose peer input the user manages; 404 for everyone else, the appraisee included."""
    try:
        obj = penilaian_visible_to(user).get(pk=pk)
    except (Penilaian.DoesNotExist, ValueError):
        raise Http404 from None
    if not can_manage_rekan(user, obj):
        raise Http404
    return obj


def penilaian_for_rekan_list(user) -> QuerySet[Penilaian]:
    """Evaluations (not yet closed) whose peer input the user manages, with invitation counts."""
    r = pegawai_access.peran(user)
    qs = penilaian_visible_to(user).exclude(status__in=Penilaian.SELESAI)
    if not (r.is_admin or r.is_hr):
        if r.pegawai is None:
            return qs.none()
        qs = qs.filter(skp__pejabat_penilai_id__in={r.pegawai.pk} | acting_for_ids(r.pegawai))
    if r.pegawai is not None:
        qs = qs.exclude(skp__pegawai=r.pegawai)
    # Counted per row of the page (correlated subqueries), not by a GROUP BY over the instansi's every
    # evaluation joined to its invitations, which spilled to disk at 50,000 pegawai.
    undangan = UndanganRekan.objects.filter(penilaian=OuterRef("pk")).order_by().values("penilaian")
    return qs.select_related("skp__pegawai__unit_kerja").annotate(
        n_undangan=Coalesce(Subquery(undangan.annotate(n=Count("pk")).values("n")), 0),
        n_jawab=Coalesce(Subquery(undangan.filter(sudah_menjawab=True).annotate(n=Count("pk")).values("n")), 0),
    ).order_by("-periode__tanggal_mulai", "skp__pegawai__nama")


# ---------------------------------------------------------------- keberatan (§3.5)

def atasan_penilai_of(penilaian: Penilaian) -> Pegawai | None:
    """The atasan pejabat penilai: recorded on the SKP, else the penilai's own atasan."""
    skp = penilaian.skp
    if skp.atasan_penilai_id:
        return skp.atasan_penilai
    if skp.atasan_penilai_non_asn_id:
        return None  # a non-ASN official (domain.md §11.1): HR of the instansi records their decision
    penilai = penilaian.penilai or skp.pejabat_penilai
    return penilai.atasan if penilai else None


def keberatan_visible_to(user) -> QuerySet[Keberatan]:
    """Keberatan the user may open: on evaluations in scope, or addressed to them as pemutus."""
    r = pegawai_access.peran(user)
    qs = Keberatan.objects.select_related(
        "penilaian__periode", "penilaian__skp__pegawai", "penilaian__skp__pejabat_penilai", "pemutus"
    )
    q = Q(penilaian__in=penilaian_visible_to(user).values("pk"))
    if r.pegawai is not None:
        q |= Q(pemutus=r.pegawai)
    return qs.filter(q)


def keberatan_to_decide(user) -> QuerySet[Keberatan]:
    r = pegawai_access.peran(user)
    qs = keberatan_visible_to(user)
    if r.is_admin:
        return qs
    q = Q(pemutus__isnull=True) if r.is_hr else Q(pk__in=[])
    if r.pegawai is not None:
        q |= Q(pemutus=r.pegawai)
    return qs.filter(q)


def can_decide(user, keberatan: Keberatan) -> bool:
    """The pemutus decides; HR of the instansi only when no atasan pejabat penilai is recorded."""
    r = pegawai_access.peran(user)
    if r.pegawai is not None and keberatan.penilaian.skp.pegawai_id == r.pegawai.pk:
        return False
    if keberatan.pemutus_id:
        return r.pegawai is not None and keberatan.pemutus_id == r.pegawai.pk
    return r.is_admin or r.is_hr


def get_keberatan_for(user, pk) -> Keberatan:
    try:
        return keberatan_visible_to(user).get(pk=pk)
    except (Keberatan.DoesNotExist, ValueError):
        raise Http404 from None


# ---------------------------------------------------------------- unit distribution (§4)

def unit_visible_for_kurva(user) -> QuerySet[UnitKerja]:
    """Units whose distribution the user may see: HR's instansi, or units they or their parent head."""
    r = pegawai_access.peran(user)
    qs = UnitKerja.objects.select_related("parent", "kepala")
    if r.is_admin:
        return qs
    if r.is_hr:
        return qs.filter(instansi_id=r.instansi_id)
    if r.pegawai is None:
        return qs.none()
    return qs.filter(Q(kepala=r.pegawai) | Q(parent__kepala=r.pegawai))


def get_unit_for(user, pk) -> UnitKerja:
    try:
        return unit_visible_for_kurva(user).get(pk=pk)
    except (UnitKerja.DoesNotExist, ValueError):
        raise Http404 from None


def can_set_capaian(user, unit: UnitKerja) -> bool:
    """HR, or the head of the parent unit ('pimpinan organisasi di atasnya', §3.5)."""
    r = pegawai_access.peran(user)
    if r.is_admin or (r.is_hr and unit.instansi_id == r.instansi_id):
        return True
    return r.pegawai is not None and unit.parent_id is not None and unit.parent.kepala_id == r.pegawai.pk


def can_record_pengecualian(user, unit: UnitKerja) -> bool:
    """HR of the unit's instansi (or admin) records an exception to the SE 3/2023 order (§11.2 rule 5)."""
    r = pegawai_access.peran(user)
    return r.is_admin or (r.is_hr and unit.instansi_id == r.instansi_id)


def is_kepala_unit(user, unit: UnitKerja) -> bool:
    r = pegawai_access.peran(user)
    return r.pegawai is not None and unit.kepala_id == r.pegawai.pk


def populasi_distribusi(unit: UnitKerja, periode) -> QuerySet[Penilaian]:
    """The distribution population of ``unit`` in ``periode`` (domain.md §11.2 rule 4): the evaluations of
    pegawai whose SKP belongs to the unit in that period (``Skp.unit_kerja``, set from the post held when
    the SKP was made), neither where the pegawai nor where the finaliser sits today. SKPs recorded without
    a unit count in the pegawai's unit. For the Akhir period only each pegawai's last SKP of the year counts
    (§11.2 rule 1, ``akhir_skp_terakhir``). The one set the distribution page, the unit recap PDF and the
    unit finalisation count."""
    return populasi_units([unit.pk], periode)


# The unit an evaluation counts in (the rule of ``populasi_distribusi``), for grouping several units at once.
UNIT_POPULASI = Coalesce("skp__unit_kerja_id", "skp__pegawai__unit_kerja_id")


def populasi_units(unit_ids, periode) -> QuerySet[Penilaian]:
    """``populasi_distribusi`` of several units at once (e.g. a perangkat daerah with its sub-units); each
    evaluation belongs to exactly one unit (``UNIT_POPULASI``), so the per-unit counts add up."""
    return akhir_skp_terakhir(Penilaian.objects.filter(periode=periode).filter(
        Q(skp__unit_kerja_id__in=unit_ids) | Q(skp__unit_kerja__isnull=True, skp__pegawai__unit_kerja_id__in=unit_ids)
    ), periode)


def belum_dinilai_unit(unit: UnitKerja, periode) -> tuple[int, int]:
    """Pegawai of the unit's population without a predikat for ``periode`` (1 query), and how many of
    them have no approved SKP covering it.

    The population is ``populasi_distribusi``'s (§11.2 rule 4) plus the active pegawai of the unit who
    have no evaluation of the period yet; an evaluation not opened, or an SKP not approved, is "belum
    dinilai", not absent. A pegawai rated in the period (in any unit) is not "belum dinilai" here.
    """
    dinilai = akhir_skp_terakhir(Penilaian.objects.filter(periode=periode), periode).exclude(predikat="").values(
        "skp__pegawai_id")
    tanpa_predikat = populasi_distribusi(unit, periode).filter(predikat="").values("skp__pegawai_id")
    belum = Pegawai.objects.filter(
        Q(aktif=True, unit_kerja=unit) | Q(pk__in=tanpa_predikat)).exclude(pk__in=dinilai)
    skp_ok = Skp.objects.filter(status=Skp.Status.DISETUJUI, tanggal_mulai__lte=periode.tanggal_selesai,
                                tanggal_selesai__gte=periode.tanggal_mulai).values("pegawai_id")
    n = belum.aggregate(semua=Count("pk"), tanpa_skp=Count("pk", filter=~Q(pk__in=skp_ok)))
    return n["semua"], n["tanpa_skp"]


@dataclass
class Distribusi:
    jumlah: dict[Predikat, int]
    total: int
    belum_dinilai: int
    capaian: CapaianOrganisasi | None
    pelanggaran: list
    batas: dict
    finalisasi: FinalisasiUnit | None
    belum_skp: int = 0  # of belum_dinilai: no approved SKP covering the period (yet)
    pengecualian: list = field(default_factory=list)  # §4 rules not applied to a small unit (§11.2 rule 6)

    @property
    def chart(self) -> dict:
        order = [Predikat.SANGAT_KURANG, Predikat.KURANG, Predikat.BUTUH_PERBAIKAN, Predikat.BAIK, Predikat.SANGAT_BAIK]
        return {
            "labels": [str(p.label) for p in order],
            "jumlah": [self.jumlah[p] for p in order],
            "min": [self.batas.get(p, (None, None))[0] for p in order],
            "max": [self.batas.get(p, (None, None))[1] for p in order],
        }

    @property
    def baris(self) -> list[tuple]:
        """The chart as rows (label, count, minimum, maximum): its text alternative (WCAG 1.1.1)."""
        c = self.chart
        return list(zip(c["labels"], c["jumlah"], c["min"], c["max"], strict=True))


def distribusi_unit(unit: UnitKerja, periode) -> Distribusi:
    """Counts per predikat (2 queries), the organisation predikat, its bounds and broken rules."""
    rows = dict(
        populasi_distribusi(unit, periode).exclude(predikat="").values_list("predikat").annotate(n=Count("pk"))
    )
    jumlah = {p: rows.get(p.value, 0) for p in Predikat}
    total = sum(jumlah.values())
    belum, belum_skp = belum_dinilai_unit(unit, periode)
    capaian = CapaianOrganisasi.objects.filter(unit_kerja=unit, periode=periode).first()
    pelanggaran = periksa_distribusi(capaian.predikat, jumlah) if capaian else []
    bounds = batas(capaian.predikat, total) if capaian and total else {}
    fin = FinalisasiUnit.objects.filter(unit_kerja=unit, periode=periode).select_related("oleh").first()
    pengecualian = pengecualian_unit_kecil(capaian.predikat, total) if capaian else []
    return Distribusi(jumlah, total, belum, capaian, pelanggaran, bounds, fin, belum_skp, pengecualian)
