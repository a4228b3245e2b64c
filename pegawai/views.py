from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kinerja.audit import audit_for
from kinerja.once import submit_once
from kinerja.web import (  # paginate: also re-exported for older imports
    id_param,
    paginate,
)

from . import access
from .filters import PegawaiFilter
from .forms import GantiAtasanForm, PegawaiForm, UnitKerjaForm
from .models import Instansi
from .selectors import counts_per_unit, unit_tree
from .services import pegawai_akun_atur, pegawai_save, pegawai_set_atasan, unit_save


def hr_required(view):
    """HR of an instansi, or a superuser; anyone else gets 403 (wrong role, not wrong object)."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not access.is_hr(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def instansi_for(request) -> Instansi | None:
    """The instansi an HR page works on: HR's own, or the one an admin picks (?instansi=)."""
    r = access.peran(request.user)
    if r.is_hr and not r.is_admin:
        return Instansi.objects.get(pk=r.instansi_id)
    pk = id_param(request, "instansi") or r.instansi_id
    qs = Instansi.objects.order_by("nama")
    return (qs.filter(pk=pk).first() if pk else None) or qs.first()


@hr_required
def hr_home(request):
    instansi = instansi_for(request)
    units, totals = counts_per_unit(access.units_managed_by(request.user).filter(instansi=instansi))
    return render(request, "pegawai/hr_home.html", {
        "instansi": instansi, "page_obj": paginate(request, units, 50), "totals": totals,
        "instansi_list": Instansi.objects.all() if access.peran(request.user).is_admin else None,
    })


@hr_required
def unit_tree_view(request):
    instansi = instansi_for(request)
    roots = unit_tree(access.units_managed_by(request.user).filter(instansi=instansi))
    return render(request, "pegawai/unit_tree.html", {"instansi": instansi, "roots": roots})


@hr_required
@submit_once
def unit_edit(request, pk=None):
    instansi = instansi_for(request)
    unit = get_object_or_404(access.units_managed_by(request.user), pk=pk) if pk else None
    if unit:
        instansi = unit.instansi
    form = UnitKerjaForm(request.POST or None, instance=unit, instansi=instansi)
    if request.method == "POST" and form.is_valid():
        try:
            unit = unit_save(unit=form.save(commit=False), oleh=request.user, created=pk is None)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Unit kerja %(nama)s disimpan.") % {"nama": unit.nama})
            return redirect("pegawai:unit-tree")
    return render(request, "pegawai/unit_form.html", {"form": form, "unit": unit, "instansi": instansi})


@hr_required
def pegawai_list(request):
    instansi = instansi_for(request)
    units = access.units_managed_by(request.user).filter(instansi=instansi)
    base = access.pegawai_managed_by(request.user).filter(unit_kerja__instansi=instansi).select_related(
        "unit_kerja", "jabatan", "golongan", "atasan"
    )
    filterset = PegawaiFilter(request.GET, queryset=base, units=units)  # bound even when empty: no filter = all
    qs = filterset.qs if filterset.is_valid() else base.none()
    return render(request, "pegawai/pegawai_list.html", {
        "filter": filterset, "page_obj": paginate(request, qs.order_by("nama", "nip")), "instansi": instansi,
    })


@login_required
def pegawai_detail(request, pk):
    pegawai = access.get_pegawai_for(request.user, pk)
    bawahan = list(access.bawahan_of(pegawai).select_related("jabatan", "unit_kerja"))
    # Link only the subordinates this user may open; the others are listed by name (no dead links).
    r = access.peran(request.user)
    if r.is_admin or r.is_hr or (r.pegawai and r.pegawai.pk == pegawai.pk):
        terbuka = {b.pk for b in bawahan}
    else:
        terbuka = set(access.pegawai_visible_to(request.user).filter(pk__in=[b.pk for b in bawahan]).values_list("pk", flat=True))
    return render(request, "pegawai/pegawai_detail.html", {
        "pegawai": pegawai,
        "bawahan": bawahan,
        "bawahan_terbuka": terbuka,
        "riwayat": pegawai.riwayat_atasan.select_related("atasan_lama", "atasan_baru", "diubah_oleh")[:20],
        "can_manage": access.pegawai_managed_by(request.user).filter(pk=pegawai.pk).exists(),
        "audit": audit_for(pegawai)[:20],
    })


@hr_required
@submit_once
def pegawai_create(request):
    instansi = instansi_for(request)
    form = PegawaiForm(request.POST or None, instansi_id=instansi.pk if instansi else None)
    if request.method == "POST" and form.is_valid():
        try:
            pegawai = pegawai_save(pegawai=form.save(commit=False), oleh=request.user, created=True)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Pegawai %(nama)s ditambahkan.") % {"nama": pegawai.nama})
            return redirect("pegawai:detail", pk=pegawai.pk)
    return render(request, "pegawai/pegawai_form.html", {"form": form, "pegawai": None})


@hr_required
def pegawai_update(request, pk):
    pegawai = access.get_pegawai_for(request.user, pk, manage=True)
    form = PegawaiForm(request.POST or None, instance=pegawai)
    if request.method == "POST" and form.is_valid():
        try:
            pegawai = pegawai_save(pegawai=form.save(commit=False), oleh=request.user, created=False)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Data pegawai %(nama)s diperbarui.") % {"nama": pegawai.nama})
            return redirect("pegawai:detail", pk=pegawai.pk)
    return render(request, "pegawai/pegawai_form.html", {"form": form, "pegawai": pegawai})


@hr_required
def pegawai_ganti_atasan(request, pk):
    pegawai = access.get_pegawai_for(request.user, pk, manage=True)
    form = GantiAtasanForm(request.POST or None, pegawai=pegawai, initial={"atasan_nip": pegawai.atasan.nip if pegawai.atasan else ""})
    if request.method == "POST" and form.is_valid():
        try:
            pegawai_set_atasan(pegawai=pegawai, atasan=form.cleaned_data["atasan_nip"], oleh=request.user,
                               alasan=form.cleaned_data["alasan"])
        except ValidationError as exc:  # from the model, e.g. a loop in the atasan chain
            for msg in exc.messages:
                form.add_error("atasan_nip", msg)
        else:
            messages.success(request, _("Atasan %(nama)s diperbarui.") % {"nama": pegawai.nama})
            return redirect("pegawai:detail", pk=pegawai.pk)
    return render(request, "pegawai/ganti_atasan.html", {"form": form, "pegawai": pegawai})


@login_required
def tim_saya(request):
    r = access.peran(request.user)
    if r.pegawai is None:
        raise Http404
    qs = access.bawahan_of(r.pegawai).select_related("jabatan", "golongan", "unit_kerja").order_by("nama")
    return render(request, "pegawai/tim_saya.html", {"page_obj": paginate(request, qs), "pegawai": r.pegawai})


@login_required
def profil_saya(request):
    r = access.peran(request.user)
    if r.pegawai is None:
        messages.info(request, _("Akun Anda tidak terhubung dengan data pegawai."))
        return redirect("home")
    return redirect("pegawai:detail", pk=r.pegawai.pk)


@hr_required
def pegawai_akun(request, pk):
    """HR creates the login of a pegawai or resets its password; the temporary password is shown once."""
    pegawai = access.get_pegawai_for(request.user, pk, manage=True)
    if request.method != "POST":
        return redirect("pegawai:detail", pk=pegawai.pk)
    try:
        user, password, created = pegawai_akun_atur(pegawai=pegawai, oleh=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        text = _("Akun dibuat.") if created else _("Kata sandi diatur ulang.")
        messages.warning(request, _("%(text)s Nama pengguna: %(u)s — kata sandi sementara: %(p)s (catat sekarang; tidak ditampilkan lagi).")
                         % {"text": text, "u": user.username, "p": password})
    return redirect("pegawai:detail", pk=pegawai.pk)
