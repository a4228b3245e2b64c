from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render

from pegawai import access


@login_required
def home(request):
    """Land each role on its main page; a user with several roles picks from the navigation."""
    r = access.peran(request.user)
    if r.is_hr or r.is_admin:
        return redirect("pegawai:hr-home")
    if r.is_atasan:
        return redirect("pegawai:tim-saya")
    if r.is_pegawai:
        return redirect("pegawai:profil-saya")
    return render(request, "home.html")


def healthz(request):
    """Liveness/readiness for the container health check: the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
