"""Stored PDFs and HR's bulk print (style.md §6: a job row with status and done/total, the page polls it).

A document is identified by (jenis, kunci). Its ``sumber_hash`` is the SHA-256 of the HTML it was made
from: building the HTML is cheap, laying it out is not, so an unchanged record is served as stored and
any change in its data re-renders it.
"""
import hashlib
import io
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext

from kinerja.audit import audit_log
from pegawai.models import Pegawai, UnitKerja
from penilaian import pdf
from penilaian.models import Penilaian, Periode, Skp

from .models import CetakMassal, CetakMassalItem, DokumenPdf
from .services import notify

Jenis = DokumenPdf.Jenis
BULK_JENIS = (Jenis.SKP, Jenis.PENILAIAN, Jenis.DOKUMEN_EVALUASI)


def _html(jenis: str, kunci: str) -> str:
    if jenis == Jenis.SKP:
        return pdf.html_skp(Skp.objects.get(pk=kunci))
    if jenis == Jenis.PENILAIAN:
        return pdf.html_penilaian(Penilaian.objects.get(pk=kunci))
    if jenis == Jenis.DOKUMEN_EVALUASI:
        return pdf.html_dokumen_evaluasi(Penilaian.objects.get(pk=kunci))
    unit_id, periode_id = kunci.split(":")
    return pdf.html_rekap_unit(UnitKerja.objects.select_related("instansi", "kepala").get(pk=unit_id), Periode.objects.get(pk=periode_id))


def kunci_rekap(unit: UnitKerja, periode: Periode) -> str:
    return f"{unit.pk}:{periode.pk}"


def _segar(doc: DokumenPdf, sumber_hash: str) -> bool:
    return doc.status == DokumenPdf.Status.SIAP and doc.sumber_hash == sumber_hash and bool(doc.berkas) and doc.berkas.storage.exists(doc.berkas.name)


def dokumen_pastikan(*, jenis: str, kunci: str) -> DokumenPdf:
    """Return the stored PDF, rendering it first when missing or made from different data."""
    html = _html(jenis, kunci)
    sumber_hash = hashlib.sha256(html.encode()).hexdigest()
    doc, _ = DokumenPdf.objects.get_or_create(jenis=jenis, kunci=kunci)
    if _segar(doc, sumber_hash):
        return doc
    try:
        isi = pdf.html_to_pdf(html)
    except Exception as exc:
        # The hash is kept with GAGAL so the same data is not retried on every poll (dokumen_minta).
        DokumenPdf.objects.filter(pk=doc.pk).update(status=DokumenPdf.Status.GAGAL, sumber_hash=sumber_hash, pesan_galat=str(exc)[:2000])
        raise
    lama = doc.berkas.name if doc.berkas else ""
    doc.berkas.save(f"{jenis.lower()}-{kunci.replace(':', '-')}.pdf", ContentFile(isi), save=False)
    doc.sumber_hash, doc.status, doc.pesan_galat = sumber_hash, DokumenPdf.Status.SIAP, ""
    doc.ukuran, doc.dirender_pada = len(isi), timezone.now()
    doc.save()
    if lama and lama != doc.berkas.name:
        doc.berkas.storage.delete(lama)
    return doc


def dokumen_minta(*, jenis: str, kunci: str) -> DokumenPdf:
    """A download request: a fresh document is returned as is; a stale one is queued for the worker."""
    from .tasks import render_dokumen_task

    sumber_hash = hashlib.sha256(_html(jenis, kunci).encode()).hexdigest()
    doc, baru = DokumenPdf.objects.get_or_create(jenis=jenis, kunci=kunci)
    if _segar(doc, sumber_hash) or (doc.status == DokumenPdf.Status.GAGAL and doc.sumber_hash == sumber_hash):
        return doc
    # Only the request that flips the row to MENUNGGU queues a render: polling does not pile up tasks.
    if DokumenPdf.objects.filter(pk=doc.pk).exclude(status=DokumenPdf.Status.MENUNGGU).update(status=DokumenPdf.Status.MENUNGGU) or baru:
        transaction.on_commit(lambda: render_dokumen_task.delay(doc.pk))
    doc.refresh_from_db()
    return doc


# --- bulk print ------------------------------------------------------------------------------------

def unit_dan_turunan(unit: UnitKerja) -> list[int]:
    """``unit`` and every unit below it (one query per level; the tree is a few levels deep)."""
    ids, level = [unit.pk], [unit.pk]
    while level:
        level = list(UnitKerja.objects.filter(parent_id__in=level).values_list("pk", flat=True))
        ids += level
    return ids


def _objek_per_pegawai(jenis: str, pegawai_ids: list[int], periode: Periode | None, tahun: int | None) -> dict[int, tuple]:
    """pegawai id → (object id or None, reason it cannot be printed)."""
    hasil: dict[int, tuple] = {}
    if jenis == Jenis.SKP:
        for skp in Skp.objects.filter(tahun=tahun, pegawai_id__in=pegawai_ids).order_by("tanggal_mulai", "pk"):
            if skp.status == Skp.Status.DISETUJUI:
                hasil[skp.pegawai_id] = (skp.pk, "")
            elif skp.pegawai_id not in hasil or not hasil[skp.pegawai_id][0]:
                hasil[skp.pegawai_id] = (None, f"SKP tahun {tahun} belum disetujui (status: {skp.get_status_display()}).")
        return hasil
    for p in Penilaian.objects.filter(periode=periode, skp__pegawai_id__in=pegawai_ids).select_related("skp").order_by("skp__tanggal_mulai", "pk"):
        if jenis == Jenis.DOKUMEN_EVALUASI and not p.is_final:
            hasil[p.skp.pegawai_id] = (None, f"Penilaian belum final (status: {p.get_status_display()}).")
        else:
            hasil[p.skp.pegawai_id] = (p.pk, "")
    return hasil


def cetak_massal_mulai(
    *, oleh, unit: UnitKerja, jenis: str, periode: Periode | None = None, tahun: int | None = None, antre: bool = True
) -> CetakMassal:
    """Create the job and one item per active pegawai of the unit and its sub-units, then queue it
    (``antre=False``: the caller renders it in-process, as ``manage.py cetak`` does)."""
    if jenis not in BULK_JENIS:
        raise ValidationError(gettext("Jenis dokumen tidak dapat dicetak massal."))
    if jenis == Jenis.SKP and not tahun:
        raise ValidationError(gettext("Pilih tahun SKP yang akan dicetak."))
    if jenis != Jenis.SKP and (periode is None or periode.instansi_id != unit.instansi_id):
        raise ValidationError(gettext("Pilih periode evaluasi milik instansi unit kerja ini."))
    with transaction.atomic():
        job = CetakMassal.objects.create(
            instansi_id=unit.instansi_id, unit_kerja=unit, jenis=jenis, periode=periode if jenis != Jenis.SKP else None,
            tahun=tahun if jenis == Jenis.SKP else None, dibuat_oleh=oleh,
        )
        pegawai = list(Pegawai.objects.filter(unit_kerja_id__in=unit_dan_turunan(unit), aktif=True).order_by("nama", "nip").values_list("pk", flat=True))
        objek = _objek_per_pegawai(jenis, pegawai, periode, tahun)
        tanpa = "Belum ada SKP tahun ini." if jenis == Jenis.SKP else "Belum ada penilaian pada periode ini."
        items = []
        for pk in pegawai:
            objek_id, alasan = objek.get(pk, (None, tanpa))
            status = CetakMassalItem.Status.MENUNGGU if objek_id else CetakMassalItem.Status.GAGAL
            items.append(CetakMassalItem(job=job, pegawai_id=pk, objek_id=objek_id, status=status, alasan=alasan))
        CetakMassalItem.objects.bulk_create(items, batch_size=1000)
        job.total = len(items)
        job.save(update_fields=["total"])
        audit_log(aktor=oleh, aksi="cetak_massal.dimulai", objek=job, data={"unit": unit.kode, "jenis": jenis, "total": job.total})
        if antre:
            from .tasks import cetak_massal_task

            transaction.on_commit(lambda: cetak_massal_task.delay(job.pk))
    return job


def cetak_massal_jalankan(*, job_id: int) -> list[int]:
    """Mark the job running; returns the item ids still to render (idempotent on redelivery)."""
    CetakMassal.objects.filter(pk=job_id, status=CetakMassal.Status.MENUNGGU).update(status=CetakMassal.Status.BERJALAN)
    return list(CetakMassalItem.objects.filter(job_id=job_id, status=CetakMassalItem.Status.MENUNGGU).values_list("pk", flat=True))


def cetak_massal_item(*, item_id: int) -> bool:
    """Render one document of a bulk job; a failure is recorded on the item, the others go on."""
    item = CetakMassalItem.objects.select_related("job").get(pk=item_id)
    if item.status != CetakMassalItem.Status.MENUNGGU:
        return False
    try:
        doc = dokumen_pastikan(jenis=item.job.jenis, kunci=str(item.objek_id))
    except (Skp.DoesNotExist, Penilaian.DoesNotExist):
        CetakMassalItem.objects.filter(pk=item.pk).update(status=CetakMassalItem.Status.GAGAL, alasan="Data sumber sudah dihapus.")
    except Exception as exc:  # noqa: BLE001 - a broken record must not stop the other documents (issue #7 §4)
        CetakMassalItem.objects.filter(pk=item.pk).update(status=CetakMassalItem.Status.GAGAL, alasan=f"Gagal membuat PDF: {exc}"[:500])
    else:
        CetakMassalItem.objects.filter(pk=item.pk).update(status=CetakMassalItem.Status.OK, dokumen=doc)
    return True


def cetak_massal_perlu_zip(*, job_id: int) -> bool:
    """True for exactly one caller once every item is finished (conditional UPDATE BERJALAN → MENGEMAS)."""
    if CetakMassalItem.objects.filter(job_id=job_id, status=CetakMassalItem.Status.MENUNGGU).exists():
        return False
    return bool(CetakMassal.objects.filter(pk=job_id, status=CetakMassal.Status.BERJALAN).update(status=CetakMassal.Status.MENGEMAS))


def nama_berkas(pegawai: Pegawai, jenis: str) -> str:
    return f"{pegawai.nip}_{slugify(pegawai.nama)[:60]}_{jenis.lower()}.pdf"


def cetak_massal_zip(*, job_id: int) -> CetakMassal:
    """Pack every rendered document into one ZIP (rebuilt from scratch if a worker died midway)."""
    job = CetakMassal.objects.select_related("unit_kerja", "periode").get(pk=job_id)
    if job.status == CetakMassal.Status.SELESAI:
        return job
    buf = io.BytesIO()
    items = job.items.select_related("pegawai", "dokumen")
    gagal = []
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for it in items:
            if it.status == CetakMassalItem.Status.OK and it.dokumen and it.dokumen.berkas:
                with it.dokumen.berkas.open("rb") as f:
                    zf.writestr(nama_berkas(it.pegawai, job.jenis), f.read())
            else:
                gagal.append(f"{it.pegawai.nip}\t{it.pegawai.nama}\t{it.alasan}")
        if gagal:
            zf.writestr("DAFTAR_GAGAL.txt", "NIP\tNama\tAlasan\n" + "\n".join(gagal) + "\n")
    label = job.periode.nama if job.periode else str(job.tahun)
    job.berkas.save(slugify(f"{job.get_jenis_display()}-{job.unit_kerja.kode}-{label}") + ".zip", ContentFile(buf.getvalue()), save=False)
    job.status, job.selesai_pada = CetakMassal.Status.SELESAI, timezone.now()
    job.save(update_fields=["berkas", "status", "selesai_pada"])
    notify(penerima=job.dibuat_oleh, judul="Cetak massal selesai",
           pesan=f"{job}: {job.total - len(gagal)} dari {job.total} dokumen berhasil dicetak.",
           url=reverse("notifikasi:cetak-detail", args=[job.pk]), objek=job)
    return job


def progres(job: CetakMassal) -> dict:
    selesai = job.items.exclude(status=CetakMassalItem.Status.MENUNGGU).count()
    persen = 100 if job.status == CetakMassal.Status.SELESAI else (int(100 * selesai / job.total) if job.total else 0)
    return {"selesai": selesai, "total": job.total, "persen": min(persen, 100)}
