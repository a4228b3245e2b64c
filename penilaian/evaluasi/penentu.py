"""The deciding annual evaluations of one year as an anti-join, for lists over a whole instansi.

Same rule and order as ``selectors.penilaian_penentu_qs`` (``URUTAN_PENENTU``, domain.md §11.2 rule 1): a
result decides when no later result of the same pegawai and year exists. ``penilaian_penentu_qs`` picks
each row's winner with a correlated subquery, cheap for a few rows; over tens of thousands PostgreSQL runs
this form as one hash anti-join instead of a subquery per row (issue 18, HR follow-up lists).
"""
from django.db.models import Exists, OuterRef, Q, QuerySet

from penilaian.models import Penilaian

from .selectors import URUTAN_PENENTU, _hasil_tahunan


def _sesudahnya() -> Q:
    """A result later than the outer one in ``URUTAN_PENENTU`` (a tuple comparison, field by field)."""
    q = Q()
    for i, f in enumerate(URUTAN_PENENTU):
        q |= Q(**{g: OuterRef(g) for g in URUTAN_PENENTU[:i]}, **{f"{f}__gt": OuterRef(f)})
    return q


def penentu_tahun(tahun: int) -> QuerySet[Penilaian]:
    """The deciding annual evaluation of ``tahun`` of every pegawai who has one."""
    lain = _hasil_tahunan().filter(periode__tahun=tahun, skp__pegawai_id=OuterRef("skp__pegawai_id"))
    return _hasil_tahunan().filter(periode__tahun=tahun).exclude(Exists(lain.filter(_sesudahnya())))
