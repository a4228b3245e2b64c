"""Peer input pages (domain.md §6): the peer's inbox and answer form, the supervisor's/HR's page."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.web import PAGE_SIZE, error_message, paginate
from pegawai import access as pegawai_access

from .. import selectors
from ..forms import MasukanForm, UndanganForm
from ..halaman import halaman_rekan
from ..services import masukan_rekan_submit, undangan_rekan_create


@login_required
def inbox(request):
    me = pegawai_access.peran(request.user).pegawai
    qs = selectors.undangan_for_rekan(me) if me else []
    return render(request, "penilaian/rekan/inbox.html", {"page_obj": paginate(request, qs)})


@login_required
def jawab(request, pk):
    undangan = selectors.get_undangan_for(request.user, pk)
    if undangan.sudah_menjawab:
        messages.info(request, _("Anda sudah memberi masukan untuk penilaian ini. Terima kasih."))
        return redirect("penilaian:rekan-inbox")
    if undangan.dirilis or undangan.penilaian.is_final or undangan.penilaian.periode.terkunci():
        messages.info(request, _("Masukan rekan kerja untuk penilaian ini sudah ditutup."))
        return redirect("penilaian:rekan-inbox")
    form = MasukanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            masukan_rekan_submit(undangan=undangan, jawaban=form.jawaban(), komentar=form.cleaned_data["komentar"],
                                 oleh=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Masukan Anda tersimpan tanpa nama. Terima kasih."))
            return redirect("penilaian:rekan-inbox")
    return render(request, "penilaian/rekan/jawab.html", {"undangan": undangan, "form": form})


@login_required
def daftar(request):
    """Evaluations whose peer input the user manages (supervisor or HR)."""
    qs = selectors.penilaian_for_rekan_list(request.user)
    q = request.GET.get("q", "").strip()
    if q:
        qs = qs.filter(Q(skp__pegawai__nama__icontains=q) | Q(skp__pegawai__nip__startswith=q))
    # Pages by position, a period start at a time: no sort or count of the instansi's open evaluations.
    r = pegawai_access.peran(request.user)
    halaman = halaman_rekan(request, qs, PAGE_SIZE, lingkup_kecil=not (r.is_hr or r.is_admin))
    return render(request, "penilaian/rekan/daftar.html", {"page_obj": halaman, "q": q})


@login_required
def kelola(request, pk):
    """Supervisor/HR page of one evaluation: invitations, how many are done, and the released aggregate."""
    penilaian = selectors.get_penilaian_rekan_for(request.user, pk)
    undangan = penilaian.undangan_rekan.select_related("rekan__jabatan").order_by("rekan__nama")
    agregat = selectors.agregat_masukan(penilaian)  # may release a due cohort first
    kohort = selectors.status_kohort(penilaian)
    return render(request, "penilaian/rekan/kelola.html", {
        "penilaian": penilaian, "undangan": undangan, "kohort": kohort, "agregat": agregat,
        "form": UndanganForm(penilaian=penilaian),
        "bisa_undang": not (kohort.terkunci or penilaian.is_final or penilaian.periode.terkunci()),
    })


@require_POST
@login_required
def undang(request, pk):
    penilaian = selectors.get_penilaian_rekan_for(request.user, pk)
    form = UndanganForm(request.POST, penilaian=penilaian)
    if form.is_valid():
        try:
            created = undangan_rekan_create(penilaian=penilaian, rekan=form.cleaned_data["semua"], oleh=request.user)
        except ValidationError as exc:
            error_message(request, exc)
        else:
            messages.success(request, _("%(n)d rekan kerja diundang.") % {"n": len(created)})
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("penilaian:rekan-kelola", pk=penilaian.pk)
