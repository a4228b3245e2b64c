"""PDF downloads and HR's bulk print. Every download first fetches the record through its access
helper (``penilaian.access`` / ``pegawai.access``): outside the user's scope the answer is 404."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from kinerja.uploads import serve_private
from pegawai import access as pegawai_access
from pegawai.models import UnitKerja
from pegawai.views import hr_required
from penilaian import access
from penilaian.models import Periode
from penilaian.rekan.selectors import can_set_capaian

from .dokumen import dokumen_minta, kunci_rekap, progres
from .forms import CetakMassalForm
from .models import CetakMassal, CetakMassalItem, DokumenPdf

Jenis = DokumenPdf.Jenis


def _serve(request, *, jenis: str, kunci: str, nama: str):
    doc = dokumen_minta(jenis=jenis, kunci=kunci)
    if doc.status == DokumenPdf.Status.SIAP:
        return serve_private(doc.berkas, nama=nama, inline=True)
    return render(request, "notifikasi/dokumen_tunggu.html", {"doc": doc, "nama": nama}, status=202 if doc.status == DokumenPdf.Status.MENUNGGU else 500)


@login_required
def pdf_skp(request, pk):
    skp = access.get_skp_for(request.user, pk)
    return _serve(request, jenis=Jenis.SKP, kunci=str(skp.pk), nama=f"SKP_{skp.tahun}_{skp.pegawai.nip}.pdf")


@login_required
def pdf_penilaian(request, pk):
    p = access.get_penilaian_for(request.user, pk)
    return _serve(request, jenis=Jenis.PENILAIAN, kunci=str(p.pk), nama=f"Evaluasi_{p.periode.tahun}_{p.periode.pk}_{p.skp.pegawai.nip}.pdf")


@login_required
def pdf_dokumen_evaluasi(request, pk):
    p = access.get_penilaian_for(request.user, pk)
    return _serve(request, jenis=Jenis.DOKUMEN_EVALUASI, kunci=str(p.pk), nama=f"Dokumen_Evaluasi_{p.periode.tahun}_{p.skp.pegawai.nip}.pdf")


@login_required
def pdf_rekap_unit(request, unit_pk, periode_pk):
    """HR of the instansi, the head of the unit, or the head of its parent unit."""
    unit = get_object_or_404(UnitKerja.objects.select_related("instansi"), pk=unit_pk)
    r = pegawai_access.peran(request.user)
    # HR, the head of the unit, or the head of the parent unit who sets its capaian (domain.md §3.5).
    if not (pegawai_access.units_managed_by(request.user).filter(pk=unit.pk).exists() or (r.pegawai and unit.kepala_id == r.pegawai.pk)
            or can_set_capaian(request.user, unit)):
        raise Http404
    periode = get_object_or_404(Periode, pk=periode_pk, instansi_id=unit.instansi_id)
    return _serve(request, jenis=Jenis.REKAP_UNIT, kunci=kunci_rekap(unit, periode), nama=f"Rekap_{unit.kode}_{periode.tahun}_{periode.pk}.pdf")


def _jobs_for(user):
    r = pegawai_access.peran(user)
    qs = CetakMassal.objects.select_related("unit_kerja", "periode", "dibuat_oleh")
    return qs if r.is_admin else qs.filter(instansi_id=r.instansi_id)


@hr_required
def cetak(request):
    form = CetakMassalForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        from .dokumen import cetak_massal_mulai

        try:
            job = cetak_massal_mulai(oleh=request.user, unit=form.cleaned_data["unit_kerja"], jenis=form.cleaned_data["jenis"],
                                     periode=form.cleaned_data["periode"], tahun=form.cleaned_data["tahun"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Cetak massal dimulai: %(n)d pegawai.") % {"n": job.total})
            return redirect("notifikasi:cetak-detail", job.pk)
    from kinerja.web import paginate

    return render(request, "notifikasi/cetak_form.html", {"form": form, "page_obj": paginate(request, _jobs_for(request.user))})


@hr_required
def cetak_detail(request, pk):
    job = get_object_or_404(_jobs_for(request.user), pk=pk)
    return render(request, "notifikasi/cetak_detail.html", {"job": job, **_progres_ctx(job)})


def _progres_ctx(job: CetakMassal) -> dict:
    gagal = job.items.filter(status=CetakMassalItem.Status.GAGAL).select_related("pegawai").order_by("pegawai__nama")
    return {"job": job, "progres": progres(job), "gagal": gagal if job.is_selesai else []}


@hr_required
@require_GET
def cetak_progres(request, pk):
    """htmx polls this partial; once the job is finished the partial stops asking."""
    job = get_object_or_404(_jobs_for(request.user), pk=pk)
    return render(request, "notifikasi/_cetak_progres.html", _progres_ctx(job))


@hr_required
def cetak_unduh(request, pk):
    job = get_object_or_404(_jobs_for(request.user), pk=pk, status=CetakMassal.Status.SELESAI)
    if not job.berkas:
        raise Http404
    return serve_private(job.berkas, nama=job.berkas.name.rsplit("/", 1)[-1], inline=False)
