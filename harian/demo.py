"""seed_demo step ``harian.demo``: a few weeks of daily activities for the demo team and nearby units.

Bounded: at most ``MAKS_PEGAWAI`` pegawai (the demo atasan's team first), so 50,000 pegawai cost the
same as 120. Entries have jam mulai/jam selesai one after the other from about 08:00 (e-Kinerja's 2026
shape, domain.md §11.1), link to an IKI of the pegawai's approved SKP when one covers the date and hang
under its RHK's rencana aksi when the period has one; without an SKP they are recorded unlinked. The
team's older entries are reviewed: most approved, a few returned with a catatan; the last week waits.
Idempotent: does nothing when the instansi already has entries.
"""
import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from pegawai.models import Instansi, Pegawai
from penilaian.models import IndikatorKinerja, RencanaAksi, Skp

from .models import KegiatanHarian, TanggapanKegiatan
from .selectors import skp_tertaut_q

MAKS_PEGAWAI = 40
HARI_KERJA = 20  # about four weeks

UMUM = [
    ("Mengikuti rapat koordinasi mingguan bidang dan mencatat tindak lanjut", "kegiatan"),
    ("Menyusun notula rapat dan mendistribusikannya kepada peserta", "dokumen"),
    ("Memeriksa dan membalas surat masuk melalui aplikasi persuratan", "surat"),
    ("Memperbarui data pada aplikasi SIASN untuk pegawai unit", "data"),
    ("Menyiapkan bahan paparan untuk pimpinan", "dokumen"),
    ("Melayani konsultasi masyarakat di loket layanan", "orang"),
    ("Mengarsipkan dokumen kegiatan triwulan berjalan", "berkas"),
]
TERKAIT = [  # {iki} is the RHK text, e.g. "tersusunnya laporan kinerja ..."
    "Menyusun draf untuk {iki}", "Memverifikasi kelengkapan data untuk {iki}", "Mengolah data dalam rangka {iki}",
    "Berkoordinasi dengan OPD terkait dalam rangka {iki}", "Merevisi dokumen sesuai masukan atasan untuk {iki}",
    "Mengunggah hasil kerja ke aplikasi untuk {iki}", "Melakukan survei lapangan dalam rangka {iki}",
]
KOMENTAR = [
    ("SESUAI", "Bagus, lanjutkan."),
    ("SESUAI", "Terima kasih, sudah sesuai target minggu ini."),
    ("PERLU_PERBAIKAN", "Tolong lampirkan bukti dukungnya."),
    ("PERLU_PERBAIKAN", "Uraian terlalu umum, sebutkan hasilnya."),
    ("", "Koordinasikan juga dengan Seksi Evaluasi."),
]


def _anggota(instansi: Instansi) -> tuple[Pegawai | None, list[Pegawai], list[Pegawai]]:
    atasan = (
        Pegawai.objects.filter(
            unit_kerja__instansi=instansi, jabatan__jenis="PENGAWAS", bawahan__isnull=False, user__isnull=False
        )
        .order_by("unit_kerja__kode")
        .first()
    )
    if atasan is None:
        return None, [], []
    tim = list(atasan.bawahan.filter(aktif=True).order_by("pk")[:MAKS_PEGAWAI])
    units = list(
        Pegawai.objects.filter(unit_kerja__instansi=instansi, jabatan__jenis="PENGAWAS", bawahan__isnull=False)
        .exclude(pk=atasan.pk)
        .order_by("unit_kerja__kode")
        .values_list("pk", flat=True)
        .distinct()[:4]
    )
    lain = list(
        Pegawai.objects.filter(atasan_id__in=units, aktif=True).order_by("atasan_id", "pk")[
            : max(MAKS_PEGAWAI - len(tim), 0)
        ]
    )
    return atasan, tim, (tim + lain)[:MAKS_PEGAWAI]


def _hari_kerja(hari_ini: date, n: int) -> list[date]:
    hari, d = [], hari_ini
    while len(hari) < n:
        if d.weekday() < 5:
            hari.append(d)
        d -= timedelta(days=1)
    return hari[::-1]


CATATAN_KEMBALI = [
    "Lampirkan bukti dukung (notula atau tangkapan layar).",
    "Jam selesai tidak sesuai dengan jadwal rapat; mohon diperbaiki.",
    "Realisasi belum menyebut jumlah berkas yang diselesaikan.",
]


def _jam(mulai: time, menit: int) -> time:
    return (datetime.combine(date.min, mulai) + timedelta(minutes=menit)).time()


def _rencana_aksi(skps: list[Skp]) -> dict[int, list[tuple[int, date, date, RencanaAksi]]]:
    """rhk id -> rencana aksi with their period, the shortest period first (the triwulan before the year)."""
    hasil: dict[int, list] = {}
    for ra in RencanaAksi.objects.filter(penilaian__skp__in=skps).select_related("penilaian__periode"):
        p = ra.penilaian.periode
        hasil.setdefault(ra.rhk_id, []).append(((p.tanggal_selesai - p.tanggal_mulai).days, p.tanggal_mulai,
                                                p.tanggal_selesai, ra))
    for daftar in hasil.values():
        daftar.sort(key=lambda c: (c[0], c[3].urutan, c[3].pk))
    return hasil


def _periksa(rows: list[KegiatanHarian], tim: list[Pegawai], atasan: Pegawai, batas: date,
             rng: random.Random) -> tuple[int, int]:
    """The atasan has reviewed the team's entries before ``batas``: most approved, some returned."""
    tim_ids = {p.pk for p in tim}
    now = timezone.now()
    disetujui = dikembalikan = 0
    for k in rows:
        if k.pegawai_id not in tim_ids or k.tanggal >= batas:
            continue
        if rng.random() < 0.1:
            k.status, k.catatan_atasan = KegiatanHarian.Status.DIKEMBALIKAN, rng.choice(CATATAN_KEMBALI)
            dikembalikan += 1
        else:
            k.status = KegiatanHarian.Status.DISETUJUI
            disetujui += 1
        k.diperiksa_oleh, k.diperiksa_pada = atasan, now
    return disetujui, dikembalikan


def seed(instansi: Instansi, *, rng: random.Random, log=print) -> None:
    if KegiatanHarian.objects.filter(pegawai__unit_kerja__instansi=instansi).exists():
        log("harian: kegiatan harian sudah ada, dilewati.")
        return
    atasan, tim, anggota = _anggota(instansi)
    if not anggota:
        log("harian: tidak ada tim untuk diisi.")
        return
    hari_ini = timezone.localdate()
    hari = _hari_kerja(hari_ini, HARI_KERJA)
    skps = list(Skp.objects.filter(skp_tertaut_q(), pegawai__in=anggota).distinct())
    iki_per_skp: dict[int, list[IndikatorKinerja]] = {}
    # Daily work adds up in countable outputs (dokumen, laporan), not in "bulan" of a WAKTU indicator.
    for iki in (
        IndikatorKinerja.objects.filter(rhk__skp__in=skps)
        .exclude(aspek__in=["WAKTU", "BIAYA", "KUALITAS"])
        .select_related("rhk")
    ):
        iki_per_skp.setdefault(iki.rhk.skp_id, []).append(iki)
    skp_per_pegawai: dict[int, list[Skp]] = {}
    for s in skps:
        skp_per_pegawai.setdefault(s.pegawai_id, []).append(s)
    # The last team member "forgets" the last few days, so the feed's silence highlight shows something.
    diam = tim[-1] if len(tim) >= 2 else None
    ra_per_rhk = _rencana_aksi(skps)
    rows = []
    for p in anggota:
        for d in hari:
            if p == diam and d >= hari[-4]:
                continue
            if rng.random() < 0.15 or d == hari_ini:  # not every day is reported
                continue
            skp = next((s for s in skp_per_pegawai.get(p.pk, []) if s.tanggal_mulai <= d <= s.tanggal_selesai), None)
            ikis = iki_per_skp.get(skp.pk, []) if skp else []
            mulai = time(8, rng.choice((0, 0, 15, 30)))
            for _ in range(rng.choice((1, 2, 2, 3))):
                menit = rng.choice((60, 90, 120, 150, 180))
                k = KegiatanHarian(pegawai=p, tanggal=d, jam_mulai=mulai, jam_selesai=_jam(mulai, menit))
                mulai = _jam(k.jam_selesai, rng.choice((0, 0, 15, 30)))
                if ikis and rng.random() < 0.75:
                    iki = rng.choice(ikis)
                    k.iki, k.satuan = iki, iki.satuan or "dokumen"
                    k.uraian = rng.choice(TERKAIT).format(iki=iki.rhk.teks[:90].lower())
                    k.kuantitas = Decimal(rng.randint(1, 3))
                    k.rencana_aksi = next(
                        (c[3] for c in ra_per_rhk.get(iki.rhk_id, []) if c[1] <= d <= c[2]), None)
                else:
                    k.uraian, k.satuan = rng.choice(UMUM)
                    k.kuantitas = Decimal(rng.randint(1, 5))
                rows.append(k)
    disetujui, dikembalikan = _periksa(rows, tim, atasan, hari[-5], rng)
    KegiatanHarian.objects.bulk_create(rows, batch_size=1000)
    recent = list(KegiatanHarian.objects.filter(pegawai__in=tim, tanggal__gte=hari[-8]).order_by("-tanggal", "pk")[:60])
    tanggapan = [
        TanggapanKegiatan(kegiatan=k, oleh=atasan, tanda=t, komentar=c)
        for k in recent
        if rng.random() < 0.4
        for t, c in [rng.choice(KOMENTAR)]
    ]
    TanggapanKegiatan.objects.bulk_create(tanggapan, batch_size=1000)
    linked = sum(1 for r in rows if r.iki_id)
    log(
        f"harian: {len(rows)} kegiatan untuk {len(anggota)} pegawai ({linked} terkait IKI, "
        f"{sum(1 for r in rows if r.rencana_aksi_id)} di bawah rencana aksi), {disetujui} disetujui, "
        f"{dikembalikan} dikembalikan, {len(tanggapan)} tanggapan atasan."
    )
