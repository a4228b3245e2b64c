"""The pegawai's import of daily entries: upload → preview (every row's reasons) → confirm; template download."""
import csv
import io
import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.once import SubmitOnceForm, submit_once
from kinerja.web import error_message
from pegawai import access

from ..importer import TEMPLAT_KOLOM, WAJIB, ImportFileError, import_file, validate_file
from . import pegawai_required

SESSION_KEY = "impor_harian"
MAKS_BYTE = 5 * 1024 * 1024
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ImporForm(forms.Form):
    berkas = forms.FileField(label=gettext_lazy("Berkas CSV atau XLSX"),
                             help_text=gettext_lazy("Ekspor progres harian e-Kinerja atau lembar kerja dengan kolom "
                                                    "seperti templat; paling besar 5 MB."))

    def clean_berkas(self):
        f = self.cleaned_data["berkas"]
        if f.size > MAKS_BYTE:
            raise forms.ValidationError(_("Berkas terlalu besar (maksimal 5 MB)."))
        return f


def _staging() -> Path:
    path = Path(settings.MEDIA_ROOT) / "impor"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pegawai_required
def impor(request):
    me = access.peran(request.user).pegawai
    form = ImporForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["berkas"].read()
        try:
            hasil = validate_file(data, pegawai=me)
        except ImportFileError as exc:
            form.add_error("berkas", str(exc))
        else:
            token = uuid.uuid4().hex
            (_staging() / f"harian-{token}.bin").write_bytes(data)
            request.session[SESSION_KEY] = {"token": token, "pegawai": me.pk}
            return render(request, "harian/impor_preview.html", {
                "hasil": hasil, "preview": hasil.rows[:100], "nama": form.cleaned_data["berkas"].name,
                "token": token, "once_form": SubmitOnceForm(),
            })
    return render(request, "harian/impor_upload.html", {"form": form, "kolom": TEMPLAT_KOLOM, "wajib": WAJIB})


@pegawai_required
@submit_once
def impor_konfirmasi(request):
    me = access.peran(request.user).pegawai
    staged = request.session.get(SESSION_KEY)
    if (request.method != "POST" or not staged or staged.get("pegawai") != me.pk
            or request.POST.get("token") != staged.get("token")):
        messages.error(request, _("Tidak ada impor yang menunggu konfirmasi. Unggah berkas lagi."))
        return redirect("harian:impor")
    path = _staging() / f"harian-{staged['token']}.bin"
    try:
        hasil = import_file(path.read_bytes(), pegawai=me, oleh=request.user)
    except (ImportFileError, FileNotFoundError):
        messages.error(request, _("Berkas impor tidak dapat dibaca lagi. Unggah berkas lagi."))
        return redirect("harian:impor")
    except ValidationError as exc:  # an entry saved meanwhile now overlaps
        error_message(request, exc, suffix=_("Tidak ada yang disimpan. Unggah berkas lagi."))
        return redirect("harian:impor")
    finally:
        path.unlink(missing_ok=True)
        request.session.pop(SESSION_KEY, None)
    if not hasil.ok:
        messages.error(request, _("Impor dibatalkan: data berubah dan kini ada %(n)d kesalahan. Tidak ada yang "
                                  "disimpan.") % {"n": len(hasil.errors)})
        return redirect("harian:impor")
    messages.success(request, _("%(n)d kegiatan berhasil diimpor.") % {"n": hasil.created})
    return redirect("harian:saya")


@pegawai_required
def impor_templat(request):
    contoh = ["2026-03-02", "08:00", "09:30", "", _("Memverifikasi berkas usulan kenaikan pangkat"), "12", "berkas",
              "https://drive.contoh.go.id/bukti", ""]
    if request.GET.get("format") == "xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = "Progres Harian"
        ws.append(TEMPLAT_KOLOM)
        ws.append(contoh)
        buf = io.BytesIO()
        wb.save(buf)
        response = HttpResponse(buf.getvalue(), content_type=XLSX_TYPE)
        response["Content-Disposition"] = 'attachment; filename="templat-kegiatan-harian.xlsx"'
        return response
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="templat-kegiatan-harian.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(TEMPLAT_KOLOM)
    writer.writerow(contoh)
    return response
