"""Reads for org pages: the unit tree (one level at a time) and per-unit counts, each in a fixed number of
queries."""
from django.db import connection
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import Pegawai, UnitKerja

UNIT_PER_HALAMAN = 50


def unit_level(units_qs, parent: UnitKerja | None):
    """One level of the unit tree (the units of ``units_qs`` directly under ``parent``; the top ones when
    None), ordered by kode, each with ``n_anak`` (its sub-units) counted in SQL. The whole tree of an
    instansi is never read: a level's page gets its pegawai totals from :func:`totals_below`."""
    anak = (units_qs.filter(parent=OuterRef("pk")).order_by().values("parent")
            .annotate(n=Count("pk")).values("n"))
    qs = units_qs.filter(parent=parent) if parent else units_qs.filter(parent__isnull=True)
    return (qs.select_related("kepala")
            .annotate(n_anak=Coalesce(Subquery(anak, output_field=IntegerField()), 0)).order_by("kode"))


def totals_below(units: list[UnitKerja]) -> list[UnitKerja]:
    """Set ``jumlah_total`` (pegawai aktif in the unit and every unit below it) on each of ``units``:
    one recursive query for the page, whatever the size of the tree. ``UNION`` stops on a loop."""
    if not units:
        return units
    table = connection.ops.quote_name(UnitKerja._meta.db_table)
    peg = connection.ops.quote_name(Pegawai._meta.db_table)
    marks = ", ".join(["%s"] * len(units))
    sql = (
        f"WITH RECURSIVE sub(root, id) AS (SELECT id, id FROM {table} WHERE id IN ({marks}) "
        f"UNION SELECT sub.root, u.id FROM {table} u JOIN sub ON u.parent_id = sub.id) "
        f"SELECT sub.root, COUNT(p.id) FROM sub JOIN {peg} p ON p.unit_kerja_id = sub.id AND p.aktif = %s "
        f"GROUP BY sub.root"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [u.pk for u in units] + [True])
        totals = dict(cursor.fetchall())
    for u in units:
        u.jumlah_total = totals.get(u.pk, 0)
    return units


def descendant_ids(unit: UnitKerja | int) -> list[int]:
    """The unit and every unit below it, at any depth, in one query (a recursive CTE, which SQLite and
    PostgreSQL both run). ``UNION`` rather than ``UNION ALL`` stops on a loop in bad data."""
    pk = unit if isinstance(unit, int) else unit.pk
    table = connection.ops.quote_name(UnitKerja._meta.db_table)
    sql = (
        f"WITH RECURSIVE sub(id) AS (SELECT id FROM {table} WHERE id = %s "
        f"UNION SELECT u.id FROM {table} u JOIN sub ON u.parent_id = sub.id) SELECT id FROM sub"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [pk])
        return [row[0] for row in cursor.fetchall()]


# Beranda HR's counts of a unit's active pegawai and the summary column holding each
# (``penilaian.ringkasan.KOLOM_PEGAWAI``, kept current by the services that change pegawai and accounts).
COUNTS = {
    "jumlah": "pegawai_aktif",
    "jumlah_pns": "pegawai_pns",
    "jumlah_pppk": "pegawai_pppk",
    "tanpa_atasan": "tanpa_atasan",
    "tanpa_akun": "tanpa_akun",
}


def counts_per_unit(units_qs) -> tuple[list[UnitKerja], dict[str, int]]:
    """Units (ordered by kode) each carrying its counts of pegawai aktif, plus the instansi totals.

    Read from the summary rows of this year (``penilaian.ringkasan``: three small queries, whatever the
    size); the live GROUP BY over the pegawai table took 40–140 ms at 50,000 pegawai and grew with them.
    """
    from penilaian.ringkasan import skp_per_unit

    units = list(units_qs.order_by("kode"))
    rows = skp_per_unit(units, timezone.localdate().year) if units else {}
    totals = dict.fromkeys(COUNTS, 0)
    for unit in units:
        row = rows.get(unit.pk)
        for name, kolom in COUNTS.items():
            n = getattr(row, kolom) if row is not None else 0
            setattr(unit, name, n)
            totals[name] += n
    return units, totals
