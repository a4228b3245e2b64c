"""Reads for org pages: the unit tree and per-unit counts, each in a fixed number of queries."""
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q

from .models import Pegawai, UnitKerja


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


def descendant_ids(unit: UnitKerja) -> list[int]:
    """The unit and all units below it, from one query of the instansi's units."""
    children = defaultdict(list)
    for pk, parent_id in UnitKerja.objects.filter(instansi_id=unit.instansi_id).values_list("pk", "parent_id"):
        children[parent_id].append(pk)
    result, stack = [], [unit.pk]
    while stack:
        pk = stack.pop()
        result.append(pk)
        stack.extend(children[pk])
    return result


def counts_per_unit(units_qs):
    """Per unit: pegawai aktif, of which PNS/CPNS and PPPK, and those without an atasan."""
    return units_qs.annotate(
        jumlah=Count("pegawai", filter=Q(pegawai__aktif=True)),
        jumlah_pns=Count("pegawai", filter=Q(pegawai__aktif=True, pegawai__status__in=["PNS", "CPNS"])),
        jumlah_pppk=Count("pegawai", filter=Q(pegawai__aktif=True, pegawai__status="PPPK")),
        tanpa_atasan=Count("pegawai", filter=Q(pegawai__aktif=True, pegawai__atasan__isnull=True)),
    ).order_by("kode")
