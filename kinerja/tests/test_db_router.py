"""The read replica (kinerja/db_router.py): reads inside ``baca_replika()`` go to it when it is configured,
writes never do, and without ``DATABASE_REPLICA_URL`` everything stays on default."""
import pytest
from django.db import router

from kinerja.db_router import ReplikaRouter, baca_replika, replika_aktif
from kinerja.models import AuditLog
from laporan.models import LaporanJob
from pegawai.models import Pegawai


@pytest.fixture
def replica(settings):
    """A ``replica`` alias in settings (never connected: these tests only ask where a query would go)."""
    settings.DATABASES = {**settings.DATABASES, "replica": {**settings.DATABASES["default"]}}


def _tujuan() -> dict[str, str]:
    return {
        "read": Pegawai.objects.all().db,
        "related read": router.db_for_read(AuditLog),
        "write": router.db_for_write(Pegawai),
        "select_for_update": Pegawai.objects.select_for_update().db,
        "job write": router.db_for_write(LaporanJob),
    }


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_with_a_replica_only_reads_inside_the_block_go_there(replica):
    assert set(_tujuan().values()) == {"default"}  # outside the block: everything on default
    with baca_replika():
        assert replika_aktif()
        tujuan = _tujuan()
    assert tujuan == {"read": "replica", "related read": "replica", "write": "default",
                      "select_for_update": "default", "job write": "default"}
    assert not replika_aktif() and Pegawai.objects.all().db == "default"


def test_without_a_replica_everything_goes_to_default(settings):
    assert "replica" not in settings.DATABASES
    with baca_replika():
        assert not replika_aktif()
        assert set(_tujuan().values()) == {"default"}


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_the_block_is_left_on_an_error_and_migrations_only_run_on_default(replica):
    with pytest.raises(ValueError), baca_replika():
        raise ValueError
    assert Pegawai.objects.all().db == "default"
    r = ReplikaRouter()
    assert r.allow_migrate("default", "pegawai") and not r.allow_migrate("replica", "pegawai")


@pytest.mark.django_db
@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_objects_read_from_the_replica_may_be_related_to_default_ones(replica, org):
    a, b = Pegawai.objects.get(pk=org.pegawai.pk), Pegawai.objects.get(pk=org.atasan.pk)
    a._state.db = "replica"
    assert ReplikaRouter().allow_relation(a, b)
    b._state.db = "lain"
    assert ReplikaRouter().allow_relation(a, b) is None  # not ours to decide
