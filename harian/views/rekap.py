""""Rekap per IKI" on the employee's log: the roll-up that the realisasi form also shows (domain.md §3.2)."""
from dataclasses import dataclass

from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import number_format

from pegawai.models import Pegawai
from penilaian.models import IndikatorKinerja, Penilaian, Periode, Skp

from ..models import format_angka
from ..selectors import RollupIki, rollup_per_skp, skp_tertaut_q


@dataclass
class BarisRekap:
    iki: IndikatorKinerja
    rollup: RollupIki

    @property
    def jumlah_teks(self) -> str:
        return format_angka(self.rollup.jumlah)  # for the input

    @property
    def jumlah_tampil(self) -> str:
        return number_format(format_angka(self.rollup.jumlah))


@dataclass
class RekapSkp:
    skp: Skp
    penilaian: Penilaian
    baris: list[BarisRekap]
    url_realisasi: str = ""


def _url_realisasi(penilaian: Penilaian) -> str:
    """The appraisal's realisasi form (penilaian/evaluasi), which renders the same roll-up; "" if absent."""
    try:
        if penilaian.pk:
            return reverse("penilaian:evaluasi-detail", args=[penilaian.pk])
        return reverse("penilaian:evaluasi-buka", args=[penilaian.skp_id, penilaian.periode_id])
    except NoReverseMatch:
        return ""


def rekap_context(request, me: Pegawai) -> dict:
    """Periods of the pegawai's instansi that overlap a linkable SKP; the chosen one's roll-up per SKP."""
    skps = list(Skp.objects.filter(skp_tertaut_q(), pegawai=me).order_by("tanggal_mulai"))
    if not skps:
        return {"rekap_periode": [], "rekap": []}
    overlap = Q()
    for s in skps:
        overlap |= Q(tanggal_mulai__lte=s.tanggal_selesai, tanggal_selesai__gte=s.tanggal_mulai)
    periode_list = list(
        Periode.objects.filter(overlap, instansi_id=me.unit_kerja.instansi_id).order_by("-tanggal_mulai", "jenis")
    )
    if not periode_list:
        return {"rekap_periode": [], "rekap": []}
    today = timezone.localdate()
    chosen = next((p for p in periode_list if str(p.pk) == request.GET.get("periode")), None)
    if chosen is None:  # default: the shortest period running today, else the latest
        running = [p for p in periode_list if p.tanggal_mulai <= today <= p.tanggal_selesai]
        chosen = min(running, key=lambda p: p.tanggal_selesai - p.tanggal_mulai) if running else periode_list[0]
    skps = [s for s in skps if s.tanggal_mulai <= chosen.tanggal_selesai and s.tanggal_selesai >= chosen.tanggal_mulai]
    existing = {p.skp_id: p for p in Penilaian.objects.filter(periode=chosen, skp__in=skps)}
    iki_per_skp: dict[int, list[IndikatorKinerja]] = {}
    for iki in (
        IndikatorKinerja.objects.filter(rhk__skp__in=skps)
        .select_related("rhk")
        .order_by("rhk__jenis", "rhk__urutan", "urutan", "pk")
    ):
        iki_per_skp.setdefault(iki.rhk.skp_id, []).append(iki)
    rollups = rollup_per_skp(skps, chosen)  # one query for every SKP of the period
    rekap = []
    for s in skps:
        penilaian = existing.get(s.pk) or Penilaian(skp=s, periode=chosen)
        penilaian.skp, penilaian.periode = s, chosen  # loaded already: the links below need no query
        rollup = rollups.get(s.pk, {})
        baris = [BarisRekap(iki=i, rollup=rollup.get(i.pk, RollupIki())) for i in iki_per_skp.get(s.pk, [])]
        rekap.append(RekapSkp(skp=s, penilaian=penilaian, baris=baris, url_realisasi=_url_realisasi(penilaian)))
    return {"rekap_periode": periode_list, "rekap_pilihan": chosen, "rekap": rekap}
