"""seed_demo step: a realistic training history, development plans and follow-up of annual predikat.

Bounded: only the pegawai of the first units (about 400 people) get records, so 50,000 pegawai stay fast.
The demo ``pegawai`` login gets verified JP this year plus one record waiting for HR, with certificates.
"""
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from pegawai.models import Pegawai, User
from penilaian.models import Penilaian, Periode
from penilaian.tindak_lanjut import PREDIKAT_PERBAIKAN

from .models import (
    ItemRencana,
    JenisPengembangan,
    RencanaPengembangan,
    RiwayatPengembangan,
    RumpunKompetensi,
)
from .services import tindak_lanjut_predikat_tahunan

MAKS_PEGAWAI = 400
# (nama kegiatan, penyelenggara, jenis kode, rumpun kode, JP)
KEGIATAN = [
    ("Pelatihan Dasar CPNS Golongan III", "BPSDM Provinsi", "PELATIHAN_TEKNIS", "SOSIAL_KULTURAL", 60),
    ("Bimtek Penyusunan SKP Berbasis PermenPANRB 6/2022", "BKPSDM Kota Nusa Asri", "BIMTEK", "TEKNIS", 16),
    ("Pelatihan Kepemimpinan Pengawas (PKP)", "BPSDM Provinsi", "PELATIHAN_KEPEMIMPINAN", "MANAJERIAL", 80),
    (
        "Pelatihan Kepemimpinan Administrator (PKA)",
        "Lembaga Administrasi Negara",
        "PELATIHAN_KEPEMIMPINAN",
        "MANAJERIAL",
        80,
    ),
    ("E-learning Core Values ASN BerAKHLAK", "ASN Corpu — LAN", "E_LEARNING", "SOSIAL_KULTURAL", 8),
    ("E-learning Literasi Digital ASN", "ASN Corpu — Kementerian Kominfo", "E_LEARNING", "TEKNIS", 10),
    ("E-learning Manajemen Risiko Sektor Publik", "ASN Corpu — BPKP", "E_LEARNING", "MANAJERIAL", 12),
    ("Pelatihan Pengadaan Barang/Jasa Tingkat Dasar", "LKPP", "PELATIHAN_FUNGSIONAL", "TEKNIS", 40),
    ("Bimtek Penyusunan Laporan Kinerja Instansi Pemerintah", "BAPPEDA Kota Nusa Asri", "BIMTEK", "TEKNIS", 12),
    ("Seminar Nasional Transformasi Digital Pemerintahan", "Kementerian PANRB", "SEMINAR", "TEKNIS", 4),
    ("Workshop Analisis Jabatan dan Beban Kerja", "BKPSDM Kota Nusa Asri", "WORKSHOP", "TEKNIS", 8),
    ("Coaching Kinerja oleh Atasan Langsung", "Unit kerja", "COACHING", "MANAJERIAL", 4),
    ("Mentoring Penyusunan Rencana Aksi", "Unit kerja", "MENTORING", "MANAJERIAL", 6),
    ("Pelatihan Pelayanan Publik Prima", "BPSDM Provinsi", "PELATIHAN_SOSIAL_KULTURAL", "SOSIAL_KULTURAL", 24),
    ("Sosialisasi Manajemen Talenta ASN", "BKN Kantor Regional", "SOSIALISASI", "MANAJERIAL", 3),
    ("Kursus Bahasa Inggris untuk ASN", "Lembaga Bahasa Universitas Nusa", "KURSUS", "SOSIAL_KULTURAL", 30),
]
PDF_CONTOH = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def _pegawai_ids(instansi):
    qs = Pegawai.objects.filter(unit_kerja__instansi=instansi, aktif=True)
    return qs.order_by("unit_kerja__kode", "pk").values_list("pk", flat=True)[:MAKS_PEGAWAI]


def _pegawai_demo(instansi) -> list[Pegawai]:
    """The first units in code order (they hold the demo atasan's seksi), bounded to MAKS_PEGAWAI."""
    qs = Pegawai.objects.filter(unit_kerja__instansi=instansi, aktif=True)
    return list(qs.order_by("unit_kerja__kode", "pk")[:MAKS_PEGAWAI])


def seed(instansi, *, rng, log=print) -> None:
    if RiwayatPengembangan.objects.filter(pegawai__unit_kerja__instansi=instansi).exists():
        # The follow-up is idempotent: it picks up annual predikat added by later runs of other steps.
        n = _follow_up(instansi, list(_pegawai_ids(instansi)))
        log(f"Riwayat pelatihan demo sudah ada; dilewati ({n} rencana otomatis diperiksa).")
        return
    today = timezone.localdate()
    jenis = {j.kode: j for j in JenisPengembangan.objects.select_related("jalur", "bentuk")}
    rumpun = {r.kode: r for r in RumpunKompetensi.objects.all()}
    hr = User.objects.filter(username="hr").first()
    pegawai = _pegawai_demo(instansi)
    rows = []
    for p in pegawai:
        for _i in range(rng.randint(2, 6)):
            nama, penyelenggara, jk, rk, jp = rng.choice(KEGIATAN)
            tahun = rng.choice([today.year - 2, today.year - 1, today.year, today.year])
            selesai = min(
                date(tahun, rng.randint(1, 12), rng.randint(1, 28)), today - timedelta(days=rng.randint(1, 20))
            )
            status = rng.choices(["DIVERIFIKASI", "DIAJUKAN", "DITOLAK"], weights=[75, 18, 7])[0]
            rows.append(_row(p, nama, penyelenggara, jenis[jk], rumpun[rk], jp, selesai, status, hr, rng))
    RiwayatPengembangan.objects.bulk_create(rows, batch_size=1000)
    _demo_login(instansi, jenis, rumpun, hr, today, rng)
    n_rencana = _follow_up(instansi, [p.pk for p in pegawai])
    log(f"{len(rows)} riwayat pelatihan untuk {len(pegawai)} pegawai; {n_rencana} rencana pengembangan otomatis.")


def _row(p, nama, penyelenggara, jenis, rumpun, jp, selesai, status, hr, rng, **extra) -> RiwayatPengembangan:
    durasi = max(jp // 8, 1)
    return RiwayatPengembangan(
        pegawai=p,
        nama_kegiatan=nama,
        penyelenggara=penyelenggara,
        jalur=jenis.jalur,
        bentuk=jenis.bentuk,
        jenis=jenis,
        rumpun=rumpun,
        tanggal_mulai=selesai - timedelta(days=durasi - 1),
        tanggal_selesai=selesai,
        jp=jp,
        nomor_sertifikat=f"{selesai.year}/STTPP/{rng.randint(1000, 9999)}",
        status=status,
        alasan_tolak="Sertifikat tidak terbaca; unggah ulang hasil pindaian yang jelas." if status == "DITOLAK" else "",
        diverifikasi_oleh=hr if status != "DIAJUKAN" else None,
        diverifikasi_pada=timezone.now() if status != "DIAJUKAN" else None,
        **extra,
    )


def _demo_login(instansi, jenis, rumpun, hr, today, rng) -> None:
    """Give the demo ``pegawai`` a visible JP bar (some verified, one waiting) and a plan."""
    atasan = (
        Pegawai.objects.filter(
            unit_kerja__instansi=instansi, jabatan__jenis="PENGAWAS", bawahan__isnull=False, user__isnull=False
        )
        .order_by("unit_kerja__kode")
        .first()
    )
    staf = atasan.bawahan.filter(user__isnull=False).order_by("pk").first() if atasan else None
    if staf is None:
        return
    RiwayatPengembangan.objects.filter(pegawai=staf).delete()
    # 16 JP verified this year, 8 JP waiting for HR (verifying it moves the bar), 10 JP last year.
    plan = [
        (
            "Bimtek Penyusunan SKP Berbasis PermenPANRB 6/2022",
            "BKPSDM Kota Nusa Asri",
            "BIMTEK",
            "TEKNIS",
            16,
            min(date(today.year, 2, 12), today),
            "DIVERIFIKASI",
        ),
        (
            "E-learning Core Values ASN BerAKHLAK",
            "ASN Corpu — LAN",
            "E_LEARNING",
            "SOSIAL_KULTURAL",
            8,
            min(date(today.year, 4, 10), today),
            "DIAJUKAN",
        ),
        (
            "E-learning Literasi Digital ASN",
            "ASN Corpu — Kementerian Kominfo",
            "E_LEARNING",
            "TEKNIS",
            10,
            date(today.year - 1, 9, 15),
            "DIVERIFIKASI",
        ),
    ]
    dibuat = []
    for nama, peny, jk, rk, jp, selesai, status in plan:
        r = _row(
            staf,
            nama,
            peny,
            jenis[jk],
            rumpun[rk],
            jp,
            selesai,
            status,
            hr,
            rng,
            nama_berkas=f"sertifikat-{jk.lower()}.pdf",
            ukuran=len(PDF_CONTOH),
            content_type="application/pdf",
        )
        r.sertifikat.save("s.pdf", ContentFile(PDF_CONTOH), save=False)
        r.save()
        dibuat.append(r)
    rencana, _c = RencanaPengembangan.objects.get_or_create(pegawai=staf, tahun=today.year)
    item, _c = ItemRencana.objects.get_or_create(
        rencana=rencana,
        kompetensi="Penyusunan SKP dan rencana aksi",
        defaults={
            "rumpun": rumpun["TEKNIS"],
            "jenis": jenis["BIMTEK"],
            "target_jp": 16,
            "target_tanggal": date(today.year, 6, 30),
            "status": ItemRencana.Status.TERCAPAI,
        },
    )
    item.riwayat.set([dibuat[0]])
    ItemRencana.objects.get_or_create(
        rencana=rencana,
        kompetensi="Pelatihan fungsional sesuai jabatan",
        defaults={
            "rumpun": rumpun["TEKNIS"],
            "jenis": jenis["PELATIHAN_FUNGSIONAL"],
            "target_jp": 20,
            "target_tanggal": date(today.year, 12, 15),
        },
    )


def _follow_up(instansi, pegawai_ids) -> int:
    """Run the §5.2 follow-up for final annual evaluations with a low predikat (bounded subset)."""
    low = Penilaian.objects.filter(
        skp__pegawai_id__in=pegawai_ids,
        periode__jenis=Periode.Jenis.TAHUNAN,
        status__in=Penilaian.SELESAI,
        predikat__in=PREDIKAT_PERBAIKAN,
    ).select_related("periode", "skp__pegawai__jabatan", "skp__pejabat_penilai__user", "penilai__user")[:200]
    return sum(1 for p in low if tindak_lanjut_predikat_tahunan(penilaian=p) is not None)


def seed_rekap(instansi, *, rng, log=print) -> None:
    """Last step: the demo writes records in bulk, so the stored JP per pegawai is rebuilt once."""
    from .rekap import rekap_jp_rebuild

    log(f"Rekap JP: {rekap_jp_rebuild(instansi_id=instansi.pk)} baris.")
