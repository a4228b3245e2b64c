"""HR page for the CSV import: upload → preview (every error listed) → confirm."""
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kinerja.once import SubmitOnceForm, submit_once
from kinerja.web import error_message

from . import access
from .decorators import hr_required, instansi_for
from .forms import ImportPegawaiForm
from .importer import COLUMNS, REQUIRED, ImportFileError, import_file, preview_labels, validate_file
from .models import Instansi

SESSION_KEY = "import_pegawai"
SESSION_AKUN = "import_pegawai_akun"  # the pegawai of the last import, for their logins (views_import_akun)


def _staging_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "impor"
    path.mkdir(parents=True, exist_ok=True)
    return path


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
            token = uuid.uuid4().hex
            (_staging_dir() / f"{token}.csv").write_bytes(data)
            request.session[SESSION_KEY] = {
                "token": token,
                "instansi": instansi.pk,
                "nama": form.cleaned_data["berkas"].name,
            }
            return render(
                request,
                "pegawai/import_preview.html",
                {
                    "result": result,
                    "preview": preview_labels(result.rows[:50]),
                    "instansi": instansi,
                    "nama": form.cleaned_data["berkas"].name,
                    "once_form": SubmitOnceForm(),
                },
            )
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
    staged = request.session.get(SESSION_KEY)
    if request.method != "POST" or not staged or request.POST.get("token") != staged["token"]:
        messages.error(request, _("Tidak ada impor yang menunggu konfirmasi. Unggah berkas lagi."))
        return redirect("pegawai:import")
    # The instansi chosen at upload (an admin picks it with ?instansi=), still within the user's scope.
    instansi = Instansi.objects.filter(pk=staged["instansi"]).first()
    r = access.peran(request.user)
    if instansi is None or not (r.is_admin or instansi.pk == r.instansi_id):
        request.session.pop(SESSION_KEY, None)
        messages.error(request, _("Instansi berubah sejak berkas diunggah. Unggah berkas lagi."))
        return redirect("pegawai:import")
    path = _staging_dir() / f"{staged['token']}.csv"
    try:
        result = import_file(path.read_bytes(), instansi=instansi, oleh=request.user)
    except (ImportFileError, FileNotFoundError):
        messages.error(request, _("Berkas impor tidak dapat dibaca lagi. Unggah berkas lagi."))
        return redirect("pegawai:import")
    except ValidationError as exc:  # a NIP of the file was saved by someone else meanwhile
        error_message(request, exc, suffix=_("Tidak ada yang disimpan. Unggah berkas lagi."))
        return redirect("pegawai:import")
    finally:
        path.unlink(missing_ok=True)
        request.session.pop(SESSION_KEY, None)
    if not result.ok:
        messages.error(
            request,
            _("Impor dibatalkan: data berubah dan kini ada %(n)d kesalahan. Tidak ada yang disimpan.")
            % {"n": len(result.errors)},
        )
        return redirect("pegawai:import")
    messages.success(request, _("%(n)d pegawai berhasil diimpor.") % {"n": result.created})
    request.session[SESSION_AKUN] = {"instansi": instansi.pk, "ids": result.ids}
    return redirect("pegawai:import-akun")
