"""seed_demo step: the performance dialogue for the demo atasan and pegawai (issue 19).

Runs after ``penilaian.evaluasi.demo``. Every current feedback gets its log entry; the demo pegawai's
current evaluation gets a feedback thread with a revision and a reply, a past check-in with minutes and
an upcoming one, and a bimbingan with B.1.8 and B.1.9 filled. Idempotent: each part is skipped when present.
"""
from datetime import datetime, time, timedelta

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from penilaian.evaluasi.demo import _demo_people
from penilaian.models import (
    AksiTindakLanjut,
    Bimbingan,
    CheckIn,
    EvaluasiKompetensi,
    Penilaian,
    TanggapanUmpanBalik,
    UmpanBalik,
    UmpanBalikBimbingan,
    UmpanBalikEntri,
)

from .format import PERNYATAAN_B18
from .services import agenda_default


def _backfill(instansi) -> int:
    """Current feedback written by earlier demo steps becomes the first entry of its log."""
    ada = UmpanBalikEntri.objects.filter(penilaian_id=OuterRef("penilaian_id")).filter(
        Q(rhk_id=OuterRef("rhk_id"), rhk__isnull=False)
        | Q(perilaku_id=OuterRef("perilaku_id"), perilaku__isnull=False))
    rows = UmpanBalik.objects.filter(penilaian__periode__instansi=instansi).exclude(Exists(ada)).exclude(
        frasa="", teks="")
    baru = [UmpanBalikEntri(penilaian_id=u.penilaian_id, rhk_id=u.rhk_id, perilaku_id=u.perilaku_id, frasa=u.frasa,
                            teks=u.teks, oleh_id=u.oleh_id, dibuat_pada=u.diubah_pada,
                            sumber=UmpanBalikEntri.Sumber.MIGRASI) for u in rows.iterator(chunk_size=2000)]
    UmpanBalikEntri.objects.bulk_create(baru, batch_size=2000)
    return len(baru)


def _aware(d, jam: int):
    return timezone.make_aware(datetime.combine(d, time(jam)))


def seed(instansi, *, rng, log=print) -> None:
    n = _backfill(instansi)
    atasan, staf = _demo_people(instansi)
    if atasan is None or not staf:
        log(f"Dialog kinerja: {n} entri umpan balik; tidak ada atasan/pegawai demo.")
        return
    pegawai = staf[0]
    now = timezone.now()
    p = (Penilaian.objects.filter(skp__pegawai=pegawai, status__in=Penilaian.status_untuk("feedback"),
                                  periode__tanggal_mulai__lte=timezone.localdate())
         .select_related("skp", "periode").order_by("-periode__tanggal_mulai").first())
    if p is None:
        log(f"Dialog kinerja: {n} entri umpan balik; pegawai demo tanpa penilaian berjalan.")
        return
    rhk = p.skp.rhk.order_by("urutan", "pk").first()
    if rhk is not None and not UmpanBalikEntri.objects.filter(penilaian=p, sumber=UmpanBalikEntri.Sumber.LOG).exists():
        awal = UmpanBalikEntri.objects.create(
            penilaian=p, rhk=rhk, teks="Laporan bulan pertama terlambat tiga hari; mohon jelaskan kendalanya.",
            minta_tanggapan=True, oleh=atasan, dibuat_pada=now - timedelta(days=20))
        TanggapanUmpanBalik.objects.create(entri=awal, oleh=pegawai, dibuat_pada=now - timedelta(days=19),
                                           teks="Data dari bidang lain baru masuk tanggal 5; sudah saya koordinasikan.")
        revisi = UmpanBalikEntri.objects.create(
            penilaian=p, rhk=rhk, revisi_dari=awal, oleh=atasan, dibuat_pada=now - timedelta(days=6),
            teks="Laporan bulan kedua tepat waktu. Pertahankan koordinasi dengan bidang lain.")
        UmpanBalik.objects.update_or_create(penilaian=p, rhk=rhk, defaults={"frasa": "", "teks": revisi.teks,
                                                                              "oleh": atasan})
    if not CheckIn.objects.filter(penilaian=p).exists():
        agenda = agenda_default(p)
        lalu = CheckIn.objects.create(
            penilaian=p, jadwal=_aware(timezone.localdate() - timedelta(days=14), 9), agenda=agenda,
            notulen="Capaian RHK pertama sesuai rencana; bukti dukung perlu dilengkapi.",
            status=CheckIn.Status.SELESAI, selesai_pada=now - timedelta(days=14), dibuat_oleh=atasan)
        AksiTindakLanjut.objects.create(checkin=lalu, teks="Unggah bukti dukung RHK pertama",
                                        tenggat=timezone.localdate() + timedelta(days=7))
        CheckIn.objects.create(penilaian=p, jadwal=_aware(timezone.localdate() + timedelta(days=1), 10),
                               agenda=agenda, dibuat_oleh=atasan)
    if not Bimbingan.objects.filter(skp=p.skp).exists():
        b = Bimbingan.objects.create(
            skp=p.skp, pembimbing=atasan, tanggal=timezone.localdate() - timedelta(days=10),
            topik="Ketepatan waktu penyusunan laporan", status=Bimbingan.Status.SELESAI, dibuat_oleh=atasan,
            catatan="Dibahas alur data antarbidang dan jadwal penyusunan laporan bulanan.")
        AksiTindakLanjut.objects.create(bimbingan=b, teks="Pelatihan penulisan laporan kinerja",
                                        tenggat=timezone.localdate() + timedelta(days=45))
        UmpanBalikBimbingan.objects.create(bimbingan=b, jawaban={k: 4 for k, _t in PERNYATAAN_B18},
                                           saran="Bimbingan berikutnya sebaiknya sebelum batas laporan.")
        EvaluasiKompetensi.objects.bulk_create([
            EvaluasiKompetensi(bimbingan=b, kompetensi="TEKNIS", skala=3, urutan=0, diisi_oleh=atasan,
                               alasan="Menguasai aplikasi pelaporan; analisis data masih perlu ditingkatkan."),
            EvaluasiKompetensi(bimbingan=b, kompetensi="SOSIAL_KULTURAL", skala=4, urutan=2, diisi_oleh=atasan,
                               alasan="Komunikatif dan mudah berkoordinasi dengan rekan."),
        ])
    log(f"Dialog kinerja: {n} entri umpan balik dipindahkan, contoh untuk {pegawai.nama}.")
