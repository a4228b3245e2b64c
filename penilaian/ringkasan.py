"""Summary rows behind HR's per-unit counts: kept current per unit, rebuilt in full by a periodic task.

Writes: every service that changes what the counts see (SKP status or dates, an evaluation opened or its
status/predikat, a pegawai moved, activated or created) calls ``tandai_pegawai`` / ``tandai_unit`` in its
transaction: one plain INSERT of a ``RingkasanKotor`` row per unit, nothing else. A mark is a new row, never
an update of a shared one, so writers of the same unit never wait for each other's commit (an upsert on one
row per unit held its lock to the end of every writer's transaction: all writers of a unit in single file).
Reads (``segarkan``) first recompute the few marked units of the instansi (a GROUP BY over those units
only), then delete exactly the marks they read, so the figures are always current and the page's queries
do not grow with the instansi. A mark made meanwhile is another row and stays. A unit whose counted FINAL
has just passed its response window counts again too (it shows as LEWAT from then on).

Bulk paths that bypass the services (imports, demo and bench seeding) call ``rebuild`` at their end; the
beat schedule runs it nightly as a safety net (``rebuild_ringkasan_task``), recording ``RingkasanPenuh``.
"""
from collections import defaultdict
from datetime import datetime

from django.db import connection
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from pegawai.models import Pegawai, UnitKerja
from pegawai.nip import STATUS_PPPK

from .models import Penilaian, Periode, RingkasanKotor, RingkasanPenuh, RingkasanSkpUnit, RingkasanUnit, Skp
from .predikat import Predikat

S = Penilaian.Status
KOLOM_STATUS = {s.value: s.value.lower() for s in S}
KOLOM_PREDIKAT = {p.value: p.value.lower() for p in Predikat}
KOLOM_SKP = {s.value: f"skp_{s.value.lower()}" for s in Skp.Status}
# HR's per-unit counts of the active pegawai (Beranda HR, ``pegawai.selectors.counts_per_unit``).
KOLOM_PEGAWAI = {
    "pegawai_pns": Q(status__in=["PNS", "CPNS"]),
    "pegawai_pppk": Q(status__in=STATUS_PPPK),
    "tanpa_atasan": Q(atasan__isnull=True),
    "tanpa_akun": Q(user__isnull=True),
}
BATCH_UNIT = 100  # units per recompute batch of a full rebuild: bounded memory (~30k SKPs) and IN lists


# --- marking (called by the services) ---------------------------------------------------------------

def tandai_unit(*unit_ids: int | None) -> None:
    """Mark units out of date (one INSERT, no row lock on anything shared); the next read or task
    recomputes them. The mark commits with the write it belongs to, or not at all."""
    ids = sorted({u for u in unit_ids if u})
    if not ids:
        return
    now = timezone.now()
    RingkasanKotor.objects.bulk_create([RingkasanKotor(unit_kerja_id=u, ditandai_pada=now) for u in ids])


def tandai_pegawai(*pegawai_ids: int, unit_lain=()) -> None:
    """Mark every unit a pegawai's counts live in: their unit today and the units of their SKPs (the
    distribution counts an SKP in its own unit), plus ``unit_lain`` (e.g. the unit left by a move)."""
    units = set(Pegawai.objects.filter(pk__in=pegawai_ids).values_list("unit_kerja_id", flat=True))
    units |= set(Skp.objects.filter(pegawai_id__in=pegawai_ids).exclude(unit_kerja=None)
                 .values_list("unit_kerja_id", flat=True).distinct())
    tandai_unit(*units, *unit_lain)


def tandai_skp(skp: Skp) -> None:
    """An SKP's status changed: the unit of its pegawai (completion) and its own unit (distribution)."""
    tandai_unit(skp.pegawai.unit_kerja_id, skp.unit_kerja_id)


def tandai_penilaian(penilaian: Penilaian) -> None:
    tandai_skp(penilaian.skp)


def tandai_instansi(instansi_id: int, tahun: int) -> None:
    """Periods of the year changed: the whole year is rebuilt on the next read."""
    RingkasanPenuh.objects.filter(instansi_id=instansi_id, tahun=tahun).delete()


# --- computing ----------------------------------------------------------------------------------------

def _lewat(status: str, final_pada: datetime | None, now: datetime) -> tuple[str, datetime | None]:
    """The status users see (``Penilaian.status_efektif``) and, for an open FINAL, when it closes."""
    if status in Penilaian.status_untuk("lapse") and final_pada is not None:
        batas = final_pada + Penilaian.hari_tanggapan()
        return (S.LEWAT_WAKTU.value, None) if batas < now else (status, batas)
    return status, None


def _hitung_periode(unit_ids: list[int], periodes: list[Periode], now: datetime) -> dict[tuple, dict]:
    """``{(unit_id, periode_id): fields}`` for the units × periods (3 queries)."""
    hasil = {(u, p.pk): {"total": 0, "belum_dibuka": 0, "batas_final_awal": None,
                         **dict.fromkeys(KOLOM_STATUS.values(), 0), **dict.fromkeys(KOLOM_PREDIKAT.values(), 0)}
             for u in unit_ids for p in periodes}
    if not periodes:
        return hasil
    per_tahun = defaultdict(list)
    for p in periodes:
        per_tahun[p.tahun].append(p)
    ids = {p.pk for p in periodes}
    # Completion (as evaluasi.selectors.completion_per_unit): evaluable SKPs by the pegawai's unit today.
    skps = Skp.objects.filter(pegawai__unit_kerja_id__in=unit_ids, tahun__in=per_tahun).filter(
        Q(status=Skp.Status.DISETUJUI) | Exists(Penilaian.objects.filter(skp=OuterRef("pk"))))
    status = {(s, p): (st, f) for s, p, st, f in Penilaian.objects.filter(
        skp__in=skps.values("pk"), periode_id__in=ids).order_by().values_list("skp_id", "periode_id", "status",
                                                                              "final_pada")}
    for pk, unit, tahun, mulai, selesai in skps.order_by().values_list(
            "pk", "pegawai__unit_kerja_id", "tahun", "tanggal_mulai", "tanggal_selesai"):
        for p in per_tahun[tahun]:
            if mulai > p.tanggal_selesai or selesai < p.tanggal_mulai:
                continue
            row = hasil[(unit, p.pk)]
            row["total"] += 1
            if (pk, p.pk) not in status:
                row["belum_dibuka"] += 1
                continue
            st, batas = _lewat(*status[(pk, p.pk)], now)
            row[KOLOM_STATUS[st]] += 1
            if batas is not None and (row["batas_final_awal"] is None or batas < row["batas_final_awal"]):
                row["batas_final_awal"] = batas
    # Distribution (as rekan.selectors.populasi_distribusi): by the SKP's unit, the Akhir of the last SKP.
    sesudahnya = Skp.objects.filter(pegawai_id=OuterRef("skp__pegawai_id"), tahun=OuterRef("skp__tahun")).filter(
        Q(tanggal_selesai__gt=OuterRef("skp__tanggal_selesai"))
        | Q(tanggal_selesai=OuterRef("skp__tanggal_selesai"), pk__gt=OuterRef("skp_id")))
    dist = (Penilaian.objects.filter(periode_id__in=ids).exclude(predikat="")
            .annotate(u=Coalesce("skp__unit_kerja_id", "skp__pegawai__unit_kerja_id")).filter(u__in=unit_ids)
            .exclude(Q(periode__jenis=Periode.Jenis.TAHUNAN) & Exists(sesudahnya))
            .order_by().values_list("u", "periode_id", "predikat").annotate(n=Count("pk")))
    for unit, periode_id, predikat, n in dist:
        hasil[(unit, periode_id)][KOLOM_PREDIKAT[predikat]] += n
    return hasil


def _hitung_tahun(unit_ids: list[int], tahun_list: list[int]) -> dict[tuple, dict]:
    """``{(unit_id, tahun): fields}``, as skp.selectors.monitoring_per_unit (3 queries)."""
    hasil = {(u, t): {"pegawai_aktif": 0, "tanpa_skp": 0, **dict.fromkeys(KOLOM_PEGAWAI, 0),
                      **dict.fromkeys(KOLOM_SKP.values(), 0)}
             for u in unit_ids for t in tahun_list}
    aktif = Pegawai.objects.filter(unit_kerja_id__in=unit_ids, aktif=True).order_by()
    for i, t in enumerate(tahun_list):
        ada = Exists(Skp.objects.filter(pegawai=OuterRef("pk"), tahun=t))
        pegawai = {k: Count("pk", filter=q) for k, q in KOLOM_PEGAWAI.items()} if i == 0 else {}
        rows = aktif.values("unit_kerja_id").annotate(n=Count("pk"), tanpa=Count("pk", filter=~Q(ada)), **pegawai)
        for r in rows:
            hasil[(r["unit_kerja_id"], t)].update(pegawai_aktif=r["n"], tanpa_skp=r["tanpa"],
                                                 **{k: r[k] for k in pegawai})
    for (u, _t), row in hasil.items():  # HR's counts of the pegawai are the same in every year's row
        row.update({k: hasil[(u, tahun_list[0])][k] for k in KOLOM_PEGAWAI})
    stat = (Skp.objects.filter(tahun__in=tahun_list, pegawai__unit_kerja_id__in=unit_ids).order_by()
            .values_list("pegawai__unit_kerja_id", "tahun", "status").annotate(n=Count("pk")))
    for u, t, st, n in stat:
        hasil[(u, t)][KOLOM_SKP[st]] = n
    return hasil


def _simpan(model, hasil: dict[tuple, dict], kedua: str, now: datetime) -> None:
    """Upsert the rows (sorted, so two concurrent recomputes lock in the same order)."""
    fields = sorted({f for row in hasil.values() for f in row}) + ["dihitung_pada"]
    rows = [model(unit_kerja_id=u, **{kedua: k}, **row, dihitung_pada=now) for (u, k), row in sorted(hasil.items())]
    model.objects.bulk_create(rows, batch_size=1000, update_conflicts=True,
                              unique_fields=["unit_kerja", kedua.removesuffix("_id")], update_fields=fields)


def hitung_unit(unit_ids, instansi_id: int, tahun_list, now: datetime | None = None) -> None:
    """Recompute the rows of ``unit_ids`` (of one instansi) for the given years (7 queries)."""
    now = now or timezone.now()
    unit_ids, tahun_list = sorted(set(unit_ids)), sorted(set(tahun_list))
    if not unit_ids or not tahun_list:
        return
    periodes = list(Periode.objects.filter(instansi_id=instansi_id, tahun__in=tahun_list))
    # Two upserts, no savepoint: each row is whole on its own, and a recompute racing it writes the same.
    _simpan(RingkasanUnit, _hitung_periode(unit_ids, periodes, now), "periode_id", now)
    _simpan(RingkasanSkpUnit, _hitung_tahun(unit_ids, tahun_list), "tahun", now)


def _kotor(instansi_id: int) -> list[tuple]:
    """The instansi's marks as ``(pk, unit_id)``: every one was committed with its write, so a recompute
    started after this read sees those writes."""
    return list(RingkasanKotor.objects.filter(unit_kerja__instansi_id=instansi_id).values_list("pk", "unit_kerja_id"))


def _hapus_kotor(kotor: list[tuple]) -> None:
    """Clear the marks a recompute covered, by key: a unit marked again meanwhile has a new row, which stays."""
    pks = [pk for pk, _unit in kotor if pk]
    langkah = connection.features.max_query_params or 10_000  # SQLite binds at most 999 values
    for i in range(0, len(pks), langkah):
        RingkasanKotor.objects.filter(pk__in=pks[i:i + langkah]).delete()


def rebuild(instansi_id: int | None = None, tahun: int | None = None) -> int:
    """Recompute every unit (of one instansi, or all) for ``tahun`` (default: the years with periods, and
    this year); records the time in ``RingkasanPenuh``. Returns the number of units."""
    now = timezone.now()
    instansi = [instansi_id] if instansi_id else list(
        UnitKerja.objects.order_by().values_list("instansi_id", flat=True).distinct())
    n = 0
    for iid in instansi:
        kotor = _kotor(iid) if tahun is None else []  # read before computing: covered by this rebuild
        tahun_list = [tahun] if tahun else sorted(
            set(Periode.objects.filter(instansi_id=iid).values_list("tahun", flat=True)) | {now.year})
        units = list(UnitKerja.objects.filter(instansi_id=iid).order_by("pk").values_list("pk", flat=True))
        for i in range(0, len(units), BATCH_UNIT):
            hitung_unit(units[i:i + BATCH_UNIT], iid, tahun_list, now)
        RingkasanPenuh.objects.bulk_create(
            [RingkasanPenuh(instansi_id=iid, tahun=t, dihitung_pada=now) for t in tahun_list],
            update_conflicts=True, unique_fields=["instansi", "tahun"], update_fields=["dihitung_pada"])
        _hapus_kotor(kotor)
        n += len(units)
    return n


def _segarkan_kotor(instansi_id: int, now: datetime) -> int:
    # One query: the marks, and (pk 0) the units whose counted FINAL has just closed its response window.
    lewat = RingkasanUnit.objects.filter(unit_kerja__instansi_id=instansi_id, batas_final_awal__lt=now).values_list(
        Value(0, output_field=IntegerField()), "unit_kerja_id")
    semua = list(RingkasanKotor.objects.filter(unit_kerja__instansi_id=instansi_id).values_list(
        "pk", "unit_kerja_id").union(lewat))
    kotor = [k for k in semua if k[0]]
    units = {u for _pk, u in semua}
    if units:
        tahun_list = RingkasanPenuh.objects.filter(instansi_id=instansi_id).values_list("tahun", flat=True)
        hitung_unit(units, instansi_id, list(tahun_list), now)
        _hapus_kotor(kotor)
    return len(units)


def segarkan(instansi_id: int, *tahun: int) -> dict[int, datetime]:
    """Make the instansi's rows of the years current before a read: build a year never built, then
    recompute the marked units and those with a response window just closed (two queries when nothing
    changed). Returns when each year was last rebuilt in full."""
    penuh = dict(RingkasanPenuh.objects.filter(instansi_id=instansi_id).values_list("tahun", "dihitung_pada"))
    baru = sorted(set(tahun) - set(penuh))
    if baru:  # first read of the year (the nightly task builds the usual ones ahead)
        kotor = None if penuh else _kotor(instansi_id)  # nothing else built: the build covers every mark
        for t in baru:
            rebuild(instansi_id, t)
        _hapus_kotor(kotor or [])
    if penuh:
        _segarkan_kotor(instansi_id, timezone.now())
    now = timezone.now()
    return {t: penuh.get(t, now) for t in tahun}


def segarkan_semua() -> int:
    """The periodic task's light pass: recompute the marked units of every instansi. Returns their count."""
    now = timezone.now()
    instansi = set(RingkasanPenuh.objects.values_list("instansi_id", flat=True))
    return sum(_segarkan_kotor(iid, now) for iid in sorted(instansi))


# --- reading --------------------------------------------------------------------------------------------

SELESAI = [KOLOM_STATUS[s] for s in sorted(Penilaian.SELESAI)]


def completion_per_unit(instansi_id: int, periode: Periode, *, unit_ids=None, segar: bool = True) -> list[dict]:
    """The rows of ``evaluasi.selectors.completion_per_unit`` (same keys and numbers), from the summary.
    ``segar=False``: the caller has run ``segarkan`` for this request already (as for the readers below)."""
    if segar:
        segarkan(instansi_id, periode.tahun)
    qs = RingkasanUnit.objects.filter(periode=periode, unit_kerja__instansi_id=instansi_id, total__gt=0)
    if unit_ids is not None:
        qs = qs.filter(unit_kerja_id__in=unit_ids)
    hasil = []
    for r in qs.select_related("unit_kerja").order_by("unit_kerja__kode"):
        hasil.append({"pegawai__unit_kerja_id": r.unit_kerja_id, "pegawai__unit_kerja__kode": r.unit_kerja.kode,
                      "pegawai__unit_kerja__nama": r.unit_kerja.nama, "total": r.total, "belum_dibuka": r.belum_dibuka,
                      **{st: getattr(r, kolom) for st, kolom in KOLOM_STATUS.items()}})
    return hasil


def jumlah_penilaian(instansi_id: int, periode: Periode, *, segar: bool = True) -> tuple[int, int]:
    """Evaluable SKPs of the instansi in ``periode`` and how many of their evaluations are final."""
    if segar:
        segarkan(instansi_id, periode.tahun)
    c = RingkasanUnit.objects.filter(periode=periode, unit_kerja__instansi_id=instansi_id).aggregate(
        total=Sum("total"), **{k: Sum(k) for k in SELESAI})
    return c["total"] or 0, sum(c[k] or 0 for k in SELESAI)


def jumlah_pegawai(instansi_id: int, tahun: int, *, segar: bool = True) -> tuple[int, int]:
    """Active pegawai of the instansi and those without an SKP of ``tahun``."""
    if segar:
        segarkan(instansi_id, tahun)
    c = RingkasanSkpUnit.objects.filter(tahun=tahun, unit_kerja__instansi_id=instansi_id).aggregate(
        aktif=Sum("pegawai_aktif"), tanpa=Sum("tanpa_skp"))
    return c["aktif"] or 0, c["tanpa"] or 0


def skp_per_unit(units: list[UnitKerja], tahun: int, *, segar: bool = True) -> dict[int, RingkasanSkpUnit]:
    """``{unit_id: row}`` of ``tahun`` for the units (of any instansi); units without a row have no one."""
    for iid in sorted({u.instansi_id for u in units} if segar else ()):
        segarkan(iid, tahun)
    return {r.unit_kerja_id: r for r in RingkasanSkpUnit.objects.filter(tahun=tahun, unit_kerja__in=units)}


def jumlah_skp(units, tahun: int) -> dict[str, int]:
    """Over ``units`` (a queryset; call ``segarkan`` first): how many units (``unit``, a paginator's count),
    active pegawai without an SKP of ``tahun`` (``tanpa``) and SKPs waiting for approval (``diajukan``); one
    query, a lookup of the unit's summary row per unit."""
    def kolom(nama):
        return Sum(Subquery(RingkasanSkpUnit.objects.filter(unit_kerja=OuterRef("pk"), tahun=tahun).values(nama)))

    c = units.order_by().aggregate(unit=Count("pk"), tanpa=kolom("tanpa_skp"),
                                   diajukan=kolom(KOLOM_SKP[Skp.Status.DIAJUKAN]))
    return {k: v or 0 for k, v in c.items()}


def unit_tanpa_skp(unit_ids, tahun: int):
    """The units (a subquery of ids) among ``unit_ids`` with an active pegawai without an SKP of ``tahun``."""
    return RingkasanSkpUnit.objects.filter(tahun=tahun, unit_kerja__in=unit_ids, tanpa_skp__gt=0).values(
        "unit_kerja_id")


def distribusi(unit_ids, periode: Periode, *, segar: bool = True) -> dict[Predikat, int]:
    """Evaluations per predikat over the units (e.g. a perangkat daerah and its sub-units) in ``periode``:
    the summed ``rekan.selectors.populasi_distribusi`` counts of each unit."""
    if segar:
        segarkan(periode.instansi_id, periode.tahun)
    c = RingkasanUnit.objects.filter(periode=periode, unit_kerja_id__in=unit_ids).aggregate(
        **{k: Sum(k) for k in KOLOM_PREDIKAT.values()})
    return {p: c[KOLOM_PREDIKAT[p.value]] or 0 for p in Predikat}


def distribusi_per_unit(unit_ids, periode: Periode, *, segar: bool = True) -> dict[int, dict[Predikat, int]]:
    """``{unit_id: {predikat: n}}`` for each of the units in ``periode`` (a row per sub-unit); one query."""
    if segar:
        segarkan(periode.instansi_id, periode.tahun)
    hasil = {u: dict.fromkeys(Predikat, 0) for u in unit_ids}
    kolom = list(KOLOM_PREDIKAT.values())
    for unit_id, *n in RingkasanUnit.objects.filter(periode=periode, unit_kerja_id__in=unit_ids).values_list(
            "unit_kerja_id", *kolom):
        hasil[unit_id] = {p: n[i] for i, p in enumerate(Predikat)}
    return hasil


def diperbarui(instansi_id: int | None, tahun: int) -> datetime | None:
    """When the year was last rebuilt in full (changes since then are counted as they happen)."""
    return RingkasanPenuh.objects.filter(instansi_id=instansi_id, tahun=tahun).values_list(
        "dihitung_pada", flat=True).first()
