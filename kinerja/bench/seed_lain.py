"""The rest of a year: verified training records (the JP report), released peer input on the last closed
quarter for one evaluation in ``REKAN_SETIAP`` of those with three colleagues (the peer-input pages) and
``hari`` working days of daily activities per pegawai (the activity feeds), every third one checked.
"""
import uuid
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from harian.models import KegiatanHarian
from pelatihan.models import JenisPengembangan, RiwayatPengembangan, RumpunKompetensi
from penilaian.models import MasukanRekan, PerilakuKerja, Periode, RilisMasukanRekan, UndanganRekan

from .seed_skp import Tahun
from .tulis import reset, tulis

REKAN_SETIAP = 10
PELATIHAN = [("Pelatihan Analisis Kebijakan Publik", 24), ("Seminar Transformasi Digital Pemerintahan", 8)]


def seed_pelatihan(data: Tahun, *, log=print) -> None:
    jenis = list(JenisPengembangan.objects.exclude(bentuk=None).order_by("urutan", "pk")[:2])
    rumpun = RumpunKompetensi.objects.order_by("urutan", "pk").first()
    if not jenis or rumpun is None or RiwayatPengembangan.objects.filter(pegawai_id=data.pegawai[0]).exists():
        return
    now = timezone.now()
    rows = []
    for i, pk in enumerate(data.pegawai):
        for k, (nama, jp) in enumerate(PELATIHAN):
            j = jenis[k % len(jenis)]
            selesai = date(data.tahun, 1 + (i + 5 * k) % 10, 1 + i % 27)
            rows.append((pk, nama, "BPSDM Provinsi", j.jalur_id, j.bentuk_id, j.pk, rumpun.pk,
                         selesai - timedelta(days=2), selesai, jp, RiwayatPengembangan.Status.DIVERIFIKASI, now))
    n = tulis(RiwayatPengembangan, ["pegawai_id", "nama_kegiatan", "penyelenggara", "jalur_id", "bentuk_id",
                                    "jenis_id", "rumpun_id", "tanggal_mulai", "tanggal_selesai", "jp", "status",
                                    "diverifikasi_pada"], rows)
    reset(RiwayatPengembangan)
    log(f"Riwayat pelatihan: {n:,}.")


def seed_rekan(instansi, data: Tahun, penilaian: dict[int, dict[int, int]], *, log=print) -> None:
    """Three peers (colleagues under the same atasan) answered; the answers are released."""
    today = timezone.localdate()
    periode = (Periode.objects.filter(instansi=instansi, tahun=data.tahun, jenis=Periode.Jenis.TRIWULANAN,
                                      tanggal_selesai__lt=today).order_by("-tanggal_selesai").first())
    if periode is None or UndanganRekan.objects.filter(penilaian__periode=periode).exists():
        return
    tim: dict[int, list[int]] = {}
    for pk in data.pegawai:
        tim.setdefault(data.atasan[pk], []).append(pk)
    kode = list(PerilakuKerja.objects.values_list("kode", flat=True))
    undangan, rilis, jawaban = [], [], []
    boleh = 0
    for pk in data.pegawai:
        key = penilaian.get(pk, {}).get(periode.pk)
        rekan = [r for r in tim.get(data.atasan[pk], []) if r != pk][:3]
        if key is None or len(rekan) < 3:
            continue
        boleh += 1
        if boleh % REKAN_SETIAP != 1:
            continue
        undangan += [(key, r, True) for r in rekan]
        rilis.append((key, 3))
        jawaban += [(uuid.uuid4(), key, {k: "SESUAI" for k in kode}, "Kerja sama tim baik.") for _ in rekan]
    tulis(UndanganRekan, ["penilaian_id", "rekan_id", "sudah_menjawab"], undangan)
    tulis(RilisMasukanRekan, ["penilaian_id", "jumlah_jawaban"], rilis)
    tulis(MasukanRekan, ["id", "penilaian_id", "jawaban", "komentar"], jawaban)
    reset(UndanganRekan)
    log(f"Masukan rekan: {len(rilis):,} penilaian, {len(undangan):,} undangan dijawab dan dirilis.")


def seed_harian(data: Tahun, *, hari: int, log=print) -> None:
    if not hari or KegiatanHarian.objects.filter(pegawai_id=data.pegawai[0]).exists():
        return
    today = timezone.localdate()
    days = [d for d in (today - timedelta(days=k) for k in range(hari * 2 + 7)) if d.weekday() < 5][:hari]
    S = KegiatanHarian.Status
    n = tulis(KegiatanHarian, ["pegawai_id", "tanggal", "uraian", "kuantitas", "satuan", "iki_id", "status"],
              ((pk, d, "Menyusun laporan pelaksanaan kegiatan", Decimal(1), "dokumen",
                data.iki[pk][j % len(data.iki[pk])], S.DISETUJUI if (i + j) % 3 == 0 else S.DIAJUKAN)
               for i, pk in enumerate(data.pegawai) for j, d in enumerate(days)))
    reset(KegiatanHarian)
    log(f"Kegiatan harian: {n:,} ({len(days)} hari kerja).")
