from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KontrakConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kontrak"
    verbose_name = _("Perjanjian kerja PPPK")
