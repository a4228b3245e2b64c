from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from pegawai import access
from pegawai.decorators import instansi_for

from . import selectors


@login_required
def home(request):
    """Beranda: one section per role of the user (pegawai, then atasan, then HR), each a few cards."""
    r = access.peran(request.user)
    hari_ini = selectors.hari_ini()
    ctx = {"hari_ini": hari_ini}
    if r.pegawai is not None:
        ctx["kartu_pegawai"] = selectors.kartu_pegawai(r.pegawai, hari_ini)
    if r.is_atasan:
        ctx["kartu_atasan"] = selectors.kartu_atasan(request.user, r.pegawai, hari_ini)
    if r.is_hr or r.is_admin:
        ctx["kartu_hr"] = selectors.kartu_hr(request.user, instansi_for(request), hari_ini)
    return render(request, "home.html", ctx)
