"""Pages of the SE 3/2023 order exception (domain.md §11.2 rule 5) and of the keberatan explanations and
deadline (PP 30/2019 Pasal 59, domain.md §11.1)."""
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.web import error_message, paginate
from pegawai.decorators import hr_required

from ...evaluasi.urutan import pengecualian_urutan_record
from ...models import Keberatan, PermintaanPenjelasan
from .. import selectors
from ..forms_penjelasan import JawabanPenjelasanForm, PengecualianUrutanForm, PermintaanPenjelasanForm
from ..penjelasan import get_permintaan_for_answer, keberatan_terlambat_for, penjelasan_answer, penjelasan_request
from .unit import _periode


def _form_errors(form) -> str:
    return " ".join(f"{form.fields[k].label}: {e}" if k in form.fields else e
                    for k, errs in form.errors.items() for e in errs)


@require_POST
@login_required
def unit_pengecualian(request, unit_pk, periode_pk):
    """HR records the exception to the SE 3/2023 order for one unit and period."""
    unit = selectors.get_unit_for(request.user, unit_pk)
    periode = _periode(unit, periode_pk)
    if not selectors.can_record_pengecualian(request.user, unit):
        raise PermissionDenied
    form = PengecualianUrutanForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Pengecualian tidak dicatat: %(e)s") % {"e": _form_errors(form)})
    else:
        try:
            pengecualian_urutan_record(unit=unit, periode=periode, alasan=form.cleaned_data["alasan"],
                                       oleh=request.user)
        except ValidationError as exc:
            error_message(request, exc)
        else:
            messages.success(request, _("Pengecualian urutan SE MenPANRB 3/2023 dicatat."))
    return redirect("penilaian:unit-distribusi", unit_pk=unit.pk, periode_pk=periode.pk)


def penjelasan_context(request, keberatan: Keberatan, boleh: bool) -> dict:
    """What the keberatan page shows of the explanations; the request form for the deciding official."""
    penjelasan = list(keberatan.penjelasan.select_related("kepada"))
    sudah = {p.pihak for p in penjelasan}
    ctx = {"penjelasan": penjelasan, "batas_putusan": keberatan.batas_putusan,
           "lewat_batas_putusan": keberatan.status == Keberatan.Status.DIAJUKAN
           and keberatan.batas_putusan is not None and keberatan.batas_putusan < timezone.now()}
    if boleh and len(sudah) < len(PermintaanPenjelasan.Pihak.values):
        form = PermintaanPenjelasanForm(initial={"batas": timezone.localdate() + timedelta(days=7)})
        form.fields["pihak"].choices = [c for c in form.fields["pihak"].choices if c[0] not in sudah]
        ctx["penjelasan_form"] = form
    return ctx


@require_POST
@login_required
def penjelasan_minta(request, pk):
    keberatan = selectors.get_keberatan_for(request.user, pk)
    if not selectors.can_decide(request.user, keberatan):
        raise Http404
    form = PermintaanPenjelasanForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Permintaan penjelasan tidak dikirim: %(e)s") % {"e": _form_errors(form)})
    else:
        try:
            penjelasan_request(keberatan=keberatan, oleh=request.user, **form.cleaned_data)
        except ValidationError as exc:
            error_message(request, exc)
        else:
            messages.success(request, _("Permintaan penjelasan dikirim."))
    return redirect("penilaian:keberatan-detail", pk=keberatan.pk)


@login_required
def penjelasan_jawab(request, pk):
    """The addressed side reads the question and answers it once; anyone else gets a 404."""
    permintaan = get_permintaan_for_answer(request.user, pk)
    form = JawabanPenjelasanForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                penjelasan_answer(permintaan=permintaan, jawaban=form.cleaned_data["jawaban"], oleh=request.user)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Penjelasan Anda terkirim."))
                return redirect("penilaian:penjelasan-jawab", pk=permintaan.pk)
        status = 400
    boleh = permintaan.dijawab_pada is None and permintaan.keberatan.status == Keberatan.Status.DIAJUKAN
    return render(request, "penilaian/rekan/penjelasan_jawab.html", {
        "permintaan": permintaan, "keberatan": permintaan.keberatan, "form": form, "boleh": boleh,
    }, status=status)


@hr_required
def keberatan_terlambat(request):
    """HR: undecided keberatan past their decision deadline (escalated)."""
    return render(request, "penilaian/rekan/keberatan_terlambat.html", {
        "page_obj": paginate(request, keberatan_terlambat_for(request.user)),
        "hari": Keberatan.hari_putusan(),
    })
