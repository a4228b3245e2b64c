"""Write many rows fast: ``COPY … FROM STDIN`` on PostgreSQL, ``bulk_create`` in large batches elsewhere.

Rows are plain tuples of attribute values for ``fields``; every other concrete field gets its default (or
now for ``auto_now`` fields), so the caller names only what it sets. Primary keys are handed out by
``ids()`` before writing, so related rows can point at them without reading anything back.
"""
import io
import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from decimal import Decimal

from django.db import connection, models
from django.utils import timezone

BATCH = 10_000


def ids(model: type[models.Model], n: int) -> range:
    """``n`` fresh primary keys for ``model`` (above every existing one); ``reset()`` moves the sequence."""
    top = model.objects.aggregate(m=models.Max("pk"))["m"] or 0
    start = max(top, getattr(model, "_bench_next", 0)) + 1
    model._bench_next = start + n - 1
    return range(start, start + n)


def reset(*model_list: type[models.Model]) -> None:
    """Point the PostgreSQL sequences past the keys ``ids()`` handed out (SQLite needs nothing)."""
    sql = connection.ops.sequence_reset_sql(_NoStyle(), list(model_list))
    with connection.cursor() as cursor:
        for statement in sql:
            cursor.execute(statement)


class _NoStyle:
    def __getattr__(self, name):
        return lambda s: s


def _defaults(model, fields: Sequence[str]) -> list[tuple[str, object]]:
    now = timezone.now()
    rest = []
    for f in model._meta.concrete_fields:
        if f.attname in fields or f.primary_key and f.attname not in fields:
            continue
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            value = now
        elif f.has_default():
            value = f.get_default()
        elif f.null:
            value = None
        else:
            value = ""
        rest.append((f.attname, value))
    return rest


def _text(value) -> str:
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, dict | list):
        value = json.dumps(value)
    elif isinstance(value, datetime | date | time | Decimal | int | float):
        return str(value)
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def tulis(model: type[models.Model], fields: Sequence[str], rows: Iterable[tuple]) -> int:
    """Insert ``rows`` (tuples in the order of ``fields``); returns how many were written."""
    rest = _defaults(model, fields)
    names = [*fields, *(n for n, _ in rest)]
    tail = tuple(v for _, v in rest)
    if connection.vendor == "postgresql":
        return _copy(model, names, tail, rows)
    n, batch = 0, []
    for row in rows:
        batch.append(model(**dict(zip(names, (*row, *tail), strict=True))))
        if len(batch) >= BATCH:
            n += len(model.objects.bulk_create(batch))
            batch = []
    return n + len(model.objects.bulk_create(batch))


def _copy(model, names, tail, rows) -> int:
    cols = ", ".join(connection.ops.quote_name(model._meta.get_field(n).column) for n in names)
    tail_text = "\t".join(_text(v) for v in tail)
    n, buf = 0, io.StringIO()

    def flush():
        buf.seek(0)
        with connection.cursor() as cursor:
            cursor.cursor.copy_expert(f"COPY {model._meta.db_table} ({cols}) FROM STDIN", buf)
        buf.seek(0)
        buf.truncate()

    for row in rows:
        line = "\t".join(_text(v) for v in row)
        buf.write(f"{line}\t{tail_text}\n" if tail else f"{line}\n")
        n += 1
        if n % (BATCH * 5) == 0:
            flush()
    flush()
    return n
