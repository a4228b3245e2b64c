"""Settings of the scaled-out shape (README "Skala"): cache and sessions in Redis on a database of their
own, PgBouncer's transaction mode, the optional read replica; and the single-machine fallback."""
import pytest

from kinerja.tests import test_settings

SKALA = ("PGBOUNCER", "DATABASE_REPLICA_URL", "CACHE_URL", "CACHE_REDIS_DB", "CONN_MAX_AGE", "SESSION_STORE")
EXPR = ("(s.CACHES['default']['BACKEND'].rsplit('.', 1)[1], s.CACHES['default'].get('LOCATION'), "
        "s.SESSION_ENGINE.rsplit('.', 1)[1], s.CELERY_BROKER_URL, sorted(s.DATABASES), "
        "s.DATABASES['default']['CONN_MAX_AGE'], s.DATABASES['default']['DISABLE_SERVER_SIDE_CURSORS'], "
        "s.DATABASES.get('replica', {}).get('HOST'), s.DATABASES.get('replica', {}).get('TEST', {}).get('MIRROR'))")


@pytest.mark.parametrize("env, expected", [
    ({}, ("LocMemCache", None, "db", "memory://", ["default"], 0, False, None, None)),
    ({"REDIS_URL": "redis://redis:6379/0", "PGBOUNCER": "1",
      "DATABASE_URL": "postgres://k:p@pgbouncer:6432/kinerja",
      "DATABASE_REPLICA_URL": "postgres://k:p@postgres-replica:5432/kinerja"},
     ("RedisCache", "redis://redis:6379/1", "cached_db", "redis://redis:6379/0", ["default", "replica"], 300, True,
      "postgres-replica", "default")),
    ({"REDIS_URL": "redis://redis:6379/0", "CACHE_URL": "redis://cache:6379/0", "SESSION_STORE": "cache",
      "CONN_MAX_AGE": "60"},
     ("RedisCache", "redis://cache:6379/0", "cache", "redis://redis:6379/0", ["default"], 60, False, None, None)),
], ids=["no-redis", "redis-pgbouncer-replica", "own-cache-redis"])
def test_scale_settings_follow_the_environment(monkeypatch, env, expected):
    for name in SKALA:
        monkeypatch.delenv(name, raising=False)
    assert test_settings.settings_value(EXPR, **env) == str(expected)


@pytest.mark.parametrize("engine, pgbouncer, jit, options", [
    ("django.db.backends.postgresql", False, False, "-c jit=off"),  # our sessions without JIT
    ("django.db.backends.postgresql", True, False, None),  # PgBouncer passes no startup options
    ("django.db.backends.postgresql", False, True, None),  # PG_JIT=1
    ("django.db.backends.sqlite3", False, False, None),
])
def test_database_options(engine, pgbouncer, jit, options):
    from kinerja.db_opsi import atur

    db = {"ENGINE": engine}
    atur(db, pgbouncer=pgbouncer, conn_max_age=300 if pgbouncer else 0, jit=jit)
    assert db.get("OPTIONS", {}).get("options") == options
    assert db["DISABLE_SERVER_SIDE_CURSORS"] is pgbouncer and db["CONN_HEALTH_CHECKS"] is pgbouncer
