"""Reads for org pages: the unit tree and per-unit counts, each in a fixed number of queries."""
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, Q

from .models import Pegawai, UnitKerja
from .nip import STATUS_PPPK


@dataclass
class UnitNode:
    unit: UnitKerja
    children: list["UnitNode"] = field(default_factory=list)
    jumlah: int = 0  # pegawai aktif in this unit only
    jumlah_total: int = 0  # including every descendant unit


def unit_tree(units_qs) -> list[UnitNode]:
    """Build the unit forest from one query of units and one aggregate of pegawai counts."""
    units = list(units_qs.select_related("kepala", "instansi").order_by("kode"))
    counts = dict(
        Pegawai.objects.filter(unit_kerja__in=[u.pk for u in units], aktif=True)
        .values_list("unit_kerja_id")
        .annotate(n=Count("pk"))
        .values_list("unit_kerja_id", "n")
    ) if units else {}
    nodes = {u.pk: UnitNode(unit=u, jumlah=counts.get(u.pk, 0)) for u in units}
    roots = []
    for node in nodes.values():
        parent = nodes.get(node.unit.parent_id)
        (parent.children if parent else roots).append(node)

    def total(node: UnitNode) -> int:
        node.jumlah_total = node.jumlah + sum(total(c) for c in node.children)
        return node.jumlah_total

    for root in roots:
        total(root)
    return roots


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


COUNTS = {
    "jumlah": Q(),
    "jumlah_pns": Q(status__in=["PNS", "CPNS"]),
    "jumlah_pppk": Q(status__in=STATUS_PPPK),
    "tanpa_atasan": Q(atasan__isnull=True),
    "tanpa_akun": Q(user__isnull=True),
}


def counts_per_unit(units_qs) -> tuple[list[UnitKerja], dict[str, int]]:
    """Units (ordered by kode) each carrying its counts of pegawai aktif, plus the instansi totals.

    One GROUP BY over the pegawai table: at 50,000 pegawai a join from units with several
    conditional counts, then a second one for the totals, took four times as long.
    """
    units = list(units_qs.order_by("kode"))
    rows = (
        Pegawai.objects.filter(unit_kerja_id__in=[u.pk for u in units], aktif=True)
        .order_by()
        .values("unit_kerja_id")
        .annotate(**{name: Count("pk", filter=cond) for name, cond in COUNTS.items()})
    ) if units else []
    by_unit = {r["unit_kerja_id"]: r for r in rows}
    totals = dict.fromkeys(COUNTS, 0)
    for unit in units:
        row = by_unit.get(unit.pk, {})
        for name in COUNTS:
            setattr(unit, name, row.get(name, 0))
            totals[name] += row.get(name, 0)
    return units, totals
