"""Keyset pagination ("Sebelumnya / Berikutnya") for long feeds: a page is the rows after (or before) the
last one shown, in the feed's own order, so a page costs one indexed range read of ``per_page + 1`` rows,
with no ``COUNT(*)`` over the whole scope and no ``OFFSET`` (issue 18: HR's feed over an instansi counted
a million rows on every page). The position travels in the query string (``setelah`` / ``sebelum``); a
value that does not parse gives the first page.
"""
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet

SETELAH, SEBELUM = "setelah", "sebelum"
PEMISAH = "~"


@dataclass
class HalamanKeyset:
    object_list: list
    has_next: bool = False
    has_previous: bool = False
    next_query: str = ""
    previous_query: str = ""
    first_query: str = ""

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)


def _kunci(obj, fields) -> str:
    return PEMISAH.join(str(getattr(obj, f)) for f in fields)


def _baca(qs: QuerySet, fields, teks: str) -> list | None:
    bagian = teks.split(PEMISAH)
    if len(bagian) != len(fields):
        return None
    meta = qs.model._meta
    try:
        return [(meta.pk if f == "pk" else meta.get_field(f)).to_python(v) for f, v in zip(fields, bagian, strict=True)]
    except (ValidationError, ValueError, TypeError, OverflowError):
        return None


def _lewat(fields, nilai, op: str) -> Q:
    """Rows strictly past ``nilai`` in the tuple order of ``fields`` (``lt``: further down a newest-first
    feed). The leading ``lte``/``gte`` bound lets the index range start at the position."""
    q = Q()
    for i, f in enumerate(fields):
        q |= Q(**{g: v for g, v in zip(fields[:i], nilai[:i], strict=True)}, **{f"{f}__{op}": nilai[i]})
    return Q(**{f"{fields[0]}__{op}e": nilai[0]}) & q


Batasi = Callable[[QuerySet, list[str], int], QuerySet]


def _baris(qs: QuerySet, order: list[str], n: int, batasi: Batasi | None) -> list:
    qs = qs.order_by(*order)
    if batasi is not None:
        qs = batasi(qs, order, n)
    return list(qs.order_by(*order)[:n])


def keyset_page(request, qs: QuerySet, per_page: int, *, fields=("tanggal", "dibuat_pada", "pk"),
                batasi: Batasi | None = None) -> HalamanKeyset:
    """One page of ``qs`` newest first (descending ``fields``, the last one unique).

    ``batasi(qs, order, n)``, if given, narrows the page's read to a queryset holding at least the first
    ``n`` rows of ``qs`` in ``order`` (e.g. the first ``n`` of each team member, read by an index per
    member): the page is the same, its cost no longer that of walking the whole order."""
    fields = tuple(fields)
    params = request.GET.copy()
    for k in (SETELAH, SEBELUM, "page"):
        params.pop(k, None)
    setelah = _baca(qs, fields, request.GET.get(SETELAH, ""))
    sebelum = None if setelah else _baca(qs, fields, request.GET.get(SEBELUM, ""))
    turun = [f"-{f}" for f in fields]
    if sebelum is not None:
        rows = _baris(qs.filter(_lewat(fields, sebelum, "gt")), list(fields), per_page + 1, batasi)
        ada_lagi = len(rows) > per_page
        rows = rows[:per_page][::-1]
        has_previous, has_next = ada_lagi, True
    else:
        if setelah is not None:
            qs = qs.filter(_lewat(fields, setelah, "lt"))
        rows = _baris(qs, turun, per_page + 1, batasi)
        has_next, has_previous = len(rows) > per_page, setelah is not None
        rows = rows[:per_page]

    def query(k=None, obj=None) -> str:
        q = params.copy()
        if k:
            q[k] = _kunci(obj, fields)
        return q.urlencode()

    return HalamanKeyset(
        object_list=rows, has_next=has_next and bool(rows), has_previous=has_previous,
        next_query=query(SETELAH, rows[-1]) if rows else "", previous_query=query(SEBELUM, rows[0]) if rows else "",
        first_query=query(),
    )
