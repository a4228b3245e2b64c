"""Every page a plain pegawai (no subordinates, not HR) can open, with data that fills each of them (issue 17).

``HALAMAN`` maps a URL name to the address of that page in ``data_pegawai()``; ``DIKECUALIKAN`` gives every
other URL name a reason. ``tests/test_telepon_daftar.py`` checks the two against the URL resolver, so a new
page is either listed here (and walked at 390 px by ``tests/test_e2e_telepon.py``) or excluded on purpose.
"""
from datetime import datetime, time, timedelta
from decimal import Decimal
from types import SimpleNamespace

from django.urls import reverse
from django.utils import timezone

PANJANG = (
    "Terlaksananya koordinasi penyusunan dokumen perencanaan dan penganggaran perangkat daerah "
    "beserta evaluasi capaian indikator kinerja utama secara berkala"
)
IKI_PANJANG = "Persentase dokumen perencanaan yang disusun tepat waktu sesuai ketentuan peraturan perundang-undangan"


def data_pegawai():
    """org.pegawai with a full year: an approved SKP (3 RHK × 2 IKI, long texts, an approved version), a draft
    SKP for next year, an open evaluation with realisasi and bukti, two final ones (one with a keberatan and a
    request for explanation), a peer-input invitation, a check-in, a held bimbingan, training records with a
    development plan, daily activities and notifications."""
    from harian.models import KegiatanHarian
    from notifikasi.models import Notifikasi
    from pegawai.tests.factories import build_org
    from pelatihan.models import ItemRencana, RencanaPengembangan
    from pelatihan.tests.factories import RiwayatFactory
    from penilaian.models import (
        Bimbingan,
        BuktiDukung,
        CheckIn,
        Penilaian,
        PermintaanPenjelasan,
        Realisasi,
        Skp,
        UmpanBalikEntri,
        UndanganRekan,
    )
    from penilaian.rekan.keberatan import keberatan_file
    from penilaian.skp.services import skp_approve, skp_submit
    from penilaian.tests.factories import IkiFactory, PeriodeFactory, RhkFactory, SkpFactory, finalkan

    org = build_org()
    today = timezone.localdate()
    d = SimpleNamespace(org=org, tahun=today.year)
    skp = SkpFactory(pegawai=org.pegawai, tahun=today.year)
    iki = []
    for i in range(3):
        rhk = RhkFactory(skp=skp, teks=f"{PANJANG} ({i + 1})")
        iki += [IkiFactory(rhk=rhk, teks=f"{IKI_PANJANG} ({i + 1}.{j + 1})", target_angka=Decimal("12"),
                           satuan="dokumen perencanaan") for j in range(2)]
    skp_submit(skp=skp, oleh=org.pegawai.user)
    d.skp = skp_approve(skp=skp, oleh=org.atasan.user)
    d.skp.refresh_from_db()
    d.versi = d.skp.versi_disetujui.first().versi
    d.draf = SkpFactory(pegawai=org.pegawai, tahun=today.year + 1, status=Skp.Status.DRAFT)
    d.rhk = RhkFactory(skp=d.draf, teks=PANJANG)
    d.iki = IkiFactory(rhk=d.rhk, teks=IKI_PANJANG)

    buka = PeriodeFactory(terbuka=True, instansi=org.instansi, nama="Triwulan Berjalan")
    d.evaluasi = Penilaian.objects.create(skp=d.skp, periode=buka)
    for n, x in enumerate(iki):
        r = Realisasi.objects.create(penilaian=d.evaluasi, iki=x, nilai=Decimal(n + 3),
                                     teks="Dokumen rencana kerja dan anggaran telah disusun bersama sub bagian program")
        BuktiDukung.objects.create(realisasi=r, url=f"https://drive.example.go.id/berkas/laporan-triwulan-{n}.pdf",
                                   keterangan="Laporan pelaksanaan kegiatan triwulan beserta lampiran foto")
    UmpanBalikEntri.objects.create(penilaian=d.evaluasi, rhk=iki[0].rhk, oleh=org.atasan, minta_tanggapan=True,
                                   teks="Mohon percepat penyusunan laporan; data dari bidang lain sudah tersedia.")
    d.checkin = CheckIn.objects.create(penilaian=d.evaluasi, jadwal=timezone.now() + timedelta(days=2),
                                       agenda=f"Pembahasan capaian: {PANJANG}", dibuat_oleh=org.atasan)
    d.bimbingan = Bimbingan.objects.create(skp=d.skp, pembimbing=org.atasan, tanggal=today, topik=PANJANG[:120],
                                           catatan=PANJANG, status=Bimbingan.Status.SELESAI, dibuat_oleh=org.atasan)

    lalu = [PeriodeFactory(terkunci=True, instansi=org.instansi, nama=f"Triwulan Lalu {i}") for i in (1, 2)]
    kemarin = timezone.now() - timedelta(days=1)  # inside the window for a keberatan
    d.final = finalkan(Penilaian.objects.create(skp=d.skp, periode=lalu[0]), pada=kemarin)
    berkeberatan = finalkan(Penilaian.objects.create(skp=d.skp, periode=lalu[1]), pada=kemarin)
    d.keberatan = keberatan_file(penilaian=berkeberatan, alasan=f"Realisasi sudah sesuai target. {PANJANG}",
                                 oleh=org.pegawai.user)
    d.penjelasan = PermintaanPenjelasan.objects.create(
        keberatan=d.keberatan, pihak=PermintaanPenjelasan.Pihak.PEGAWAI, kepada=org.pegawai,
        pertanyaan=f"Mohon jelaskan bukti dukung untuk: {PANJANG}", batas=today + timedelta(days=5))

    dinilai = Penilaian.objects.create(
        skp=SkpFactory(pegawai=org.rekan, tahun=today.year, status=Skp.Status.DISETUJUI), periode=buka)
    d.undangan = UndanganRekan.objects.create(penilaian=dinilai, rekan=org.pegawai, diundang_oleh=org.atasan.user)

    d.riwayat = RiwayatFactory(pegawai=org.pegawai, nama_kegiatan=f"Pelatihan Teknis {PANJANG}",
                               tanggal_mulai=today.replace(day=1), tanggal_selesai=today.replace(day=1))
    RiwayatFactory(pegawai=org.pegawai, tanggal_mulai=today.replace(day=1), tanggal_selesai=today.replace(day=1))
    rencana = RencanaPengembangan.objects.create(pegawai=org.pegawai, tahun=today.year, catatan=PANJANG)
    d.item = ItemRencana.objects.create(rencana=rencana, kompetensi=f"Penyusunan {IKI_PANJANG}", target_jp=20,
                                        keterangan=PANJANG)

    d.kegiatan = [KegiatanHarian.objects.create(
        pegawai=org.pegawai, tanggal=today - timedelta(days=n % 3), iki=iki[n % len(iki)],
        uraian=f"Menyusun bahan rapat koordinasi perencanaan dan menginventarisasi usulan kegiatan {n}. {PANJANG}",
        kuantitas=Decimal(n + 1), satuan="dokumen perencanaan", jam_mulai=time(8 + n), jam_selesai=time(9 + n),
        bukti_url="https://drive.example.go.id/berkas/notulen-rapat-koordinasi-perencanaan.pdf") for n in range(6)]
    for n in range(4):
        Notifikasi.objects.create(penerima=org.pegawai.user, judul=f"Penilaian {PANJANG[:60]}", pesan=PANJANG,
                                  url=reverse("penilaian:evaluasi-detail", args=[d.evaluasi.pk]),
                                  dibuat_pada=timezone.make_aware(datetime.combine(today, time(8 + n))))
    return d


def _u(name, *args):
    return lambda d: reverse(name, args=[a(d) if callable(a) else a for a in args])


HALAMAN = {
    "home": _u("home"),
    "password_change": _u("password_change"),
    "password_change_done": _u("password_change_done"),
    "pegawai:detail": _u("pegawai:detail", lambda d: d.org.pegawai.pk),
    "pegawai:tim-saya": _u("pegawai:tim-saya"),
    "penilaian:skp-saya": _u("penilaian:skp-saya"),
    "penilaian:skp-create": _u("penilaian:skp-create"),
    "penilaian:skp-detail": (_u("penilaian:skp-detail", lambda d: d.skp.pk),
                             _u("penilaian:skp-detail", lambda d: d.draf.pk)),
    "penilaian:skp-versi": _u("penilaian:skp-versi", lambda d: d.skp.pk, lambda d: d.versi),
    "penilaian:skp-lampiran": _u("penilaian:skp-lampiran", lambda d: d.draf.pk),
    "penilaian:rhk-create": _u("penilaian:rhk-create", lambda d: d.draf.pk),
    "penilaian:rhk-update": _u("penilaian:rhk-update", lambda d: d.rhk.pk),
    "penilaian:iki-create": _u("penilaian:iki-create", lambda d: d.rhk.pk),
    "penilaian:iki-update": _u("penilaian:iki-update", lambda d: d.iki.pk),
    "penilaian:skp-pohon": _u("penilaian:skp-pohon"),
    "penilaian:skp-matriks": _u("penilaian:skp-matriks"),
    "penilaian:skp-queue": _u("penilaian:skp-queue"),
    "penilaian:evaluasi-bawahan": _u("penilaian:evaluasi-bawahan"),
    "penilaian:rekan-daftar": _u("penilaian:rekan-daftar"),
    "penilaian:keberatan-list": _u("penilaian:keberatan-list"),
    "penilaian:unit-index": _u("penilaian:unit-index"),
    "penilaian:evaluasi-saya": _u("penilaian:evaluasi-saya"),
    "penilaian:evaluasi-detail": _u("penilaian:evaluasi-detail", lambda d: d.evaluasi.pk),
    "penilaian:rekan-inbox": _u("penilaian:rekan-inbox"),
    "penilaian:rekan-jawab": _u("penilaian:rekan-jawab", lambda d: d.undangan.pk),
    "penilaian:tanggapan-list": _u("penilaian:tanggapan-list"),
    "penilaian:tanggapan": (_u("penilaian:tanggapan", lambda d: d.final.pk),
                            _u("penilaian:tanggapan", lambda d: d.keberatan.penilaian_id)),
    "penilaian:keberatan-detail": _u("penilaian:keberatan-detail", lambda d: d.keberatan.pk),
    "penilaian:penjelasan-jawab": _u("penilaian:penjelasan-jawab", lambda d: d.penjelasan.pk),
    "penilaian:dialog-index": _u("penilaian:dialog-index"),
    "penilaian:dialog-umpan-balik": _u("penilaian:dialog-umpan-balik", lambda d: d.evaluasi.pk),
    "penilaian:dialog-checkin": _u("penilaian:dialog-checkin", lambda d: d.checkin.pk),
    "penilaian:dialog-bimbingan": _u("penilaian:dialog-bimbingan", lambda d: d.bimbingan.pk),
    "pelatihan:saya": _u("pelatihan:saya"),
    "pelatihan:pegawai": _u("pelatihan:pegawai", lambda d: d.org.pegawai.pk),
    "pelatihan:riwayat-create": _u("pelatihan:riwayat-create"),
    "pelatihan:riwayat-detail": _u("pelatihan:riwayat-detail", lambda d: d.riwayat.pk),
    "pelatihan:riwayat-update": _u("pelatihan:riwayat-update", lambda d: d.riwayat.pk),
    "pelatihan:rencana": _u("pelatihan:rencana", lambda d: d.org.pegawai.pk, lambda d: d.tahun),
    "pelatihan:item-create": _u("pelatihan:item-create", lambda d: d.org.pegawai.pk, lambda d: d.tahun),
    "pelatihan:item-update": _u("pelatihan:item-update", lambda d: d.org.pegawai.pk, lambda d: d.tahun,
                                lambda d: d.item.pk),
    "harian:saya": _u("harian:saya"),
    "harian:tambah": _u("harian:tambah"),
    "harian:ubah": _u("harian:ubah", lambda d: d.kegiatan[0].pk),
    "harian:kalender": _u("harian:kalender"),
    "harian:jam-kerja": _u("harian:jam-kerja"),
    "harian:impor": _u("harian:impor"),
    "notifikasi:daftar": _u("notifikasi:daftar"),
    "notifikasi:riwayat": _u("notifikasi:riwayat"),
    "api:token-list": _u("api:token-list"),
    "api:token-create": _u("api:token-create"),
}

POST = "an action (POST only): no page of its own"
BERKAS = "a file download (PDF, CSV or an uploaded file), not an HTML page"
PENILAI = "for the pejabat penilai or pembimbing only (404 for the pegawai)"
HR = "for HR (Admin Kepegawaian) only (403 for the pegawai)"
ATASAN = "for a supervisor with subordinates (403 for the pegawai)"
KEPALA = "for HR and the heads of a perangkat daerah (403 for the pegawai)"
JSON = "the JSON API (REST), not an HTML page"
PERAN_LAIN = (PENILAI, HR, ATASAN, KEPALA)

# Not walked at 390 px, each with the reason. Names of the Django admin ("admin:…") are all excluded: staff only.
DIKECUALIKAN = {
    "login": "before login; checked at 390 px by the same test, logged out",
    "logout": POST,
    "healthz": "a health check for the load balancer (plain text)",
    "set_language": POST,
    "oidc_authentication_init": "a redirect to the single sign-on provider",
    "oidc_authentication_callback": "the single sign-on provider's return address (a redirect)",
    "dua-faktor": "two-factor set-up, for staff and HR accounts only (403 for the pegawai)",
    "dua-faktor-verifikasi": "the second login step of a staff or HR account (redirects the pegawai home)",
    "pegawai:profil-saya": "a redirect to the pegawai's own pegawai:detail page (walked)",
    "penilaian:evaluasi-buka": "opens (or creates) an evaluation and redirects to evaluasi-detail (walked)",
    "penilaian:skp-pohon-anak": "an htmx fragment of skp-pohon (a branch of the tree)",
    "penilaian:skp-pohon-lepas": "an htmx fragment of skp-pohon for HR and unit heads (404 for the pegawai)",
    "harian:impor-konfirmasi": "confirms an uploaded import (POST); the preview after the upload is walked",
    "notifikasi:bell": "an htmx fragment (the bell's count) inside every page",
    "api:docs": "API documentation (Swagger UI) for developers, not a page of the application",
    "api:schema": "the OpenAPI schema (YAML)",
    "api:token-revoke": POST,
    **{f"api:{n}": JSON for n in (
        "api-root", "not-found", "instansi-list", "instansi-detail", "unit-kerja-list", "unit-kerja-detail",
        "pegawai-list", "pegawai-detail", "skp-list", "skp-detail", "periode-list", "periode-detail",
        "penilaian-list", "penilaian-detail", "penilaian-bukti", "penilaian-bukti-hapus", "penilaian-masukan-rekan",
        "penilaian-realisasi", "predikat-tahunan-list", "predikat-tahunan-detail", "pelatihan-list",
        "pelatihan-detail", "kegiatan-harian-list", "kegiatan-harian-detail")},
    **{n: POST for n in (
        "penilaian:skp-submit", "penilaian:skp-revise", "penilaian:skp-approve", "penilaian:skp-return",
        "penilaian:skp-bulk-approve", "penilaian:rhk-action", "penilaian:iki-action", "penilaian:evaluasi-isian",
        "penilaian:evaluasi-bukti-tambah", "penilaian:evaluasi-bukti-hapus", "penilaian:evaluasi-ajukan",
        "penilaian:evaluasi-umpan-balik", "penilaian:evaluasi-rating", "penilaian:evaluasi-kembalikan",
        "penilaian:evaluasi-finalisasi", "penilaian:evaluasi-periode-set", "penilaian:rekan-undang",
        "penilaian:tanggapan-terima", "penilaian:keberatan-ajukan", "penilaian:penjelasan-minta",
        "penilaian:unit-capaian", "penilaian:unit-final", "penilaian:unit-pengecualian",
        "penilaian:dialog-umpan-balik-revisi", "penilaian:dialog-umpan-balik-tanggapan",
        "penilaian:dialog-checkin-batal", "penilaian:dialog-bimbingan-batal", "penilaian:dialog-aksi-rencana",
        "pelatihan:riwayat-delete", "pelatihan:riwayat-verify", "pelatihan:riwayat-reject",
        "pelatihan:antrean-verifikasi", "pelatihan:rencana-create", "harian:hapus", "harian:tanggapi",
        "harian:periksa", "harian:jam-kerja-standar", "notifikasi:baca", "notifikasi:baca-semua",
        "notifikasi:cetak-coba-lagi", "laporan:job-start", "laporan:job-coba-lagi", "laporan:tpp-tutup",
        "laporan:tpp-buka", "kontrak:batal", "pegawai:akun-buka-kunci", "pegawai:plt-end", "pegawai:delegasi-end",
        "pegawai:import-akun-buat", "siasn:impor-confirm", "siasn:susun")},
    **{n: BERKAS for n in (
        "penilaian:evaluasi-bukti-berkas", "penilaian:dialog-bimbingan-pdf", "pelatihan:sertifikat",
        "pelatihan:laporan-csv", "harian:berkas", "harian:ekspor", "harian:impor-templat", "harian:tim-ekspor",
        "notifikasi:pdf-skp", "notifikasi:pdf-penilaian", "notifikasi:pdf-dokumen-evaluasi",
        "notifikasi:pdf-rekap-unit", "notifikasi:pdf-konversi-ak", "notifikasi:cetak-unduh", "laporan:unduh",
        "laporan:job-unduh", "laporan:tpp-unduh", "pegawai:import-template", "pegawai:mutasi-import-template",
        "siasn:ekspor")},
    **{n: PENILAI for n in (
        "penilaian:rekan-kelola", "penilaian:dialog-checkin-baru", "penilaian:dialog-checkin-ubah",
        "penilaian:dialog-bimbingan-baru", "penilaian:dialog-bimbingan-ubah", "penilaian:dialog-bimbingan-evaluasi",
        "penilaian:unit-distribusi")},
    **{n: ATASAN for n in ("pelatihan:tim", "harian:tim", "harian:tim-jam-kerja")},
    "penilaian:sebaran-perangkat-daerah": KEPALA,
    **{n: HR for n in (
        "pegawai:hr-home", "pegawai:unit-tree", "pegawai:unit-tree-anak", "pegawai:unit-create", "pegawai:unit-update",
        "pegawai:list", "pegawai:create", "pegawai:import", "pegawai:import-confirm", "pegawai:import-akun",
        "pegawai:mutasi-import", "pegawai:mutasi-import-confirm", "pegawai:cari", "pegawai:mutasi", "pegawai:update",
        "pegawai:ganti-atasan", "pegawai:akun", "pegawai:plt-list", "pegawai:pejabat-list", "pegawai:pejabat-update",
        "pegawai:delegasi-list", "penilaian:skp-monitoring", "penilaian:skp-reassign", "penilaian:skp-non-asn",
        "penilaian:skp-non-asn-antrian", "penilaian:evaluasi-periode-list", "penilaian:evaluasi-periode-tambah",
        "penilaian:evaluasi-periode-ubah", "penilaian:evaluasi-buka-kunci", "penilaian:evaluasi-rekap",
        "penilaian:keberatan-terlambat", "penilaian:tindak-lanjut", "pelatihan:antrean",
        "pelatihan:laporan", "notifikasi:cetak", "notifikasi:cetak-detail",
        "notifikasi:cetak-progres", "laporan:index", "laporan:job-detail", "laporan:job-progres", "laporan:tpp",
        "laporan:aturan-tpp", "kontrak:berakhir", "kontrak:pegawai", "siasn:home", "siasn:status",
        "siasn:impor")},
}
