"""Distribution of predikat for a whole perangkat daerah (domain.md §4): HR, and the heads the unit pages allow."""
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from kinerja.web import id_param, paginate
from pegawai import access as pegawai_access
from pegawai.decorators import instansi_for

from ...evaluasi.kelengkapan import perangkat_daerah
from ...models import Periode
from .. import selectors
from ..forms import SebaranForm
from ..sebaran import URUTAN, sebaran_perangkat_daerah


def _instansi_id(request) -> int | None:
    r = pegawai_access.peran(request.user)
    if r.is_hr or r.is_admin:
        instansi = instansi_for(request)
        return instansi.pk if instansi else None
    return r.instansi_id


def _terpilih(request, name: str, pilihan: list):
    """The chosen object; 404 for a well-formed id outside the choices (outside scope), None when absent."""
    pk = id_param(request, name)
    if pk is None:
        return None
    obj = next((o for o in pilihan if o.pk == pk), None)
    if obj is None:
        raise Http404
    return obj


@login_required
def sebaran(request):
    r = pegawai_access.peran(request.user)
    instansi_id = _instansi_id(request)
    units_qs = perangkat_daerah(instansi_id).filter(pk__in=selectors.unit_visible_for_kurva(request.user).values("pk"))
    units = list(units_qs)
    if not units and not (r.is_hr or r.is_admin):
        raise PermissionDenied  # a pegawai who heads no perangkat daerah: the wrong role, as on HR pages
    periodes_qs = Periode.objects.filter(instansi_id=instansi_id).order_by("-tahun", "-tanggal_mulai")
    periodes = list(periodes_qs)
    induk, periode = _terpilih(request, "induk", units), _terpilih(request, "periode", periodes)
    hari_ini = timezone.localdate()
    data = {
        "induk": request.GET.get("induk") or (units[0].pk if units else ""),
        "periode": request.GET.get("periode") or next(
            (p.pk for p in periodes if p.tanggal_mulai <= hari_ini), periodes[0].pk if periodes else ""),
    }
    form = SebaranForm(data, units=units_qs, periodes=periodes_qs, dimuat=(units, periodes))
    ctx = {"form": form, "units": units, "periodes": periodes, "urutan": URUTAN,
           "instansi_id": instansi_id if r.is_admin else None}
    if units and periodes and form.is_valid():
        induk, periode = induk or form.cleaned_data["induk"], periode or form.cleaned_data["periode"]
        hasil = sebaran_perangkat_daerah(induk, periode)
        page = paginate(request, hasil.units, 50)
        ids = [b.unit.pk for b in page]
        # Sub-units open on the unit page only where that page lets the user in (a head sees one level down).
        tautan = set(ids) if r.is_hr or r.is_admin else set(
            selectors.unit_visible_for_kurva(request.user).filter(pk__in=ids).values_list("pk", flat=True))
        ctx.update({"induk": induk, "periode": periode, "hasil": hasil, "page_obj": page, "tautan": tautan})
    return render(request, "penilaian/rekan/sebaran.html", ctx)
