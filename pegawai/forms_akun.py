"""Login and password-change forms with Kinerja's account rules (temporary passwords)."""
from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.utils.translation import gettext_lazy as _

from .models import User


class LoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "sandi_kedaluwarsa": _("Kata sandi sementara sudah kedaluwarsa; minta Admin Kepegawaian mengatur ulang."),
        # Django's own text repeats the field name ("nama pengguna nama pengguna") in Indonesian.
        "invalid_login": _("NIP atau kata sandi salah. Periksa kembali; huruf besar dan kecil pada kata sandi dibedakan."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("NIP atau nama pengguna")
        self.fields["username"].help_text = _(
            "Pegawai: NIP 18 digit (boleh dengan spasi). Admin: nama pengguna.")

    def clean_username(self):
        # A NIP is printed in groups ("19850517 201001 1 003"): accept it as printed.
        username = (self.cleaned_data.get("username") or "").strip()
        return username.replace(" ", "") if username.replace(" ", "").isdigit() else username

    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError as exc:
            if exc.code == "invalid_login" and self._sandi_sementara_kedaluwarsa():
                raise forms.ValidationError(self.error_messages["sandi_kedaluwarsa"], code="sandi_kedaluwarsa") from None
            raise

    def _sandi_sementara_kedaluwarsa(self) -> bool:
        # Said only to someone who typed that (expired) password: it reveals nothing to a guesser.
        user = User.objects.filter(username=self.cleaned_data.get("username")).first()
        return bool(
            user and user.is_active and user.sandi_sementara_kedaluwarsa
            and user.check_password(self.cleaned_data.get("password") or "")
        )


class GantiSandiForm(PasswordChangeForm):
    def clean_new_password1(self):
        baru = self.cleaned_data.get("new_password1")
        if baru and self.user.check_password(baru):
            raise forms.ValidationError(_("Kata sandi baru harus berbeda dari kata sandi sekarang."))
        return baru
