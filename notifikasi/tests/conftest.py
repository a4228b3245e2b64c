import pytest


@pytest.fixture
def golongan_ada(transactional_db):
    """A transactional test's flush removes rows loaded by data migrations; ``build_org`` needs III/a.

    Request it before ``org`` in tests marked ``django_db(transaction=True)``.
    """
    from pegawai.models import Golongan

    Golongan.objects.get_or_create(jenis="PNS", kode="III/a", defaults={"pangkat": "Penata Muda", "urutan": 31})
