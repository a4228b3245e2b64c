"""Reads of report and export code on the read replica; everything else on ``default`` (README "Skala").

The choice is explicit, by a context manager around the code that only reads, never by model: the same
``Penilaian`` is read for a form (default: it must see the write the user just made) and for the year's
report (the replica: a few seconds of replication lag do not matter, and the scan stays off the primary)::

    with baca_replika():
        lembar = builder(lingkup)

Writes always go to ``default``, inside the block too (``save()``, ``update()``, ``select_for_update()``,
``get_or_create()``). Without a ``replica`` database (``DATABASE_REPLICA_URL`` unset) the block changes
nothing. The flag is a context variable, so it stays with its thread or task.
"""
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

REPLICA = "replica"
_baca_replika: ContextVar[bool] = ContextVar("baca_replika", default=False)


@contextmanager
def baca_replika() -> Iterator[None]:
    """Reads inside the block go to the replica when one is configured."""
    token = _baca_replika.set(True)
    try:
        yield
    finally:
        _baca_replika.reset(token)


def replika_aktif() -> bool:
    return _baca_replika.get() and REPLICA in settings.DATABASES


class ReplikaRouter:
    """``DATABASE_ROUTERS`` entry: the replica for reads inside ``baca_replika()``, never for writes."""

    def db_for_read(self, model, **hints) -> str:
        return REPLICA if replika_aktif() else "default"

    def db_for_write(self, model, **hints) -> str:
        return "default"

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        # One database and its copy: an object read from the replica may point at one from default.
        return True if {obj1._state.db, obj2._state.db} <= {"default", REPLICA} else None

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool:
        return db == "default"  # the replica gets its schema by replication
