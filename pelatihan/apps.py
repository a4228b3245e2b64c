from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PelatihanConfig(AppConfig):
    name = "pelatihan"
    verbose_name = _("Pengembangan kompetensi")
