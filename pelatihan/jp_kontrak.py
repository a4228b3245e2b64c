"""The window the yearly JP rule counts in (domain.md §7.6, §8.1): for PPPK and PPPK Paruh Waktu with a
perjanjian kerja, the **contract year** (PP 49/2018 Pasal 40(1): at most 24 JP "dalam 1 tahun masa perjanjian
kerja"); otherwise (PNS/CPNS, or a PPPK without a recorded contract) the calendar year.

The day a year is judged at is ``kontrak.rules.tanggal_acuan``: today for the current year, else 31 December.
The contract year holding that day is ``kontrak.rules.tahun_kontrak``; the SQL form below applies the same
integer rule (``kontrak.rules.ke_tahun``) so lists can filter and count on it.
"""
from datetime import date

from django.db.models import (
    Case,
    Count,
    DateField,
    F,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractDay, ExtractMonth, ExtractYear
from django.db.models.lookups import LessThan
from django.utils import timezone

from kontrak.models import PerjanjianKerja
from kontrak.rules import tahun_kontrak, tanggal_acuan
from pegawai.models import Pegawai

from .jp import STATUS_PPPK
from .models import RiwayatPengembangan

DIVERIFIKASI = RiwayatPengembangan.Status.DIVERIFIKASI


def rentang_jp(pegawai: Pegawai, tahun: int, *, hari_ini: date | None = None) -> tuple[date, date, bool]:
    """(first day, last day, is the contract year) of the JP window of ``pegawai`` for ``tahun``."""
    if pegawai.status in STATUS_PPPK:
        pada = tanggal_acuan(tahun, hari_ini or timezone.localdate())
        k = PerjanjianKerja.objects.pada(pada).filter(pegawai=pegawai).order_by("-tanggal_mulai").first()
        if k is not None:
            awal, akhir = tahun_kontrak(k.tanggal_mulai, k.tanggal_selesai, pada)
            return awal, akhir, True
    return date(tahun, 1, 1), date(tahun, 12, 31), False


def jp_dalam(pegawai: Pegawai, awal: date, akhir: date) -> int:
    return RiwayatPengembangan.objects.filter(
        pegawai=pegawai, status=DIVERIFIKASI, tanggal_selesai__range=(awal, akhir)
    ).aggregate(s=Sum("jp"))["s"] or 0


def _md(expr):
    """Month and day as one comparable number (14 March → 314)."""
    return ExtractMonth(expr) * 100 + ExtractDay(expr)


def _jp_kolom(tahun: int, pada: date, *, semua_status: bool) -> tuple[dict, Subquery, Subquery, QuerySet]:
    """The annotations shared by ``annotate_jp`` and ``annotate_jp_rekap``: the contract holding ``pada``
    (for PPPK only unless ``semua_status``), the contract-year total and the calendar-year records."""
    kontrak = PerjanjianKerja.objects.pada(pada).filter(pegawai=OuterRef("pk")).order_by("-tanggal_mulai")
    mulai = Subquery(kontrak.values("tanggal_mulai")[:1], output_field=DateField())
    kolom = {
        "jp_kontrak_mulai": mulai if semua_status else Case(
            When(status__in=STATUS_PPPK, then=mulai), default=None, output_field=DateField()),
        "jp_kontrak_selesai": Subquery(kontrak.values("tanggal_selesai")[:1], output_field=DateField()),
        "jp_kontrak_md": _md(F("jp_kontrak_mulai")),
    }
    verified = RiwayatPengembangan.objects.filter(pegawai=OuterRef("pk"), status=DIVERIFIKASI).order_by()
    kalender = verified.filter(tanggal_selesai__range=(date(tahun, 1, 1), date(tahun, 12, 31)))
    # kontrak.rules.ke_tahun in SQL: the record's contract year equals that of ``pada`` (the year terms of
    # both sides share year(mulai), so it cancels out).
    sebelum_ulang = Case(When(LessThan(_md(F("tanggal_selesai")), OuterRef("jp_kontrak_md")), then=Value(1)),
                         default=Value(0), output_field=IntegerField())
    pada_sebelum = Case(When(LessThan(Value(pada.month * 100 + pada.day), OuterRef("jp_kontrak_md")),
                             then=Value(1)), default=Value(0), output_field=IntegerField())
    dalam_kontrak = (
        verified.filter(tanggal_selesai__gte=OuterRef("jp_kontrak_mulai"),
                        tanggal_selesai__lte=OuterRef("jp_kontrak_selesai"))
        .annotate(jp_ke=ExtractYear("tanggal_selesai") - sebelum_ulang, pada_ke=Value(pada.year) - pada_sebelum)
        .filter(jp_ke=F("pada_ke"))
    )
    return kolom, _total(dalam_kontrak), _total(kalender), kalender


def _total(q, agg=None) -> Subquery:
    return Subquery(q.values("pegawai").annotate(s=agg or Sum("jp")).values("s"), output_field=IntegerField())


def annotate_jp(pegawai_qs: QuerySet[Pegawai], tahun: int, *, pada: date | None = None) -> QuerySet[Pegawai]:
    """Annotate ``jp``: verified JP in the contract year at ``pada`` for a PPPK/PPPK PW with a contract then,
    else in the calendar year ``tahun``. Subqueries only, so lists can still filter and count on ``jp``.

    The live form: reports read the stored ``RekapJp`` (``pelatihan.rekap``), which is built from this."""
    pada = pada or tanggal_acuan(tahun, timezone.localdate())
    kolom, per_kontrak, per_kalender, _kalender = _jp_kolom(tahun, pada, semua_status=False)
    return pegawai_qs.annotate(**kolom).annotate(jp=Coalesce(
        Case(When(jp_kontrak_mulai__isnull=False, then=per_kontrak), default=per_kalender), Value(0)))


def annotate_jp_rekap(pegawai_qs: QuerySet[Pegawai], tahun: int, *, pada: date) -> QuerySet[Pegawai]:
    """The columns of one ``RekapJp`` row: ``jp_kalender`` and ``n_kegiatan`` (verified, calendar year
    ``tahun``) and ``jp_kontrak`` (verified JP in the contract year holding ``pada``; None without a
    contract then). Computed whatever the pegawai's status, so a change of status needs no rebuild; the
    rule picks the column when read (``pelatihan.rekap.with_jp_rekap``)."""
    kolom, per_kontrak, per_kalender, kalender = _jp_kolom(tahun, pada, semua_status=True)
    return pegawai_qs.annotate(**kolom).annotate(
        jp_kalender=Coalesce(per_kalender, Value(0)),
        n_kegiatan=Coalesce(_total(kalender, Count("pk")), Value(0)),
        jp_kontrak=Case(When(jp_kontrak_mulai__isnull=False, then=Coalesce(per_kontrak, Value(0))),
                        default=None, output_field=IntegerField()),
    )
