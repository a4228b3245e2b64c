"""In-app notifications: the bell, the list, mark as read, and the user's reminder history."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Func, Subquery
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.web import is_htmx, paginate

from .models import Notifikasi, Pengingat
from .selectors import pengingat_for
from .services import notifikasi_mark_read

BELL_JUMLAH = 6


def bell_context(user) -> dict:
    """The latest notifications and the unread count, in one query (the count rides on each row; a user
    with no notification has none unread)."""
    qs = Notifikasi.objects.filter(penerima=user)
    belum = qs.filter(dibaca_pada__isnull=True).order_by().annotate(n=Func("pk", function="COUNT")).values("n")
    terbaru = list(qs.annotate(belum_dibaca=Subquery(belum))[:BELL_JUMLAH])
    return {"belum_dibaca": terbaru[0].belum_dibaca if terbaru else 0, "terbaru": terbaru}


@login_required
def bell(request):
    """The navbar bell, refreshed by htmx every minute."""
    return render(request, "notifikasi/_bell.html", bell_context(request.user))


@login_required
def daftar(request):
    qs = Notifikasi.objects.filter(penerima=request.user)
    filter_ = request.GET.get("status", "")
    if filter_ == "belum":
        qs = qs.filter(dibaca_pada__isnull=True)
    return render(request, "notifikasi/notifikasi_list.html", {"page_obj": paginate(request, qs), "filter": filter_})


@login_required
@require_POST
def baca(request, pk):
    """Mark one of the user's own notifications read and follow its link (404 for anyone else's)."""
    notif = get_object_or_404(Notifikasi, pk=pk, penerima=request.user)
    notifikasi_mark_read(user=request.user, pk=notif.pk)
    if notif.url and url_has_allowed_host_and_scheme(notif.url, allowed_hosts={request.get_host()}):
        return redirect(notif.url)
    return redirect("notifikasi:daftar")


@login_required
@require_POST
def baca_semua(request):
    n = notifikasi_mark_read(user=request.user)
    if is_htmx(request):
        return render(request, "notifikasi/_bell.html", bell_context(request.user))
    messages.success(request, _("%(n)d notifikasi ditandai sudah dibaca.") % {"n": n})
    return redirect("notifikasi:daftar")


@login_required
def riwayat(request):
    qs = pengingat_for(request.user)
    tahap = request.GET.get("tahap", "")
    if tahap in Pengingat.Tahap.values:
        qs = qs.filter(tahap=tahap)
    return render(
        request,
        "notifikasi/pengingat_list.html",
        {"page_obj": paginate(request, qs), "tahap": tahap, "tahap_choices": Pengingat.Tahap.choices},
    )
