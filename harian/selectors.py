"""Reads of the daily activity log."""
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class RollupIki:
    jumlah: Decimal = Decimal("0")
    kegiatan: list = field(default_factory=list)


def rollup_per_iki(penilaian) -> dict[int, RollupIki]:
    """Per IKI id of the evaluation's SKP: the sum of linked activity quantities within the period
    and the activities themselves (issue: roll-up onto the realisasi form)."""
    return {}
