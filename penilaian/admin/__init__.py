"""Admin for every penilaian model, one module per sub-domain."""
from . import dialog, evaluasi, referensi, rekan, skp  # noqa: F401
