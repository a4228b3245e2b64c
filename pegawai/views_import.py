"""HR page for the CSV import: upload → preview (every error listed) → confirm."""
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kinerja import impor
from kinerja.once import submit_once

from . import access
from .decorators import hr_required, instansi_for
from .forms import ImportPegawaiForm
from .importer import COLUMNS, REQUIRED, ImportFileError, import_file, preview_labels, validate_file
from .models import Instansi

SESSION_KEY = "import_pegawai"
SESSION_AKUN = "import_pegawai_akun"  # the pegawai of the last import, for their logins (views_import_akun)


def instansi_staged(request, staged, kembali):
    """The staged import's instansi (an admin picks it with ?instansi=) while it is still in the user's scope;
    else a message and the way back."""
    instansi = Instansi.objects.filter(pk=staged["instansi"]).first()
    r = access.peran(request.user)
    if instansi is None or not (r.is_admin or instansi.pk == r.instansi_id):
        messages.error(request, _("Instansi berubah sejak berkas diunggah. Unggah berkas lagi."))
        return redirect(kembali)
    return instansi


@hr_required
def import_upload(request):
    instansi = instansi_for(request)
    if instansi is None:
        messages.error(request, _("Belum ada instansi. Tambahkan instansi melalui Admin Django terlebih dahulu."))
        return redirect("pegawai:hr-home")
    form = ImportPegawaiForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["berkas"].read()
        try:
            result = validate_file(data, instansi=instansi)
        except ImportFileError as exc:
            form.add_error("berkas", str(exc))
        else:
            return impor.pratinjau(
                request, "pegawai/import_preview.html", nama=form.cleaned_data["berkas"].name,
                token=impor.simpan(request, SESSION_KEY, data, instansi=instansi.pk), baris=result.rows,
                galat=len(result.errors), siap=result.ok, batas=50, label=preview_labels, result=result,
                konfirmasi="pegawai:import-confirm", kembali="pegawai:import")
    return render(
        request,
        "pegawai/import_upload.html",
        {
            "form": form,
            "instansi": instansi,
            "columns": COLUMNS,
            "required": REQUIRED,
        },
    )


@hr_required
@submit_once
def import_confirm(request):
    instansi_pk = (request.session.get(SESSION_KEY) or {}).get("instansi")
    result = impor.konfirmasi(
        request, SESSION_KEY, kembali="pegawai:import", galat_berkas=(ImportFileError,),
        cek=lambda staged: instansi_staged(request, staged, "pegawai:import"),
        jalankan=lambda data, instansi: import_file(data, instansi=instansi, oleh=request.user))
    if not impor.disimpan(result):
        return result
    messages.success(request, _("%(n)d pegawai berhasil diimpor.") % {"n": result.created})
    request.session[SESSION_AKUN] = {"instansi": instansi_pk, "ids": result.ids}
    return redirect("pegawai:import-akun")
