from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render

from pegawai import access
from pegawai.views import instansi_for

from . import dashboard


@login_required
def home(request):
    """Beranda: one section per role of the user (pegawai, then atasan, then HR), each a few cards."""
    r = access.peran(request.user)
    hari_ini = dashboard.hari_ini()
    ctx = {"hari_ini": hari_ini}
    if r.pegawai is not None:
        ctx["kartu_pegawai"] = dashboard.kartu_pegawai(r.pegawai, hari_ini)
    if r.is_atasan:
        ctx["kartu_atasan"] = dashboard.kartu_atasan(request.user, r.pegawai, hari_ini)
    if r.is_hr or r.is_admin:
        ctx["kartu_hr"] = dashboard.kartu_hr(request.user, instansi_for(request), hari_ini)
    return render(request, "home.html", ctx)


def healthz(request):
    """Liveness/readiness for the container health check: the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
