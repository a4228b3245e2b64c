"""Working hours per person per week against the instansi's standard (reading in ``harian.jam``)."""
from datetime import date, timedelta
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.web import error_message, paginate
from pegawai import access
from pegawai.decorators import hr_required, instansi_for

from .. import jam, selectors, services
from ..forms import JamKerjaStandarForm
from ..models import JAM_KERJA_MENIT_DEFAULT, PengaturanHarian
from . import pegawai_required, tim_required

N_MINGGU = 8


def _minggu(request) -> date:
    """``?minggu=2026-03-02`` (any day: its Monday); anything else is the current week."""
    try:
        d = date.fromisoformat(request.GET.get("minggu", ""))
    except ValueError:
        d = timezone.localdate()
    if not 2000 <= d.year <= 2100:
        d = timezone.localdate()
    return jam.senin(d)


def _nav(senin: date) -> dict:
    return {"minggu_ini": senin, "minggu_lalu": senin - timedelta(days=7), "minggu_depan": senin + timedelta(days=7),
            "minggu_sampai": senin + timedelta(days=6)}


@pegawai_required
def jam_kerja(request):
    me = access.peran(request.user).pegawai
    akhir = _minggu(request)
    mingguan = [akhir - timedelta(days=7 * i) for i in range(N_MINGGU)]
    standar = PengaturanHarian.jam_kerja_untuk(me.unit_kerja.instansi_id)
    rekap = selectors.jam_kerja_per_pegawai([me.pk], mingguan, standar)[me.pk]
    return render(request, "harian/jam_kerja.html", {
        "me": me, "rekap": rekap, "standar": standar, "standar_jam": jam.format_jam(standar), **_nav(akhir),
    })


@tim_required
def jam_kerja_tim(request):
    r = access.peran(request.user)
    senin = _minggu(request)
    page_obj = paginate(request, selectors.tim_of(request.user).select_related("unit_kerja").order_by("nama", "pk"), 25)
    anggota = list(page_obj)
    standar_per_instansi = dict(
        PengaturanHarian.objects.filter(instansi_id__in={p.unit_kerja.instansi_id for p in anggota}).values_list(
            "instansi_id", "jam_kerja_menit")
    )
    # One query for the page, whatever the standards are: the shortfall is computed per person below.
    rekap = selectors.jam_kerja_per_pegawai([p.pk for p in anggota], [senin], JAM_KERJA_MENIT_DEFAULT)
    for p in anggota:
        w = rekap[p.pk][0]
        w.standar = standar_per_instansi.get(p.unit_kerja.instansi_id, JAM_KERJA_MENIT_DEFAULT)
        p.jam = w
    standar_form = None
    if r.is_hr and not r.is_admin:
        menit = PengaturanHarian.jam_kerja_untuk(r.instansi_id)
        standar_form = JamKerjaStandarForm(initial={"jam_per_minggu": (Decimal(menit) / 60).quantize(Decimal("0.01"))})
    return render(request, "harian/jam_kerja_tim.html", {
        "page_obj": page_obj, "anggota": anggota, "bisa_tanggapi": r.is_atasan, "standar_form": standar_form,
        **_nav(senin),
    })


@require_POST
@hr_required
def jam_kerja_standar(request):
    """HR sets the instansi's standard week; the team hours page shows the form."""
    instansi = instansi_for(request)
    form = JamKerjaStandarForm(request.POST)
    if instansi is None:
        messages.error(request, _("Belum ada instansi."))
    elif not form.is_valid():
        messages.error(request, " ".join(m for errs in form.errors.values() for m in errs))
    else:
        try:
            services.jam_kerja_standar_set(instansi=instansi, menit=form.menit(), oleh=request.user)
        except ValidationError as e:
            error_message(request, e)
        else:
            messages.success(request, _("Jam kerja standar instansi tersimpan."))
    return redirect("harian:tim-jam-kerja")
