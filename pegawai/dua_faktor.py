"""Optional two-factor login (TOTP, django-otp) for the accounts that matter most: HR, staff, superuser.

An account with a confirmed TOTP device must give a code from its authenticator app after the password
in each new session (``kinerja.middleware.DuaFaktorMiddleware``). Turning it on or off is audited.
"""
import io

from django.db import transaction
from django_otp import devices_for_user, verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from kinerja.audit import audit_log

from .models import User
from .services_akun import akun_istimewa

# Session flag: does this session's user need a second factor? Asked once per session, not per request.
SESI_PERLU = "kinerja_otp_perlu"


def boleh_dua_faktor(user) -> bool:
    return user.is_authenticated and akun_istimewa(user)


def perangkat_aktif(user: User) -> TOTPDevice | None:
    return next(iter(devices_for_user(user, confirmed=True)), None)


def perlu_verifikasi(request) -> bool:
    """True when the logged-in user has a confirmed device and this session has not given a code yet."""
    user = request.user
    if not user.is_authenticated or user.is_verified():
        return False
    if SESI_PERLU not in request.session:
        request.session[SESI_PERLU] = perangkat_aktif(user) is not None
    return request.session[SESI_PERLU]


def catat_saat_masuk(sender, request, user, **kwargs) -> None:
    """At login, note once whether this session will need a code, so requests need no extra query."""
    if request is not None and hasattr(request, "session"):
        request.session[SESI_PERLU] = perangkat_aktif(user) is not None


def perangkat_baru(user: User) -> TOTPDevice:
    """The unconfirmed device being set up (one at a time; a new setup replaces an unfinished one)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Aplikasi autentikator", confirmed=False)


def qr_svg(device: TOTPDevice) -> str:
    import segno

    out = io.BytesIO()
    segno.make(device.config_url).save(out, kind="svg", scale=4, xmldecl=False, svgns=True)
    return out.getvalue().decode()


def cek_kode(user: User, device: TOTPDevice, kode: str) -> tuple[bool, bool]:
    """(accepted, throttled). django-otp backs off after wrong codes, so guessing 6 digits is slow."""
    allowed, _data = device.verify_is_allowed()
    if not allowed:
        return False, True
    return verify_token(user, device.persistent_id, (kode or "").replace(" ", "")) is not None, False


@transaction.atomic
def dua_faktor_aktifkan(*, user: User, device: TOTPDevice) -> None:
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit_log(aktor=user, aksi="akun.2fa_enabled", objek=user)


@transaction.atomic
def dua_faktor_matikan(*, user: User, oleh) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    audit_log(aktor=oleh, aksi="akun.2fa_disabled", objek=user)
