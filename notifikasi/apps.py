from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotifikasiConfig(AppConfig):
    name = "notifikasi"
    verbose_name = _("Notifikasi dan dokumen")
