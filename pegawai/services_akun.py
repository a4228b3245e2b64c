"""Login accounts of pegawai: create, reset, (de)activate, unlock; who may do it; temporary passwords.

Rules:
- only a superuser may touch the account of a superuser, a staff user or an HR user (reset, rename,
  deactivate, unlock); HR manages the accounts of the ordinary pegawai of its instansi;
- a temporary password expires after ``KINERJA["SANDI_SEMENTARA_JAM"]`` hours and must be changed at
  the first login (``kinerja.middleware.SandiSementaraMiddleware``);
- an inactive pegawai has an inactive login and no session (``User.sesi_versi``);
- every action by someone else is audited and the owner is told (in-app and e-mail).
"""
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Sum
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kinerja.audit import audit_log

from .access import HR_GROUP
from .models import Pegawai, User


def akun_istimewa(user: User) -> bool:
    """Superuser, staff (Django admin) or HR: accounts that only a superuser may manage."""
    return user.is_superuser or user.is_staff or user.groups.filter(name=HR_GROUP).exists()


def akun_check_manageable(*, oleh, user: User | None) -> None:
    """Raise PermissionDenied (with the reason shown to HR) when ``oleh`` may not manage ``user``."""
    if user is None or oleh.is_superuser or not akun_istimewa(user):
        return
    raise PermissionDenied(_(
        "Akun %(u)s memiliki hak administrator atau Admin Kepegawaian; hanya superuser yang dapat "
        "mengatur ulang kata sandi, mengganti nama pengguna, menonaktifkan atau membuka kuncinya."
    ) % {"u": user.username})


def _kata_sandi_sementara() -> str:
    # 12 characters from an alphabet without look-alikes (0/O, 1/l), readable over the phone.
    alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(12))


def _beri_tahu(user: User, judul: str, pesan: str) -> None:
    from notifikasi.services import notify

    url = reverse("password_change")
    transaction.on_commit(lambda: notify(penerima=user, judul=judul, pesan=pesan, url=url, email=True))


def _nama(oleh) -> str:
    return oleh.get_full_name() or oleh.get_username()


@transaction.atomic
def akun_issue_password(*, pegawai: Pegawai, oleh) -> tuple[User, str, bool]:
    """Create the pegawai's login (username = NIP) or reset its password to a new temporary one.

    Returns (user, temporary password, created). The password is shown once to HR and never stored in
    clear; it expires after ``SANDI_SEMENTARA_JAM`` hours and must be changed at the first login.
    Resetting ends every session of the account (the password hash changes).
    """
    akun_check_manageable(oleh=oleh, user=pegawai.user)
    if not pegawai.aktif:
        raise ValidationError(_("Pegawai ini nonaktif; aktifkan dahulu datanya sebelum mengatur akunnya."))
    password = _kata_sandi_sementara()
    sampai = timezone.now() + timedelta(hours=settings.KINERJA["SANDI_SEMENTARA_JAM"])
    created = pegawai.user_id is None
    if created:
        if User.objects.filter(username=pegawai.nip).exists():
            raise ValidationError(_("Nama pengguna %(nip)s sudah dipakai akun lain.") % {"nip": pegawai.nip})
        user = User(username=pegawai.nip, first_name=pegawai.nama[:150], email=pegawai.email)
        user.set_password(password)
        user.sandi_sementara_sampai = sampai
        user.save()
        pegawai.user = user
        pegawai.save(update_fields=["user"])
        from penilaian.ringkasan import tandai_unit

        tandai_unit(pegawai.unit_kerja_id)  # Beranda HR counts those without an account
    else:
        user = pegawai.user
        user.is_active = True
        user.set_password(password)
        user.sandi_sementara_sampai = sampai
        user.save(update_fields=["password", "is_active", "sandi_sementara_sampai"])
    audit_log(aktor=oleh, aksi="pegawai.account_created" if created else "pegawai.password_reset", objek=pegawai,
              data={"username": user.username, "berlaku_sampai": sampai.isoformat()})
    with translation.override(settings.LANGUAGE_CODE):
        if created:
            judul = _("Akun login Kinerja dibuat")
            pesan = _("%(oleh)s membuat akun login Kinerja Anda (nama pengguna %(u)s). Kata sandi sementara "
                      "diberikan langsung oleh Admin Kepegawaian dan harus diganti saat pertama masuk.")
        else:
            judul = _("Kata sandi Kinerja diatur ulang")
            pesan = _("%(oleh)s mengatur ulang kata sandi akun %(u)s. Jika Anda tidak memintanya, segera hubungi "
                      "Admin Kepegawaian.")
        _beri_tahu(user, judul, pesan % {"oleh": _nama(oleh), "u": user.username})
    return user, password, created


def akun_sync_status(*, pegawai: Pegawai, oleh, aktif_lama: bool) -> None:
    """Joiner–mover–leaver: the login follows ``pegawai.aktif``. Called by ``pegawai_save`` in its transaction.

    Deactivating sets ``is_active=False`` and raises ``sesi_versi``, so every open session ends at its next
    request; reactivating lets the same password log in again (an expired temporary one still cannot).
    """
    user = pegawai.user
    if user is None or aktif_lama == pegawai.aktif:
        return
    akun_check_manageable(oleh=oleh, user=user)
    if pegawai.aktif:
        User.objects.filter(pk=user.pk).update(is_active=True)
    else:
        User.objects.filter(pk=user.pk).update(is_active=False, sesi_versi=F("sesi_versi") + 1)
    user.refresh_from_db(fields=["is_active", "sesi_versi"])
    audit_log(aktor=oleh, aksi="pegawai.account_reactivated" if pegawai.aktif else "pegawai.account_deactivated",
              objek=pegawai, data={"username": user.username})
    with translation.override(settings.LANGUAGE_CODE):
        if pegawai.aktif:
            judul, pesan = _("Akun Kinerja diaktifkan kembali"), _("%(oleh)s mengaktifkan kembali akun login %(u)s.")
        else:
            judul, pesan = _("Akun Kinerja dinonaktifkan"), _(
                "%(oleh)s menonaktifkan akun login %(u)s; semua sesi yang terbuka diakhiri.")
        _beri_tahu(user, judul, pesan % {"oleh": _nama(oleh), "u": user.username})


def akun_terkunci(user: User | None) -> bool:
    """True while django-axes refuses logins for this username (failure limit reached, cool-off running)."""
    from axes.helpers import get_cool_off
    from axes.models import AccessAttempt

    if user is None:
        return False
    qs = AccessAttempt.objects.filter(username=user.username)
    cool_off = get_cool_off()
    if cool_off:
        qs = qs.filter(attempt_time__gte=timezone.now() - cool_off)
    gagal = qs.aggregate(n=Sum("failures_since_start"))["n"] or 0
    return gagal >= settings.AXES_FAILURE_LIMIT


@transaction.atomic
def akun_unlock(*, pegawai: Pegawai, oleh) -> int:
    """Clear the failed logins of the pegawai's username so it can log in again; returns rows removed."""
    from axes.utils import reset

    user = pegawai.user
    if user is None:
        raise ValidationError(_("Pegawai ini belum memiliki akun login."))
    akun_check_manageable(oleh=oleh, user=user)
    removed = reset(username=user.username)
    audit_log(
        aktor=oleh, aksi="pegawai.account_unlocked", objek=pegawai, data={"username": user.username, "dihapus": removed}
    )
    with translation.override(settings.LANGUAGE_CODE):
        _beri_tahu(
            user,
            _("Kunci akun Kinerja dibuka"),
            _(
                "%(oleh)s membuka kunci akun %(u)s setelah beberapa percobaan masuk yang gagal. Jika itu bukan Anda, "
                "ganti kata sandi dan hubungi Admin Kepegawaian."
            )
            % {"oleh": _nama(oleh), "u": user.username},
        )
    return removed


def akun_password_changed(*, user: User) -> None:
    """The owner chose a new password: it is no longer temporary."""
    if user.sandi_sementara_sampai is not None:
        User.objects.filter(pk=user.pk).update(sandi_sementara_sampai=None)
        user.sandi_sementara_sampai = None
