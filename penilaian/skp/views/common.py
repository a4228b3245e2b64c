"""Helpers shared by the SKP views: scoped fetches of RHK/IKI and the service-error pattern."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404

from ...access import get_skp_for
from ...models import IndikatorKinerja, RencanaHasilKerja


def rhk_for_owner(user, pk) -> RencanaHasilKerja:
    """An RHK of an SKP the user owns; 404 for everyone else (style.md §4)."""
    rhk = RencanaHasilKerja.objects.filter(pk=pk).only("pk", "skp_id").first()
    if rhk is None:
        raise Http404
    skp = get_skp_for(user, rhk.skp_id, edit=True)
    rhk = RencanaHasilKerja.objects.select_related("induk").get(pk=pk)
    rhk.skp = skp
    return rhk


def iki_for_owner(user, pk) -> IndikatorKinerja:
    iki = IndikatorKinerja.objects.filter(pk=pk).only("pk", "rhk_id").first()
    if iki is None:
        raise Http404
    rhk = rhk_for_owner(user, iki.rhk_id)
    iki = IndikatorKinerja.objects.get(pk=pk)
    iki.rhk = rhk
    return iki


def show_errors(request, exc: ValidationError) -> None:
    for m in exc.messages:
        messages.error(request, m)


def form_errors(request, form) -> None:
    for errs in form.errors.values():
        for e in errs:
            messages.error(request, e)
