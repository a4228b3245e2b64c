"""One submission, one row: a one-time token on create forms, and unique-constraint races as form errors.

A double click sends the same form twice, sometimes at the same instant. ``SubmitOnceMixin`` gives a
form a hidden random token; ``@submit_once`` runs the view inside a transaction that first inserts
that token into ``IdempotencyKey`` (unique). The second request cannot insert it: on PostgreSQL it
waits for the first transaction and then fails, so it is answered with a redirect to where the first
one led, and nothing is created twice. A view that does not end in a redirect (the form had errors)
rolls the token back, so the corrected form can be sent again.

``atomic_unique`` covers the other race: two different people creating the same NIP or unit code at
once. Both pass the form's uniqueness check; the loser's INSERT breaks the unique constraint, which
becomes a ``ValidationError`` the view already shows, instead of a 500.
"""
import re
import secrets
from datetime import timedelta
from functools import wraps

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import IdempotencyKey

FIELD = "submit_token"
TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{16,64}")
KEEP = timedelta(days=2)
DUPLICATE_MESSAGE = gettext_lazy(
    "Data ini sudah ada: data yang sama baru saja disimpan (mungkin oleh pengguna lain). "
    "Periksa daftarnya sebelum mencoba lagi."
)


def new_token() -> str:
    return secrets.token_urlsafe(24)


class SubmitOnceMixin:
    """Adds the hidden one-time token to a Form or ModelForm (rendered by ``{{ form|crispy }}``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[FIELD] = forms.CharField(widget=forms.HiddenInput, required=False, initial=new_token)

    def clean(self):
        data = super().clean()
        data.pop(FIELD, None)  # read by @submit_once from the request, never passed on to a service
        return data


class SubmitOnceForm(SubmitOnceMixin, forms.Form):
    """Only the token, for a hand-written form (the import confirmation)."""


class _NotDone(Exception):
    def __init__(self, response):
        self.response = response


def submit_once(view):
    """Run a POST carrying a form token at most once; a repeat is redirected to the first one's result."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        token = request.POST.get(FIELD, "") if request.method == "POST" else ""
        if not TOKEN_RE.fullmatch(token) or not request.user.is_authenticated:
            return view(request, *args, **kwargs)
        try:
            with transaction.atomic():
                claim = IdempotencyKey.objects.create(key=token, user=request.user)
                response = view(request, *args, **kwargs)
                if response.status_code not in (301, 302, 303):
                    raise _NotDone(response)  # form errors: release the token with everything else
                claim.url = response["Location"][:500]
                claim.save(update_fields=["url"])
                IdempotencyKey.objects.filter(user=request.user, created__lt=timezone.now() - KEEP).delete()
        except _NotDone as done:
            return done.response
        except IntegrityError:
            earlier = IdempotencyKey.objects.filter(key=token, user=request.user).first()
            if earlier is None:  # not our token's conflict: let the error surface
                raise
            messages.info(request, _("Formulir ini sudah terkirim; datanya disimpan satu kali saja."))
            return redirect(earlier.url or request.path)
        return response

    return wrapper


def _is_unique_violation(exc: IntegrityError) -> bool:
    cause = exc.__cause__
    return getattr(cause, "pgcode", None) == "23505" or "UNIQUE constraint failed" in str(exc)


def atomic_unique(func):
    """``transaction.atomic`` for a create service, turning a unique-constraint race into a ValidationError."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        try:
            with transaction.atomic():
                return func(*args, **kwargs)
        except IntegrityError as exc:
            if not _is_unique_violation(exc):
                raise
            raise ValidationError(DUPLICATE_MESSAGE, code="unique") from exc

    return wrapper
