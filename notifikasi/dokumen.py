"""Stored PDFs, rendered once per change of their data (HR's bulk print of many is in ``cetak_massal``).

A document is identified by (jenis, kunci). Its ``sumber_hash`` is the SHA-256 of the HTML it was made
from: building the HTML is cheap, laying it out is not, so an unchanged record is served as stored and
any change in its data re-renders it.
"""
import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from pegawai.models import Pegawai, UnitKerja
from penilaian import pdf
from penilaian.models import Penilaian, Periode, Skp

from .models import DokumenPdf, batas_macet

Jenis = DokumenPdf.Jenis
BULK_JENIS = (Jenis.SKP, Jenis.PENILAIAN, Jenis.DOKUMEN_EVALUASI)
MAKS_PERCOBAAN = 3  # a document (or a bulk print) that stalls this often is failed instead of retried forever


def _html(jenis: str, kunci: str) -> str:
    if jenis == Jenis.SKP:
        return pdf.html_skp(Skp.objects.get(pk=kunci))
    if jenis == Jenis.PENILAIAN:
        return pdf.html_penilaian(Penilaian.objects.get(pk=kunci))
    if jenis == Jenis.DOKUMEN_EVALUASI:
        return pdf.html_dokumen_evaluasi(Penilaian.objects.get(pk=kunci))
    if jenis == Jenis.KONVERSI_AK:
        pegawai_id, tahun = kunci.split(":")
        return pdf.html_konversi_ak(Pegawai.objects.with_relations().get(pk=pegawai_id), int(tahun))
    unit_id, periode_id = kunci.split(":")
    return pdf.html_rekap_unit(
        UnitKerja.objects.select_related("instansi", "kepala").get(pk=unit_id), Periode.objects.get(pk=periode_id)
    )


def kunci_rekap(unit: UnitKerja, periode: Periode) -> str:
    return f"{unit.pk}:{periode.pk}"


def kunci_konversi(pegawai: Pegawai, tahun: int) -> str:
    return f"{pegawai.pk}:{tahun}"


def _segar(doc: DokumenPdf, sumber_hash: str) -> bool:
    return (
        doc.status == DokumenPdf.Status.SIAP
        and doc.sumber_hash == sumber_hash
        and bool(doc.berkas)
        and doc.berkas.storage.exists(doc.berkas.name)
    )


def dokumen_ensure(*, jenis: str, kunci: str) -> DokumenPdf:
    """Return the stored PDF, rendering it first when missing or made from different data."""
    html = _html(jenis, kunci)
    sumber_hash = hashlib.sha256(html.encode()).hexdigest()
    doc, _ = DokumenPdf.objects.get_or_create(jenis=jenis, kunci=kunci)
    if _segar(doc, sumber_hash):
        return doc
    try:
        isi = pdf.html_to_pdf(html)
    except Exception as exc:
        # The hash is kept with GAGAL so the same data is not retried on every poll (dokumen_request).
        DokumenPdf.objects.filter(pk=doc.pk).update(
            status=DokumenPdf.Status.GAGAL, sumber_hash=sumber_hash, pesan_galat=str(exc)[:2000]
        )
        raise
    lama = doc.berkas.name if doc.berkas else ""
    doc.berkas.save(f"{jenis.lower()}-{kunci.replace(':', '-')}.pdf", ContentFile(isi), save=False)
    doc.sumber_hash, doc.status, doc.pesan_galat, doc.percobaan = sumber_hash, DokumenPdf.Status.SIAP, "", 0
    doc.ukuran, doc.dirender_pada = len(isi), timezone.now()
    doc.save()
    if lama and lama != doc.berkas.name:
        doc.berkas.storage.delete(lama)
    return doc


def dokumen_request(*, jenis: str, kunci: str) -> DokumenPdf:
    """A download request: a fresh document is returned as is; a stale one is queued for the worker."""
    from .tasks import render_dokumen_task

    sumber_hash = hashlib.sha256(_html(jenis, kunci).encode()).hexdigest()
    doc, _ = DokumenPdf.objects.get_or_create(jenis=jenis, kunci=kunci)
    if _segar(doc, sumber_hash) or (doc.status == DokumenPdf.Status.GAGAL and doc.sumber_hash == sumber_hash):
        return doc
    # Only the request that flips the row to MENUNGGU queues a render: polling does not pile up tasks. A
    # MENUNGGU row older than batas_macet() lost its worker and is claimed (queued) again.
    now = timezone.now()
    perlu = (
        ~Q(status=DokumenPdf.Status.MENUNGGU) | Q(diminta_pada__isnull=True) | Q(diminta_pada__lt=now - batas_macet())
    )
    if DokumenPdf.objects.filter(perlu, pk=doc.pk).update(status=DokumenPdf.Status.MENUNGGU, diminta_pada=now):
        transaction.on_commit(lambda: render_dokumen_task.delay(doc.pk))
    doc.refresh_from_db()
    return doc


def dokumen_sweep() -> list[int]:
    """Sweeper: PDFs queued longer than batas_macet() ago lost their worker; returns the ids to queue again,
    and fails those already retried ``MAKS_PERCOBAAN`` times so the download page stops waiting."""
    now = timezone.now()
    macet = DokumenPdf.objects.filter(status=DokumenPdf.Status.MENUNGGU, diminta_pada__lt=now - batas_macet())
    macet.filter(percobaan__gte=MAKS_PERCOBAAN).update(
        status=DokumenPdf.Status.GAGAL, pesan_galat="Pembuatan PDF terhenti berulang kali; buka lagi untuk mencoba."
    )
    ids = []
    for pk, diminta in macet.filter(percobaan__lt=MAKS_PERCOBAAN).values_list("pk", "diminta_pada"):
        if DokumenPdf.objects.filter(pk=pk, diminta_pada=diminta).update(
            diminta_pada=now, percobaan=F("percobaan") + 1
        ):
            ids.append(pk)
    return ids
