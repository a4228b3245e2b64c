"""HR's Laporan page (Excel reports, background jobs) and the monthly TPP feed. HR sees its instansi,
an administrator any (``?instansi=``); another role gets 403, another instansi's job or unit 404 / a
form error. Bad filters answer 400 with the form's message, never a 500."""
from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kinerja.db_router import baca_replika
from kinerja.uploads import serve_private
from kinerja.web import errors_to_form, paginate
from pegawai import access
from pegawai.decorators import hr_required, instansi_for

from . import berkas, isi, selectors, services, tpp_ekspor
from .forms import AturanTppForm, BukaBulanForm, LaporanFilterForm, TppFilterForm
from .models import AturanTpp, BulanTpp, LaporanJob

# Files are a format (README "Format berkas"): always in Indonesian, whatever the page's language.
BAHASA_BERKAS = "id"
# Above this many pegawai in scope a report is built in the background (settings may lower it in tests).
SINKRON_MAKS = 3000


def _judul():
    return {
        "skp": (_("Laporan SKP"), _("Status SKP tahun ini per pegawai dan unit kerja.")),
        "penilaian": (_("Laporan Penilaian"), _("Predikat per pegawai per periode, dan predikat tahunan.")),
        "kelengkapan": (_("Kelengkapan penilaian per unit"),
                        _("Jumlah per status dan persentase final (pilih periode).")),
        "distribusi": (_("Distribusi predikat per unit"),
                       _("Dibandingkan dengan kurva distribusi SE MenPANRB 3/2023 (pilih periode).")),
        "jp": (_("JP per pegawai"), _("Jam pelajaran pengembangan kompetensi terverifikasi terhadap 20 JP.")),
        "angka_kredit": (_("Angka kredit jabatan fungsional"),
                         _("Konversi predikat tahunan ke angka kredit per SKP (Perban BKN 3/2023).")),
    }


def _admin_ctx(request) -> dict:
    """An administrator may switch instansi on every page of this app."""
    from pegawai.models import Instansi

    if not access.peran(request.user).is_admin:
        return {"semua_instansi": False}
    return {"semua_instansi": True, "instansi_list": Instansi.objects.order_by("nama")}


def _instansi(request):
    instansi = instansi_for(request)
    if instansi is None:
        raise Http404
    return instansi


def _index(request, instansi, form, *, status=200):
    jobs = paginate(request, selectors.jobs_for(request.user).filter(instansi=instansi))
    judul = {k: v[0] for k, v in _judul().items()} | {isi.SEMUA: _("Semua laporan")}
    for j in jobs:
        j.judul = judul.get(j.jenis, j.jenis)
    query = request.GET.urlencode()
    return render(request, "laporan/index.html", {
        "instansi": instansi, "form": form, "laporan": [(k, *v) for k, v in _judul().items()],
        "butuh_periode": isi.BUTUH_PERIODE, "query": query, "page_obj": jobs,
        **_admin_ctx(request),
    }, status=status)


@hr_required
@require_GET
def index(request):
    instansi = _instansi(request)
    form = LaporanFilterForm(request.GET or None, instansi=instansi, initial={"tahun": timezone.localdate().year})
    if request.GET and not form.is_valid():
        return _index(request, instansi, form, status=400)
    return _index(request, instansi, form)


@hr_required
@require_GET
def unduh(request, jenis):
    if jenis not in isi.LAPORAN:
        raise Http404
    instansi = _instansi(request)
    form = LaporanFilterForm(request.GET, instansi=instansi)
    if not form.is_valid():
        return _index(request, instansi, form, status=400)
    params = form.params()
    lk = services.lingkup_dari(instansi, params)
    if lk.pegawai().count() > SINKRON_MAKS:
        messages.info(request, _("Lingkup laporan ini besar; gunakan tombol Susun di latar."))
        return redirect(f"{reverse('laporan:index')}?{request.GET.urlencode()}")
    if jenis in isi.BUTUH_PERIODE and lk.periode is None:
        form.add_error("periode", _("Pilih periode untuk laporan ini."))
        return _index(request, instansi, form, status=400)
    with translation.override(BAHASA_BERKAS), baca_replika():
        lembar = isi.LAPORAN[jenis](lk)
        isi_berkas = berkas.xlsx([lembar], lk.keterangan())
    services.laporan_audit(oleh=request.user, instansi=instansi, jenis=jenis, params=params, baris=len(lembar.baris))
    response = HttpResponse(isi_berkas, content_type=berkas.XLSX_TYPE)
    nama = f"laporan-{jenis.replace('_', '-')}-{instansi.kode}-{lk.tahun}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{nama}"'
    return response


@hr_required
@require_POST
def job_start(request):
    instansi = _instansi(request)
    form = LaporanFilterForm(request.POST, instansi=instansi)
    jenis = request.POST.get("jenis", "")
    if jenis != isi.SEMUA and jenis not in isi.LAPORAN:
        raise Http404
    if not form.is_valid():
        return _index(request, instansi, form, status=400)
    try:
        job = services.laporan_job_start(oleh=request.user, instansi=instansi, jenis=jenis, params=form.params())
    except ValidationError as exc:
        errors_to_form(form, exc)
        return _index(request, instansi, form, status=400)
    messages.success(request, _("Laporan sedang disusun; berkas dapat diunduh setelah selesai."))
    return redirect("laporan:job-detail", job.pk)


def _job_ctx(job):
    judul = dict((k, v[0]) for k, v in _judul().items()) | {isi.SEMUA: _("Semua laporan")}
    return {"job": job, "judul": judul.get(job.jenis, job.jenis)}


@hr_required
def job_detail(request, pk):
    job = get_object_or_404(selectors.jobs_for(request.user), pk=pk)
    return render(request, "laporan/job_detail.html", _job_ctx(job))


@hr_required
@require_POST
def job_coba_lagi(request, pk):
    job = get_object_or_404(selectors.jobs_for(request.user), pk=pk)
    if services.laporan_job_retry(job=job, oleh=request.user):
        messages.success(request, _("Laporan disusun ulang."))
    return redirect("laporan:job-detail", job.pk)


@hr_required
@require_GET
def job_progres(request, pk):
    """htmx polls this partial; a finished job's partial stops asking."""
    job = get_object_or_404(selectors.jobs_for(request.user), pk=pk)
    return render(request, "laporan/_job_progres.html", _job_ctx(job))


@hr_required
def job_unduh(request, pk):
    job = get_object_or_404(selectors.jobs_for(request.user), pk=pk, status=LaporanJob.Status.SELESAI)
    services.laporan_audit(oleh=request.user, instansi=job.instansi, jenis=job.jenis, params=job.params)
    return serve_private(job.berkas, nama=job.berkas.name.rsplit("/", 1)[-1], inline=False)


# --- TPP -------------------------------------------------------------------------------------------

def _tpp_form(request, instansi):
    data = request.GET if request.GET.get("unit") or request.GET.get("bulan") or request.GET.get("tahun") else None
    units = list(selectors.unit_tpp(instansi))  # once: the default, the check and the <select>
    form = TppFilterForm(data, instansi=instansi, units=units)
    if data is None and units:
        # First visit: the first perangkat daerah and last month, the one a TPP run pays for.
        bulan_lalu = timezone.localdate().replace(day=1) - timedelta(days=1)
        form = TppFilterForm({"unit": units[0].pk, "tahun": bulan_lalu.year, "bulan": bulan_lalu.month},
                             instansi=instansi, units=units)
    return form


def _tpp_scope(request):
    instansi = _instansi(request)
    form = _tpp_form(request, instansi)
    return instansi, form, (form.cleaned_data if form.is_valid() else None)


@hr_required
@require_GET
def tpp(request):
    instansi, form, c = _tpp_scope(request)
    ctx = {"instansi": instansi, "form": form, **_admin_ctx(request)}
    if c is None:
        return render(request, "laporan/tpp.html", ctx, status=400 if request.GET else 200)
    tutup, aturan, rows = selectors.baris_bulan(c["unit"], c["tahun"], c["bulan"], halaman=True)
    page = paginate(request, rows, 50)
    ctx |= {"unit": c["unit"], "tahun": c["tahun"], "bulan": c["bulan"], "tutup": tutup, "aturan": aturan,
            "aturan_baris": tpp_ekspor.aturan_baris(aturan) if aturan else [], "page_obj": page,
            "query": f"unit={c['unit'].pk}&tahun={c['tahun']}&bulan={c['bulan']}&instansi={instansi.pk}",
            "buka_form": BukaBulanForm()}
    return render(request, "laporan/tpp.html", ctx)


@hr_required
@require_GET
def tpp_unduh(request, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    instansi, form, c = _tpp_scope(request)
    if c is None:
        return render(request, "laporan/tpp.html", {"instansi": instansi, "form": form, **_admin_ctx(request)},
                      status=400)
    tutup, aturan, rows = selectors.baris_bulan(c["unit"], c["tahun"], c["bulan"])
    params = {"unit": c["unit"].pk, "tahun": c["tahun"], "bulan": c["bulan"], "format": fmt}
    services.laporan_audit(oleh=request.user, instansi=instansi, jenis="tpp", params=params, baris=len(rows))
    nama = f"tpp-{c['unit'].kode}-{c['tahun']}-{c['bulan']:02d}"
    with translation.override(BAHASA_BERKAS):
        return _tpp_file(fmt, nama, instansi, c, tutup, aturan, rows)


def _tpp_file(fmt, nama, instansi, c, tutup, aturan, rows):
    if fmt == "csv":
        response = HttpResponse(tpp_ekspor.csv_text(rows, aturan, tutup is not None),
                                content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{nama}.csv"'
        return response
    keterangan = [(_("Instansi"), instansi.nama), (_("Perangkat daerah"), f"{c['unit'].kode} — {c['unit'].nama}"),
                  (_("Bulan"), f"{c['tahun']}-{c['bulan']:02d}"),
                  (_("Status bulan"), _("Ditutup %(waktu)s oleh %(oleh)s") % {
                      "waktu": tutup.ditutup_pada.strftime("%Y-%m-%d %H:%M"), "oleh": tutup.ditutup_oleh or "-"}
                   if tutup else _("Sementara (belum ditutup)"))]
    response = HttpResponse(tpp_ekspor.xlsx(rows, aturan, tutup is not None, keterangan),
                            content_type=berkas.XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{nama}.xlsx"'
    return response


def _tpp_redirect(instansi, unit, tahun, bulan):
    return redirect(f"{reverse('laporan:tpp')}?instansi={instansi.pk}&unit={unit.pk}&tahun={tahun}&bulan={bulan}")


@hr_required
@require_POST
def tpp_tutup(request):
    instansi = _instansi(request)
    form = TppFilterForm(request.POST, instansi=instansi)
    if not form.is_valid():
        return render(request, "laporan/tpp.html", {"instansi": instansi, "form": form, **_admin_ctx(request)},
                      status=400)
    c = form.cleaned_data
    try:
        services.tpp_close(oleh=request.user, unit=c["unit"], tahun=c["tahun"], bulan=c["bulan"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Bulan TPP ditutup; angkanya kini tetap."))
    return _tpp_redirect(instansi, c["unit"], c["tahun"], c["bulan"])


@hr_required
@require_POST
def tpp_buka(request, pk):
    if not access.peran(request.user).is_admin:
        raise PermissionDenied
    tutup = get_object_or_404(BulanTpp.objects.select_related("instansi", "unit_kerja"), pk=pk)
    form = BukaBulanForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["alasan"]))
    else:
        services.tpp_reopen(oleh=request.user, tutup=tutup, alasan=form.cleaned_data["alasan"])
        messages.success(request, _("Bulan TPP dibuka kembali; angkanya dihitung ulang sampai ditutup lagi."))
    return _tpp_redirect(tutup.instansi, tutup.unit_kerja, tutup.tahun, tutup.bulan)


@hr_required
def aturan_tpp(request):
    instansi = _instansi(request)
    versi = AturanTpp.objects.filter(instansi=instansi).select_related("dibuat_oleh").order_by("-berlaku_mulai")
    terbaru = versi.first()
    form = AturanTppForm(request.POST or None, instance=None,
                         initial=selectors.aturan_form_initial(terbaru) if terbaru else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.aturan_tpp_save(oleh=request.user, instansi=instansi, data=form.cleaned_data)
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(request, _("Aturan TPP disimpan."))
            return redirect(f"{reverse('laporan:aturan-tpp')}?instansi={instansi.pk}")
    return render(request, "laporan/aturan_tpp.html", {
        "instansi": instansi, "form": form, "page_obj": paginate(request, versi),
        **_admin_ctx(request),
    }, status=400 if request.method == "POST" else 200)
