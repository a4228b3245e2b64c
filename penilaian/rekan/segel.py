"""Sealing a peer answer while its cohort is open (domain.md §6).

Between the answer and the release a DB reader can tie the sealed row to the invitation it was
written with (same transaction: PostgreSQL ``xmin``, SQLite insertion order). So the sealed row
must say nothing: AES-256-GCM (``cryptography``) under a key derived from ``SECRET_KEY`` (never in
the database), a random nonce, and the plaintext padded to one fixed length so that the size of a
ciphertext cannot be matched to the length of a released comment. ``SECRET_KEY_FALLBACKS`` are
tried on opening, so rotating the secret key during an open window loses nothing.
"""
import json
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

MAKS_KOMENTAR = 2000  # characters; the form and the service enforce it
# 7 ratings as JSON (~300 bytes) + a comment of 2000 characters, each at most 6 bytes once encoded
# (json.dumps escapes control characters as \uXXXX; other characters take up to 4 UTF-8 bytes).
UKURAN = 20_000
NONCE = 12


def _kunci(secret: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"kinerja.masukan-rekan.v1").derive(
        secret.encode())


def _aad(penilaian_id: int) -> bytes:
    # Binds the ciphertext to its evaluation: a sealed row copied to another cohort does not open.
    return f"penilaian:{penilaian_id}".encode()


def segel(*, penilaian_id: int, jawaban: dict, komentar: str) -> bytes:
    """Nonce + ciphertext of exactly NONCE + UKURAN + 16 bytes, whatever the answer."""
    isi = json.dumps({"j": jawaban, "k": komentar}, ensure_ascii=False, separators=(",", ":")).encode()
    if len(isi) >= UKURAN:
        raise ValueError("answer too long to seal")
    isi += b" " * (UKURAN - len(isi))  # JSON ignores trailing whitespace
    nonce = os.urandom(NONCE)
    return nonce + AESGCM(_kunci(settings.SECRET_KEY)).encrypt(nonce, isi, _aad(penilaian_id))


def buka(*, penilaian_id: int, sandi: bytes) -> tuple[dict, str]:
    """(jawaban, komentar) of a sealed answer; ValueError when no current or fallback key opens it."""
    sandi = bytes(sandi)
    for secret in [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]:
        try:
            isi = AESGCM(_kunci(secret)).decrypt(sandi[:NONCE], sandi[NONCE:], _aad(penilaian_id))
        except InvalidTag:
            continue
        data = json.loads(isi)
        return data["j"], data["k"]
    raise ValueError("sealed answer cannot be opened with the configured keys")
