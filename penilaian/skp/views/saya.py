"""Employee screens: "SKP saya", the SKP page, RHK/IKI/lampiran editing, submit and revision (issue 3 §5)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.audit import audit_for
from kinerja.web import id_param
from pegawai import access as pegawai_access
from pegawai.selectors_pejabat import penilai_di_bawah_pengawas

from ...access import get_skp_for, is_owner, is_penilai_of
from ...models import IndikatorKinerja, RencanaHasilKerja, Skp
from .. import selectors, services, services_isi
from ..forms import (
    EkspektasiForm,
    IkiForm,
    LampiranForm,
    ReturnForm,
    RevisiForm,
    RhkForm,
    SkpCreateForm,
)
from .common import iki_for_owner, rhk_for_owner, show_errors


@login_required
def skp_saya(request):
    me = pegawai_access.peran(request.user).pegawai
    if me is None:
        raise Http404
    skps = (
        Skp.objects.filter(pegawai=me).select_related("pejabat_penilai", "jabatan").order_by("-tahun", "-tanggal_mulai")
    )
    return render(request, "penilaian/skp/skp_saya.html", {"skps": skps, "me": me})


@login_required
def skp_create(request):
    me = pegawai_access.peran(request.user).pegawai
    if me is None:
        raise Http404
    form = SkpCreateForm(request.POST or None, pegawai=me)
    if request.method == "POST" and form.is_valid():
        try:
            skp = services.skp_create(pegawai=me, oleh=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("SKP %(tahun)s dibuat. Tambahkan rencana hasil kerja.") % {"tahun": skp.tahun})
            return redirect("penilaian:skp-detail", skp.pk)
    return render(
        request,
        "penilaian/skp/form.html",
        {
            "form": form,
            "judul": _("Buat SKP"),
            "batal": "penilaian:skp-saya",
            "info": _(
                "Bentuk SKP (JPT atau JA/JF) dan pejabat penilai diambil dari data jabatan dan atasan Anda: %(atasan)s."
            )
            % {"atasan": me.atasan.nama_lengkap if me.atasan else _("belum ada")},
        },
    )


@login_required
def skp_detail(request, pk):
    skp = get_skp_for(request.user, pk)
    owner, penilai = is_owner(request.user, skp), is_penilai_of(request.user, skp)
    perilaku = selectors.perilaku_with_ekspektasi(skp)
    can_review = penilai and skp.status == Skp.Status.DIAJUKAN
    identitas = skp.snapshot if skp.snapshot and not skp.is_editable else services.snapshot_of(skp)
    hr = pegawai_access.is_hr(request.user)
    # PermenPANRB 6/2022 Pasal 1: HR is warned of a penilai below pengawas without a delegation.
    lemah = hr and skp.pejabat_penilai_id and bool(penilai_di_bawah_pengawas([skp.pejabat_penilai]))
    return render(
        request,
        "penilaian/skp/skp_detail.html",
        {
            "skp": skp,
            "rhk": list(selectors.rhk_of(skp)),
            "perilaku": perilaku,
            "identitas": identitas,
            "is_owner": owner,
            "can_edit": owner and skp.is_editable,
            "can_review": can_review,
            "can_reassign": hr,
            "peringatan_penilai": lemah,
            "hr_mencatat": hr and skp.pejabat_penilai_non_asn_id and is_penilai_of(request.user, skp),
            "induk_choices": list(selectors.induk_choices(skp)) if owner and skp.is_editable else [],
            "ekspektasi_form": EkspektasiForm(perilaku=perilaku) if can_review else None,
            "return_form": ReturnForm() if can_review else None,
            "revisi_form": RevisiForm(),
            "versi": selectors.last_versi(skp) if skp.status != Skp.Status.DISETUJUI else None,
            "audit": audit_for(skp)[:50],
        },
    )


@login_required
def skp_versi(request, pk, versi):
    skp = get_skp_for(request.user, pk)
    obj = get_object_or_404(skp.versi_disetujui.select_related("disetujui_oleh"), versi=versi)
    return render(request, "penilaian/skp/skp_versi.html", {"skp": skp, "v": obj, "data": obj.data})


def _edit_page(request, form, judul, skp):
    return render(request, "penilaian/skp/form.html", {"form": form, "judul": judul, "skp": skp})


@login_required
def rhk_edit(request, skp_pk=None, pk=None):
    rhk = rhk_for_owner(request.user, pk) if pk else RencanaHasilKerja()
    skp = rhk.skp if pk else get_skp_for(request.user, skp_pk, edit=True)
    form = RhkForm(request.POST or None, instance=rhk, skp=skp)
    if request.method == "POST" and form.is_valid():
        try:
            services_isi.rhk_save(skp=skp, rhk=form.save(commit=False), oleh=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Rencana hasil kerja disimpan."))
            return redirect("penilaian:skp-detail", skp.pk)
    return _edit_page(request, form, _("Ubah rencana hasil kerja") if pk else _("Tambah rencana hasil kerja"), skp)


@login_required
def iki_edit(request, rhk_pk=None, pk=None):
    iki = iki_for_owner(request.user, pk) if pk else IndikatorKinerja()
    rhk = iki.rhk if pk else rhk_for_owner(request.user, rhk_pk)
    form = IkiForm(request.POST or None, instance=iki, skp=rhk.skp)
    if request.method == "POST" and form.is_valid():
        try:
            services_isi.iki_save(rhk=rhk, iki=form.save(commit=False), oleh=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Indikator kinerja individu disimpan."))
            return redirect("penilaian:skp-detail", rhk.skp.pk)
    judul = _("Indikator untuk: %(rhk)s") % {"rhk": rhk.teks[:80]}
    return _edit_page(request, form, judul, rhk.skp)


@login_required
@require_POST
def rhk_action(request, pk, aksi):
    """Delete, move up/down or link one RHK (POST only; confirmation is asked in the page)."""
    rhk = rhk_for_owner(request.user, pk)
    try:
        if aksi == "hapus":
            services_isi.rhk_delete(rhk=rhk, oleh=request.user)
            messages.success(request, _("Rencana hasil kerja dihapus."))
        elif aksi in ("naik", "turun"):
            services_isi.rhk_move(rhk=rhk, naik=aksi == "naik", oleh=request.user)
        elif aksi == "tautkan":
            raw = request.POST.get("induk", "")
            pk_induk = id_param(request, "induk", source=request.POST)
            induk = RencanaHasilKerja.objects.select_related("skp").filter(pk=pk_induk).first() if pk_induk else None
            if raw and induk is None:
                raise ValidationError(_("RHK pimpinan tidak ditemukan."))
            services_isi.rhk_link(rhk=rhk, induk=induk, oleh=request.user)
            messages.success(request, _("Tautan RHK pimpinan disimpan."))
        else:
            raise Http404
    except ValidationError as exc:
        show_errors(request, exc)
    return redirect("penilaian:skp-detail", rhk.skp.pk)


@login_required
@require_POST
def iki_action(request, pk, aksi):
    iki = iki_for_owner(request.user, pk)
    try:
        if aksi == "hapus":
            services_isi.iki_delete(iki=iki, oleh=request.user)
            messages.success(request, _("Indikator dihapus."))
        elif aksi in ("naik", "turun"):
            services_isi.iki_move(iki=iki, naik=aksi == "naik", oleh=request.user)
        else:
            raise Http404
    except ValidationError as exc:
        show_errors(request, exc)
    return redirect("penilaian:skp-detail", iki.rhk.skp.pk)


@login_required
def skp_lampiran(request, pk):
    skp = get_skp_for(request.user, pk, edit=True)
    form = LampiranForm(request.POST or None, instance=skp)
    if request.method == "POST" and form.is_valid():
        try:
            services_isi.skp_update_lampiran(skp=skp, data=form.cleaned_data, oleh=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Lampiran SKP disimpan."))
            return redirect("penilaian:skp-detail", skp.pk)
    return _edit_page(request, form, _("Lampiran SKP"), skp)


@login_required
@require_POST
def skp_submit(request, pk):
    skp = get_skp_for(request.user, pk, edit=True)
    try:
        services.skp_submit(skp=skp, oleh=request.user)
    except ValidationError as exc:
        show_errors(request, exc)
    else:
        messages.success(request, _("SKP diajukan kepada %(nama)s.") % {"nama": skp.pejabat_penilai.nama_lengkap})
    return redirect("penilaian:skp-detail", skp.pk)


@login_required
@require_POST
def skp_revise(request, pk):
    skp = get_skp_for(request.user, pk, edit=True)
    form = RevisiForm(request.POST)
    try:
        services.skp_open_revision(skp=skp, oleh=request.user, alasan=form.data.get("alasan", ""))
    except ValidationError as exc:
        show_errors(request, exc)
    else:
        messages.success(
            request, _("Revisi dibuka. Versi yang disetujui tetap dapat dibaca; ajukan kembali setelah selesai.")
        )
    return redirect("penilaian:skp-detail", skp.pk)
