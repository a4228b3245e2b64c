"""Writes: background report jobs, the TPP rule table and the closing/reopening of a TPP month. Each is
audited (kinerja/audit.py)."""
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kinerja.audit import audit_log
from notifikasi import latar
from pegawai import access
from pegawai.models import Instansi, UnitKerja

from . import berkas, isi, selectors
from .models import AturanTpp, BarisTpp, BulanTpp, LaporanJob

logger = logging.getLogger(__name__)
Job = LaporanJob.Status


def laporan_audit(*, oleh, instansi: Instansi, jenis: str, params: dict, baris: int | None = None) -> None:
    """Every download of a report or a TPP file is recorded: who, which report, which filters."""
    audit_log(aktor=oleh, aksi="laporan.diunduh", objek=instansi,
              data={"jenis": jenis, "params": params, **({"baris": baris} if baris is not None else {})})


def lingkup_dari(instansi: Instansi, params: dict) -> isi.Lingkup:
    """Rebuild a scope from stored filters; a unit or period not of ``instansi`` is an error, not a leak."""
    from penilaian.models import Periode

    unit = periode = None
    if params.get("unit"):
        unit = UnitKerja.objects.filter(pk=params["unit"], instansi=instansi).first()
        if unit is None:
            raise ValidationError(_("Unit kerja tidak ditemukan pada instansi ini."))
    if params.get("periode"):
        periode = Periode.objects.filter(pk=params["periode"], instansi=instansi).first()
        if periode is None:
            raise ValidationError(_("Periode tidak ditemukan pada instansi ini."))
    return isi.Lingkup(instansi=instansi, tahun=int(params["tahun"]), unit=unit, periode=periode,
                       status_skp=params.get("status_skp", ""), status_penilaian=params.get("status_penilaian", ""))


def jenis_lembar(jenis: str, lk: isi.Lingkup) -> list:
    """The builders of a job: one report, or every report (those needing a period only when one is set)."""
    if jenis == isi.SEMUA:
        return [f for k, f in isi.LAPORAN.items() if lk.periode or k not in isi.BUTUH_PERIODE]
    return [isi.LAPORAN[jenis]]


def laporan_job_start(*, oleh, instansi: Instansi, jenis: str, params: dict) -> LaporanJob:
    """Queue an export after commit; the page then polls its progress."""
    if jenis != isi.SEMUA and jenis not in isi.LAPORAN:
        raise ValidationError(_("Jenis laporan tidak dikenal."))
    lk = lingkup_dari(instansi, params)
    if jenis in isi.BUTUH_PERIODE and lk.periode is None:
        raise ValidationError(_("Pilih periode untuk laporan ini."))
    job = LaporanJob.objects.create(instansi=instansi, jenis=jenis, params=params, dibuat_oleh=oleh,
                                    total=len(jenis_lembar(jenis, lk)))
    audit_log(aktor=oleh, aksi="laporan.job_dimulai", objek=job, data={"jenis": jenis, "params": params})
    transaction.on_commit(lambda: laporan_job_enqueue(job_id=job.pk))
    return job


def laporan_job_enqueue(*, job_id: int) -> None:
    """As the bulk print does (notifikasi.cetak_massal.cetak_massal_enqueue): the broker when REDIS_URL is set,
    else a background thread of the web process; inline in tests (``CETAK_MASSAL_THREAD=False``)."""
    from kinerja.celery import app

    from .tasks import build_laporan_task

    if app.conf.task_always_eager and settings.CETAK_MASSAL_THREAD:
        latar.start(laporan_job_run, job_id=job_id)
    else:
        build_laporan_task.delay(job_id)


def laporan_job_run(*, job_id: int) -> LaporanJob:
    with translation.override("id"):  # files are always in Indonesian (README "Format berkas")
        return _job_run(job_id)


def _job_run(job_id: int) -> LaporanJob:
    """Build the workbook sheet by sheet (progress = sheets done) and store it. Claimed MENUNGGU → BERJALAN
    by one runner, so a redelivered task does nothing twice."""
    if not LaporanJob.objects.filter(pk=job_id, status=Job.MENUNGGU).update(status=Job.BERJALAN,
                                                                          denyut=timezone.now()):
        return LaporanJob.objects.get(pk=job_id)
    job = LaporanJob.objects.select_related("instansi").get(pk=job_id)
    try:
        lk = lingkup_dari(job.instansi, job.params)
        lembar = []
        for i, f in enumerate(jenis_lembar(job.jenis, lk), start=1):
            lembar.append(f(lk))
            LaporanJob.objects.filter(pk=job.pk).update(selesai=i, denyut=timezone.now())
        isi_berkas = berkas.xlsx(lembar, lk.keterangan())
        nama = f"laporan-{job.jenis}-{job.instansi.kode}-{lk.tahun}.xlsx".replace("_", "-")
        job.berkas.save(nama, ContentFile(isi_berkas), save=False)
        job.status, job.selesai, job.selesai_pada = Job.SELESAI, job.total, timezone.now()
        job.save(update_fields=["berkas", "status", "selesai", "selesai_pada"])
    except Exception as exc:  # noqa: BLE001 - the page must show the failure instead of waiting forever
        logger.exception("Laporan %s gagal", job_id)
        LaporanJob.objects.filter(pk=job.pk).update(status=Job.GAGAL, pesan_galat=str(exc)[:2000],
                                                     selesai_pada=timezone.now())
        job.refresh_from_db()
    return job


def laporan_job_retry(*, job: LaporanJob, oleh) -> bool:
    """*Coba lagi* on a stalled job: back to MENUNGGU (one caller wins the conditional UPDATE) and queued;
    the sheets are built again from the start. False when the job is not stalled (still alive or done)."""
    if not job.terhenti:
        return False
    if not LaporanJob.objects.filter(pk=job.pk, status=job.status, denyut=job.denyut).update(
            status=Job.MENUNGGU, selesai=0, denyut=timezone.now()):
        return False
    audit_log(aktor=oleh, aksi="laporan.job_dilanjutkan", objek=job, data={"jenis": job.jenis})
    transaction.on_commit(lambda: laporan_job_enqueue(job_id=job.pk))
    return True


# --- TPP -------------------------------------------------------------------------------------------

def aturan_tpp_save(*, oleh, instansi: Instansi, data: dict) -> AturanTpp:
    """Add a version of the rule, or change the version of the same effective date while no closed month
    uses it (a closed month keeps the numbers it was closed with either way)."""
    with transaction.atomic():
        aturan = AturanTpp.objects.select_for_update().filter(instansi=instansi,
                                                               berlaku_mulai=data["berlaku_mulai"]).first()
        if aturan and BulanTpp.objects.filter(aturan=aturan).exists():
            raise ValidationError({"berlaku_mulai": _(
                "Versi aturan ini sudah dipakai bulan TPP yang ditutup; buat versi baru dengan tanggal berlaku lain.")})
        baru = aturan is None
        aturan = aturan or AturanTpp(instansi=instansi)
        for k, v in data.items():
            setattr(aturan, k, v)
        aturan.dibuat_oleh = oleh
        aturan.full_clean()
        aturan.save()
        audit_log(aktor=oleh, aksi="tpp.aturan_dibuat" if baru else "tpp.aturan_diubah", objek=aturan,
                  data=selectors.aturan_data(aturan))
    return aturan


def tpp_close(*, oleh, unit: UnitKerja, tahun: int, bulan: int, hari_ini=None) -> BulanTpp:
    """HR signs the month off: the rows are computed once more and stored; they are never recomputed."""
    hari_ini = hari_ini or timezone.localdate()
    if (tahun, bulan) >= (hari_ini.year, hari_ini.month):
        raise ValidationError(_("Bulan yang belum berakhir tidak dapat ditutup."))
    aturan = selectors.aturan_berlaku(unit.instansi_id, tahun, bulan)
    if aturan is None:
        raise ValidationError(_("Belum ada aturan TPP yang berlaku untuk bulan ini. Isi tabel aturan TPP dulu."))
    data = selectors.aturan_data(aturan)
    rows = selectors.baris_tpp(unit, tahun, bulan, data, hari_ini=hari_ini)
    try:
        with transaction.atomic():
            tutup = BulanTpp.objects.create(instansi_id=unit.instansi_id, unit_kerja=unit, tahun=tahun, bulan=bulan,
                                            aturan=aturan, aturan_data=data, ditutup_oleh=oleh)
            BarisTpp.objects.bulk_create(
                [BarisTpp(bulan_tpp=tutup, pegawai_id=r["pegawai_id"], urutan=i, data=r) for i, r in enumerate(rows)],
                batch_size=1000)
            audit_log(aktor=oleh, aksi="tpp.bulan_ditutup", objek=tutup,
                      data={"unit": unit.kode, "tahun": tahun, "bulan": bulan, "baris": len(rows),
                            "aturan": data["berlaku_mulai"]})
    except IntegrityError:
        raise ValidationError(_("Bulan ini sudah ditutup.")) from None
    return tutup


def tpp_reopen(*, oleh, tutup: BulanTpp, alasan: str) -> None:
    """Only an administrator reopens a closed month, with a reason; the stored rows go (kept in the audit)."""
    if not access.peran(oleh).is_admin:
        raise PermissionDenied
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError({"alasan": _("Tuliskan alasan membuka kembali bulan ini.")})
    with transaction.atomic():
        audit_log(aktor=oleh, aksi="tpp.bulan_dibuka", objek=tutup.unit_kerja, catatan=alasan,
                  data={"tahun": tutup.tahun, "bulan": tutup.bulan, "ditutup_oleh": tutup.ditutup_oleh_id,
                        "ditutup_pada": tutup.ditutup_pada.isoformat(), "aturan": tutup.aturan_data,
                        "baris": list(tutup.baris.order_by("urutan").values_list("data", flat=True))})
        tutup.delete()
