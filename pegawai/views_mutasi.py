"""HR pages for mutasi/promosi: one move with a confirmation step, and the CSV import of moves."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kinerja import impor
from kinerja.once import submit_once

from . import access
from .decorators import hr_required, instansi_for
from .forms_mutasi import ImportMutasiForm, MutasiForm
from .importer import ImportFileError
from .importer_mutasi import COLUMNS, CONTOH, REQUIRED, import_moves, validate_moves
from .mutasi import pegawai_move, pegawai_move_plan
from .views_import import instansi_staged

SESSION_KEY = "import_mutasi"


@hr_required
@submit_once
def pegawai_mutasi(request, pk):
    """Form → confirmation (what will happen) → one atomic move (pegawai.mutasi)."""
    pegawai = access.get_pegawai_for(request.user, pk, manage=True)
    form = MutasiForm(request.POST or None, pegawai=pegawai)
    if request.method == "POST" and form.is_valid() and not request.POST.get("ubah"):
        try:
            if request.POST.get("konfirmasi") == "1":
                hasil = pegawai_move(pegawai=pegawai, oleh=request.user, **form.service_kwargs())
                messages.success(request, _("Perpindahan %(nama)s dicatat; SKP baru (draf) mulai %(tmt)s.")
                                 % {"nama": pegawai.nama, "tmt": hasil.skp_baru.tanggal_mulai.strftime("%d-%m-%Y")})
                return redirect("pegawai:detail", pk=pegawai.pk)
            plan = pegawai_move_plan(pegawai=pegawai, **form.service_kwargs())
        except ValidationError as exc:
            for pesan in exc.messages:
                form.add_error(None, pesan)
        else:
            return render(request, "pegawai/mutasi_konfirmasi.html", {"form": form, "pegawai": pegawai, "plan": plan})
    return render(request, "pegawai/mutasi_form.html", {"form": form, "pegawai": pegawai})


@hr_required
def mutasi_import_template(request):
    response = HttpResponse(",".join(COLUMNS) + "\r\n" + ",".join(CONTOH) + "\r\n", content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="templat-mutasi.csv"'
    return response


@hr_required
def mutasi_import_upload(request):
    instansi = instansi_for(request)
    if instansi is None:
        messages.error(request, _("Belum ada instansi. Tambahkan instansi melalui Admin Django terlebih dahulu."))
        return redirect("pegawai:hr-home")
    form = ImportMutasiForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["berkas"].read()
        try:
            result = validate_moves(data, instansi=instansi)
        except ImportFileError as exc:
            form.add_error("berkas", str(exc))
        else:
            return impor.pratinjau(
                request, "pegawai/mutasi_import_preview.html", nama=form.cleaned_data["berkas"].name,
                token=impor.simpan(request, SESSION_KEY, data, instansi=instansi.pk), baris=result.rows,
                galat=len(result.errors), siap=result.ok, batas=50, result=result,
                konfirmasi="pegawai:mutasi-import-confirm", kembali="pegawai:mutasi-import")
    return render(request, "pegawai/mutasi_import_upload.html", {
        "form": form, "instansi": instansi, "columns": COLUMNS, "required": REQUIRED,
    })


@hr_required
@submit_once
def mutasi_import_confirm(request):
    result = impor.konfirmasi(
        request, SESSION_KEY, kembali="pegawai:mutasi-import", galat_berkas=(ImportFileError,),
        cek=lambda staged: instansi_staged(request, staged, "pegawai:mutasi-import"),
        jalankan=lambda data, instansi: import_moves(data, instansi=instansi, oleh=request.user))
    if not impor.disimpan(result):
        return result
    messages.success(request, _("%(n)d mutasi/promosi berhasil dicatat.") % {"n": result.created})
    return redirect("pegawai:list")
