from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PegawaiConfig(AppConfig):
    name = "pegawai"
    verbose_name = _("Kepegawaian")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .dua_faktor import catat_saat_masuk

        user_logged_in.connect(catat_saat_masuk, dispatch_uid="kinerja-dua-faktor")
