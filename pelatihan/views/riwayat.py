"""One training record: add, correct, delete, view, certificate download (owner, supervisor, HR)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.audit import audit_for
from kinerja.uploads import serve_private
from kinerja.web import error_message, errors_to_form
from pegawai import access
from pegawai.decorators import hr_required

from .. import selectors, services
from ..batas_jp import pesan_batas, tandai_batas
from ..forms import RiwayatForm, TolakForm


def _own_pegawai(request):
    pegawai = access.peran(request.user).pegawai
    if pegawai is None:
        raise PermissionDenied(_("Akun ini tidak terhubung dengan data pegawai."))
    return pegawai


def _warn_cap(request, riwayat) -> None:
    """At submission: tell the employee when the record would pass the PPPK cap (domain.md §7.6)."""
    (r,) = tandai_batas([riwayat])
    if r.melewati_batas:
        messages.warning(request, pesan_batas(r))


@login_required
def riwayat_create(request):
    pegawai = _own_pegawai(request)
    form = RiwayatForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            r = services.riwayat_create(pegawai=pegawai, data=form.cleaned_data,
                                        berkas=form.cleaned_data["sertifikat"], oleh=request.user)
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(request, _("Riwayat %(nama)s diajukan untuk diverifikasi.") % {"nama": r.nama_kegiatan})
            _warn_cap(request, r)
            return redirect("pelatihan:saya")
    return render(request, "pelatihan/riwayat_form.html", {"form": form})


@login_required
def riwayat_update(request, pk):
    riwayat = selectors.get_riwayat_for(request.user, pk, edit=True)
    if not riwayat.bisa_diubah:
        messages.warning(request, _("Riwayat yang sudah diverifikasi tidak dapat diubah."))
        return redirect("pelatihan:riwayat-detail", pk=pk)
    form = RiwayatForm(request.POST or None, request.FILES or None, instance=riwayat, wajib_sertifikat=False)
    if request.method == "POST" and form.is_valid():
        try:
            riwayat = services.riwayat_update(riwayat=riwayat, data=form.cleaned_data,
                                              berkas=form.cleaned_data["sertifikat"] or None, oleh=request.user)
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(request, _("Riwayat diperbarui dan diajukan kembali."))
            _warn_cap(request, riwayat)
            return redirect("pelatihan:riwayat-detail", pk=pk)
    return render(request, "pelatihan/riwayat_form.html", {"form": form, "riwayat": riwayat})


@login_required
@require_POST
def riwayat_delete(request, pk):
    riwayat = selectors.get_riwayat_for(request.user, pk, edit=True)
    try:
        services.riwayat_delete(riwayat=riwayat, oleh=request.user)
    except ValidationError as exc:
        error_message(request, exc)
        return redirect("pelatihan:riwayat-detail", pk=pk)
    messages.success(request, _("Riwayat dihapus."))
    return redirect("pelatihan:saya")


@login_required
def riwayat_detail(request, pk):
    riwayat = selectors.get_riwayat_for(request.user, pk)
    r = access.peran(request.user)
    bisa_verifikasi = selectors.riwayat_to_verify(request.user).filter(pk=pk).exists()
    tandai_batas([riwayat])
    return render(request, "pelatihan/riwayat_detail.html", {
        "peringatan_batas": pesan_batas(riwayat) if riwayat.status == riwayat.Status.DIAJUKAN else "",
        "riwayat": riwayat, "milik_saya": r.pegawai is not None and riwayat.pegawai_id == r.pegawai.pk,
        "bisa_verifikasi": bisa_verifikasi, "tolak_form": TolakForm(), "audit": audit_for(riwayat)[:20],
    })


@login_required
def sertifikat(request, pk):
    """The certificate file, only after the same scope check as the record (never a public URL)."""
    riwayat = selectors.get_riwayat_for(request.user, pk)
    if not riwayat.sertifikat:
        raise PermissionDenied
    return serve_private(riwayat.sertifikat, nama=riwayat.nama_berkas or "", inline=True)


@hr_required
@require_POST
def riwayat_verify(request, pk):
    riwayat = selectors.get_riwayat_for(request.user, pk, verify=True)
    try:
        services.riwayat_verify(riwayat=riwayat, oleh=request.user)
    except ValidationError as exc:
        error_message(request, exc)
    else:
        messages.success(request, _("Riwayat %(nama)s diverifikasi.") % {"nama": riwayat.nama_kegiatan})
    nxt = request.POST.get("next", "")
    # A path only: redirect() would take "²" for a view name and fail to reverse it.
    if nxt.startswith("/") and url_has_allowed_host_and_scheme(
        nxt, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return HttpResponseRedirect(nxt)
    return redirect("pelatihan:antrean")


@hr_required
@require_POST
def riwayat_reject(request, pk):
    riwayat = selectors.get_riwayat_for(request.user, pk, verify=True)
    form = TolakForm(request.POST)
    if form.is_valid():
        try:
            services.riwayat_reject(riwayat=riwayat, oleh=request.user, alasan=form.cleaned_data["alasan"])
        except ValidationError as exc:
            error_message(request, exc)
        else:
            messages.success(request, _("Riwayat %(nama)s ditolak.") % {"nama": riwayat.nama_kegiatan})
            return redirect("pelatihan:antrean")
    else:
        messages.error(request, _("Alasan penolakan wajib diisi."))
    return redirect("pelatihan:riwayat-detail", pk=pk)
