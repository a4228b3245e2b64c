import pytest


@pytest.fixture
def golongan_ada(transactional_db):
    """A transactional test's flush removes rows loaded by data migrations; ``build_org`` needs III/a.

    Request it before ``org`` in tests marked ``django_db(transaction=True)``.
    """
    from pegawai.models import Golongan

    Golongan.objects.get_or_create(jenis="PNS", kode="III/a", defaults={"pangkat": "Penata Muda", "urutan": 31})


@pytest.fixture(autouse=True)
def _latar_selesai():
    """No background thread of a bulk print may outlive its test (and its database)."""
    from notifikasi import latar

    yield
    assert latar.join_all(timeout=60), "a background bulk print did not finish"
