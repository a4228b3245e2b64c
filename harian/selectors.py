"""Reads of the daily activity log: scoped querysets, the team feed, the roll-up per IKI."""
import calendar
import operator
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import reduce

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import (
    BigIntegerField,
    BooleanField,
    Count,
    Exists,
    F,
    Func,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Window,
)
from django.http import Http404

from pegawai import access
from pegawai.models import Pegawai
from penilaian.models import IndikatorKinerja, RencanaAksi, RencanaHasilKerja, Skp

from . import jam
from .models import KegiatanHarian, TanggapanKegiatan


@dataclass
class RollupIki:
    jumlah: Decimal = Decimal(0)
    kegiatan: list = field(default_factory=list)


def _with_relations(qs: QuerySet[KegiatanHarian]) -> QuerySet[KegiatanHarian]:
    return qs.select_related(
        "pegawai", "pegawai__unit_kerja", "iki", "iki__rhk", "rencana_aksi", "rencana_aksi__penilaian__periode"
    ).prefetch_related(
        Prefetch("tanggapan", queryset=TanggapanKegiatan.objects.select_related("oleh"))
    )


def rollup_per_iki(penilaian) -> dict[int, RollupIki]:
    """Per IKI id of the evaluation's SKP: the sum of linked activity quantities within the period
    and the activities themselves, oldest first (domain.md §3.2: realisasi per IKI per period).

    Only activities of the SKP's own pegawai count, dated inside both the period and the SKP's dates.
    IKIs without any linked activity are absent from the result. Entries the atasan returned do not count
    (they are being corrected); approved and submitted ones do. One query.
    """
    return rollup_per_skp([penilaian.skp], penilaian.periode).get(penilaian.skp.pk, {})


def rollup_per_skp(skps, periode) -> dict[int, dict[int, RollupIki]]:
    """``rollup_per_iki`` of each of the SKPs in ``periode``, ``{skp_id: {iki_id: RollupIki}}``; one query."""
    syarat = []
    for skp in skps:
        mulai = max(periode.tanggal_mulai, skp.tanggal_mulai)
        selesai = min(periode.tanggal_selesai, skp.tanggal_selesai)
        if mulai <= selesai:
            syarat.append(Q(pegawai_id=skp.pegawai_id, iki__rhk__skp_id=skp.pk, tanggal__gte=mulai,
                            tanggal__lte=selesai))
    hasil: dict[int, dict[int, RollupIki]] = {}
    if not syarat:
        return hasil
    qs = (KegiatanHarian.objects.filter(reduce(operator.or_, syarat))
          .exclude(status=KegiatanHarian.Status.DIKEMBALIKAN)
          .annotate(skp_rollup=F("iki__rhk__skp_id")).order_by("tanggal", "jam_mulai", "pk"))
    for k in qs:
        r = hasil.setdefault(k.skp_rollup, {}).setdefault(k.iki_id, RollupIki())
        r.jumlah += k.kuantitas
        r.kegiatan.append(k)
    return hasil


# --- scope ----------------------------------------------------------------------------------------

def kegiatan_visible_to(user) -> QuerySet[KegiatanHarian]:
    """Own entries, the team's (as atasan, incl. Plt/Plh), the instansi's (HR), all (admin)."""
    r = access.peran(user)
    qs = _with_relations(KegiatanHarian.objects.all())
    if r.is_admin:
        return qs
    q = Q(pk__in=[])
    if r.is_hr:
        q |= Q(pegawai__unit_kerja__instansi_id=r.instansi_id)
    if r.pegawai is not None:
        q |= Q(pegawai=r.pegawai) | Q(pegawai__in=access.bawahan_of(r.pegawai).values("pk"))
    return qs.filter(q)


def get_kegiatan_for(user, pk, *, edit: bool = False, tanggapi: bool = False) -> KegiatanHarian:
    """One entry in scope. ``edit``: only its owner; ``tanggapi``: only the owner's atasan. 404 otherwise."""
    try:
        obj = kegiatan_visible_to(user).get(pk=pk)
    except (KegiatanHarian.DoesNotExist, ValueError):
        raise Http404 from None
    r = access.peran(user)
    if edit and (r.pegawai is None or obj.pegawai_id != r.pegawai.pk):
        raise Http404
    if tanggapi and not is_atasan_of(user, obj.pegawai):
        raise Http404
    return obj


def is_atasan_of(user, pegawai: Pegawai) -> bool:
    r = access.peran(user)
    return r.pegawai is not None and access.bawahan_of(r.pegawai).filter(pk=pegawai.pk).exists()


def kegiatan_milik(pegawai: Pegawai) -> QuerySet[KegiatanHarian]:
    return _with_relations(KegiatanHarian.objects.filter(pegawai=pegawai))


def tim_of(user) -> QuerySet[Pegawai]:
    """Whose entries the team feed shows: subordinates (atasan), else the instansi (HR), else all (admin)."""
    r = access.peran(user)
    if r.pegawai is not None and r.is_atasan:
        return access.bawahan_of(r.pegawai)
    if r.is_admin:
        return Pegawai.objects.filter(aktif=True)
    if r.is_hr:
        return Pegawai.objects.filter(aktif=True, unit_kerja__instansi_id=r.instansi_id)
    return Pegawai.objects.none()


def kegiatan_tim(tim: QuerySet[Pegawai]) -> QuerySet[KegiatanHarian]:
    """The feed of ``tim`` (from ``tim_of``), newest first; the team is a subquery, so cost does not grow with rows."""
    return _with_relations(KegiatanHarian.objects.filter(pegawai__in=tim.values("pk"))).order_by(
        "-tanggal", "-dibuat_pada", "-pk"
    )


def _salah_satu(ids: QuerySet) -> Func:
    """``id = ANY(ARRAY(ids))`` (PostgreSQL)."""
    return Func(F("pk"), ArraySubquery(ids), template="(%(expressions)s))", arg_joiner=" = ANY(",
                output_field=BooleanField())


def teratas_per_anggota(tim: QuerySet[Pegawai]):
    """``keyset.keyset_page``'s ``batasi`` for a team's feed (PostgreSQL): the page is read from the first
    ``n`` entries of each member (``harian_pegawai_urut``, one short index range per member), not by walking
    the instansi's newest-first order until ``n`` entries of the team turn up, which passed tens of
    thousands of other people's entries for a small or quiet team. Cost grows with the team, not the instansi."""
    def batasi(qs: QuerySet[KegiatanHarian], order: list[str], n: int) -> QuerySet[KegiatanHarian]:
        if connection.vendor != "postgresql":
            return qs
        per_orang = qs.filter(pegawai_id=OuterRef("pk")).order_by(*order).values("pk")[:n]
        calon = Pegawai.objects.filter(pk__in=tim.values("pk")).order_by().values(
            k=Func(ArraySubquery(per_orang), function="unnest", output_field=BigIntegerField()))
        # The page's ids first (the candidates by primary key, sorted), then its rows with their relations:
        # ``id = ANY(ARRAY(…))`` is an index read of those few ids, where ``IN (subquery)`` could be planned
        # as the newest-first walk again, and joining every candidate's relations before the sort cost more.
        teratas = KegiatanHarian.objects.filter(_salah_satu(calon)).order_by(*order).values("pk")[:n]
        return qs.filter(_salah_satu(teratas))
    return batasi


# --- SKP links ------------------------------------------------------------------------------------

def skp_tertaut_q(prefix: str = "") -> Q:
    """SKPs whose IKI an activity may count towards: approved ones, and approved ones under revision.

    A revision sends the SKP back to DRAFT but keeps its RHK/IKI and an approved version (SkpVersi);
    the work goes on meanwhile, so those stay linkable. A never-approved draft is not.
    """
    return Q(**{f"{prefix}status": Skp.Status.DISETUJUI}) | Q(**{f"{prefix}versi_disetujui__isnull": False})


def iki_pilihan(pegawai: Pegawai) -> QuerySet[IndikatorKinerja]:
    """IKIs the pegawai may link an activity to (the date is checked by the service)."""
    skp_ids = Skp.objects.filter(skp_tertaut_q(), pegawai=pegawai).values("pk")
    return (
        IndikatorKinerja.objects.filter(rhk__skp_id__in=skp_ids)
        .select_related("rhk", "rhk__skp")
        .order_by("-rhk__skp__tanggal_mulai", "rhk__jenis", "rhk__urutan", "urutan", "pk")
    )


def rencana_aksi_pilihan(pegawai: Pegawai) -> QuerySet[RencanaAksi]:
    """Rencana aksi of the pegawai's evaluations of linkable SKPs, latest period first (date checked by rules)."""
    return (
        RencanaAksi.objects.filter(penilaian__skp__in=Skp.objects.filter(skp_tertaut_q(), pegawai=pegawai).values("pk"))
        .select_related("rhk", "penilaian__periode", "penilaian__skp")
        .order_by("-penilaian__periode__tanggal_mulai", "penilaian__periode__tanggal_selesai", "rhk__urutan",
                  "urutan", "pk")
    )


def rhk_tim(tim: QuerySet[Pegawai]) -> QuerySet[RencanaHasilKerja]:
    """RHKs of the team that have linked activities: the feed's RHK filter."""
    return RencanaHasilKerja.objects.filter(
        skp__pegawai__in=tim.values("pk"), iki__kegiatan_harian__isnull=False
    ).distinct().select_related("skp__pegawai").order_by("skp__pegawai__nama", "urutan", "pk")


# --- calendar and silence -------------------------------------------------------------------------

def kalender_bulan(pegawai: Pegawai, tahun: int, bulan: int) -> list[list[tuple[date, int]]]:
    """Weeks (Mon–Sun) of the month, each day with its number of entries. One query."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(tahun, bulan)
    jumlah = Counter(dict(
        KegiatanHarian.objects.filter(pegawai=pegawai, tanggal__gte=weeks[0][0], tanggal__lte=weeks[-1][-1])
        .values_list("tanggal").annotate(n=Count("pk")).values_list("tanggal", "n")
    ))
    return [[(d, jumlah.get(d, 0)) for d in week] for week in weeks]


def hari_kerja_terakhir(n: int, hari_ini: date) -> list[date]:
    """The last ``n`` working days (Mon–Fri) before ``hari_ini``, oldest first; today is still open."""
    hari, d = [], hari_ini
    while len(hari) < n:
        d -= timedelta(days=1)
        if d.weekday() < 5:
            hari.append(d)
    return hari[::-1]


def belum_melapor(anggota: QuerySet[Pegawai], *, n: int, hari_ini: date) -> list[Pegawai]:
    """Team members without any entry in the last ``n`` working days, with ``terakhir`` (last entry date)."""
    hari = hari_kerja_terakhir(n, hari_ini)
    return list(
        anggota.annotate(
            n_lapor=Count(
                "kegiatan_harian",
                filter=Q(kegiatan_harian__tanggal__gte=hari[0], kegiatan_harian__tanggal__lt=hari_ini),
            ),
            terakhir=Max("kegiatan_harian__tanggal"),
        )
        .filter(n_lapor=0)
        .order_by("nama")
    )


def jumlah_belum_melapor(anggota: QuerySet[Pegawai], *, n: int, hari_ini: date,
                         contoh: int) -> tuple[int, list[Pegawai]]:
    """How many team members have no entry in the last ``n`` working days, and the first ``contoh`` of them
    by name: one query, the count riding on each row, whatever the size of the team."""
    hari = hari_kerja_terakhir(n, hari_ini)
    lapor = KegiatanHarian.objects.filter(pegawai=OuterRef("pk"), tanggal__gte=hari[0], tanggal__lt=hari_ini)
    rows = list(Pegawai.objects.filter(pk__in=anggota.values("pk")).filter(~Exists(lapor))
                .annotate(jumlah_sepi=Window(Count("pk"))).order_by("nama", "pk")[:contoh])
    return (rows[0].jumlah_sepi if rows else 0), rows


# --- working hours ---------------------------------------------------------------------------------

def jam_kerja_per_pegawai(pegawai_ids, mingguan: list[date], standar: int) -> dict[int, list[jam.JamMinggu]]:
    """Per pegawai id: ``jam.rekap_minggu`` over the Mondays ``mingguan`` (see ``harian.jam`` for the reading).

    Returned entries are left out (they are being corrected); entries without times add nothing. One query.
    """
    baris: dict[int, list] = {pk: [] for pk in pegawai_ids}
    if not mingguan:
        return {pk: [] for pk in baris}
    qs = (
        KegiatanHarian.objects.filter(
            pegawai_id__in=list(baris), tanggal__gte=min(mingguan), tanggal__lte=max(mingguan) + timedelta(days=6),
            jam_mulai__isnull=False,
        )
        .exclude(status=KegiatanHarian.Status.DIKEMBALIKAN)
        .values_list("pegawai_id", "tanggal", "jam_mulai", "jam_selesai", "status")
    )
    for pegawai_id, tanggal, mulai, selesai, status in qs:
        menit = KegiatanHarian(jam_mulai=mulai, jam_selesai=selesai).durasi_menit
        baris[pegawai_id].append((tanggal, menit, status == KegiatanHarian.Status.DISETUJUI))
    return {pk: jam.rekap_minggu(b, mingguan=mingguan, standar=standar) for pk, b in baris.items()}
