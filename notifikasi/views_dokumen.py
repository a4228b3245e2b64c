"""PDF downloads and HR's bulk print. Every download first fetches the record through its access
helper (``penilaian.access`` / ``pegawai.access``): outside the user's scope the answer is 404."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kinerja.uploads import serve_private
from kinerja.web import error_message
from pegawai import access as pegawai_access
from pegawai.decorators import hr_required
from pegawai.models import UnitKerja
from penilaian import access
from penilaian.konversi import konversi_pegawai
from penilaian.models import Periode
from penilaian.rekan.selectors import can_set_capaian

from .cetak_massal import CetakSudahBerjalan, cetak_massal_retry, cetak_massal_start, progres
from .dokumen import dokumen_request, kunci_konversi, kunci_rekap
from .forms import CetakMassalForm
from .models import CetakMassal, CetakMassalItem, DokumenPdf

Jenis = DokumenPdf.Jenis


def _serve(request, *, jenis: str, kunci: str, nama: str):
    doc = dokumen_request(jenis=jenis, kunci=kunci)
    if doc.status == DokumenPdf.Status.SIAP:
        return serve_private(doc.berkas, nama=nama, inline=True)
    return render(
        request,
        "notifikasi/dokumen_tunggu.html",
        {"doc": doc, "nama": nama},
        status=202 if doc.status == DokumenPdf.Status.MENUNGGU else 500,
    )


@login_required
def pdf_skp(request, pk):
    skp = access.get_skp_for(request.user, pk)
    return _serve(request, jenis=Jenis.SKP, kunci=str(skp.pk), nama=f"SKP_{skp.tahun}_{skp.pegawai.nip}.pdf")


@login_required
def pdf_penilaian(request, pk):
    p = access.get_penilaian_for(request.user, pk)
    return _serve(
        request,
        jenis=Jenis.PENILAIAN,
        kunci=str(p.pk),
        nama=f"Evaluasi_{p.periode.tahun}_{p.periode.pk}_{p.skp.pegawai.nip}.pdf",
    )


@login_required
def pdf_dokumen_evaluasi(request, pk):
    p = access.get_penilaian_for(request.user, pk)
    return _serve(
        request,
        jenis=Jenis.DOKUMEN_EVALUASI,
        kunci=str(p.pk),
        nama=f"Dokumen_Evaluasi_{p.periode.tahun}_{p.skp.pegawai.nip}.pdf",
    )


@login_required
def pdf_rekap_unit(request, unit_pk, periode_pk):
    """HR of the instansi, the head of the unit, or the head of its parent unit."""
    unit = get_object_or_404(UnitKerja.objects.select_related("instansi"), pk=unit_pk)
    r = pegawai_access.peran(request.user)
    # HR, the head of the unit, or the head of the parent unit who sets its capaian (domain.md §3.5).
    if not (
        pegawai_access.units_managed_by(request.user).filter(pk=unit.pk).exists()
        or (r.pegawai and unit.kepala_id == r.pegawai.pk)
        or can_set_capaian(request.user, unit)
    ):
        raise Http404
    periode = get_object_or_404(Periode, pk=periode_pk, instansi_id=unit.instansi_id)
    return _serve(
        request,
        jenis=Jenis.REKAP_UNIT,
        kunci=kunci_rekap(unit, periode),
        nama=f"Rekap_{unit.kode}_{periode.tahun}_{periode.pk}.pdf",
    )


@login_required
def pdf_konversi_ak(request, pegawai_pk, tahun):
    """KONVERSI PREDIKAT KINERJA KE ANGKA KREDIT of one pegawai and year (domain.md §11.1): the pegawai,
    their penilai (now, or of an SKP of that year) and HR of the instansi; 404 otherwise or without a
    jabatan fungsional period that year."""
    pegawai = access.get_pegawai_konversi_for(request.user, pegawai_pk, tahun)
    if not any(kt.tahun == tahun for kt in konversi_pegawai(pegawai)):
        raise Http404
    return _serve(
        request,
        jenis=Jenis.KONVERSI_AK,
        kunci=kunci_konversi(pegawai, tahun),
        nama=f"Konversi_AK_{tahun}_{pegawai.nip}.pdf",
    )


def _jobs_for(user):
    r = pegawai_access.peran(user)
    qs = CetakMassal.objects.select_related("unit_kerja", "periode", "dibuat_oleh")
    return qs if r.is_admin else qs.filter(instansi_id=r.instansi_id)


@hr_required
def cetak(request):
    form = CetakMassalForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            job = cetak_massal_start(
                oleh=request.user,
                unit=data["unit_kerja"],
                jenis=data["jenis"],
                periode=data["periode"],
                tahun=data["tahun"],
                token=data["token"],
            )
        except CetakSudahBerjalan as exc:
            messages.info(request, _("Cetak massal yang sama masih berjalan; berikut kemajuannya."))
            return redirect("notifikasi:cetak-detail", exc.job.pk)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Cetak massal dimulai: %(n)d pegawai.") % {"n": job.total})
            return redirect("notifikasi:cetak-detail", job.pk)
    from kinerja.web import paginate

    item = CetakMassalItem.Status
    jobs = (
        _jobs_for(request.user)
        .annotate(
            n_ok=Count("items", filter=Q(items__status=item.OK)),
            n_gagal=Count("items", filter=Q(items__status=item.GAGAL)),
        )
        .order_by("-dibuat_pada", "-pk")
    )
    return render(request, "notifikasi/cetak_form.html", {"form": form, "page_obj": paginate(request, jobs)})


@hr_required
def cetak_detail(request, pk):
    job = get_object_or_404(_jobs_for(request.user), pk=pk)
    return render(request, "notifikasi/cetak_detail.html", {"job": job, **_progres_ctx(job)})


def _progres_ctx(job: CetakMassal) -> dict:
    gagal = job.items.filter(status=CetakMassalItem.Status.GAGAL).select_related("pegawai").order_by("pegawai__nama")
    return {"job": job, "progres": progres(job), "gagal": gagal if job.is_selesai else []}


@hr_required
@require_POST
def cetak_coba_lagi(request, pk):
    """*Coba lagi* on a stalled job: only the documents not printed yet (or just the ZIP) are queued."""
    job = get_object_or_404(_jobs_for(request.user), pk=pk)
    try:
        if cetak_massal_retry(job=job, oleh=request.user):
            messages.success(request, _("Cetak massal dilanjutkan: hanya dokumen yang belum tercetak yang diproses."))
    except CetakSudahBerjalan as exc:
        messages.info(request, _("Cetak massal yang sama masih berjalan; berikut kemajuannya."))
        return redirect("notifikasi:cetak-detail", exc.job.pk)
    except ValidationError as exc:
        error_message(request, exc, level=messages.WARNING)
    return redirect("notifikasi:cetak-detail", job.pk)


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
