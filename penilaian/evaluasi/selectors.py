"""Reads for the evaluation screens, and the one annual-predikat rule that other apps read; every list
is a bounded number of queries (no per-row queries).

The annual predikat (domain.md §11.2 rule 1, one per pegawai and year) has three forms over the same rule
and order (``URUTAN_PENENTU``): ``predikat_tahunan`` (``{pegawai: {tahun: predikat}}``, for §5.2 which
compares two years), ``predikat_tahunan_map`` (one year for a list of pegawai) and
``penilaian_penentu_qs`` / ``penilaian_penentu_tahunan`` (the deciding evaluation rows themselves, for
the API, documents and the §5.2 trigger). Angka kredit (``penilaian.konversi``), talent marks and
plans (``pelatihan``), HR's follow-up recap (``rekan.tindak_lanjut``) and exports all read these."""
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from pegawai.access import bawahan_of, peran
from pegawai.models import Pegawai, UnitKerja
from penilaian.access import acting_for_ids, skp_to_approve
from penilaian.models import (
    BukaKunci,
    BuktiDukung,
    EkspektasiPerilaku,
    FrasaUmpanBalik,
    IndikatorKinerja,
    Penilaian,
    PerilakuKerja,
    Periode,
    Realisasi,
    RencanaAksi,
    RencanaHasilKerja,
    Skp,
    UmpanBalik,
)
from penilaian.predikat import Predikat

S = Penilaian.Status


def periode_of_year(instansi_id: int, tahun: int) -> list[Periode]:
    return _sorted(Periode.objects.filter(instansi_id=instansi_id, tahun=tahun))


def _sorted(periodes) -> list[Periode]:
    # Periodic ones by start date, the annual "Akhir" last (it summarises the year, domain.md §3.5).
    return sorted(periodes, key=lambda p: (p.is_tahunan, p.tanggal_mulai, p.tanggal_selesai, p.pk))


urut_periode = _sorted


def _overlaps(periode: Periode, skp: Skp) -> bool:
    return periode.tanggal_mulai <= skp.tanggal_selesai and periode.tanggal_selesai >= skp.tanggal_mulai


def skp_dinilai(qs: QuerySet[Skp]) -> QuerySet[Skp]:
    """SKPs that can be evaluated: approved ones, and any that already has evaluations."""
    # Exists, not a DISTINCT join with every evaluation of the SKP (the join multiplied the rows scanned).
    return qs.filter(Q(status=Skp.Status.DISETUJUI) | Exists(Penilaian.objects.filter(skp=OuterRef("pk"))))


@dataclass
class Sel:
    periode: Periode
    penilaian: Penilaian | None
    terkunci: bool
    dibuka: bool = False


@dataclass
class BarisSkp:
    skp: Skp
    sel: list[Sel] = field(default_factory=list)


def penilaian_saya(pegawai: Pegawai, tahun: int) -> list[BarisSkp]:
    """Per approved SKP of the year: its periods with status and deadline (3 queries)."""
    skps = list(skp_dinilai(Skp.objects.filter(pegawai=pegawai, tahun=tahun)).select_related("pejabat_penilai"))
    periodes = _sorted(Periode.objects.filter(instansi_id=pegawai.unit_kerja.instansi_id, tahun=tahun))
    now = timezone.now()
    ada = {(p.skp_id, p.periode_id): p for p in Penilaian.objects.filter(skp__in=skps)}
    dibuka = set(BukaKunci.objects.filter(pegawai=pegawai, periode__in=periodes, berlaku_sampai__gt=now)
                 .values_list("periode_id", flat=True))
    return [
        BarisSkp(skp=s, sel=[Sel(p, ada.get((s.pk, p.pk)), p.terkunci(now), p.pk in dibuka)
                             for p in periodes if _overlaps(p, s)])
        for s in skps
    ]


@dataclass
class BarisTim:
    """One subordinate on *Penilaian bawahan*: their evaluable SKPs, or why there is nothing to evaluate."""

    pegawai: Pegawai
    baris: list[BarisSkp] = field(default_factory=list)
    skp_menunggu: Skp | None = None  # the latest SKP of the year not approved yet, if any
    bisa_setujui: bool = False  # that SKP waits for the viewer's approval
    skp_lain: Skp | None = None  # approved, but recorded with another pejabat penilai


def _penilai_ids(user) -> set[int]:
    """The viewer and whoever they act for as Plt/Plh, once per request object."""
    cached = getattr(user, "_kinerja_penilai_ids", None)
    if cached is None:
        me = peran(user).pegawai
        cached = user._kinerja_penilai_ids = ({me.pk} | acting_for_ids(me)) if me else set()
    return cached


def team_pegawai(user, tahun: int) -> QuerySet[Pegawai]:
    """Everyone the viewer appraises (bawahan, incl. Plt/Plh), plus whoever has an SKP of ``tahun`` they
    appraise as recorded on it (e.g. moved since); whether or not that SKP is approved."""
    me = peran(user).pegawai
    if me is None:
        return Pegawai.objects.none()
    dinilai = Skp.objects.filter(tahun=tahun, pejabat_penilai_id__in=_penilai_ids(user)).exclude(pegawai=me)
    q = Q(pk__in=bawahan_of(me).values("pk")) | Q(pk__in=dinilai.values("pegawai_id"))
    return Pegawai.objects.filter(q).select_related("unit_kerja", "jabatan").order_by("nama", "pk")


def team_table(user, tahun: int, pegawai_page) -> list[BarisTim]:
    """The page's subordinates × the periods of their instansi, in a constant number of queries."""
    pegawai = list(pegawai_page)
    penilai_ids = _penilai_ids(user)
    skps = list(Skp.objects.filter(pegawai__in=pegawai, tahun=tahun).select_related("pejabat_penilai").annotate(
        ada_penilaian=Exists(Penilaian.objects.filter(skp=OuterRef("pk")))).order_by("tanggal_mulai", "pk"))
    dinilai = [s for s in skps if s.pejabat_penilai_id in penilai_ids
               and (s.status == Skp.Status.DISETUJUI or s.ada_penilaian)]
    instansi_ids = {p.unit_kerja.instansi_id for p in pegawai}
    periodes = _sorted(Periode.objects.filter(instansi_id__in=instansi_ids, tahun=tahun))
    ada = {(p.skp_id, p.periode_id): p for p in Penilaian.objects.filter(skp__in=dinilai).only(
        "pk", "skp_id", "periode_id", "status", "predikat", "final_pada")}
    now = timezone.now()
    hasil = []
    for pg in pegawai:
        instansi_id = pg.unit_kerja.instansi_id
        baris = []
        for s in dinilai:
            if s.pegawai_id != pg.pk:
                continue
            s.pegawai = pg
            baris.append(BarisSkp(skp=s, sel=[Sel(p, ada.get((s.pk, p.pk)), p.terkunci(now)) for p in periodes
                                              if p.instansi_id == instansi_id and _overlaps(p, s)]))
        lain = [s for s in reversed(skps) if s.pegawai_id == pg.pk and s not in dinilai]
        menunggu = next((s for s in lain if s.status != Skp.Status.DISETUJUI), None)
        bisa = bool(menunggu and menunggu.status == Skp.Status.DIAJUKAN and menunggu.pejabat_penilai_id in penilai_ids)
        skp_lain = next((s for s in lain if s.status == Skp.Status.DISETUJUI), None)
        hasil.append(BarisTim(pg, baris, menunggu, bisa, skp_lain))
    return hasil


def team_skps(user, tahun: int) -> QuerySet[Skp]:
    return skp_dinilai(skp_to_approve(user).filter(tahun=tahun)).select_related(
        "pegawai__unit_kerja", "pegawai__jabatan").order_by("pegawai__nama", "pk")


def neighbours(user, penilaian: Penilaian) -> tuple[int | None, int | None]:
    """SKP ids of the previous and next subordinate (same year) for one-click navigation."""
    ids = list(team_skps(user, penilaian.skp.tahun).values_list("pk", flat=True))
    if penilaian.skp_id not in ids:
        return None, None
    i = ids.index(penilaian.skp_id)
    return (ids[i - 1] if i > 0 else None), (ids[i + 1] if i + 1 < len(ids) else None)


@dataclass
class BarisIki:
    iki: IndikatorKinerja
    realisasi: Realisasi | None
    bukti: list[BuktiDukung]
    rollup: object = None  # the daily-log roll-up, set by the evaluation view (harian is not read here)


@dataclass
class BarisRhk:
    rhk: RencanaHasilKerja
    rencana_aksi: str
    iki: list[BarisIki]
    umpan_balik: UmpanBalik | None


@dataclass
class BarisPerilaku:
    perilaku: PerilakuKerja
    ekspektasi: str
    umpan_balik: UmpanBalik | None


def penilaian_detail(penilaian: Penilaian) -> dict:
    """Everything the evaluation page shows, in a fixed number of queries."""
    baris, ub_perilaku = _baris_rhk(penilaian)
    ekspektasi = dict(EkspektasiPerilaku.objects.filter(skp=penilaian.skp_id).values_list("perilaku_id", "teks"))
    perilaku = [BarisPerilaku(p, ekspektasi.get(p.pk, ""), ub_perilaku.get(p.pk))
                for p in PerilakuKerja.objects.prefetch_related("indikator")]
    frasa: dict = {}
    for f in FrasaUmpanBalik.objects.filter(aktif=True).only("perilaku", "teks", "teks_en"):
        frasa.setdefault(f.perilaku_id, []).append((f.teks, str(f)))  # (stored value, label for the reader)
    return {"baris_rhk": baris, "baris_perilaku": perilaku, "frasa": frasa}


def baris_rhk(penilaian: Penilaian) -> list[BarisRhk]:
    """The RHK rows alone (with IKI, rencana aksi, realisasi, evidence, feedback): what the input form needs."""
    return _baris_rhk(penilaian)[0]


def _baris_rhk(penilaian: Penilaian) -> tuple[list[BarisRhk], dict]:
    rhks = list(RencanaHasilKerja.objects.filter(skp=penilaian.skp_id).prefetch_related("iki").select_related("induk"))
    aksi = {ra.rhk_id: ra.teks for ra in RencanaAksi.objects.filter(penilaian=penilaian).order_by("-urutan", "pk")}
    realisasi = {r.iki_id: r for r in Realisasi.objects.filter(penilaian=penilaian).prefetch_related(
        Prefetch("bukti", queryset=BuktiDukung.objects.order_by("dibuat_pada")))}
    ub = list(UmpanBalik.objects.filter(penilaian=penilaian).select_related("oleh"))
    ub_rhk = {u.rhk_id: u for u in ub if u.rhk_id}
    ub_perilaku = {u.perilaku_id: u for u in ub if u.perilaku_id}
    baris = []
    for rhk in rhks:
        ikis = [BarisIki(i, realisasi.get(i.pk), list(realisasi[i.pk].bukti.all()) if i.pk in realisasi else [])
                for i in rhk.iki.all()]
        baris.append(BarisRhk(rhk, aksi.get(rhk.pk, ""), ikis, ub_rhk.get(rhk.pk)))
    return baris, ub_perilaku


def baris_iki(penilaian: Penilaian, iki_pk: int) -> BarisIki | None:
    """One IKI of the evaluation's SKP with its realisasi and evidence (the htmx evidence cell)."""
    iki = IndikatorKinerja.objects.filter(pk=iki_pk, rhk__skp_id=penilaian.skp_id).first()
    if iki is None:
        return None
    realisasi = Realisasi.objects.filter(penilaian=penilaian, iki=iki).first()
    bukti = list(realisasi.bukti.order_by("dibuat_pada")) if realisasi else []
    return BarisIki(iki, realisasi, bukti)


def rekap_tahunan(penilaian: Penilaian) -> list[Penilaian]:
    """All evaluations of the same pegawai and year, with feedback, for the annual summary (§3.5)."""
    qs = (
        Penilaian.objects.filter(skp__pegawai_id=penilaian.skp.pegawai_id, periode__tahun=penilaian.periode.tahun)
        .select_related("periode", "skp").prefetch_related(
            Prefetch("umpan_balik", queryset=UmpanBalik.objects.select_related("rhk", "perilaku")))
    )
    return sorted(qs, key=lambda p: (p.periode.is_tahunan, p.periode.tanggal_mulai, p.periode.tanggal_selesai))


@dataclass
class HasilSkpLain:
    """An earlier SKP of the year with its evaluations, shown on the last SKP's Akhir evaluation."""

    skp: Skp
    penilaian: list[Penilaian] = field(default_factory=list)


def hasil_skp_sebelumnya(penilaian: Penilaian) -> list[HasilSkpLain] | None:
    """domain.md §11.2 rule 1: the pejabat penilai of the year's **last** SKP sets the annual predikat in
    its Akhir evaluation after reviewing every earlier SKP's results. For that evaluation: the earlier
    SKPs of the pegawai in the year (period, jabatan, unit, penilai) with their evaluations (period,
    status, predikat, who rated). ``None`` when ``penilaian`` is not the Akhir of the last SKP (its SKP was
    followed by another one this year). Two queries."""
    skp = penilaian.skp
    if not penilaian.periode.is_tahunan:
        return None
    skps = list(Skp.objects.filter(pegawai_id=skp.pegawai_id, tahun=skp.tahun).exclude(pk=skp.pk)
                .select_related("jabatan", "unit_kerja", "pejabat_penilai").order_by("tanggal_mulai", "pk"))
    if any((s.tanggal_selesai, s.pk) > (skp.tanggal_selesai, skp.pk) for s in skps):
        return None
    hasil = {s.pk: HasilSkpLain(s) for s in skps}
    for p in (Penilaian.objects.filter(skp__in=skps).select_related("periode", "penilai")
              .order_by("periode__tanggal_mulai", "periode__tanggal_selesai", "pk")):
        hasil[p.skp_id].penilaian.append(p)
    return [h for h in hasil.values() if h.penilaian or h.skp.status == Skp.Status.DISETUJUI]


# Which of a year's annual results decides (domain.md §11.2): the SKP ending last, then the later SKP/row.
URUTAN_PENENTU = ("skp__tanggal_selesai", "skp_id", "pk")


def _hasil_tahunan() -> QuerySet[Penilaian]:
    return Penilaian.objects.filter(periode__jenis=Periode.Jenis.TAHUNAN, status__in=Penilaian.SELESAI).exclude(
        predikat="")


def predikat_tahunan(
    pegawai_ids=None, *, tahun: int | None = None, unit_ids=None
) -> dict[int, dict[int, Predikat]]:
    """The annual predikat, ``{pegawai_id: {tahun: predikat}}``: the one value every consumer reads
    (angka kredit, §5.2 follow-up and talent marks; domain.md §11.2 rule 1). One query.

    Source: final (``Penilaian.SELESAI``) evaluations of an Akhir (TAHUNAN) period with a predikat.
    **Order**: when a pegawai has more than one in a year (several SKPs after a mutasi, promotion or
    Plt), the one of the SKP with the latest ``tanggal_selesai`` decides (its pejabat penilai reviews
    the whole year, §11.2; ties: the later SKP, then the later evaluation). Until that SKP's Akhir
    evaluation is final, the latest final one stands.

    ``pegawai_ids``: ids or a ``values("pk")`` queryset; ``None`` = no filter. ``tahun``: only that
    year and the year before (what §5.2 compares); ``None`` = every year. ``unit_ids`` (needs
    ``tahun``): only pegawai whose deciding SKP of ``tahun`` belonged to one of those units (the SKP's
    unit, not today's); their predikat of the year before counts wherever they were then.
    """
    qs = _hasil_tahunan()
    if pegawai_ids is not None:
        qs = qs.filter(skp__pegawai_id__in=pegawai_ids)
    if tahun is not None:
        qs = qs.filter(periode__tahun__range=(tahun - 1, tahun))
    if unit_ids is not None:
        if tahun is None:
            raise ValueError("unit_ids needs tahun")
        unit_ids = set(unit_ids)
        qs = qs.filter(skp__pegawai_id__in=qs.filter(periode__tahun=tahun, skp__unit_kerja_id__in=unit_ids)
                       .values("skp__pegawai_id"))
    rows = qs.order_by("periode__tahun", *URUTAN_PENENTU).values_list(
        "skp__pegawai_id", "periode__tahun", "predikat", "skp__unit_kerja_id")
    hasil: dict[int, dict[int, Predikat]] = {}
    unit_penentu: dict[int, int | None] = {}
    for pid, th, predikat, unit_id in rows:
        hasil.setdefault(pid, {})[th] = Predikat(predikat)  # a later row overwrites: the last SKP decides
        if th == tahun:
            unit_penentu[pid] = unit_id
    if unit_ids is not None:
        hasil = {pid: per_tahun for pid, per_tahun in hasil.items() if unit_penentu.get(pid) in unit_ids}
    return hasil


def penilaian_penentu_qs(qs: QuerySet[Penilaian] | None = None) -> QuerySet[Penilaian]:
    """Only the deciding annual evaluations (one per pegawai and year; same rule and order as
    ``predikat_tahunan``), SQL-side: a correlated subquery picks each row's winner, so lists, exports and
    the API filter, count and paginate it like any queryset."""
    pemenang = _hasil_tahunan().filter(
        skp__pegawai_id=OuterRef("skp__pegawai_id"), periode__tahun=OuterRef("periode__tahun")
    ).order_by(*(f"-{f}" for f in URUTAN_PENENTU)).values("pk")[:1]
    return (_hasil_tahunan() if qs is None else qs).filter(pk=Subquery(pemenang))


def predikat_tahunan_map(pegawai_ids, tahun: int) -> dict[int, Predikat]:
    """``{pegawai_id: predikat}`` of one year for a list (ids or a ``values("pk")`` queryset): the bulk
    form of ``predikat_tahunan`` for pages and exports. One query whatever the number of pegawai."""
    rows = penilaian_penentu_qs().filter(periode__tahun=tahun, skp__pegawai_id__in=pegawai_ids).values_list(
        "skp__pegawai_id", "predikat")
    return {pid: Predikat(predikat) for pid, predikat in rows}


def akhir_skp_terakhir(qs: QuerySet[Penilaian], periode: Periode) -> QuerySet[Penilaian]:
    """For an Akhir (annual) ``periode``: only the evaluations of each pegawai's last SKP of the year, so a
    recap of the annual predikat counts a pegawai moved mid-year once (domain.md §11.2 rule 1: the earlier
    SKPs' Akhir results are reviewed by the last penilai, not counted beside it). Periodic periods: as is."""
    if not periode.is_tahunan:
        return qs
    sesudahnya = Skp.objects.filter(pegawai_id=OuterRef("skp__pegawai_id"), tahun=OuterRef("skp__tahun")).filter(
        Q(tanggal_selesai__gt=OuterRef("skp__tanggal_selesai"))
        | Q(tanggal_selesai=OuterRef("skp__tanggal_selesai"), pk__gt=OuterRef("skp_id")))
    return qs.exclude(Exists(sesudahnya))


def penilaian_penentu_tahunan(pegawai_id: int, tahun: int) -> Penilaian | None:
    """The evaluation whose predikat is the pegawai's annual predikat of ``tahun`` (same rule and order as
    ``predikat_tahunan``), e.g. for the §5.2 trigger to act only on it."""
    qs = _hasil_tahunan().filter(skp__pegawai_id=pegawai_id, periode__tahun=tahun)
    return qs.order_by(*URUTAN_PENENTU).last()


def _skp_periode(instansi_id: int, periode: Periode) -> QuerySet[Skp]:
    """The instansi's evaluable SKPs overlapping ``periode``."""
    return skp_dinilai(Skp.objects.filter(pegawai__unit_kerja__instansi_id=instansi_id, tahun=periode.tahun,
                                          tanggal_mulai__lte=periode.tanggal_selesai,
                                          tanggal_selesai__gte=periode.tanggal_mulai))


def _status_of(periode: Periode, expr) -> Subquery:
    # One row at most (unique skp + periode): order_by() drops the default ordering's 4-table join.
    return Subquery(Penilaian.objects.filter(skp=OuterRef("pk"), periode=periode).order_by().values(st=expr)[:1])


def completion_per_unit(instansi_id: int, periode: Periode, *, unit_ids: list[int] | None = None) -> list[dict]:
    """Per unit (of ``unit_ids`` when given): approved SKPs of the year and how many evaluations are in each
    status for ``periode``."""
    # The status users see: a FINAL whose response window has passed counts as LEWAT_WAKTU already.
    # Grouped by (unit, status) so the status subquery runs once per SKP, not once per counted column.
    qs = _skp_periode(instansi_id, periode)
    if unit_ids is not None:
        qs = qs.filter(pegawai__unit_kerja_id__in=unit_ids)
    rows = (qs.annotate(st=_status_of(periode, Penilaian.status_efektif()))
            .order_by().values_list("pegawai__unit_kerja_id", "st").annotate(n=Count("pk")))
    per_unit: dict[int, dict] = {}
    for unit_id, st, n in rows:
        row = per_unit.setdefault(unit_id, {"total": 0, "belum_dibuka": 0, **dict.fromkeys(S.values, 0)})
        row["total"] += n
        row["belum_dibuka" if st is None else st] += n
    units = UnitKerja.objects.filter(pk__in=per_unit).order_by("kode").values_list("pk", "kode", "nama")
    return [{"pegawai__unit_kerja_id": pk, "pegawai__unit_kerja__kode": kode, "pegawai__unit_kerja__nama": nama,
             **per_unit[pk]} for pk, kode, nama in units]


def belum_mengajukan(instansi_id: int, periode: Periode, unit_id: int | None = None) -> QuerySet[Skp]:
    """SKPs whose evaluation for ``periode`` is not yet submitted (not opened, or still a draft)."""
    qs = _skp_periode(instansi_id, periode).annotate(st=_status_of(periode, F("status"))).filter(
        Q(st__isnull=True) | Q(st__in=Penilaian.status_untuk("submit")))
    if unit_id:
        qs = qs.filter(pegawai__unit_kerja_id=unit_id)
    return qs.select_related("pegawai__unit_kerja", "pejabat_penilai").order_by(
        "pegawai__unit_kerja__kode", "pegawai__nama"
    )
