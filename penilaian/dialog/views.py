"""Pages of the performance dialogue: feedback log, check-ins, bimbingan kinerja (+ B.1.8/B.1.9 PDFs)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.web import error_message, errors_to_form, paginate
from pegawai.access import peran
from penilaian.access import get_penilaian_for, get_skp_for, is_owner, is_penilai_of
from penilaian.models import (
    AksiTindakLanjut,
    Bimbingan,
    CheckIn,
    IndikatorKinerja,
    Penilaian,
    PerilakuKerja,
    RencanaHasilKerja,
)

from . import pdf, selectors, services
from .access import get_bimbingan_for, get_checkin_for, get_entri_for, is_pembimbing
from .format import KOMPETENSI_B19, PERNYATAAN_B18
from .forms import (
    AksiFormSet,
    BimbinganForm,
    CheckInForm,
    EvaluasiKompetensiForm,
    NotulenForm,
    RevisiForm,
    TanggapanForm,
    UmpanBalikBimbinganForm,
    UmpanBalikEntriForm,
    aksi_initial,
    aksi_rows,
    frasa_choices,
)


@login_required
def index(request):
    """The user's dialogue: upcoming check-ins, bimbingan sessions, and sessions proposed by a low predikat."""
    r = peran(request.user)
    return render(request, "penilaian/dialog/index.html", {
        "checkin": selectors.checkin_upcoming(request.user)[:20],
        "page_obj": paginate(request, selectors.bimbingan_list(request.user)),
        "usulan": selectors.usulan_bimbingan(request.user)[:50] if r.pegawai else [],
        "tim": selectors.umpan_balik_tim(request.user)[:100] if r.pegawai else [],
        "minta_tanggapan": selectors.menunggu_tanggapan(request.user)[:20],
    })


# --- feedback log -----------------------------------------------------------------------------------


def _target(penilaian: Penilaian, kunci: str) -> dict:
    jenis, _sep, pk = kunci.partition("-")
    if jenis == "rhk":
        return {"rhk": get_object_or_404(RencanaHasilKerja, pk=pk, skp_id=penilaian.skp_id)}
    if jenis == "iki":
        return {"iki": get_object_or_404(IndikatorKinerja, pk=pk, rhk__skp_id=penilaian.skp_id)}
    return {"perilaku": get_object_or_404(PerilakuKerja, pk=pk)}


@login_required
def umpan_balik(request, pk):
    """The dated feedback log of one evaluation; the penilai adds entries at any time of the period."""
    penilaian = get_penilaian_for(request.user, pk)
    penilai, owner = is_penilai_of(request.user, penilaian.skp), is_owner(request.user, penilaian.skp)
    targets = selectors.target_choices(penilaian)
    form = None
    if penilai:
        form = UmpanBalikEntriForm(request.POST or None, targets=targets, initial={
            "versi": penilaian.versi, "target": request.GET.get("target", "")})
        if request.method == "POST" and form.is_valid():
            d = form.cleaned_data
            try:
                services.umpan_balik_entri_add(
                    penilaian=penilaian, versi=d["versi"], oleh=request.user, frasa=d["frasa"], teks=d["teks"],
                    minta_tanggapan=d["minta_tanggapan"], **_target(penilaian, d["target"]))
            except ValidationError as exc:
                errors_to_form(form, exc)
            else:
                messages.success(request, _("Umpan balik tersimpan dan pegawai diberi tahu."))
                return redirect("penilaian:dialog-umpan-balik", penilaian.pk)
    elif request.method == "POST":
        raise Http404
    log = selectors.log_umpan_balik(penilaian)
    bisa_beri = penilai and penilaian.can_feedback
    if bisa_beri:
        pilihan = frasa_choices()
        for g in log:  # the current entry of each target can be revised
            e = g.entri[0]
            e.revisi_form = RevisiForm(auto_id=f"revisi-{e.pk}-%s", pilihan_frasa=pilihan, initial={
                "versi": penilaian.versi, "frasa": e.frasa, "teks": e.teks, "minta_tanggapan": e.minta_tanggapan})
    return render(request, "penilaian/dialog/umpan_balik.html", {
        "penilaian": penilaian, "skp": penilaian.skp, "is_penilai": penilai, "is_owner": owner, "form": form,
        "log": log, "bisa_beri": bisa_beri,
    })


@login_required
@require_POST
def umpan_balik_revisi(request, pk):
    entri = get_entri_for(request.user, pk, as_penilai=True)
    form = RevisiForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            services.umpan_balik_entri_add(penilaian=entri.penilaian, versi=d["versi"], oleh=request.user,
                                           frasa=d["frasa"], teks=d["teks"], minta_tanggapan=d["minta_tanggapan"],
                                           revisi_dari=entri)
        except ValidationError as exc:
            error_message(request, exc)
        else:
            messages.success(request, _("Revisi tersimpan; teks sebelumnya tetap terlihat."))
    else:
        messages.error(request, _("Isian revisi tidak valid."))
    return redirect("penilaian:dialog-umpan-balik", entri.penilaian_id)


@login_required
@require_POST
def umpan_balik_tanggapan(request, pk):
    entri = get_entri_for(request.user, pk, as_pegawai=True)
    form = TanggapanForm(request.POST)
    if form.is_valid():
        try:
            services.tanggapan_add(entri=entri, oleh=request.user, teks=form.cleaned_data["teks"])
        except ValidationError as exc:
            error_message(request, exc)
        else:
            messages.success(request, _("Tanggapan terkirim."))
    else:
        messages.error(request, _("Tuliskan tanggapan Anda."))
    return redirect("penilaian:dialog-umpan-balik", entri.penilaian_id)


# --- check-ins --------------------------------------------------------------------------------------


@login_required
def checkin_baru(request, penilaian_pk):
    penilaian = get_penilaian_for(request.user, penilaian_pk, as_penilai=True)
    form = CheckInForm(request.POST or None, initial={"agenda": services.agenda_default(penilaian)})
    if request.method == "POST" and form.is_valid():
        try:
            c = services.checkin_schedule(penilaian=penilaian, oleh=request.user, **form.cleaned_data)
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(request, _("Dialog kinerja dijadwalkan; pegawai diberi tahu."))
            return redirect("penilaian:dialog-checkin", c.pk)
    return render(request, "penilaian/dialog/checkin_form.html", {"penilaian": penilaian, "form": form})


@login_required
def checkin_ubah(request, pk):
    c = get_checkin_for(request.user, pk, as_penilai=True)
    form = CheckInForm(request.POST or None, initial={"jadwal": c.jadwal, "agenda": c.agenda})
    if request.method == "POST" and form.is_valid():
        try:
            services.checkin_schedule(penilaian=c.penilaian, oleh=request.user, checkin=c, **form.cleaned_data)
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(request, _("Jadwal dialog kinerja diperbarui."))
            return redirect("penilaian:dialog-checkin", c.pk)
    return render(request, "penilaian/dialog/checkin_form.html", {"penilaian": c.penilaian, "form": form,
                                                                  "checkin": c})


@login_required
def checkin_detail(request, pk):
    c = get_checkin_for(request.user, pk)
    penilai = is_penilai_of(request.user, c.penilaian.skp)
    ctx = {"c": c, "is_penilai": penilai, "aksi": list(c.aksi.select_related("item_rencana"))}
    if penilai and c.status != CheckIn.Status.BATAL:
        data = request.POST if request.method == "POST" else None
        form = NotulenForm(data, initial={"notulen": c.notulen})
        fs = AksiFormSet(data, prefix="aksi", initial=aksi_initial(c.aksi.filter(item_rencana__isnull=True)))
        if request.method == "POST" and form.is_valid() and fs.is_valid():
            try:
                services.checkin_record(checkin=c, oleh=request.user, notulen=form.cleaned_data["notulen"],
                                        aksi=aksi_rows(fs))
            except ValidationError as exc:
                errors_to_form(form, exc)
            else:
                messages.success(request, _("Notulen dialog kinerja tersimpan."))
                return redirect("penilaian:dialog-checkin", c.pk)
        ctx.update(form=form, formset=fs)
    elif request.method == "POST":
        raise Http404
    return render(request, "penilaian/dialog/checkin_detail.html", ctx)


@login_required
@require_POST
def checkin_batal(request, pk):
    c = get_checkin_for(request.user, pk, as_penilai=True)
    try:
        services.checkin_cancel(checkin=c, oleh=request.user)
    except ValidationError as exc:
        error_message(request, exc)
    else:
        messages.success(request, _("Dialog kinerja dibatalkan."))
    return redirect("penilaian:dialog-checkin", c.pk)


# --- bimbingan kinerja ------------------------------------------------------------------------------


def _bimbingan_form(request, skp, bimbingan=None, initial=None):
    data = request.POST if request.method == "POST" else None
    form = BimbinganForm(data, instance=bimbingan, initial=initial, instansi_id=skp.pegawai.unit_kerja.instansi_id)
    qs = bimbingan.aksi.filter(item_rencana__isnull=True) if bimbingan else AksiTindakLanjut.objects.none()
    return form, AksiFormSet(data, prefix="aksi", initial=aksi_initial(qs))


def _bimbingan_save(request, skp, form, fs, bimbingan=None, extra=None):
    if not (form.is_valid() and fs.is_valid()):
        return None
    data = {**form.cleaned_data, **(extra or {})}
    try:
        return services.bimbingan_save(skp=skp, oleh=request.user, data=data, aksi=aksi_rows(fs),
                                       bimbingan=bimbingan)
    except ValidationError as exc:
        errors_to_form(form, exc)
        return None


@login_required
def bimbingan_baru(request, skp_pk):
    skp = get_skp_for(request.user, skp_pk, approve=True)
    asal = None
    if request.GET.get("usulan") or request.POST.get("usulan"):
        asal = Penilaian.objects.filter(pk=request.GET.get("usulan") or request.POST.get("usulan"), skp=skp).first()
    me = peran(request.user).pegawai
    initial = {"pembimbing": me, "peran_pembimbing": Bimbingan.Peran.PIMPINAN, "tanggal": timezone.localdate()}
    if asal:
        initial["topik"] = _("Bimbingan kinerja atas predikat %(p)s tahun %(t)d") % {
            "p": asal.get_predikat_display(), "t": asal.periode.tahun}
    form, fs = _bimbingan_form(request, skp, initial=initial)
    if request.method == "POST":
        b = _bimbingan_save(request, skp, form, fs, extra={"penilaian_asal": asal})
        if b is not None:
            messages.success(request, _("Bimbingan kinerja tersimpan."))
            return redirect("penilaian:dialog-bimbingan", b.pk)
    return render(request, "penilaian/dialog/bimbingan_form.html", {"skp": skp, "form": form, "formset": fs,
                                                                    "asal": asal})


@login_required
def bimbingan_ubah(request, pk):
    b = get_bimbingan_for(request.user, pk, as_pembimbing=True)
    form, fs = _bimbingan_form(request, b.skp, bimbingan=b)
    if request.method == "POST":
        if _bimbingan_save(request, b.skp, form, fs, bimbingan=b) is not None:
            messages.success(request, _("Bimbingan kinerja tersimpan."))
            return redirect("penilaian:dialog-bimbingan", b.pk)
    return render(request, "penilaian/dialog/bimbingan_form.html", {"skp": b.skp, "form": form, "formset": fs,
                                                                    "bimbingan": b})


def _b18_rows(b: Bimbingan):
    ub = getattr(b, "umpan_balik_pegawai", None)
    if ub is None:
        return None
    return [(teks, ub.jawaban.get(kode)) for kode, teks in PERNYATAAN_B18]


@login_required
def bimbingan_detail(request, pk):
    b = get_bimbingan_for(request.user, pk)
    owner = is_owner(request.user, b.skp)
    pembimbing = is_pembimbing(request.user, b) or is_penilai_of(request.user, b.skp)
    b18_form = None
    if owner and b.status == Bimbingan.Status.SELESAI and _b18_rows(b) is None:
        b18_form = UmpanBalikBimbinganForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and b18_form.is_valid():
            try:
                services.bimbingan_umpan_balik_submit(bimbingan=b, oleh=request.user, jawaban=b18_form.jawaban(),
                                                      saran=b18_form.cleaned_data["saran"])
            except ValidationError as exc:
                errors_to_form(b18_form, exc)
            else:
                messages.success(request, _("Umpan balik pelaksanaan bimbingan tersimpan."))
                return redirect("penilaian:dialog-bimbingan", b.pk)
    elif request.method == "POST":
        raise Http404
    return render(request, "penilaian/dialog/bimbingan_detail.html", {
        "b": b, "is_owner": owner, "is_pembimbing": pembimbing, "b18_form": b18_form, "b18": _b18_rows(b),
        "b19": list(b.evaluasi_kompetensi.all()), "aksi": list(b.aksi.select_related("item_rencana")),
    })


@login_required
def bimbingan_evaluasi(request, pk):
    """Format B.1.9, filled (and corrected) by the pembimbing."""
    b = get_bimbingan_for(request.user, pk, as_pembimbing=True)
    ada = {e.kompetensi: e for e in b.evaluasi_kompetensi.all()}
    initial = {}
    for kode, _n in KOMPETENSI_B19:
        if kode in ada:
            initial[f"skala_{kode}"], initial[f"alasan_{kode}"] = ada[kode].skala, ada[kode].alasan
    form = EvaluasiKompetensiForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.bimbingan_evaluasi_save(bimbingan=b, oleh=request.user, baris=form.baris())
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(request, _("Evaluasi kompetensi tersimpan."))
            return redirect("penilaian:dialog-bimbingan", b.pk)
    return render(request, "penilaian/dialog/bimbingan_evaluasi.html", {"b": b, "form": form})


@login_required
@require_POST
def bimbingan_batal(request, pk):
    b = get_bimbingan_for(request.user, pk, as_pembimbing=True)
    try:
        services.bimbingan_cancel(bimbingan=b, oleh=request.user)
    except ValidationError as exc:
        error_message(request, exc)
    else:
        messages.success(request, _("Bimbingan kinerja dibatalkan."))
    return redirect("penilaian:dialog-bimbingan", b.pk)


@login_required
def bimbingan_pdf(request, pk, format):
    b = get_bimbingan_for(request.user, pk)
    if format not in pdf.DOKUMEN:
        raise Http404
    isi = pdf.DOKUMEN[format](b, lang=request.LANGUAGE_CODE)
    resp = HttpResponse(isi, content_type="application/pdf")
    resp["Content-Disposition"] = f'inline; filename="bimbingan-{b.pk}-{format}.pdf"'
    return resp


@login_required
@require_POST
def aksi_rencana(request, pk):
    """An agreed action becomes an item of the pegawai's development plan."""
    aksi = get_object_or_404(AksiTindakLanjut.objects.select_related("bimbingan", "checkin"), pk=pk)
    if aksi.bimbingan_id:
        get_bimbingan_for(request.user, aksi.bimbingan_id, as_pembimbing=True)
        kembali = ("penilaian:dialog-bimbingan", aksi.bimbingan_id)
    else:
        get_checkin_for(request.user, aksi.checkin_id, as_penilai=True)
        kembali = ("penilaian:dialog-checkin", aksi.checkin_id)
    try:
        services.aksi_to_rencana(aksi=aksi, oleh=request.user)
    except ValidationError as exc:
        error_message(request, exc)
    else:
        messages.success(request, _("Aksi ditambahkan ke rencana pengembangan kompetensi."))
    return redirect(*kembali)
