"""Role checks and the HR page's instansi, shared by the views of every app."""
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from kinerja.web import id_param

from . import access
from .models import Instansi


def hr_required(view):
    """HR of an instansi, or a superuser; anyone else gets 403 (wrong role, not wrong object)."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not access.is_hr(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def instansi_for(request) -> Instansi | None:
    """The instansi an HR page works on: HR's own, or the one an admin picks (?instansi=)."""
    r = access.peran(request.user)
    if r.is_hr and not r.is_admin:
        return access.instansi_peran(request.user)
    pk = id_param(request, "instansi") or r.instansi_id
    qs = Instansi.objects.order_by("nama")
    return (qs.filter(pk=pk).first() if pk else None) or qs.first()
