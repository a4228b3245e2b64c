from django.conf import settings
from django.db import models


class Nip(models.Model):
    """The NIP the provider puts in its ``nip`` claim (a user attribute mapper in Keycloak)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="nip")
    nip = models.CharField(max_length=30)

    def __str__(self):
        return self.nip
