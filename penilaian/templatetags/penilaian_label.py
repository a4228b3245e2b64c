"""Human labels for codes stored in audit entries (statuses are stored as codes, shown as labels)."""
from django import template

from penilaian.models import Skp

register = template.Library()

_SKP_STATUS = dict(Skp.Status.choices)


@register.filter
def status_skp(kode):
    """'DIAJUKAN' → 'Diajukan'; anything that is not an SKP status is returned unchanged."""
    return _SKP_STATUS.get(kode, kode)
