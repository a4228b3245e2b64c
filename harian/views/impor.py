"""The pegawai's import of daily entries: upload → preview (every row's reasons) → confirm; template download."""
import csv
import io

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja import impor as pementasan
from kinerja.once import submit_once
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
            return pementasan.pratinjau(
                request, "harian/impor_preview.html", nama=form.cleaned_data["berkas"].name,
                token=pementasan.simpan(request, SESSION_KEY, data, pegawai=me.pk), baris=hasil.rows,
                galat=len(hasil.errors), siap=hasil.ok, hasil=hasil,
                konfirmasi="harian:impor-konfirmasi", kembali="harian:impor")
    return render(request, "harian/impor_upload.html", {"form": form, "kolom": TEMPLAT_KOLOM, "wajib": WAJIB})


@pegawai_required
@submit_once
def impor_konfirmasi(request):
    me = access.peran(request.user).pegawai

    def cek(staged):  # a file staged under another login of this browser is not this pegawai's
        if staged.get("pegawai") != me.pk:
            messages.error(request, _("Tidak ada impor yang menunggu konfirmasi. Unggah berkas lagi."))
            return redirect("harian:impor")
        return me

    hasil = pementasan.konfirmasi(
        request, SESSION_KEY, kembali="harian:impor", galat_berkas=(ImportFileError,), cek=cek,
        jalankan=lambda data, pegawai: import_file(data, pegawai=pegawai, oleh=request.user))
    if not pementasan.disimpan(hasil):
        return hasil
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
