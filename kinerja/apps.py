from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KinerjaConfig(AppConfig):
    name = "kinerja"
    verbose_name = _("Kinerja (umum)")
