"""Template helpers used across apps."""
from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def nama_pengguna(user, kosong: str = "") -> str:
    """A user's full name, else the username; ``kosong`` (default "(akun dihapus)") when the account is gone.

    ``{{ x.oleh.get_full_name|default:x.oleh.username }}`` fails with a 500 once the FK is null (a filter
    argument that does not resolve raises), e.g. after the approver's account was deleted.
    """
    if user is None:
        return kosong or _("(akun dihapus)")
    from kinerja.audit import nama_orang

    return nama_orang(user)  # the pegawai's name as people know it, never the NIP login
