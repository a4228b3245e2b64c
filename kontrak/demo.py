"""seed_demo step: PPPK Paruh Waktu with perjanjian kerja (domain.md §11.1); idempotent.

Runs after ``penilaian.evaluasi.demo``. The first PPPK with an approved SKP of the demo year becomes a
PPPK Paruh Waktu with last year's contract and this year's renewal (1 January – 31 December, holding the
SKP), with its past quarters evaluated. A second PPPK has a two-year contract ending in 45 days, so HR's
list of contracts ending soon always shows one with its recommendation.
"""
from datetime import date, timedelta

from django.db.models import Exists, OuterRef
from django.utils import timezone

from pegawai.identitas import identitas_pegawai
from pegawai.models import Pegawai
from penilaian.evaluasi.demo import TAHUN
from penilaian.models import Penilaian, Periode, Skp
from penilaian.predikat import Rating, hitung_predikat

from .models import PerjanjianKerja
from .rules import akhir_satu_tahun, tambah_tahun
from .services import perjanjian_create

TARGET = ("Terlaksananya layanan administrasi dan data kepegawaian unit kerja tepat waktu; laporan bulanan "
          "disampaikan paling lambat tanggal 5 bulan berikutnya.")
RATINGS = [(Rating.SESUAI, Rating.SESUAI), (Rating.DI_ATAS, Rating.SESUAI), (Rating.SESUAI, Rating.DI_ATAS)]


def seed(instansi, *, rng, log=print) -> None:
    skp_tahun = Skp.objects.filter(pegawai=OuterRef("pk"), tahun=TAHUN, status=Skp.Status.DISETUJUI,
                                   tanggal_mulai=date(TAHUN, 1, 1), tanggal_selesai=date(TAHUN, 12, 31))
    calon = list(
        Pegawai.objects.filter(unit_kerja__instansi=instansi, status__in=["PPPK", "PPPK_PW"], aktif=True,
                               user__isnull=False)
        .annotate(punya_skp=Exists(skp_tahun)).order_by("-punya_skp", "unit_kerja__kode", "pk")[:2]
    )
    if not calon:
        log("Tidak ada PPPK; perjanjian kerja demo dilewati.")
        return
    utama = calon[0]
    Pegawai.objects.filter(pk=utama.pk).update(status=Pegawai.Status.PPPK_PW)
    utama.status = Pegawai.Status.PPPK_PW
    _kontrak(utama, f"800/{utama.pk}/PK-PW/{TAHUN - 1}", date(TAHUN - 1, 1, 1))
    _kontrak(utama, f"800/{utama.pk}/PK-PW/{TAHUN}", date(TAHUN, 1, 1))
    n = _triwulan(utama, rng)
    if len(calon) > 1:
        selesai = timezone.localdate() + timedelta(days=45)
        mulai = tambah_tahun(selesai + timedelta(days=1), -2)
        _kontrak(calon[1], f"800/{calon[1].pk}/PK/{mulai.year}", mulai, selesai)
    log(f"Perjanjian kerja PPPK demo: {', '.join(p.nama for p in calon)}; {n} evaluasi triwulan dibuat.")


def _kontrak(pegawai, nomor, mulai, selesai=None) -> None:
    selesai = selesai or akhir_satu_tahun(mulai)
    if PerjanjianKerja.objects.berlaku().filter(pegawai=pegawai, tanggal_mulai__lte=selesai,
                                                tanggal_selesai__gte=mulai).exists():
        return  # already seeded (or another run's dates): idempotent
    perjanjian_create(pegawai=pegawai, nomor=nomor, tanggal_mulai=mulai, tanggal_selesai=selesai,
                      target_kinerja=TARGET, oleh=None)


def _triwulan(pegawai, rng) -> int:
    """Final evaluations of the past quarters of the pegawai's SKP that have none yet."""
    skp = Skp.objects.filter(pegawai=pegawai, tahun=TAHUN, status=Skp.Status.DISETUJUI).select_related(
        "pejabat_penilai").first()
    if skp is None:
        return 0
    now = timezone.now()
    ada = set(Penilaian.objects.filter(skp=skp).values_list("periode_id", flat=True))
    periodes = Periode.objects.filter(instansi_id=pegawai.unit_kerja.instansi_id, tahun=TAHUN,
                                      jenis=Periode.Jenis.TRIWULANAN, batas_pengisian__lt=timezone.localdate())
    rows = []
    for periode in periodes.exclude(pk__in=ada).order_by("tanggal_mulai"):
        hasil, perilaku = rng.choice(RATINGS)
        rows.append(Penilaian(
            skp=skp, periode=periode, status=Penilaian.Status.DITERIMA, rating_hasil=hasil, rating_perilaku=perilaku,
            predikat=hitung_predikat(hasil, perilaku), diajukan_pada=now - timedelta(days=20),
            final_pada=now - timedelta(days=15), ditanggapi_pada=now - timedelta(days=10), penilai=skp.pejabat_penilai,
            snapshot={"pegawai": identitas_pegawai(pegawai), "penilai": identitas_pegawai(skp.pejabat_penilai)},
        ))
    Penilaian.objects.bulk_create(rows)
    return len(rows)
