"""seed_demo step: a few notifications and reminder history for the demo logins (idempotent)."""
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from pegawai.models import Pegawai, User
from penilaian.models import Periode

from .models import Notifikasi, Pengingat
from .pesan import kalimat, pilihan_teks, render_indonesian


def _pengingat(tahap: str, jenis: str):
    return kalimat("Pengingat %(tahap)s: %(jenis)s", tahap=pilihan_teks(Pengingat, "tahap", tahap),
                   jenis=pilihan_teks(Pengingat, "jenis", jenis))


# Stored as message ids (notifikasi.pesan): read in each demo user's language.
PESAN = {
    "pegawai": [
        (
            _pengingat("H-7", "REALISASI"),
            kalimat("Mohon lengkapi realisasi dan bukti dukung sebelum batas pengisian."),
            "/notifikasi/pengingat/",
        ),
        (kalimat("SKP Anda telah disetujui"), kalimat("Pejabat penilai telah menyetujui SKP tahun ini."), ""),
    ],
    "atasan": [
        (
            _pengingat("H-3", "NILAI"),
            kalimat("Ada evaluasi bawahan yang menunggu penilaian Anda."),
            "/notifikasi/pengingat/",
        ),
        (kalimat("SKP bawahan diajukan"), kalimat("Seorang bawahan mengajukan SKP untuk disetujui."), ""),
    ],
    "hr": [
        (
            kalimat("Selamat datang di cetak massal"),
            kalimat("Cetak Dokumen Evaluasi satu unit sekaligus dari menu Cetak massal."),
            "/notifikasi/cetak/",
        )
    ],
    "admin": [
        (kalimat("Jadwal tugas berkala"),
         kalimat("Jadwal pengingat dapat dilihat di Admin Django → Jadwal tugas berkala."), "/admin/")
    ],
}


def _users(instansi) -> dict[str, User]:
    hasil = {u.username: u for u in User.objects.filter(username__in=["admin", "hr"])}
    atasan = (
        Pegawai.objects.filter(
            unit_kerja__instansi=instansi, jabatan__jenis="PENGAWAS", bawahan__isnull=False, user__isnull=False
        )
        .select_related("user")
        .order_by("unit_kerja__kode")
        .first()
    )
    if atasan:
        hasil["atasan"] = atasan.user
        staf = atasan.bawahan.filter(user__isnull=False).select_related("user").order_by("pk").first()
        if staf:
            hasil["pegawai"] = staf.user
    return hasil


def seed(instansi, *, rng, log):
    users = _users(instansi)
    now = timezone.now()
    baru = []
    for peran, user in users.items():
        if Notifikasi.objects.filter(penerima=user).exists():
            continue
        for i, (judul, pesan, url) in enumerate(PESAN.get(peran, [])):
            baru.append(
                Notifikasi(
                    penerima=user, judul=render_indonesian(judul), pesan=render_indonesian(pesan), url=url,
                    teks={"judul": judul.data(), "pesan": pesan.data()}, dibuat_pada=now - timedelta(hours=3 * i + 1)
                )
            )
    Notifikasi.objects.bulk_create(baru)
    periode = Periode.objects.filter(instansi=instansi).order_by("batas_pengisian").first()
    pegawai_user = users.get("pegawai")
    n_riwayat = 0
    if periode and pegawai_user and not Pengingat.objects.filter(penerima=pegawai_user).exists():
        ct = ContentType.objects.get_for_model(Pegawai)
        rows = [
            Pengingat(
                penerima=pegawai_user,
                periode=periode,
                jenis=Pengingat.Jenis.REALISASI_BELUM_DIISI,
                tahap=tahap,
                content_type=ct,
                object_id=pegawai_user.pegawai.pk,
                objek_repr=f"Realisasi {periode} — {pegawai_user.pegawai.nama}",
                status=Pengingat.Status.SENT,
                terkirim_pada=now - timedelta(days=d),
            )
            for tahap, d in ((Pengingat.Tahap.H7, 6), (Pengingat.Tahap.H3, 2))
        ]
        Pengingat.objects.bulk_create(rows, ignore_conflicts=True)
        n_riwayat = len(rows)
    log(f"notifikasi.demo: {len(baru)} notifikasi, {n_riwayat} riwayat pengingat")
