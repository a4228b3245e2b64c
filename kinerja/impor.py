"""Upload → preview → confirm, the one shape of every import (pegawai, mutasi, daily entries, SIASN).

The uploaded file is checked and shown as a preview; it waits in ``MEDIA_ROOT/impor`` under a random token
kept in the session, and only the confirm step (a POST carrying that token) writes anything, all or nothing.
Each import supplies its own check/run functions and its own pages; this module holds the staging, the token
check and the messages, so the four imports behave and read the same.
"""
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from .once import SubmitOnceForm
from .web import error_message


def staging_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "impor"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _berkas(key: str, token: str) -> Path:
    return staging_dir() / f"{key}-{token}.bin"


def simpan(request, key: str, data: bytes, **meta) -> str:
    """Keep the uploaded bytes for the confirm step; the session remembers the token and ``meta``."""
    token = uuid.uuid4().hex
    _berkas(key, token).write_bytes(data)
    request.session[key] = {"token": token, **meta}
    return token


def pratinjau(request, template: str, *, nama: str, token: str, baris: list, galat: int, siap: bool,
              konfirmasi: str, kembali: str, batas: int = 100, label=None, **konteks) -> HttpResponse:
    """The preview page (a template extending impor/pratinjau_base.html): the first ``batas`` rows (through
    ``label`` when the rows need their names looked up), the verdict, and "Simpan semua" only when the whole
    file can be saved."""
    preview = baris[:batas]
    return render(request, template, {
        "nama": nama, "token": token, "preview": label(preview) if label else preview, "jumlah_baris": len(baris),
        "jumlah_galat": galat,
        "siap": siap, "batas": batas, "url_konfirmasi": reverse(konfirmasi), "url_kembali": reverse(kembali),
        "once_form": SubmitOnceForm(), **konteks})


def batal(request, key: str) -> None:
    """Forget a staged file (the user went another way)."""
    staged = request.session.pop(key, None)
    if staged:
        _berkas(key, staged["token"]).unlink(missing_ok=True)


def konfirmasi(request, key: str, *, kembali: str, jalankan: Callable[[bytes, dict], Any],
               galat_berkas: tuple[type[Exception], ...], cek: Callable[[dict], Any] | None = None,
               jumlah_galat: Callable[[Any], int] = lambda hasil: len(hasil.errors)) -> Any:
    """Run the staged import once. Returns the import's result when it saved, else the response to send.

    ``cek(staged)`` returns what the import runs for (say the instansi), or a response that refuses when the
    staged context is no longer the user's; without it the session's record itself is passed on.
    ``jalankan(data, konteks)`` saves all or nothing and returns a result with ``ok``. The staged file is
    removed either way.
    """
    staged = request.session.get(key)
    if request.method != "POST" or not staged or request.POST.get("token") != staged.get("token"):
        messages.error(request, _("Tidak ada impor yang menunggu konfirmasi. Unggah berkas lagi."))
        return redirect(kembali)
    konteks = cek(staged) if cek is not None else staged
    if isinstance(konteks, HttpResponse):
        batal(request, key)
        return konteks
    path = _berkas(key, staged["token"])
    try:
        hasil = jalankan(path.read_bytes(), konteks)
    except (*galat_berkas, FileNotFoundError):
        messages.error(request, _("Berkas impor tidak dapat dibaca lagi. Unggah berkas lagi."))
        return redirect(kembali)
    except ValidationError as exc:  # a row of the file was saved by someone else meanwhile
        error_message(request, exc, suffix=_("Tidak ada yang disimpan. Unggah berkas lagi."))
        return redirect(kembali)
    finally:
        path.unlink(missing_ok=True)
        request.session.pop(key, None)
    if not hasil.ok:
        messages.error(request, _("Impor dibatalkan: data berubah dan kini ada %(n)d kesalahan. Tidak ada yang "
                                  "disimpan.") % {"n": jumlah_galat(hasil)})
        return redirect(kembali)
    return hasil


def disimpan(hasil) -> bool:
    """True when ``konfirmasi`` returned the import's result rather than a response."""
    return not isinstance(hasil, HttpResponse)
