from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HarianConfig(AppConfig):
    name = "harian"
    verbose_name = _("Kegiatan harian")
