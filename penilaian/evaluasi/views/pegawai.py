"""The pegawai's side: "Penilaian saya", the evaluation page, input, evidence and submitting."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.uploads import serve_private
from kinerja.web import error_message, error_text, id_param, is_htmx, tahun_param
from pegawai.access import peran
from penilaian.access import get_penilaian_for, get_skp_for, is_owner, is_penilai_of
from penilaian.models import BuktiDukung, IndikatorKinerja, Periode

from .. import selectors, services
from ..forms import BuktiForm, IsianForm
from .common import bukti_context, render_detail

INLINE = {"application/pdf", "image/jpeg", "image/png"}  # Office files download instead


@login_required
def saya(request):
    r = peran(request.user)
    if r.pegawai is None:
        raise PermissionDenied
    tahun = tahun_param(request)
    return render(request, "penilaian/evaluasi/saya.html", {
        "tahun": tahun, "baris": selectors.penilaian_saya(r.pegawai, tahun), "pegawai": r.pegawai,
    })


@login_required
def buka(request, skp_pk, periode_pk):
    """Open (get_or_create) the evaluation of one SKP in one period; owner or penilai only."""
    skp = get_skp_for(request.user, skp_pk)
    if not (is_owner(request.user, skp) or is_penilai_of(request.user, skp)):
        existing = skp.penilaian.filter(periode_id=periode_pk).first()
        if existing is None:
            raise Http404
        return redirect("penilaian:evaluasi-detail", existing.pk)
    periode = get_object_or_404(Periode, pk=periode_pk, instansi_id=skp.pegawai.unit_kerja.instansi_id)
    try:
        penilaian = services.penilaian_open(skp=skp, periode=periode, oleh=request.user)
    except ValidationError as exc:
        error_message(request, exc)
        return redirect("penilaian:evaluasi-saya")
    return redirect("penilaian:evaluasi-detail", penilaian.pk)


@login_required
def detail(request, pk):
    return render_detail(request, get_penilaian_for(request.user, pk))


def _isian_form(request, penilaian):
    return IsianForm(request.POST, baris_rhk=selectors.baris_rhk(penilaian))


def _isian_gagal(request, penilaian, form, exc: ValidationError):
    """Re-render the page with what the user typed; after a conflict the next save is made against the
    current version, on purpose (the message says to check the latest data first)."""
    error_message(request, exc)
    penilaian.refresh_from_db()  # the service rolled back; the in-memory copy may be ahead
    if not isinstance(exc, services.KonflikVersi):
        return render_detail(request, penilaian, status=400, isian_form=form)
    data = request.POST.copy()
    data["versi"] = penilaian.versi
    return render_detail(request, penilaian, status=409, isian_form=IsianForm(data, baris_rhk=form.baris_rhk))


@login_required
@require_POST
def isian(request, pk):
    penilaian = get_penilaian_for(request.user, pk, as_pegawai=True)
    form = _isian_form(request, penilaian)
    if not form.is_valid():
        messages.error(request, _("Isian belum tersimpan: periksa isian yang ditandai."))
        return render_detail(request, penilaian, status=400, isian_form=form)
    try:
        services.penilaian_save_isian(penilaian=penilaian, versi=form.cleaned_data["versi"],
                                      rencana_aksi=form.rencana_aksi(), realisasi=form.realisasi(), oleh=request.user)
    except ValidationError as exc:
        return _isian_gagal(request, penilaian, form, exc)
    messages.success(request, _("Isian tersimpan."))
    return redirect("penilaian:evaluasi-detail", pk)


def _bukti_response(request, penilaian, iki_pk: int, *, pesan: str = "", ok: bool = True, form=None):
    """htmx: the evidence list of one IKI (and its forms, out of band); the page, and what is typed in
    it, stays. Without htmx: back to the page with a message."""
    if is_htmx(request):
        return render(request, "penilaian/evaluasi/_bukti.html", bukti_context(
            request, penilaian, iki_pk, pesan=pesan, ok=ok, form=form))
    if pesan:
        (messages.success if ok else messages.error)(request, pesan)
    return redirect(reverse("penilaian:evaluasi-detail", args=[penilaian.pk]) + f"#iki-{iki_pk}")


@login_required
@require_POST
def bukti_tambah(request, pk):
    penilaian = get_penilaian_for(request.user, pk, as_pegawai=True)
    iki = get_object_or_404(IndikatorKinerja.objects.select_related("rhk"),
                            pk=id_param(request, "iki", source=request.POST) or 0, rhk__skp_id=penilaian.skp_id)
    form = BuktiForm(request.POST, request.FILES, iki=iki)
    if not form.is_valid():
        pesan = " ".join(e for errs in form.errors.values() for e in errs)
        return _bukti_response(request, penilaian, iki.pk, pesan=pesan, ok=False, form=form)
    try:
        services.bukti_add(penilaian=penilaian, iki=iki, oleh=request.user, url=form.cleaned_data["url"],
                           berkas=form.cleaned_data["berkas"], keterangan=form.cleaned_data["keterangan"])
    except ValidationError as exc:
        pesan = _("Bukti dukung ditolak: %(alasan)s") % {"alasan": error_text(exc)}
        return _bukti_response(request, penilaian, iki.pk, pesan=pesan, ok=False, form=form)
    return _bukti_response(request, penilaian, iki.pk, pesan=_("Bukti dukung ditambahkan."))


def _bukti_for(request, pk, *, as_pegawai: bool = False) -> BuktiDukung:
    bukti = get_object_or_404(BuktiDukung.objects.select_related("realisasi"), pk=pk)
    penilaian = get_penilaian_for(request.user, bukti.realisasi.penilaian_id, as_pegawai=as_pegawai)
    bukti.realisasi.penilaian = penilaian
    return bukti


@login_required
def bukti_berkas(request, pk):
    """The evidence file, only to those who may see that evaluation (never a public media URL)."""
    bukti = _bukti_for(request, pk)
    if not bukti.berkas:
        raise Http404
    return serve_private(bukti.berkas, nama=bukti.nama_berkas, inline=bukti.content_type in INLINE)


@login_required
@require_POST
def bukti_hapus(request, pk):
    bukti = _bukti_for(request, pk, as_pegawai=True)
    penilaian, iki_pk = bukti.realisasi.penilaian, bukti.realisasi.iki_id
    try:
        services.bukti_delete(bukti=bukti, oleh=request.user)
    except ValidationError as exc:
        return _bukti_response(request, penilaian, iki_pk, pesan=error_text(exc), ok=False)
    return _bukti_response(request, penilaian, iki_pk, pesan=_("Bukti dukung dihapus."))


@login_required
@require_POST
def ajukan(request, pk):
    """*Ajukan* belongs to the isian form: what the page shows is saved and submitted in one step."""
    penilaian = get_penilaian_for(request.user, pk, as_pegawai=True)
    form = _isian_form(request, penilaian)
    if not form.is_valid():
        messages.error(request, _("Periksa isian yang ditandai; penilaian belum diajukan."))
        return render_detail(request, penilaian, status=400, isian_form=form)
    try:
        services.penilaian_submit(penilaian=penilaian, versi=form.cleaned_data["versi"], oleh=request.user,
                                  rencana_aksi=form.rencana_aksi(), realisasi=form.realisasi())
    except ValidationError as exc:
        return _isian_gagal(request, penilaian, form, exc)
    messages.success(request, _("Penilaian diajukan ke pejabat penilai."))
    return redirect("penilaian:evaluasi-detail", pk)
