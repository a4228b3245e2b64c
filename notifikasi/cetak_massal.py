"""HR's bulk print (style.md §6: a job row with status and done/total, the page polls it).

Life of a job: MENUNGGU → BERJALAN (items claimed MENUNGGU → PROSES → OK/GAGAL one by one) → MENGEMAS
(one caller builds the ZIP) → SELESAI. Any step may be repeated by a late or redelivered task, the
sweeper or *Coba lagi*: each is a conditional UPDATE, so repeating it does nothing twice.
"""
import io
import time
import zipfile

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.db.models import Count, Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext

from kinerja.audit import audit_log
from notifikasi.pesan import kalimat
from pegawai.models import Pegawai, UnitKerja
from pegawai.selectors import descendant_ids
from penilaian.models import Penilaian, Periode, Skp

from . import latar
from .dokumen import BULK_JENIS, MAKS_PERCOBAAN, Jenis, dokumen_ensure
from .models import CetakMassal, CetakMassalItem, batas_macet
from .services import notify

Item = CetakMassalItem.Status
Job = CetakMassal.Status


class CetakSudahBerjalan(Exception):
    """The same user already has this bulk print running; ``job`` is that job."""

    def __init__(self, job: CetakMassal):
        super().__init__(job.pk)
        self.job = job


def _alasan_tanpa_penilaian(pegawai_ids, tahun: int) -> dict[int, str]:
    """Why a pegawai has no evaluation in a period: no SKP of the year, or one not approved yet (an
    evaluation is only opened on an approved SKP), or an approved SKP whose evaluation nobody started."""
    skp_per_pegawai: dict[int, list[Skp]] = {pk: [] for pk in pegawai_ids}
    for skp in Skp.objects.filter(tahun=tahun, pegawai_id__in=pegawai_ids).order_by("tanggal_mulai", "pk"):
        skp_per_pegawai[skp.pegawai_id].append(skp)
    alasan = {}
    for pk, skps in skp_per_pegawai.items():
        if not skps:
            alasan[pk] = f"Belum ada SKP tahun {tahun}."
        elif any(s.status == Skp.Status.DISETUJUI for s in skps):
            alasan[pk] = "Penilaian periode ini belum dibuat."
        else:
            alasan[pk] = f"SKP tahun {tahun} belum disetujui (status: {skps[-1].get_status_display()})."
    return alasan


def _objek_per_pegawai(
    jenis: str, pegawai_ids: list[int], periode: Periode | None, tahun: int | None
) -> dict[int, tuple]:
    """pegawai id → (object id or None, reason it cannot be printed)."""
    hasil: dict[int, tuple] = {}
    if jenis == Jenis.SKP:
        for skp in Skp.objects.filter(tahun=tahun, pegawai_id__in=pegawai_ids).order_by("tanggal_mulai", "pk"):
            if skp.status == Skp.Status.DISETUJUI:
                hasil[skp.pegawai_id] = (skp.pk, "")
            elif skp.pegawai_id not in hasil or not hasil[skp.pegawai_id][0]:
                hasil[skp.pegawai_id] = (
                    None,
                    f"SKP tahun {tahun} belum disetujui (status: {skp.get_status_display()}).",
                )
        return hasil
    for p in (
        Penilaian.objects.filter(periode=periode, skp__pegawai_id__in=pegawai_ids)
        .select_related("skp")
        .order_by("skp__tanggal_mulai", "pk")
    ):
        if jenis == Jenis.DOKUMEN_EVALUASI and not p.is_final:
            hasil[p.skp.pegawai_id] = (None, f"Penilaian belum final (status: {p.get_status_display()}).")
        else:
            hasil[p.skp.pegawai_id] = (p.pk, "")
    tanpa = _alasan_tanpa_penilaian([pk for pk in pegawai_ids if pk not in hasil], periode.tahun)
    return hasil | {pk: (None, alasan) for pk, alasan in tanpa.items()}


def _berjalan(*, oleh, unit: UnitKerja, jenis: str, periode: Periode | None, tahun: int | None) -> CetakMassal | None:
    if oleh is None:
        return None
    return CetakMassal.objects.filter(
        dibuat_oleh=oleh, unit_kerja=unit, jenis=jenis, periode=periode, tahun=tahun, status__in=CetakMassal.AKTIF
    ).first()


def cetak_massal_start(
    *,
    oleh,
    unit: UnitKerja,
    jenis: str,
    periode: Periode | None = None,
    tahun: int | None = None,
    token=None,
    antre: bool = True,
) -> CetakMassal:
    """Create the job and one item per active pegawai of the unit and its sub-units, then queue it after
    commit (``antre=False``: the caller renders it in-process, as ``manage.py cetak`` does).

    The same form ``token`` sent twice returns the first job; the same bulk print while one of this user
    is still running raises ``CetakSudahBerjalan`` (the constraint ``cetak_aktif_sekali`` backs both races).
    """
    if jenis not in BULK_JENIS:
        raise ValidationError(gettext("Jenis dokumen tidak dapat dicetak massal."))
    if jenis == Jenis.SKP and not tahun:
        raise ValidationError(gettext("Pilih tahun SKP yang akan dicetak."))
    if jenis != Jenis.SKP and (periode is None or periode.instansi_id != unit.instansi_id):
        raise ValidationError(gettext("Pilih periode evaluasi milik instansi unit kerja ini."))
    periode, tahun = (None, tahun) if jenis == Jenis.SKP else (periode, None)
    kriteria = {"oleh": oleh, "unit": unit, "jenis": jenis, "periode": periode, "tahun": tahun}
    if token and (ada := CetakMassal.objects.filter(token=token, dibuat_oleh=oleh).first()):
        return ada
    if ada := _berjalan(**kriteria):
        raise CetakSudahBerjalan(ada)
    try:
        with transaction.atomic():
            job = _buat(**kriteria, token=token)
    except IntegrityError:
        # Lost a race with a second click that got here first.
        if ada := (token and CetakMassal.objects.filter(token=token, dibuat_oleh=oleh).first()) or _berjalan(
            **kriteria
        ):
            if token and ada.token == token:
                return ada
            raise CetakSudahBerjalan(ada) from None
        raise
    if antre:
        transaction.on_commit(lambda: cetak_massal_enqueue(job_id=job.pk))
    return job


def _buat(*, oleh, unit, jenis, periode, tahun, token) -> CetakMassal:
    job = CetakMassal.objects.create(
        instansi_id=unit.instansi_id,
        unit_kerja=unit,
        jenis=jenis,
        periode=periode,
        tahun=tahun,
        dibuat_oleh=oleh,
        token=token,
        denyut=timezone.now(),
    )
    pegawai = list(
        Pegawai.objects.filter(unit_kerja_id__in=descendant_ids(unit), aktif=True)
        .order_by("nama", "nip")
        .values_list("pk", flat=True)
    )
    objek = _objek_per_pegawai(jenis, pegawai, periode, tahun)
    items = []
    for pk in pegawai:
        objek_id, alasan = objek.get(pk, (None, "Belum ada SKP tahun ini."))
        items.append(
            CetakMassalItem(
                job=job,
                pegawai_id=pk,
                objek_id=objek_id,
                status=Item.MENUNGGU if objek_id else Item.GAGAL,
                alasan=alasan,
            )
        )
    CetakMassalItem.objects.bulk_create(items, batch_size=1000)
    job.total = len(items)
    job.save(update_fields=["total"])
    audit_log(
        aktor=oleh, aksi="cetak_massal.dimulai", objek=job, data={"unit": unit.kode, "jenis": jenis, "total": job.total}
    )
    return job


def cetak_massal_enqueue(*, job_id: int) -> None:
    """Hand the job to the broker; with none configured run it in a background thread (``latar``), so the
    request that started it answers at once. ``CETAK_MASSAL_THREAD=False`` (tests): eager tasks, inline."""
    from kinerja.celery import app

    from .tasks import run_cetak_massal_task

    if app.conf.task_always_eager and settings.CETAK_MASSAL_THREAD:
        latar.start(cetak_massal_process, job_id=job_id)
    else:
        run_cetak_massal_task.delay(job_id)


def cetak_massal_process(*, job_id: int) -> CetakMassal:
    """The whole job in this process, item after item, then the ZIP (command line and background thread)."""
    for pk in cetak_massal_run(job_id=job_id):
        for coba in range(3):
            try:
                cetak_massal_render_item(item_id=pk)
                break
            except (OperationalError, InterfaceError):  # SQLite busy with a request: wait, then go on
                time.sleep(1 + coba)
    return cetak_massal_zip(job_id=job_id)


def cetak_massal_run(*, job_id: int) -> list[int]:
    """Mark the job running; returns the item ids still to render (idempotent on redelivery)."""
    CetakMassal.objects.filter(pk=job_id, status=Job.MENUNGGU).update(status=Job.BERJALAN, denyut=timezone.now())
    return list(CetakMassalItem.objects.filter(job_id=job_id, status=Item.MENUNGGU).values_list("pk", flat=True))


def _akhiri(item_id: int, status: str, *, alasan: str = "", dokumen=None) -> None:
    CetakMassalItem.objects.filter(pk=item_id, status=Item.PROSES).update(
        status=status, alasan=alasan[:500], dokumen=dokumen
    )


def cetak_massal_render_item(*, item_id: int) -> bool:
    """Render one document of a bulk job; a failure is recorded on the item, the others go on.

    Claimed MENUNGGU → PROSES first, so a redelivered or re-queued task never renders it twice at once.
    """
    klaim = CetakMassalItem.objects.filter(pk=item_id, status=Item.MENUNGGU)
    if not klaim.update(status=Item.PROSES, diklaim_pada=timezone.now(), percobaan=F("percobaan") + 1):
        return False
    item = CetakMassalItem.objects.select_related("job").get(pk=item_id)
    if item.percobaan > MAKS_PERCOBAAN:
        _akhiri(item.pk, Item.GAGAL, alasan="Pembuatan PDF terhenti berulang kali (pekerja latar berhenti).")
    else:
        try:
            doc = dokumen_ensure(jenis=item.job.jenis, kunci=str(item.objek_id))
        except (Skp.DoesNotExist, Penilaian.DoesNotExist):
            _akhiri(item.pk, Item.GAGAL, alasan="Data sumber sudah dihapus.")
        except SoftTimeLimitExceeded:
            _akhiri(item.pk, Item.GAGAL, alasan="Waktu membuat PDF habis.")
        except (OperationalError, InterfaceError):
            CetakMassalItem.objects.filter(pk=item.pk, status=Item.PROSES).update(status=Item.MENUNGGU)
            raise  # transient: the task retries it
        except Exception as exc:  # noqa: BLE001 - a broken record must not stop the other documents (issue #7 §4)
            _akhiri(item.pk, Item.GAGAL, alasan=f"Gagal membuat PDF: {exc}")
        else:
            _akhiri(item.pk, Item.OK, dokumen=doc)
    CetakMassal.objects.filter(pk=item.job_id).update(denyut=timezone.now())
    return True


def cetak_massal_ready_for_zip(*, job_id: int) -> bool:
    """Every item is finished and nobody has built the ZIP yet (cheap; the ZIP step claims for itself)."""
    belum = CetakMassalItem.objects.filter(job_id=job_id, status__in=CetakMassalItem.BELUM).exists()
    return not belum and CetakMassal.objects.filter(pk=job_id).exclude(status=Job.SELESAI).exists()


def nama_berkas(pegawai: Pegawai, jenis: str) -> str:
    return f"{pegawai.nip}_{slugify(pegawai.nama)[:60]}_{jenis.lower()}.pdf"


def cetak_massal_zip(*, job_id: int) -> CetakMassal:
    """Pack every rendered document into one ZIP. Safe to call from any late task: only the caller that
    claims the job (conditional UPDATE to MENGEMAS, once every item is finished) builds it, and only
    that claim may mark it SELESAI; a claim older than batas_macet() (its worker died) can be taken over."""
    now = timezone.now()
    belum = CetakMassalItem.objects.filter(job_id=OuterRef("pk"), status__in=CetakMassalItem.BELUM)
    boleh = Q(status__in=[Job.MENUNGGU, Job.BERJALAN, Job.TERHENTI]) | Q(
        status=Job.MENGEMAS, denyut__lt=now - batas_macet()
    )
    klaim = CetakMassal.objects.filter(boleh, pk=job_id).exclude(Exists(belum)).update(status=Job.MENGEMAS, denyut=now)
    job = CetakMassal.objects.select_related("unit_kerja", "periode", "dibuat_oleh").get(pk=job_id)
    if not klaim:
        return job
    buf, gagal = io.BytesIO(), []
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for it in job.items.select_related("pegawai", "dokumen"):
            if it.status == Item.OK and it.dokumen and it.dokumen.berkas:
                with it.dokumen.berkas.open("rb") as f:
                    zf.writestr(nama_berkas(it.pegawai, job.jenis), f.read())
            else:
                gagal.append(f"{it.pegawai.nip}\t{it.pegawai.nama}\t{it.alasan}")
        if gagal:
            zf.writestr("DAFTAR_GAGAL.txt", "NIP\tNama\tAlasan\n" + "\n".join(gagal) + "\n")
    label = job.periode.nama if job.periode else str(job.tahun)
    job.berkas.save(
        slugify(f"{job.get_jenis_display()}-{job.unit_kerja.kode}-{label}") + ".zip",
        ContentFile(buf.getvalue()),
        save=False,
    )
    selesai = CetakMassal.objects.filter(pk=job_id, status=Job.MENGEMAS, denyut=now)
    if not selesai.update(berkas=job.berkas.name, status=Job.SELESAI, selesai_pada=timezone.now(), pesan_galat=""):
        job.berkas.storage.delete(job.berkas.name)  # our claim was taken over: the other caller's ZIP stands
        job.refresh_from_db()
        return job
    job.refresh_from_db()
    ok = job.total - len(gagal)
    notify(
        penerima=job.dibuat_oleh,
        judul=kalimat("Cetak massal selesai"),
        pesan=kalimat("%(job)s: %(ok)d dicetak, %(gagal)d gagal dari %(total)d dokumen.", job=str(job), ok=ok,
                   gagal=len(gagal), total=job.total),
        url=reverse("notifikasi:cetak-detail", args=[job.pk]),
        objek=job,
    )
    return job


def cetak_massal_sweep() -> list[int]:
    """Sweeper (beat, every few minutes): items and jobs with no progress for batas_macet() lost their
    worker. Items go back to MENUNGGU; a job is continued (returned, for the caller to queue) up to
    ``MAKS_PERCOBAAN`` times, then marked TERHENTI so the page says so and offers *Coba lagi*."""
    now = timezone.now()
    basi = now - batas_macet()
    CetakMassalItem.objects.filter(status=Item.PROSES, diklaim_pada__lt=basi).update(status=Item.MENUNGGU)
    lanjut = []
    for job in CetakMassal.objects.filter(status__in=CetakMassal.AKTIF, denyut__lt=basi).select_related("dibuat_oleh"):
        sama = CetakMassal.objects.filter(pk=job.pk, status=job.status, denyut=job.denyut)
        if job.percobaan < MAKS_PERCOBAAN:
            if sama.update(status=Job.BERJALAN, denyut=now, percobaan=F("percobaan") + 1):
                lanjut.append(job.pk)
        elif sama.update(status=Job.TERHENTI, pesan_galat="Pencetakan terhenti: pekerja latar tidak menyelesaikannya."):
            notify(
                penerima=job.dibuat_oleh,
                judul=kalimat("Cetak massal terhenti"),
                pesan=kalimat("%(job)s: buka halamannya dan tekan Coba lagi.", job=str(job)),
                url=reverse("notifikasi:cetak-detail", args=[job.pk]),
                objek=job,
            )
    return lanjut


def cetak_massal_retry(*, job: CetakMassal, oleh) -> bool:
    """*Coba lagi* on a stalled job: re-queue only what is missing (items not finished, or just the ZIP).
    False when someone else continued it first (a double click)."""
    if not job.terhenti:
        raise ValidationError(gettext("Cetak massal ini tidak sedang terhenti."))
    sama = CetakMassal.objects.filter(pk=job.pk, status=job.status, denyut=job.denyut)
    try:
        with transaction.atomic():
            if not sama.update(status=Job.BERJALAN, denyut=timezone.now(), percobaan=0, pesan_galat=""):
                return False
            # Its worker is gone: what it had claimed is free again.
            job.items.filter(status=Item.PROSES).update(status=Item.MENUNGGU)
            audit_log(
                aktor=oleh,
                aksi="cetak_massal.dilanjutkan",
                objek=job,
                data={"belum": job.items.filter(status=Item.MENUNGGU).count()},
            )
    except IntegrityError:  # TERHENTI → BERJALAN while the same print was started again meanwhile
        raise CetakSudahBerjalan(
            _berjalan(oleh=job.dibuat_oleh, unit=job.unit_kerja, jenis=job.jenis, periode=job.periode, tahun=job.tahun)
        ) from None
    transaction.on_commit(lambda: cetak_massal_enqueue(job_id=job.pk))
    return True


def progres(job: CetakMassal) -> dict:
    """Counts the page shows: printed and failed apart, the reasons for failing grouped, bar widths."""
    n = dict(job.items.values_list("status").annotate(n=Count("pk")).order_by())
    ok, gagal, total = n.get(Item.OK, 0), n.get(Item.GAGAL, 0), job.total
    lebar_ok = 100 * ok // total if total else 0
    lebar_gagal = (100 * (ok + gagal) // total if total else 0) - lebar_ok
    alasan = job.items.filter(status=Item.GAGAL).values("alasan").annotate(n=Count("pk")).order_by("-n", "alasan")
    return {
        "ok": ok,
        "gagal": gagal,
        "belum": total - ok - gagal,
        "total": total,
        "persen": 100 if job.status == Job.SELESAI or not total else 100 * (ok + gagal) // total,
        "lebar_ok": lebar_ok,
        "lebar_gagal": lebar_gagal,
        "alasan": list(alasan),
    }
