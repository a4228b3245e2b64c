from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from kinerja.audit import audit_for
from kinerja.once import submit_once
from kinerja.web import (  # paginate: also re-exported for older imports
    paginate,
)

from . import access
from .decorators import hr_required, instansi_for
from .filters import PegawaiFilter
from .forms import GantiAtasanForm, PegawaiForm, UnitKerjaForm
from .models import Instansi
from .mutasi import riwayat_jabatan_of
from .selectors import UNIT_PER_HALAMAN, counts_per_unit, totals_below, unit_level
from .selectors_pejabat import penilai_di_bawah_pengawas
from .services import pegawai_save, pegawai_set_atasan, unit_save


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
    """The top units of the instansi; each opens its sub-units through :func:`unit_tree_anak`."""
    instansi = instansi_for(request)
    page = paginate(request, unit_level(access.units_managed_by(request.user).filter(instansi=instansi), None),
                    UNIT_PER_HALAMAN)
    page.object_list = totals_below(list(page.object_list))
    return render(request, "pegawai/unit_tree.html", {"instansi": instansi, "page_obj": page})


@hr_required
def unit_tree_anak(request, pk):
    """One page of the sub-units of unit ``pk`` (htmx); 404 outside the user's instansi."""
    units = access.units_managed_by(request.user)
    unit = get_object_or_404(units, pk=pk)
    page = paginate(request, unit_level(units, unit), UNIT_PER_HALAMAN)
    page.object_list = totals_below(list(page.object_list))
    return render(request, "pegawai/_unit_anak.html", {"unit": unit, "page_obj": page})


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
        "unit_kerja__parent", "jabatan", "golongan", "atasan"
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
        terbuka = set(
            access.pegawai_visible_to(request.user).filter(pk__in=[b.pk for b in bawahan]).values_list("pk", flat=True)
        )
    can_manage = access.pegawai_managed_by(request.user).filter(pk=pegawai.pk).exists()
    # PermenPANRB 6/2022 Pasal 1: warn HR of an atasan below pengawas without a delegation (syarat_penilai).
    lemah = can_manage and pegawai.atasan_id and bool(penilai_di_bawah_pengawas([pegawai.atasan]))
    akun = _akun_context(request, pegawai) if can_manage else {}
    response = render(
        request,
        "pegawai/pegawai_detail.html",
        {
            "pegawai": pegawai,
            "bawahan": bawahan,
            "bawahan_terbuka": terbuka,
            "riwayat": pegawai.riwayat_atasan.select_related("atasan_lama", "atasan_baru", "diubah_oleh")[:20],
            "riwayat_jabatan": riwayat_jabatan_of(pegawai),
            "can_manage": can_manage,
            "peringatan_penilai": lemah,
            "audit": audit_for(pegawai)[:20],
            **akun,
        },
    )
    if akun.get("sandi_baru"):
        patch_cache_control(response, no_store=True, private=True)  # a shown password is never cached
    return response


def _akun_context(request, pegawai) -> dict:
    """The account part of the detail page for HR/admin: the password just set (once), lock, rights."""
    from .services_akun import akun_istimewa, akun_terkunci
    from .views_akun import sandi_baru_untuk

    user = pegawai.user
    return {
        "sandi_baru": sandi_baru_untuk(request, pegawai),
        "akun_terkunci": akun_terkunci(user),
        "akun_khusus_superuser": bool(user and not request.user.is_superuser and akun_istimewa(user)),
    }


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
        except PermissionDenied as exc:  # the account of an admin/HR user: only a superuser may change it
            form.add_error(None, str(exc))
            pegawai.refresh_from_db()  # the page header shows what is saved, not the refused edit
            return render(request, "pegawai/pegawai_form.html", {"form": form, "pegawai": pegawai}, status=403)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Data pegawai %(nama)s diperbarui.") % {"nama": pegawai.nama})
            if not pegawai.aktif and (n := pegawai.bawahan.filter(aktif=True).count()):
                # They have no pejabat penilai now; HR must name one (Ganti atasan).
                messages.warning(
                    request,
                    _(
                        "%(n)s pegawai masih tercatat dengan atasan %(nama)s yang kini nonaktif; "
                        "tetapkan atasan baru bagi mereka."
                    )
                    % {"n": n, "nama": pegawai.nama},
                )
            return redirect("pegawai:detail", pk=pegawai.pk)
    return render(request, "pegawai/pegawai_form.html", {"form": form, "pegawai": pegawai})


@hr_required
def pegawai_ganti_atasan(request, pk):
    pegawai = access.get_pegawai_for(request.user, pk, manage=True)
    form = GantiAtasanForm(
        request.POST or None, pegawai=pegawai, initial={"atasan_nip": pegawai.atasan.nip if pegawai.atasan else ""}
    )
    if request.method == "POST" and form.is_valid():
        try:
            pegawai_set_atasan(
                pegawai=pegawai,
                atasan=form.cleaned_data["atasan_nip"],
                oleh=request.user,
                alasan=form.cleaned_data["alasan"],
            )
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
    qs = access.bawahan_of(r.pegawai).select_related("jabatan", "golongan", "unit_kerja__parent").order_by("nama")
    return render(request, "pegawai/tim_saya.html", {"page_obj": paginate(request, qs), "pegawai": r.pegawai})


@login_required
def profil_saya(request):
    r = access.peran(request.user)
    if r.pegawai is None:
        messages.info(request, _("Akun Anda tidak terhubung dengan data pegawai."))
        return redirect("home")
    return redirect("pegawai:detail", pk=r.pegawai.pk)
