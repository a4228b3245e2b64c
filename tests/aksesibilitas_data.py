"""Data behind the accessibility walk (tests/test_e2e_aksesibilitas.py): one small instansi where every
main page of every role shows rows, not an empty state, and the pages each role walks.

Built from factories and the real services (a finalised evaluation, a keberatan, a peer invitation, the
dialogue records, a submitted training), so the pages render as a user meets them.
"""
from datetime import date, time, timedelta
from decimal import Decimal
from types import SimpleNamespace

from django.urls import reverse
from django.utils import timezone

from kontrak.rules import akhir_satu_tahun
from kontrak.tests.factories import PerjanjianFactory, pppk
from laporan.models import LaporanJob
from notifikasi.models import CetakMassal, DokumenPdf
from pegawai.models import DelegasiPenilai, PejabatNonAsn, PenugasanPlt
from pegawai.tests.factories import PegawaiFactory, UserFactory, build_org
from penilaian.models import Bimbingan, Penilaian, Periode, Skp
from penilaian.tests.factories import IkiFactory, PeriodeFactory, RhkFactory, SkpFactory, finalkan


def _evaluasi(org, today):
    """The running period with the pegawai's and a peer's drafts; a locked one with a finalised evaluation."""
    year = today.year
    periode = Periode.objects.create(
        instansi=org.instansi, tahun=year, jenis=Periode.Jenis.TRIWULANAN, nama="Periode Berjalan",
        tanggal_mulai=max(date(year, 1, 1), today - timedelta(days=30)),
        tanggal_selesai=min(date(year, 12, 31), today + timedelta(days=30)), batas_pengisian=today + timedelta(days=40))
    lalu = PeriodeFactory(terkunci=True, instansi=org.instansi, nama="Periode Lalu")
    skp = SkpFactory(pegawai=org.pegawai, tahun=year, status=Skp.Status.DISETUJUI)
    iki = IkiFactory(rhk=RhkFactory(skp=skp, teks="Terlayaninya permohonan izin"), target_angka=Decimal("12"))
    IkiFactory(rhk=RhkFactory(skp=skp, teks="Tersusunnya laporan kinerja triwulan yang lengkap dan tepat waktu"),
               teks="Persentase laporan yang diterima tanpa perbaikan", target_angka=Decimal("100"), satuan="persen")
    evaluasi = Penilaian.objects.create(skp=skp, periode=periode)
    final = finalkan(Penilaian.objects.create(skp=skp, periode=lalu), pada=timezone.now() - timedelta(days=1))
    skp_rekan = SkpFactory(pegawai=org.rekan, tahun=year, status=Skp.Status.DISETUJUI)
    IkiFactory(rhk=RhkFactory(skp=skp_rekan))
    evaluasi_rekan = Penilaian.objects.create(skp=skp_rekan, periode=periode)
    diajukan = SkpFactory(pegawai=PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan), tahun=year,
                          status=Skp.Status.DIAJUKAN)  # in the atasan's queue, with the approval form
    IkiFactory(rhk=RhkFactory(skp=diajukan))
    return periode, skp, iki, evaluasi, final, evaluasi_rekan, diajukan


def _dialog(org, evaluasi):
    from penilaian.dialog import services

    entri = services.umpan_balik_entri_add(penilaian=evaluasi, versi=evaluasi.versi, oleh=org.atasan.user,
                                           rhk=evaluasi.skp.rhk.first(), teks="Pertahankan", minta_tanggapan=True)
    services.tanggapan_add(entri=entri, oleh=org.pegawai.user, teks="Baik, terima kasih")
    evaluasi.refresh_from_db()
    checkin = services.checkin_schedule(penilaian=evaluasi, oleh=org.atasan.user, agenda="Capaian triwulan",
                                        jadwal=timezone.now() + timedelta(days=1))
    bimbingan = services.bimbingan_save(skp=evaluasi.skp, oleh=org.atasan.user, aksi=[("Pelatihan", None)], data={
        "tanggal": timezone.localdate(), "topik": "Penyusunan laporan", "pembimbing": org.atasan,
        "terlaksana": True, "peran_pembimbing": Bimbingan.Peran.PIMPINAN})
    return checkin, bimbingan


def build():
    """Everything the pages need, as a namespace (``org`` plus the objects their URLs name)."""
    from harian.models import KegiatanHarian
    from notifikasi.services import notify
    from pelatihan.tests.factories import RiwayatFactory
    from penilaian.models import UndanganRekan
    from penilaian.rekan.keberatan import keberatan_file

    org = build_org()
    today = timezone.localdate()
    periode, skp, iki, evaluasi, final, evaluasi_rekan, diajukan = _evaluasi(org, today)
    keberatan = keberatan_file(penilaian=final, alasan="Realisasi RHK kedua sudah 100% dan bukti diunggah.",
                               oleh=org.pegawai.user)
    undangan = UndanganRekan.objects.create(penilaian=evaluasi_rekan, rekan=org.pegawai, diundang_oleh=org.atasan.user)
    checkin, bimbingan = _dialog(org, evaluasi)
    mulai = today - timedelta(days=330)  # a PPPK Paruh Waktu contract ending in about a month
    pw = PerjanjianFactory(pegawai=pppk(unit_kerja=org.seksi, atasan=org.atasan), tanggal_mulai=mulai,
                           tanggal_selesai=akhir_satu_tahun(mulai)).pegawai
    kegiatan = KegiatanHarian.objects.create(  # an entry: the team feed shows its review controls
        pegawai=org.pegawai, tanggal=today, uraian="Rapat koordinasi", kuantitas=1, satuan="kegiatan",
        jam_mulai=time(8), jam_selesai=time(9), iki=iki)
    riwayat = RiwayatFactory(pegawai=org.pegawai, tanggal_mulai=today - timedelta(days=3),
                             tanggal_selesai=today - timedelta(days=2))
    for user in (org.pegawai.user, org.atasan.user, org.hr):
        notify(penerima=user, judul="SKP disetujui", pesan="SKP tahun ini telah disetujui oleh pejabat penilai.",
               url=reverse("penilaian:skp-detail", args=[skp.pk]))
    PenugasanPlt.objects.create(pegawai=org.atasan2, unit_kerja=org.seksi, tanggal_mulai=today, nomor_sk="800/12/2026")
    pejabat = PejabatNonAsn.objects.create(instansi=org.instansi, nama="H. Ahmad Contoh", jabatan="Bupati Contoh")
    DelegasiPenilai.objects.create(instansi=org.instansi, pegawai=org.kabid, dasar="Keputusan Bupati",
                                   nomor_sk="821/5/2026", tanggal_mulai=today)
    cetak = CetakMassal.objects.create(instansi=org.instansi, unit_kerja=org.seksi, jenis=DokumenPdf.Jenis.PENILAIAN,
                                       periode=periode, status=CetakMassal.Status.GAGAL, total=2, dibuat_oleh=org.hr,
                                       pesan_galat="Berkas tidak dapat disusun.")
    laporan = LaporanJob.objects.create(instansi=org.instansi, jenis="pegawai", status=LaporanJob.Status.GAGAL,
                                        total=1, dibuat_oleh=org.hr, pesan_galat="Berkas tidak dapat disusun.")
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    return SimpleNamespace(org=org, periode=periode, skp=skp, diajukan=diajukan, iki=iki, evaluasi=evaluasi,
                           final=final,
                           cetak=cetak, laporan=laporan, keberatan=keberatan, undangan=undangan, checkin=checkin,
                           bimbingan=bimbingan, pw=pw,
                           kegiatan=kegiatan, riwayat=riwayat, pejabat=pejabat, admin=admin)


def users(d) -> dict:
    org = d.org
    return {"pegawai": org.pegawai.user, "atasan": org.atasan.user, "kabid": org.kabid.user, "hr": org.hr,
            "admin": d.admin}


def pages(d) -> dict[str, list[str]]:
    """The main pages of each role: what its navigation reaches, and the detail and form pages behind it."""
    org, r = d.org, reverse
    year = d.skp.tahun
    pegawai = [
        r("home"), r("penilaian:skp-saya"), r("penilaian:skp-detail", args=[d.skp.pk]), r("penilaian:skp-create"),
        r("penilaian:evaluasi-saya"), r("penilaian:evaluasi-detail", args=[d.evaluasi.pk]),
        r("penilaian:rekan-inbox"), r("penilaian:rekan-jawab", args=[d.undangan.pk]),
        r("penilaian:tanggapan-list"), r("penilaian:tanggapan", args=[d.final.pk]),
        r("penilaian:dialog-index"), r("penilaian:dialog-umpan-balik", args=[d.evaluasi.pk]),
        r("penilaian:dialog-checkin", args=[d.checkin.pk]), r("penilaian:dialog-bimbingan", args=[d.bimbingan.pk]),
        r("harian:saya"), r("harian:tambah"), r("harian:ubah", args=[d.kegiatan.pk]), r("harian:kalender"),
        r("harian:jam-kerja"), r("harian:impor"),
        r("pelatihan:saya"), r("pelatihan:riwayat-create"), r("pelatihan:riwayat-detail", args=[d.riwayat.pk]),
        r("pelatihan:riwayat-update", args=[d.riwayat.pk]),
        r("pelatihan:rencana", args=[org.pegawai.pk, year]),
        r("notifikasi:daftar"), r("pegawai:profil-saya"), r("password_change"), r("api:token-list"),
    ]
    atasan = [
        r("home"), r("penilaian:skp-queue"), r("penilaian:skp-matriks"), r("penilaian:skp-pohon"),
        r("penilaian:skp-detail", args=[d.diajukan.pk]), r("penilaian:evaluasi-bawahan"),
        r("penilaian:evaluasi-detail", args=[d.evaluasi.pk]),
        r("penilaian:rekan-daftar"), r("penilaian:rekan-kelola", args=[d.evaluasi.pk]),
        r("penilaian:keberatan-list"), r("penilaian:unit-index"),
        r("penilaian:dialog-checkin-baru", args=[d.evaluasi.pk]),
        r("penilaian:dialog-bimbingan-baru", args=[d.skp.pk]),
        r("penilaian:dialog-bimbingan-evaluasi", args=[d.bimbingan.pk]),
        r("penilaian:dialog-checkin-ubah", args=[d.checkin.pk]),
        r("pegawai:tim-saya"), r("harian:tim"), r("harian:tim-jam-kerja"), r("pelatihan:tim"),
        r("pelatihan:pegawai", args=[org.pegawai.pk]), r("pelatihan:rencana", args=[org.pegawai.pk, year]),
        r("notifikasi:daftar"),
    ]
    kabid = [r("home"), r("penilaian:evaluasi-bawahan"), r("pegawai:tim-saya"), r("penilaian:keberatan-list"),
             r("penilaian:keberatan-detail", args=[d.keberatan.pk])]
    hr = [
        r("pegawai:hr-home"), r("pegawai:unit-tree"), r("pegawai:unit-create"),
        r("pegawai:unit-update", args=[org.seksi.pk]), r("pegawai:list"), r("pegawai:create"),
        r("pegawai:detail", args=[org.pegawai.pk]), r("pegawai:update", args=[org.pegawai.pk]),
        r("pegawai:ganti-atasan", args=[org.pegawai.pk]),
        r("pegawai:mutasi", args=[org.pegawai.pk]), r("pegawai:import"), r("pegawai:import-akun"),
        r("pegawai:mutasi-import"), r("pegawai:plt-list"), r("pegawai:pejabat-list"),
        r("pegawai:pejabat-update", args=[d.pejabat.pk]), r("pegawai:delegasi-list"),
        r("kontrak:berakhir"), r("kontrak:pegawai", args=[d.pw.pk]),
        r("laporan:index"), r("laporan:job-detail", args=[d.laporan.pk]),
        r("laporan:tpp"), r("laporan:aturan-tpp"), r("siasn:home"), r("siasn:impor"),
        r("penilaian:skp-pohon"), r("penilaian:skp-monitoring"), r("penilaian:skp-non-asn-antrian"),
        r("penilaian:skp-reassign", args=[d.skp.pk]), r("penilaian:skp-non-asn", args=[d.skp.pk]),
        r("penilaian:evaluasi-periode-list"), r("penilaian:evaluasi-periode-tambah"),
        r("penilaian:evaluasi-periode-ubah", args=[d.periode.pk]), r("penilaian:evaluasi-rekap"),
        r("penilaian:rekan-daftar"), r("penilaian:keberatan-list"), r("penilaian:keberatan-terlambat"),
        r("penilaian:unit-index"), r("penilaian:unit-distribusi", args=[org.seksi.pk, d.periode.pk]),
        r("penilaian:sebaran-perangkat-daerah"),
        r("penilaian:tindak-lanjut"), r("penilaian:dialog-index"),
        r("pelatihan:antrean"), r("pelatihan:laporan"), r("pelatihan:pegawai", args=[org.pegawai.pk]),
        r("pelatihan:riwayat-detail", args=[d.riwayat.pk]),
        r("harian:tim"), r("harian:tim-jam-kerja"),
        r("notifikasi:daftar"), r("notifikasi:cetak"),
        r("notifikasi:cetak-detail", args=[d.cetak.pk]), r("notifikasi:riwayat"), r("dua-faktor"), r("api:token-list"),
    ]
    admin = [r("home"), r("pegawai:hr-home"), r("pegawai:unit-tree"), r("pegawai:list"),
             r("penilaian:evaluasi-rekap"), r("penilaian:skp-monitoring"), r("laporan:index"), r("siasn:home")]
    return {"pegawai": pegawai, "atasan": atasan, "kabid": kabid, "hr": hr, "admin": admin}
