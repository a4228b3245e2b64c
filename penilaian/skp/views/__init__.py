"""SKP views, split by audience: employee (saya), supervisor (bawahan), organisation/HR (organisasi)."""
from .bawahan import skp_approve, skp_bulk_approve, skp_matriks, skp_queue, skp_return
from .organisasi import skp_monitoring, skp_pohon, skp_pohon_anak, skp_pohon_lepas, skp_reassign
from .puncak import non_asn_antrian, skp_non_asn
from .saya import (
    iki_action,
    iki_edit,
    rhk_action,
    rhk_edit,
    skp_create,
    skp_detail,
    skp_lampiran,
    skp_revise,
    skp_saya,
    skp_submit,
    skp_versi,
)

__all__ = [
    "non_asn_antrian", "skp_non_asn",
    "iki_action", "iki_edit", "rhk_action", "rhk_edit", "skp_approve", "skp_bulk_approve", "skp_create",
    "skp_detail", "skp_lampiran", "skp_matriks", "skp_monitoring", "skp_pohon", "skp_pohon_anak", "skp_pohon_lepas",
    "skp_queue", "skp_reassign", "skp_return", "skp_revise", "skp_saya", "skp_submit", "skp_versi",
]
