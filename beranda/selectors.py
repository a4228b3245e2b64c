"""Cards of the home dashboard ("Beranda"), one selector per role section.

Each selector runs a fixed number of queries whatever the amount of data: counts are aggregated in
the database and lists are sliced, so the page never grows with rows (style.md §2.4).
"""
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import BooleanField, Case, Count, Exists, OuterRef, Q, When
from django.utils import timezone

from harian.models import TanggapanKegiatan
from harian.selectors import hari_kerja_terakhir, jumlah_belum_melapor
from pegawai import access
from pegawai.models import Instansi, Pegawai
from pelatihan.jp import StatusJp, status_jp
from pelatihan.models import RiwayatPengembangan
from pelatihan.selectors import jp_terverifikasi, riwayat_to_verify
from penilaian import ringkasan
from penilaian.access import skp_to_approve
from penilaian.models import Penilaian, Periode, Skp, UndanganRekan
from penilaian.rekan.selectors import undangan_terbuka

N_HARI_SEPI = 3  # working days without a daily report before a team member is flagged (as harian:tim)
N_TANGGAPAN = 3
N_DAFTAR = 5


def periode_berjalan(instansi_id: int | None, hari_ini: date) -> Periode | None:
    """The period to work on now: started, still open for input, nearest deadline first.

    Several periods may be open at once (a quarter whose deadline runs into the next one, the annual
    "Akhir", domain.md §3.1); the one whose deadline comes first is the urgent one.
    """
    if instansi_id is None:
        return None
    return (Periode.objects.filter(instansi_id=instansi_id, tanggal_mulai__lte=hari_ini, batas_pengisian__gte=hari_ini)
            .order_by("batas_pengisian", "tanggal_mulai", "pk").first())


def _overlaps(skp: Skp, periode: Periode) -> bool:
    return skp.tanggal_mulai <= periode.tanggal_selesai and skp.tanggal_selesai >= periode.tanggal_mulai


# --- Pegawai ----------------------------------------------------------------------------------------

@dataclass
class KartuPegawai:
    tahun: int
    skp: list[Skp]
    periode: Periode | None
    sisa_hari: int | None
    penilaian: Penilaian | None
    skp_bisa_dinilai: Skp | None  # an approved SKP covering the period, to open the evaluation from
    menunggu_tanggapan: list[Penilaian]
    undangan_rekan: int
    jp: StatusJp
    tanggapan: list[TanggapanKegiatan]


def kartu_pegawai(pegawai: Pegawai, hari_ini: date) -> KartuPegawai:
    """My SKP of the year, the current period and its evaluation, what waits for me, JP, reactions (6 queries)."""
    tahun = hari_ini.year
    skps = list(Skp.objects.filter(pegawai=pegawai, tahun=tahun).order_by("tanggal_mulai", "pk"))
    periode = periode_berjalan(pegawai.unit_kerja.instansi_id, hari_ini)
    # One query for my evaluations in the current period and those waiting for my response: a few rows
    # of one pegawai (one per SKP in the period, the finals of the response window).
    q_menunggu = Penilaian.q_menunggu_tanggapan()
    milik = list(Penilaian.objects.filter(skp__pegawai=pegawai).filter(
        q_menunggu | Q(periode=periode) if periode is not None else q_menunggu)
        .annotate(menunggu=Case(When(q_menunggu, then=True), default=False, output_field=BooleanField()))
        .select_related("skp", "periode").order_by("periode__tanggal_mulai", "pk"))
    menunggu = [p for p in milik if p.menunggu][:N_DAFTAR]
    penilaian = skp_bisa = None
    if periode is not None:
        penilaian = max((p for p in milik if p.periode_id == periode.pk), default=None,
                        key=lambda p: p.skp.tanggal_mulai)
        # In January the open period may belong to last year: its SKPs are not the ones listed above.
        kandidat = skps if periode.tahun == tahun else list(Skp.objects.filter(pegawai=pegawai, tahun=periode.tahun))
        skp_bisa = next((s for s in reversed(kandidat)
                         if s.status == Skp.Status.DISETUJUI and _overlaps(s, periode)), None)
    undangan = undangan_terbuka(UndanganRekan.objects.filter(rekan=pegawai), hari_ini).count()
    tanggapan = list(TanggapanKegiatan.objects.filter(kegiatan__pegawai=pegawai).exclude(oleh=pegawai)
                     .select_related("kegiatan", "oleh").order_by("-diubah_pada", "-pk")[:N_TANGGAPAN])
    return KartuPegawai(
        tahun=tahun, skp=skps, periode=periode,
        sisa_hari=(periode.batas_pengisian - hari_ini).days if periode else None,
        penilaian=penilaian, skp_bisa_dinilai=skp_bisa, menunggu_tanggapan=menunggu, undangan_rekan=undangan,
        jp=status_jp(pegawai.status, jp_terverifikasi(pegawai, tahun)), tanggapan=tanggapan,
    )


# --- Atasan -----------------------------------------------------------------------------------------

@dataclass
class KartuAtasan:
    skp_diajukan: int
    penilaian_menunggu: int
    belum_melapor: int
    belum_melapor_contoh: list[Pegawai]  # the first few by name
    n_hari: int
    sejak: date
    undangan_belum: int


def kartu_atasan(user, pegawai: Pegawai, hari_ini: date) -> KartuAtasan:
    """What waits for the supervisor: SKPs to approve, evaluations to rate or finalise in open periods,
    silent team members, evaluations without any peer invited yet (domain.md §1, §3.2, §6, §9.2).
    Two queries: the SKPs and their evaluations in one aggregate, the silent members with their count."""
    terbuka = Q(penilaian__periode__batas_pengisian__gte=hari_ini)
    counts = skp_to_approve(user).order_by().aggregate(
        diajukan=Count("pk", filter=Q(status=Skp.Status.DIAJUKAN), distinct=True),
        menunggu=Count("penilaian", filter=terbuka & Q(penilaian__status__in=Penilaian.status_untuk("rate"))),
        tanpa_undangan=Count("penilaian", filter=terbuka & ~Q(penilaian__status__in=Penilaian.SELESAI)
                             & ~Exists(UndanganRekan.objects.filter(penilaian=OuterRef("penilaian")))),
    )
    jumlah, contoh = jumlah_belum_melapor(access.bawahan_of(pegawai), n=N_HARI_SEPI, hari_ini=hari_ini,
                                          contoh=N_DAFTAR)
    return KartuAtasan(
        skp_diajukan=counts["diajukan"], penilaian_menunggu=counts["menunggu"],
        belum_melapor=jumlah, belum_melapor_contoh=contoh,
        n_hari=N_HARI_SEPI, sejak=hari_kerja_terakhir(N_HARI_SEPI, hari_ini)[0],
        undangan_belum=counts["tanpa_undangan"],
    )


# --- HR ---------------------------------------------------------------------------------------------

@dataclass
class KartuHr:
    instansi: Instansi | None
    tahun: int
    pegawai_aktif: int = 0
    tanpa_skp: int = 0
    periode: Periode | None = None
    penilaian_total: int = 0
    penilaian_selesai: int = 0
    riwayat_menunggu: int = 0
    diperbarui: datetime | None = None  # last full rebuild of the summary rows the counts come from

    @property
    def persen_selesai(self) -> int:
        return round(self.penilaian_selesai * 100 / self.penilaian_total) if self.penilaian_total else 0


def kartu_hr(user, instansi: Instansi | None, hari_ini: date) -> KartuHr:
    """Instansi-wide figures: active staff, staff without an SKP this year, completion of the current
    period (evaluations finalised / evaluable SKPs, domain.md §3.2), training records to verify; the counts
    come from the summary rows (``penilaian.ringkasan``)."""
    tahun = hari_ini.year
    kartu = KartuHr(instansi=instansi, tahun=tahun)
    if instansi is None:
        return kartu
    kartu.periode = periode_berjalan(instansi.pk, hari_ini)
    kartu.diperbarui = ringkasan.segarkan(instansi.pk, tahun, *([kartu.periode.tahun] if kartu.periode else []))[tahun]
    kartu.pegawai_aktif, kartu.tanpa_skp = ringkasan.jumlah_pegawai(instansi.pk, tahun, segar=False)
    if kartu.periode is not None:
        kartu.penilaian_total, kartu.penilaian_selesai = ringkasan.jumlah_penilaian(
            instansi.pk, kartu.periode, segar=False)
    kartu.riwayat_menunggu = (
        riwayat_to_verify(user)
        .filter(status=RiwayatPengembangan.Status.DIAJUKAN, pegawai__unit_kerja__instansi=instansi)
        .count()
    )
    return kartu


def hari_ini() -> date:
    return timezone.localdate()
