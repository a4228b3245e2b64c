"""Writes on training and development records."""


def tindak_lanjut_predikat_tahunan(*, penilaian, oleh=None) -> None:
    """Follow-up of an annual predikat (domain.md §5.2): called when an annual evaluation becomes
    final or its predikat changes after a keberatan."""
    return None
