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


@register.filter
def bahasa(obj, field: str = "nama") -> str:
    """``{{ perilaku|bahasa:"makna" }}``: a reference row's text in the reader's language (kinerja/dwibahasa.py)."""
    return obj.dalam_bahasa(field) if obj is not None else ""


@register.simple_tag(takes_context=True)
def frasa(context, teks: str, tambahan: str = "") -> str:
    """``{% frasa ub.frasa %}``: a stored picklist phrase in the reader's language; the phrase list is read
    once per request, and never in Indonesian. ``{% frasa e.frasa e.teks %}`` appends what the user wrote."""
    from kinerja.dwibahasa import bahasa_inggris, frasa_dalam_bahasa, kamus_frasa

    if tambahan:
        return " — ".join(t for t in (frasa(context, teks), tambahan) if t)
    if not teks or not bahasa_inggris():
        return teks or ""
    request = context.get("request")
    kamus = getattr(request, "_kamus_frasa", None)
    if kamus is None:
        kamus = kamus_frasa()
        if request is not None:
            request._kamus_frasa = kamus
    return frasa_dalam_bahasa(teks, kamus)
