from django import template

from ..skp import perjanjian_untuk_skp

register = template.Library()


@register.inclusion_tag("kontrak/_target_skp.html")
def target_kontrak(skp):
    """The perjanjian kerja target an SKP of a PPPK/PPPK PW follows (domain.md §11.1); nothing for PNS."""
    if not skp.pegawai.is_pppk:
        return {"perjanjian": None}
    return {"perjanjian": perjanjian_untuk_skp(skp.pegawai_id, skp.tanggal_mulai, skp.tanggal_selesai), "skp": skp}
