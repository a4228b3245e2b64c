"""Acknowledgement and keberatan pages (domain.md §3.5)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.audit import audit_for
from kinerja.web import error_message, paginate
from pegawai import access as pegawai_access

from ...access import get_penilaian_for, is_owner, is_penilai_of, penilaian_visible_to
from ...evaluasi.selectors import penilaian_detail
from ...models import Keberatan, Penilaian
from .. import selectors
from ..forms import KeberatanForm, PutusanForm
from ..keberatan import (
    batas_keberatan,
    bisa_ditanggapi,
    keberatan_decide,
    keberatan_file,
    penilaian_acknowledge,
)
from .penjelasan import penjelasan_context

AUDIT_TAMPIL = Q(aksi__startswith="penilaian.") | Q(aksi__startswith="keberatan.")


def _riwayat(penilaian) -> list:
    """The evaluation's audit trail shown to its parties; peer-input entries are left out (§6)."""
    return list(audit_for(penilaian).filter(AUDIT_TAMPIL)[:50])


def _ringkasan(user, penilaian) -> dict:
    """Context of ``evaluasi/_ringkasan.html``: the evidence being decided on, in a fixed number of queries.

    Peer input only for the penilai, never the appraisee nor anyone else (domain.md §6).
    """
    data = penilaian_detail(penilaian)
    ctx = {"baris_rhk": data["baris_rhk"], "baris_perilaku": data["baris_perilaku"]}
    if is_penilai_of(user, penilaian.skp):
        ctx.update(tampil_agregat_rekan=True, agregat=selectors.agregat_masukan(penilaian))
    return ctx


@login_required
def tanggapan_list(request):
    """The employee's finalised evaluations, to acknowledge or object to."""
    me = pegawai_access.peran(request.user).pegawai
    qs = penilaian_visible_to(request.user).filter(skp__pegawai=me, status__in=Penilaian.SELESAI).order_by(
        "-periode__tanggal_selesai", "-periode__tanggal_mulai", "-pk") if me else []  # newest period first
    return render(request, "penilaian/rekan/tanggapan_list.html", {"page_obj": paginate(request, qs)})


@login_required
def tanggapan(request, pk):
    """Result, response buttons, keberatan and its decision, and the audit trail. No peer input here."""
    penilaian = get_penilaian_for(request.user, pk)
    if not penilaian.is_final:
        messages.info(request, _("Penilaian ini belum final."))
    return render(request, "penilaian/rekan/tanggapan.html", {
        "penilaian": penilaian, "is_owner": is_owner(request.user, penilaian.skp),
        "bisa_ditanggapi": bisa_ditanggapi(penilaian), "batas": batas_keberatan(penilaian),
        "lewat_waktu": penilaian.is_lewat_waktu(),
        "keberatan": Keberatan.objects.filter(penilaian=penilaian).select_related("pemutus").first(),
        "form": KeberatanForm(), "audit": _riwayat(penilaian), **_ringkasan(request.user, penilaian),
    })


@require_POST
@login_required
def terima(request, pk):
    penilaian = get_penilaian_for(request.user, pk, as_pegawai=True)
    try:
        penilaian_acknowledge(penilaian=penilaian, oleh=request.user)
    except ValidationError as exc:
        error_message(request, exc)
    else:
        messages.success(request, _("Penilaian diterima."))
    return redirect("penilaian:tanggapan", pk=penilaian.pk)


@require_POST
@login_required
def ajukan(request, pk):
    penilaian = get_penilaian_for(request.user, pk, as_pegawai=True)
    form = KeberatanForm(request.POST)
    if form.is_valid():
        try:
            keberatan_file(penilaian=penilaian, alasan=form.cleaned_data["alasan"], oleh=request.user)
        except ValidationError as exc:
            error_message(request, exc)
        else:
            messages.success(request, _("Keberatan diajukan kepada atasan pejabat penilai."))
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("penilaian:tanggapan", pk=penilaian.pk)


@login_required
def keberatan_list(request):
    status = request.GET.get("status", Keberatan.Status.DIAJUKAN)
    qs = selectors.keberatan_to_decide(request.user)
    if status in Keberatan.Status.values:
        qs = qs.filter(status=status)
    return render(request, "penilaian/rekan/keberatan_list.html", {
        "page_obj": paginate(request, qs), "status": status, "status_choices": Keberatan.Status.choices,
    })


@login_required
def keberatan_detail(request, pk):
    keberatan = selectors.get_keberatan_for(request.user, pk)
    boleh = keberatan.status == Keberatan.Status.DIAJUKAN and selectors.can_decide(request.user, keberatan)
    form = PutusanForm(request.POST or None)
    if request.method == "POST":
        if not boleh:
            messages.error(request, _("Anda tidak dapat memutus keberatan ini."))
            return redirect("penilaian:keberatan-detail", pk=keberatan.pk)
        if form.is_valid():
            d = form.cleaned_data
            try:
                keberatan_decide(keberatan=keberatan, ubah=d["keputusan_jenis"] == "UBAH", keputusan=d["keputusan"],
                                rating_hasil=d["rating_hasil"], rating_perilaku=d["rating_perilaku"], oleh=request.user)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Keberatan telah diputus."))
                return redirect("penilaian:keberatan-detail", pk=keberatan.pk)
    return render(request, "penilaian/rekan/keberatan_detail.html", {
        "keberatan": keberatan, "penilaian": keberatan.penilaian, "form": form, "boleh": boleh,
        "audit": _riwayat(keberatan.penilaian), **_ringkasan(request.user, keberatan.penilaian),
        **penjelasan_context(request, keberatan, boleh),  # PP 30/2019 Pasal 59(3)
    })
