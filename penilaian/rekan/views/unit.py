"""Unit distribution against SE MenPANRB 3/2023 (domain.md §4) and HR follow-up (§5.2)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kinerja.web import error_message, id_param, paginate, tahun_param
from pegawai import access as pegawai_access
from pegawai.decorators import hr_required
from pegawai.models import UnitKerja

from ...models import PengecualianUrutan, Periode
from .. import selectors, tindak_lanjut
from ..forms import CapaianForm, FinalisasiForm
from ..forms_penjelasan import PengecualianUrutanForm
from ..services import capaian_organisasi_set, unit_finalize


def _periode(unit, pk) -> Periode:
    try:
        return Periode.objects.get(pk=pk, instansi_id=unit.instansi_id)
    except (Periode.DoesNotExist, ValueError):
        raise Http404 from None


@login_required
def unit_index(request):
    units = selectors.unit_visible_for_kurva(request.user).order_by("kode")
    q = request.GET.get("q", "").strip()
    if q:
        units = units.filter(nama__icontains=q)
    r = pegawai_access.peran(request.user)
    periode_qs = Periode.objects.filter(instansi_id=r.instansi_id).order_by("-tahun", "-tanggal_mulai")
    pk = id_param(request, "periode")
    periode = periode_qs.filter(pk=pk).first() if pk else None
    return render(request, "penilaian/rekan/unit_index.html", {
        "page_obj": paginate(request, units), "periode_list": periode_qs[:40],
        # the perangkat-daerah view opens for HR and for heads of (the parent of) a perangkat daerah
        "boleh_sebaran": r.is_hr or r.is_admin or selectors.unit_visible_for_kurva(request.user).filter(
            level__lte=UnitKerja.Level.PERANGKAT_DAERAH).exists(),
        "periode": periode or periode_qs.filter(tanggal_mulai__lte=timezone.localdate()).first() or periode_qs.first(),
        "q": q,
    })


@login_required
def unit_distribusi(request, unit_pk, periode_pk):
    unit = selectors.get_unit_for(request.user, unit_pk)
    periode = _periode(unit, periode_pk)
    dist = selectors.distribusi_unit(unit, periode)
    capaian = {"predikat": dist.capaian.predikat, "catatan": dist.capaian.catatan} if dist.capaian else None
    return render(request, "penilaian/rekan/unit_distribusi.html", {
        "unit": unit, "periode": periode, "dist": dist,
        "boleh_capaian": selectors.can_set_capaian(request.user, unit),
        "boleh_final": selectors.is_kepala_unit(request.user, unit),
        "capaian_form": CapaianForm(initial=capaian), "final_form": FinalisasiForm(),
        **urutan_context(request.user, unit, periode, dist),  # SE 3/2023 order (domain.md §11.2 rule 5)
    })


def urutan_context(user, unit, periode, dist) -> dict:
    ada = PengecualianUrutan.objects.select_related("oleh").filter(unit_kerja=unit, periode=periode).first()
    boleh = dist.capaian is None and ada is None and selectors.can_record_pengecualian(user, unit)
    return {"pengecualian_urutan": ada, "pengecualian_form": PengecualianUrutanForm() if boleh else None}


@require_POST
@login_required
def unit_capaian(request, unit_pk, periode_pk):
    unit = selectors.get_unit_for(request.user, unit_pk)
    periode = _periode(unit, periode_pk)
    if not selectors.can_set_capaian(request.user, unit):
        raise PermissionDenied
    form = CapaianForm(request.POST)
    if form.is_valid():
        try:
            capaian_organisasi_set(unit=unit, periode=periode, oleh=request.user, **form.cleaned_data)
        except ValidationError as exc:
            error_message(request, exc)
        else:
            messages.success(request, _("Capaian kinerja organisasi disimpan."))
    else:
        messages.error(
            request,
            _("Capaian tidak disimpan: %(e)s") % {"e": " ".join(e for errs in form.errors.values() for e in errs)},
        )
    return redirect("penilaian:unit-distribusi", unit_pk=unit.pk, periode_pk=periode.pk)


@require_POST
@login_required
def unit_final(request, unit_pk, periode_pk):
    unit = selectors.get_unit_for(request.user, unit_pk)
    periode = _periode(unit, periode_pk)
    if not selectors.is_kepala_unit(request.user, unit):
        raise PermissionDenied
    form = FinalisasiForm(request.POST)
    form.is_valid()
    try:
        unit_finalize(
            unit=unit, periode=periode, justifikasi=form.cleaned_data.get("justifikasi", ""), oleh=request.user
        )
    except ValidationError as exc:
        error_message(request, exc)
    else:
        messages.success(request, _("Periode unit difinalisasi."))
    return redirect("penilaian:unit-distribusi", unit_pk=unit.pk, periode_pk=periode.pk)


DAFTAR = {
    "perbaikan": gettext_lazy("Butuh Perbaikan atau lebih rendah"),
    "talent": gettext_lazy("Sangat Baik 2 tahun berturut-turut (kandidat talent pool)"),
    "kompetensi": gettext_lazy("Baik 2 tahun berturut-turut (prioritas pengembangan kompetensi)"),
}


@hr_required
def tindak_lanjut_view(request):
    units = pegawai_access.units_managed_by(request.user).order_by("kode")
    pk = id_param(request, "unit")
    unit = units.filter(pk=pk).first() if pk else None
    unit = unit or units.filter(parent__isnull=True).first()
    tahun = tahun_param(request, default=timezone.localdate().year - 1)
    daftar = request.GET.get("daftar") if request.GET.get("daftar") in DAFTAR else "perbaikan"
    hasil = tindak_lanjut.tindak_lanjut(unit, tahun) if unit else None
    ids = (
        {"perbaikan": hasil.perbaikan, "talent": hasil.talent_pool, "kompetensi": hasil.pengembangan}[daftar]
        if hasil
        else []
    )
    return render(
        request,
        "penilaian/rekan/tindak_lanjut.html",
        {
            "units": units.select_related("parent").only("pk", "kode", "nama", "parent__nama")[:500],
            "unit": unit,
            "tahun": tahun,
            "hasil": hasil,
            "daftar": daftar,
            "daftar_label": DAFTAR,
            "page_obj": paginate(request, tindak_lanjut.pegawai_list(ids)),
            "jumlah": {
                "perbaikan": len(hasil.perbaikan),
                "talent": len(hasil.talent_pool),
                "kompetensi": len(hasil.pengembangan),
            }
            if hasil
            else {},
        },
    )
