"""Login and password-change forms with Kinerja's account rules (temporary passwords)."""
from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.utils.translation import gettext_lazy as _

from .models import User
from .sso import login_lokal_boleh


class LoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "sandi_kedaluwarsa": _("Kata sandi sementara sudah kedaluwarsa; minta Admin Kepegawaian mengatur ulang."),
        "hanya_sso": _("Pegawai instansi Anda masuk melalui SSO; gunakan tombol “Masuk dengan SSO”."),
        # Django's own text repeats the field name ("nama pengguna nama pengguna") in Indonesian.
        "invalid_login": _(
            "NIP atau kata sandi salah. Periksa kembali; huruf besar dan kecil pada kata sandi dibedakan."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("NIP atau nama pengguna")
        self.fields["username"].help_text = _("Pegawai: NIP 18 digit (boleh dengan spasi). Admin: nama pengguna.")

    def clean_username(self):
        # A NIP is printed in groups ("19850517 201001 1 003"): accept it as printed.
        username = (self.cleaned_data.get("username") or "").strip()
        return username.replace(" ", "") if username.replace(" ", "").isdigit() else username

    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError as exc:
            if exc.code == "invalid_login":
                user = self._pemilik_sandi()
                if user and user.sandi_sementara_kedaluwarsa:
                    raise forms.ValidationError(
                        self.error_messages["sandi_kedaluwarsa"], code="sandi_kedaluwarsa"
                    ) from None
                if user and not login_lokal_boleh(user):
                    raise forms.ValidationError(self.error_messages["hanya_sso"], code="hanya_sso") from None
            raise

    def _pemilik_sandi(self) -> User | None:
        # The reason is told only to someone who typed that account's password: it reveals nothing to a guesser.
        user = User.objects.filter(username=self.cleaned_data.get("username")).first()
        if user and user.is_active and user.check_password(self.cleaned_data.get("password") or ""):
            return user
        return None


class GantiSandiForm(PasswordChangeForm):
    def clean_new_password1(self):
        baru = self.cleaned_data.get("new_password1")
        if baru and self.user.check_password(baru):
            raise forms.ValidationError(_("Kata sandi baru harus berbeda dari kata sandi sekarang."))
        return baru
