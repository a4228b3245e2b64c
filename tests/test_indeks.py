"""Indexes the big lists rely on: trigram search for names and NIP, the team feed's order (PostgreSQL).

Table sizes in a test are tiny, so the planner would scan them anyway; turning sequential scans and sorts
off asks whether an index *can* serve the query, which is what breaks when a lookup and an index drift.
"""
import pytest
from django.db import connection

from harian.selectors import kegiatan_tim, tim_of
from pegawai.filters import PegawaiFilter
from pegawai.models import Pegawai

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm and plans: needs DATABASE_URL=postgres://…"),
]


def plan(qs) -> str:
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_trigram_indexes_exist():
    with connection.cursor() as cursor:
        cursor.execute("SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone() == ("pg_trgm",)
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = %s", [Pegawai._meta.db_table])
        names = {row[0] for row in cursor.fetchall()}
    assert {"pegawai_nama_trgm", "pegawai_nip_trgm", "pegawai_nama_nip"} <= names


@pytest.mark.parametrize("q,index", [
    ("siti", "pegawai_nama_trgm"),  # name: UPPER(nama) LIKE UPPER('%siti%')
    ("siti", "pegawai_nip_trgm"),  # the same search also looks inside the NIP
    ("1980", "pegawai_pegawai_nip_"),  # digits: NIP prefix, Django's own varchar_pattern_ops index
])
def test_employee_search_can_use_the_trigram_index(q, index):
    f = PegawaiFilter({"q": q}, queryset=Pegawai.objects.all())
    assert f.is_valid()
    assert index in plan(f.qs.order_by())


def test_hr_team_feed_reads_its_order_off_an_index(org):
    qs = kegiatan_tim(tim_of(org.hr)).prefetch_related(None)[:20]
    assert "harian_feed_urut" in plan(qs)


def test_sessions_run_without_jit():
    """Large lists are costed high enough for PostgreSQL's JIT, which then spent more time compiling than
    running them: the app's sessions turn it off (settings.py; docker-compose.yml for the server)."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)


def test_trigram_indexes_keep_no_pending_list():
    """A lookup through a GIN index reads its whole pending list; after a bulk import that made the
    import's own NIP checks take minutes. The trigram indexes are written without one."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT c.relname, c.reloptions FROM pg_class c WHERE c.relname IN %s",
                       [("pegawai_nama_trgm", "pegawai_nip_trgm")])
        opsi = dict(cursor.fetchall())
    assert opsi == {"pegawai_nama_trgm": ["fastupdate=off"], "pegawai_nip_trgm": ["fastupdate=off"]}
