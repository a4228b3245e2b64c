"""Views of the daily activity log: the employee's own log, the supervisor's team feed, exports."""
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from pegawai import access


def pegawai_required(view):
    """A signed-in user linked to a Pegawai; anyone else gets 403 (wrong role)."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if access.peran(request.user).pegawai is None:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def tim_required(view):
    """An atasan (incl. Plt/Plh), HR or admin: someone with a team feed to read."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        r = access.peran(request.user)
        if not (r.is_atasan or r.is_hr or r.is_admin):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
