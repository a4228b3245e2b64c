"""Connection settings of every configured database (``settings.DATABASES``), kept out of settings.py."""


def atur(db: dict, *, pgbouncer: bool, conn_max_age: int, jit: bool) -> None:
    """PgBouncer in transaction mode: a server connection belongs to us only for one transaction, so no
    server-side cursors (``.iterator()``) and health-checked client connections kept open to PgBouncer.

    PostgreSQL's JIT compiles any query the planner costs high: the lists of a large instansi cost that much
    and spent most of their time compiling (1.0 of 1.6 s on a 250,000-pegawai list), so it is off for our
    sessions unless ``jit``; through PgBouncer (no startup options) the server's own setting applies, which
    docker-compose.yml sets to off."""
    db["CONN_MAX_AGE"] = conn_max_age
    db["CONN_HEALTH_CHECKS"] = pgbouncer or conn_max_age > 0
    db["DISABLE_SERVER_SIDE_CURSORS"] = pgbouncer
    db["ATOMIC_REQUESTS"] = False
    if db["ENGINE"].endswith("postgresql") and not pgbouncer and not jit:
        opsi = db.setdefault("OPTIONS", {})
        opsi["options"] = f"{opsi.get('options', '')} -c jit=off".strip()
