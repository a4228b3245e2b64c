"""Upload checks and private file serving, shared by evidence, certificates and daily-log files.

The type is decided from the file's first bytes, never from its name or the browser's claim
(domain rule in the issues: "type checked from the content"). Files live under MEDIA_ROOT, outside
static, and are only ever returned by a view that has already checked permission.
"""
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

PDF, JPG, PNG, DOCX, XLSX = "pdf", "jpg", "png", "docx", "xlsx"
LABELS = {PDF: "PDF", JPG: "JPG", PNG: "PNG", DOCX: "DOCX (Word)", XLSX: "XLSX (Excel)"}
CONTENT_TYPES = {
    PDF: "application/pdf", JPG: "image/jpeg", PNG: "image/png",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
BUKTI_TYPES = frozenset({PDF, JPG, PNG, DOCX, XLSX})
SERTIFIKAT_TYPES = frozenset({PDF, JPG, PNG})


@dataclass(frozen=True)
class CheckedUpload:
    jenis: str
    content_type: str
    ukuran: int
    nama: str


def sniff(head: bytes, fileobj=None) -> str | None:
    """The real type of a file from its first bytes (and, for Office files, its zip directory)."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"PK\x03\x04") and fileobj is not None:
        try:
            names = set(zipfile.ZipFile(fileobj).namelist())
        except zipfile.BadZipFile:
            return None
        if "[Content_Types].xml" in names:
            if any(n.startswith("word/") for n in names):
                return DOCX
            if any(n.startswith("xl/") for n in names):
                return XLSX
    return None


def check_upload(upload, *, allowed: frozenset[str] = BUKTI_TYPES, max_bytes: int | None = None) -> CheckedUpload:
    """Validate an uploaded file or raise ValidationError with a clear Indonesian message."""
    max_bytes = max_bytes or settings.UPLOAD_MAX_BYTES
    allowed_text = ", ".join(LABELS[t] for t in sorted(allowed))
    if upload is None or upload.size == 0:
        raise ValidationError(_("Berkas kosong (0 byte). Pilih berkas yang berisi."), code="kosong")
    if upload.size > max_bytes:
        raise ValidationError(
            _("Berkas %(nama)s terlalu besar (%(mb).1f MB). Maksimal %(max)d MB.")
            % {"nama": upload.name, "mb": upload.size / 1_048_576, "max": max_bytes // 1_048_576},
            code="terlalu_besar",
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    jenis = sniff(head, upload)
    upload.seek(0)
    if jenis is None or jenis not in allowed:
        raise ValidationError(
            _("Isi berkas %(nama)s bukan jenis yang diizinkan (%(jenis)s), apa pun ekstensi namanya.")
            % {"nama": upload.name, "jenis": allowed_text},
            code="jenis",
        )
    return CheckedUpload(jenis=jenis, content_type=CONTENT_TYPES[jenis], ukuran=upload.size, nama=upload.name[:255])


def serve_private(field_file, *, nama: str = "", inline: bool = True) -> FileResponse:
    """Stream a stored private file. Call only after the caller's permission check.

    The Content-Type comes from the file's bytes, never from its (user-supplied) name, so a PNG named
    ``x.html`` is served as an image; only PDFs and images may open in the browser, the rest downloads.
    """
    if not field_file:
        raise Http404
    nama = nama or field_file.name.rsplit("/", 1)[-1]
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, IsADirectoryError, SuspiciousFileOperation):
        # The row outlived its file (restored backup, manual clean-up): a missing page, not a crash.
        raise Http404 from None
    head = handle.read(16)
    handle.seek(0)
    jenis = sniff(head, handle)
    handle.seek(0)
    if jenis:
        content_type = CONTENT_TYPES[jenis]
    elif head.startswith(b"PK\x03\x04"):
        content_type = "application/zip"
    else:
        content_type = "application/octet-stream"
    inline = inline and jenis in (PDF, JPG, PNG)
    response = FileResponse(handle, as_attachment=not inline, filename=nama, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
