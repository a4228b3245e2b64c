"""Reads for training records, JP per year and plans; every list in a fixed number of queries.

The annual predikat comes from ``penilaian.evaluasi.selectors.predikat_tahunan`` and its §5.2 marks from
``penilaian.tindak_lanjut``: pelatihan depends on penilaian, never the reverse.
"""
from dataclasses import dataclass
from datetime import date

from django.db.models import (
    Case,
    Count,
    F,
    FilteredRelation,
    IntegerField,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractYear
from django.http import Http404

from pegawai import access
from pegawai.models import Pegawai
from penilaian.evaluasi.selectors import predikat_tahunan
from penilaian.konversi import KonversiTahun, konversi_pegawai
from penilaian.rekan.tindak_lanjut import dengan_kategori, penentu
from penilaian.tindak_lanjut import PENANDA, Kategori, penanda

from .jp import BATAS_PPPK, STATUS_PPPK, TARGET_PNS, StatusJp, status_jp
from .jp_kontrak import annotate_jp, jp_dalam, rentang_jp
from .models import RencanaPengembangan, RiwayatPengembangan

STATUS_PNS = ["PNS", "CPNS"]
Status = RiwayatPengembangan.Status


def riwayat_qs() -> QuerySet[RiwayatPengembangan]:
    return RiwayatPengembangan.objects.select_related(
        "pegawai__unit_kerja__parent", "jalur", "bentuk", "jenis", "rumpun", "diverifikasi_oleh"
    )


def riwayat_visible_to(user) -> QuerySet[RiwayatPengembangan]:
    """Records of the pegawai the user may see: own, subordinates', the instansi's for HR."""
    return riwayat_qs().filter(pegawai__in=access.pegawai_visible_to(user).values("pk"))


def riwayat_to_verify(user) -> QuerySet[RiwayatPengembangan]:
    """Records HR of the user's instansi may verify; never the user's own (domain rule: four eyes)."""
    qs = riwayat_qs().filter(pegawai__in=access.pegawai_managed_by(user).values("pk"))
    own = access.peran(user).pegawai
    return qs.exclude(pegawai=own) if own else qs


def get_riwayat_for(user, pk, *, verify: bool = False, edit: bool = False) -> RiwayatPengembangan:
    """One record in the user's scope (404 outside it). ``edit``: only the owner; ``verify``: HR."""
    if edit:
        own = access.peran(user).pegawai
        qs = riwayat_qs().filter(pegawai=own) if own else RiwayatPengembangan.objects.none()
    elif verify:
        qs = riwayat_to_verify(user)
    else:
        qs = riwayat_visible_to(user)
    try:
        return qs.get(pk=pk)
    except (RiwayatPengembangan.DoesNotExist, ValueError):
        raise Http404 from None


def jp_terverifikasi(pegawai: Pegawai, tahun: int) -> int:
    """Verified JP that the yearly rule counts for ``tahun``: the contract year for a PPPK with a perjanjian
    kerja, else the calendar year (``jp_kontrak.rentang_jp``)."""
    awal, akhir, _kontrak = rentang_jp(pegawai, tahun)
    return jp_dalam(pegawai, awal, akhir)


def jp_per_tahun(pegawai: Pegawai) -> dict[int, int]:
    """Verified JP per year of ``tanggal_selesai`` (domain.md §8.3 dashboard)."""
    rows = (
        RiwayatPengembangan.objects.filter(pegawai=pegawai, status=Status.DIVERIFIKASI)
        .annotate(th=ExtractYear("tanggal_selesai")).values("th").annotate(s=Sum("jp")).values_list("th", "s")
    )
    return dict(rows)


def with_jp(pegawai_qs: QuerySet[Pegawai], tahun: int, *, pada: date | None = None) -> QuerySet[Pegawai]:
    """Annotate ``jp`` = verified JP of ``tahun`` (the contract year for PPPK, ``jp_kontrak.annotate_jp``)."""
    return annotate_jp(pegawai_qs, tahun, pada=pada)


def with_jp_rekap(pegawai_qs: QuerySet[Pegawai], tahun: int) -> QuerySet[Pegawai]:
    """Annotate ``jp`` from the stored ``RekapJp`` row of ``tahun`` (one LEFT JOIN, no aggregate): the
    contract year for a PPPK with a contract, else the calendar year; the same figure as ``with_jp``."""
    return pegawai_qs.annotate(
        rekap_tahun=FilteredRelation("rekap_jp", condition=Q(rekap_jp__tahun=tahun)),
    ).annotate(jp=Case(
        When(status__in=STATUS_PPPK, rekap_tahun__jp_kontrak__isnull=False, then=F("rekap_tahun__jp_kontrak")),
        default=Coalesce(F("rekap_tahun__jp_kalender"), Value(0)), output_field=IntegerField()))


def below_target(pegawai_qs: QuerySet[Pegawai]) -> QuerySet[Pegawai]:
    """PNS/CPNS below 20 JP, and PPPK above the 24 JP cap (both need HR's attention)."""
    return pegawai_qs.filter(Q(status__in=STATUS_PNS, jp__lt=TARGET_PNS) | Q(status__in=STATUS_PPPK, jp__gt=BATAS_PPPK))


@dataclass
class RingkasanUnit:
    unit_id: int
    unit_nama: str
    n_pns: int
    n_tercapai: int
    n_pppk: int
    n_pppk_melebihi: int
    jp_total: int

    @property
    def persen(self) -> int:
        return round(self.n_tercapai * 100 / self.n_pns) if self.n_pns else 0


def _label(row) -> str:
    """The unit as "kode — nama (induk)" from a values() row (pegawai.unit_label)."""
    label = f"{row['unit_kerja__kode']} — {row['unit_kerja__nama']}"
    return label + (f" ({row['unit_kerja__parent__nama']})" if row["unit_kerja__parent__nama"] else "")


def ringkasan_per_unit(pegawai_qs: QuerySet[Pegawai]) -> list[RingkasanUnit]:
    """Per unit kerja: PNS reaching 20 JP and PPPK above 24 JP; one query (``pegawai_qs`` has ``jp``)."""
    rows = (
        pegawai_qs.order_by().values("unit_kerja_id", "unit_kerja__nama", "unit_kerja__kode",
                                     "unit_kerja__parent__nama")
        .annotate(
            n_pns=Count("pk", filter=Q(status__in=STATUS_PNS)),
            n_tercapai=Count("pk", filter=Q(status__in=STATUS_PNS, jp__gte=TARGET_PNS)),
            n_pppk=Count("pk", filter=Q(status__in=STATUS_PPPK)),
            n_pppk_melebihi=Count("pk", filter=Q(status__in=STATUS_PPPK, jp__gt=BATAS_PPPK)),
            jp_total=Sum("jp"),
        )
        .order_by("unit_kerja__kode")
    )
    return [
        RingkasanUnit(r["unit_kerja_id"], _label(r), r["n_pns"], r["n_tercapai"], r["n_pppk"],
                      r["n_pppk_melebihi"], r["jp_total"] or 0)
        for r in rows
    ]


def penanda_per_pegawai(pegawai_ids, *, tahun: int) -> dict[int, Kategori]:
    """§5.2 marks judged at ``tahun`` (predikat of ``tahun`` and ``tahun - 1``)."""
    hasil = {}
    for pid, per_tahun in predikat_tahunan(pegawai_ids, tahun=tahun).items():
        mark = penanda(per_tahun, tahun=tahun)
        if mark:
            hasil[pid] = mark
    return hasil


def angka_kredit_per_tahun(pegawai: Pegawai, *, tahunan=None) -> list[KonversiTahun]:
    """Angka kredit per year, newest first, **per SKP period** (domain.md §5.1, §11.2 rule 3): months of
    each SKP / 12 × % of its predikat × koefisien of the jenjang held in it (``penilaian.konversi``).
    ``tahunan``: the pegawai's ``predikat_tahunan`` when the caller has it already."""
    return list(reversed(konversi_pegawai(pegawai, tahunan=tahunan)))


def ringkasan_pegawai(pegawai: Pegawai, tahun: int) -> dict:
    """Everything the employee's page shows for ``tahun``: JP position, history, plan, AK, §5.2 mark."""
    per_tahun = jp_per_tahun(pegawai)
    awal, akhir, is_kontrak = rentang_jp(pegawai, tahun)
    predikat = predikat_tahunan([pegawai.pk]).get(pegawai.pk, {})
    rencana = (
        RencanaPengembangan.objects.filter(pegawai=pegawai, tahun=tahun)
        .prefetch_related("items__riwayat", "items__rumpun", "items__jenis").first()
    )
    # The calendar year is one of the years summed above; only a contract year needs its own sum.
    jp = jp_dalam(pegawai, awal, akhir) if is_kontrak else per_tahun.get(tahun) or 0
    return {
        "jp": status_jp(pegawai.status, jp),
        "jp_rentang": (awal, akhir) if is_kontrak else None,
        "jp_per_tahun": [(th, status_jp(pegawai.status, jp)) for th, jp in sorted(per_tahun.items(), reverse=True)],
        "rencana": rencana,
        "angka_kredit": angka_kredit_per_tahun(pegawai, tahunan=predikat),
        "penanda": penanda(predikat) if predikat else None,
        "predikat_per_tahun": sorted(predikat.items(), reverse=True),
    }


def status_of(p: Pegawai) -> StatusJp:
    return status_jp(p.status, getattr(p, "jp", 0))


@dataclass
class RingkasPenanda:
    penanda: Kategori
    jumlah: int
    contoh: list[Pegawai]


def penanda_ringkas(pegawai_qs: QuerySet[Pegawai], *, tahun: int, contoh: int = 20) -> list[RingkasPenanda]:
    """Talent pool candidates and development priorities in scope (§5.2): counts plus a few names, selected
    in SQL (``penilaian.rekan.tindak_lanjut``); at most 2 queries per mark whatever the size of the instansi."""
    dinilai = penentu(tahun, pegawai_ids=pegawai_qs.order_by().values("pk"))
    hasil = []
    for m in PENANDA:
        ids = dengan_kategori(dinilai, tahun, m).order_by().values("skp__pegawai_id")
        # Count first (driven by the year's results): with none, the name query would walk every pegawai.
        jumlah = ids.count()
        nama = list(Pegawai.objects.filter(pk__in=ids).select_related("unit_kerja").order_by("nama", "nip")
                    [:contoh]) if jumlah else []
        hasil.append(RingkasPenanda(m, jumlah, nama))
    return hasil
