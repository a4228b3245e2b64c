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
from pegawai.access import peran
from penilaian.access import get_penilaian_for, get_skp_for, is_owner, is_penilai_of
from penilaian.models import BuktiDukung, IndikatorKinerja, Periode

from .. import selectors, services
from ..forms import BuktiForm, IsianForm, VersiForm
from .common import render_detail, tahun_dari

INLINE = {"application/pdf", "image/jpeg", "image/png"}  # Office files download instead


def _pesan(request, exc: ValidationError) -> None:
    messages.error(request, " ".join(exc.messages))


@login_required
def saya(request):
    r = peran(request.user)
    if r.pegawai is None:
        raise PermissionDenied
    tahun = tahun_dari(request)
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
        _pesan(request, exc)
        return redirect("penilaian:evaluasi-saya")
    return redirect("penilaian:evaluasi-detail", penilaian.pk)


@login_required
def detail(request, pk):
    return render_detail(request, get_penilaian_for(request.user, pk))


@login_required
@require_POST
def isian(request, pk):
    penilaian = get_penilaian_for(request.user, pk, as_pegawai=True)
    baris = selectors.penilaian_detail(penilaian)["baris_rhk"]
    form = IsianForm(request.POST, baris_rhk=baris)
    if form.is_valid():
        try:
            services.penilaian_save_isian(penilaian=penilaian, versi=form.cleaned_data["versi"],
                                          rencana_aksi=form.rencana_aksi(), realisasi=form.realisasi(), oleh=request.user)
        except services.KonflikVersi as exc:
            _pesan(request, exc)
            # Keep what the user typed; the next save is made against the current version, on purpose.
            penilaian.refresh_from_db()
            data = request.POST.copy()
            data["versi"] = penilaian.versi
            return render_detail(request, penilaian, status=409, isian_form=IsianForm(data, baris_rhk=baris))
        except ValidationError as exc:
            _pesan(request, exc)
        else:
            messages.success(request, _("Isian tersimpan."))
            return redirect("penilaian:evaluasi-detail", pk)
    return render_detail(request, penilaian, status=400, isian_form=form)


@login_required
@require_POST
def bukti_tambah(request, pk):
    penilaian = get_penilaian_for(request.user, pk, as_pegawai=True)
    form = BuktiForm(request.POST, request.FILES)
    if not form.is_valid():
        for errs in form.errors.values():
            messages.error(request, " ".join(errs))
        return redirect("penilaian:evaluasi-detail", pk)
    iki = get_object_or_404(IndikatorKinerja.objects.select_related("rhk"), pk=form.cleaned_data["iki"],
                            rhk__skp_id=penilaian.skp_id)
    try:
        services.bukti_add(penilaian=penilaian, iki=iki, oleh=request.user, url=form.cleaned_data["url"],
                           berkas=form.cleaned_data["berkas"], keterangan=form.cleaned_data["keterangan"])
    except ValidationError as exc:
        messages.error(request, _("Bukti dukung ditolak: %(alasan)s") % {"alasan": " ".join(exc.messages)})
    else:
        messages.success(request, _("Bukti dukung ditambahkan."))
    return redirect(reverse("penilaian:evaluasi-detail", args=[pk]) + f"#iki-{iki.pk}")


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
    penilaian_pk = bukti.realisasi.penilaian_id
    try:
        services.bukti_delete(bukti=bukti, oleh=request.user)
    except ValidationError as exc:
        _pesan(request, exc)
    else:
        messages.success(request, _("Bukti dukung dihapus."))
    return redirect("penilaian:evaluasi-detail", penilaian_pk)


@login_required
@require_POST
def ajukan(request, pk):
    penilaian = get_penilaian_for(request.user, pk, as_pegawai=True)
    form = VersiForm(request.POST)
    if form.is_valid():
        try:
            services.penilaian_submit(penilaian=penilaian, versi=form.cleaned_data["versi"], oleh=request.user)
        except ValidationError as exc:
            _pesan(request, exc)
        else:
            messages.success(request, _("Penilaian diajukan ke pejabat penilai."))
    return redirect("penilaian:evaluasi-detail", pk)
