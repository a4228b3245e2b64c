"""Who may use the SIASN exchange: HR of an instansi (its own only) and admins (every instansi).

Anyone else gets 404, as outside any other scope (pegawai/access.py)."""
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404

from pegawai import access
from pegawai.decorators import instansi_for


def siasn_hr_required(view):
    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not access.is_hr(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def instansi_siasn(request):
    """HR's own instansi (an ``?instansi=`` of another is ignored); an admin picks any. 404 if none."""
    instansi = instansi_for(request)
    if instansi is None:
        raise Http404
    return instansi
