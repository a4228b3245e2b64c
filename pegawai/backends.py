"""Authentication backend: Django's ModelBackend, refusing an expired temporary password and a password
login of an instansi that switched local login off (SSO only; ``pegawai.sso.login_lokal_boleh``).

Listed after ``axes.backends.AxesStandaloneBackend`` (login throttling) in AUTHENTICATION_BACKENDS.
``user_can_authenticate`` is also asked for every request of an open session, so a session opened with a
temporary password ends when that password expires.
"""
from django.contrib.auth.backends import ModelBackend


class AkunBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        from .sso import login_lokal_boleh

        user = super().authenticate(request, username=username, password=password, **kwargs)
        return user if user is None or login_lokal_boleh(user) else None

    def get_user(self, user_id):
        """The session's user with what ``access.peran`` needs, in the same query (every page asks it)."""
        from django.contrib.auth import get_user_model

        from .access import dengan_peran

        user = dengan_peran(get_user_model()._default_manager.filter(pk=user_id)).first()
        return user if user is not None and self.user_can_authenticate(user) else None

    def user_can_authenticate(self, user):
        return super().user_can_authenticate(user) and not getattr(user, "sandi_sementara_kedaluwarsa", False)
