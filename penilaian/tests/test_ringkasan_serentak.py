"""Summary marks under concurrent writers (PostgreSQL): a write's mark takes no lock another writer of the
same unit waits for, and a mark committed while a recount runs is not lost."""
import threading

import pytest
from django.db import connection, transaction

from penilaian import ringkasan
from penilaian.evaluasi import selectors as live
from penilaian.evaluasi.services import penilaian_rate
from penilaian.models import Penilaian, RingkasanKotor
from penilaian.predikat import Rating
from penilaian.tests.evaluasi_helpers import penilaian_untuk, periode_terbuka

S = Penilaian.Status
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="needs two connections writing at once (DATABASE_URL=postgres://…)"),
]


def _rate(p: Penilaian, oleh) -> None:
    p = Penilaian.objects.select_related("skp__pegawai", "periode").get(pk=p.pk)
    penilaian_rate(penilaian=p, versi=p.versi, rating_hasil=Rating.SESUAI, rating_perilaku=Rating.SESUAI, oleh=oleh)


class _Terbuka(threading.Thread):
    """Runs ``aksi`` in a transaction of its own connection and keeps it open until ``selesai()``."""

    def __init__(self, aksi):
        super().__init__()
        self.aksi, self.siap, self.lanjut, self.error = aksi, threading.Event(), threading.Event(), None

    def run(self):
        try:
            with transaction.atomic():
                self.aksi()
                self.siap.set()
                self.lanjut.wait(30)
        except Exception as exc:  # noqa: BLE001 - the test reports it
            self.error = exc
            self.siap.set()
        finally:
            connection.close()

    def __enter__(self):
        self.start()
        assert self.siap.wait(30)
        assert self.error is None, self.error
        return self

    def __exit__(self, *exc):
        self.lanjut.set()
        self.join(30)
        assert self.error is None, self.error


def _batas_tunggu():
    """A write that waits for a lock fails instead of hanging (the writer in the other thread waits for it)."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL lock_timeout = '3s'")


@pytest.fixture
def dua(org):
    """Two submitted evaluations of the same unit, rated by the same penilai; the summary built once."""
    periode = periode_terbuka(org.instansi)
    ps = [penilaian_untuk(pg, periode, status=S.DIAJUKAN) for pg in (org.pegawai, org.rekan)]
    ringkasan.segarkan(org.instansi.pk, periode.tahun)
    return periode, ps


def _sama(org, periode):
    assert ringkasan.completion_per_unit(org.instansi.pk, periode) == live.completion_per_unit(
        org.instansi.pk, periode)


def test_a_second_writer_of_the_unit_does_not_wait_for_the_first_to_commit(org, dua):
    periode, (p1, p2) = dua
    with _Terbuka(lambda: _rate(p1, org.atasan.user)):
        with transaction.atomic():  # the old upsert on one row per unit waited here until the lock timeout
            _batas_tunggu()
            _rate(p2, org.atasan.user)
        assert RingkasanKotor.objects.filter(unit_kerja=org.seksi).count() == 1  # the other is not committed
    assert RingkasanKotor.objects.filter(unit_kerja=org.seksi).count() == 2
    _sama(org, periode)
    assert not RingkasanKotor.objects.exists()
    assert {p.status for p in Penilaian.objects.filter(pk__in=[p1.pk, p2.pk])} == {S.DINILAI}


def test_a_mark_committed_during_a_recount_survives_it(org, dua):
    periode, (p1, p2) = dua
    _rate(p1, org.atasan.user)
    with _Terbuka(lambda: _rate(p2, org.atasan.user)):
        with transaction.atomic():
            _batas_tunggu()
            ringkasan.segarkan(org.instansi.pk, periode.tahun)  # sees p1's mark, not p2's uncommitted one
        baris = {r["pegawai__unit_kerja_id"]: r for r in ringkasan.completion_per_unit(
            org.instansi.pk, periode, segar=False)}
        assert (baris[org.seksi.pk][S.DINILAI], baris[org.seksi.pk][S.DIAJUKAN]) == (1, 1)
    assert RingkasanKotor.objects.filter(unit_kerja=org.seksi).count() == 1  # p2's, left by the recount
    _sama(org, periode)
    rows = {r["pegawai__unit_kerja_id"]: r for r in ringkasan.completion_per_unit(org.instansi.pk, periode)}
    assert (rows[org.seksi.pk][S.DINILAI], rows[org.seksi.pk][S.DIAJUKAN]) == (2, 0)
