"""Notifications: one call for every feature that needs to tell someone something.

``notify`` is the stable interface; the in-app and e-mail channels behind it live in this app.
It owns the after-commit rule, so callers call it directly inside their own ``transaction.atomic()``
(no ``on_commit`` wrapper of their own): the in-app row is written in the caller's transaction (it
disappears if the caller rolls back); the e-mail is queued with ``transaction.on_commit`` and claimed by
a conditional UPDATE so a retried or duplicated task never sends it twice.
"""
import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import Notifikasi
from .pesan import Teks, render_indonesian

log = logging.getLogger(__name__)


def alamat_email(user) -> str:
    """The user's e-mail, or the one recorded on their Pegawai."""
    if user.email:
        return user.email
    pegawai = getattr(user, "pegawai", None)
    return getattr(pegawai, "email", "") or ""


def nama_penerima(user) -> str:
    pegawai = getattr(user, "pegawai", None)
    return pegawai.nama_lengkap if pegawai else (user.get_full_name() or user.get_username())


def absolute_url(url: str) -> str:
    """Links in e-mails must be absolute; SITE_URL comes from the environment (default: dev server)."""
    if not url or url.startswith(("http://", "https://")):
        return url
    base = settings.SITE_URL
    return base.rstrip("/") + "/" + url.lstrip("/")


def notifikasi_create(
    *, penerima, judul: str | Teks, pesan: str | Teks, url: str = "", objek=None, email: bool = False
) -> Notifikasi:
    """``judul``/``pesan`` as ``teks(...)`` are translated when read; plain strings are shown as written."""
    kwargs = {}
    data = {key: v.data() for key, v in (("judul", judul), ("pesan", pesan)) if isinstance(v, Teks)}
    judul, pesan = render_indonesian(judul), render_indonesian(pesan)
    if objek is not None:
        kwargs = {"content_type": ContentType.objects.get_for_model(objek), "object_id": str(objek.pk)}
    return Notifikasi.objects.create(
        penerima=penerima,
        judul=judul[:200],
        pesan=pesan,
        url=url[:500],
        teks=data,
        status_email=Notifikasi.StatusEmail.PENDING if email else Notifikasi.StatusEmail.TIDAK,
        **kwargs,
    )


def notify(*, penerima, judul: str | Teks, pesan: str | Teks, url: str = "", objek=None, email: bool = False) -> None:
    """Tell ``penerima`` (a User; None: nobody to tell) something. Call it inside the caller's transaction:
    the row commits or rolls back with it, the e-mail is only queued once that transaction commits."""
    if penerima is None:
        return
    notif = notifikasi_create(penerima=penerima, judul=judul, pesan=pesan, url=url, objek=objek, email=email)
    if email:
        from .tasks import send_notifikasi_email_task

        transaction.on_commit(lambda: send_notifikasi_email_task.delay(notif.pk))
    return


def email_send(*, ke: str, subjek: str, template: str, ctx: dict, bahasa: str = "") -> None:
    """Send one e-mail (in ``bahasa``, default the site's language) with a plain-text body and an HTML
    alternative."""
    with translation.override(bahasa or settings.LANGUAGE_CODE):
        teks = render_to_string(f"emails/{template}.txt", ctx)
        html = render_to_string(f"emails/{template}.html", ctx)
    msg = EmailMultiAlternatives(subject=subjek, body=teks, to=[ke])
    msg.attach_alternative(html, "text/html")
    msg.send()


def notifikasi_send_email(*, notifikasi_id: int) -> bool:
    """Send the e-mail of one notification at most once. Returns False when there was nothing to do."""
    claimed = Notifikasi.objects.filter(pk=notifikasi_id, status_email=Notifikasi.StatusEmail.PENDING).update(
        status_email=Notifikasi.StatusEmail.SENDING
    )
    if not claimed:
        return False
    notif = Notifikasi.objects.select_related("penerima").get(pk=notifikasi_id)
    ke = alamat_email(notif.penerima)
    if not ke:
        Notifikasi.objects.filter(pk=notif.pk).update(status_email=Notifikasi.StatusEmail.TIDAK)
        return False
    bahasa = notif.penerima.bahasa or settings.LANGUAGE_CODE
    try:
        with translation.override(bahasa):  # the reader's language, not the one of the action
            judul, pesan = notif.judul_baca, notif.pesan_baca
        email_send(
            ke=ke,
            subjek=f"[Kinerja] {judul}",
            template="notifikasi",
            ctx={"nama": nama_penerima(notif.penerima), "judul": judul, "pesan": pesan, "url": absolute_url(notif.url)},
            bahasa=bahasa,
        )
    except Exception:
        # Give the row back so the task's retry can claim it again.
        Notifikasi.objects.filter(pk=notif.pk).update(status_email=Notifikasi.StatusEmail.PENDING)
        raise
    Notifikasi.objects.filter(pk=notif.pk).update(status_email=Notifikasi.StatusEmail.SENT)
    return True


def notifikasi_mark_read(*, user, pk: int | None = None) -> int:
    """Mark one (``pk``) or all unread notifications of ``user`` as read; only the user's own rows."""
    qs = Notifikasi.objects.filter(penerima=user, dibaca_pada__isnull=True)
    if pk is not None:
        qs = qs.filter(pk=pk)
    return qs.update(dibaca_pada=timezone.now())
