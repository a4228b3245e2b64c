"""Admin for every penilaian model, one module per sub-domain."""
from . import dialog, evaluasi, referensi, rekan, skp, urutan  # noqa: F401
