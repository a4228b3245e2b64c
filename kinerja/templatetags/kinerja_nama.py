"""``{{ user|nama_orang }}``: a person as people know them (the pegawai's name), never the NIP login."""
from django import template

from kinerja.audit import nama_orang as _nama_orang

register = template.Library()


@register.filter
def nama_orang(user) -> str:
    return _nama_orang(user)
