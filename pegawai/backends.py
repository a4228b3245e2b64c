"""Authentication backend: Django's ModelBackend, refusing an expired temporary password.

Listed after ``axes.backends.AxesStandaloneBackend`` (login throttling) in AUTHENTICATION_BACKENDS.
``user_can_authenticate`` is also asked for every request of an open session, so a session opened with a
temporary password ends when that password expires.
"""
from django.contrib.auth.backends import ModelBackend


class AkunBackend(ModelBackend):
    def user_can_authenticate(self, user):
        return super().user_can_authenticate(user) and not getattr(user, "sandi_sementara_kedaluwarsa", False)
