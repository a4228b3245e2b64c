"""Distribution of employee predikat against the organisation's predikat (SE MenPANRB 3/2023,
domain.md §4). Pure: no ORM."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class PredikatOrganisasi(models.TextChoices):
    ISTIMEWA = "ISTIMEWA", _("Istimewa")
    BAIK = "BAIK", _("Baik")
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN", _("Butuh Perbaikan")
    KURANG = "KURANG", _("Kurang")
    SANGAT_KURANG = "SANGAT_KURANG", _("Sangat Kurang")
