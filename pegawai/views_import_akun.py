"""After a CSV import: the template to fill, the preview labels, and one action for every login.

"Buat akun untuk semua pegawai hasil impor" creates the logins of the batch (pegawai.akun_massal) and
answers with the credential slips as one PDF; the temporary passwords are not kept anywhere else.
"""
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import access
from .akun_massal import BATAS_PER_AKSI, akun_create_bulk, pegawai_tanpa_akun, render_slip_pdf
from .decorators import hr_required, instansi_for
from .importer import COLUMNS
from .models import Jabatan
from .views_import import SESSION_AKUN

# One example row: every column of COLUMNS, the formats the importer reads.
CONTOH = {
    "nip": "198505172010011003", "nama": "Budi Santoso", "gelar_depan": "", "gelar_belakang": "S.E.",
    "status": "PNS", "jenis_kelamin": "L", "tanggal_lahir": "1985-05-17", "golongan": "III/b",
    "jabatan": "Analis Kebijakan Ahli Pertama", "unit_kerja": "KODE-UNIT", "atasan_nip": "",
    "email": "budi.santoso@example.go.id",
}


@hr_required
def import_template(request):
    """The CSV header the import reads and one example row (its unit code taken from the HR's instansi)."""
    contoh = dict(CONTOH)
    instansi = instansi_for(request)
    unit = access.units_managed_by(request.user).filter(instansi=instansi, aktif=True).order_by("kode").first()
    if unit is not None:
        contoh["unit_kerja"] = unit.kode
    jabatan = Jabatan.objects.order_by("nama").first()
    if jabatan is not None and not Jabatan.objects.filter(nama=contoh["jabatan"]).exists():
        contoh["jabatan"] = jabatan.nama
    body = ",".join(COLUMNS) + "\r\n" + ",".join(_csv_cell(contoh[c]) for c in COLUMNS) + "\r\n"
    response = HttpResponse(body.encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="templat-pegawai.csv"'
    return response


def _csv_cell(value: str) -> str:
    return f'"{value}"' if "," in value or '"' in value else value


def _batch(request):
    """The pegawai of the last import still in HR's scope, or None."""
    staged = request.session.get(SESSION_AKUN)
    if not staged:
        return None
    return access.pegawai_managed_by(request.user).filter(
        pk__in=staged["ids"], unit_kerja__instansi_id=staged["instansi"])


@hr_required
def import_akun(request):
    qs = _batch(request)
    ctx = {"batas": BATAS_PER_AKSI, "ada_batch": qs is not None}
    if qs is not None:
        ctx["jumlah"] = qs.count()
        ctx["tanpa_akun"] = pegawai_tanpa_akun(qs).count()
    return render(request, "pegawai/import_akun.html", ctx)


@hr_required
@require_POST
def import_akun_buat(request):
    qs = _batch(request)
    if qs is None:
        messages.error(request, _("Tidak ada hasil impor yang menunggu akun. Impor berkas terlebih dahulu."))
        return redirect("pegawai:import-akun")
    slips, dilewati = akun_create_bulk(pegawai_qs=qs, oleh=request.user)
    if dilewati:
        messages.warning(request, _("%(n)d NIP sudah dipakai sebagai nama pengguna akun lain dan dilewati: %(nip)s.")
                         % {"n": len(dilewati), "nip": ", ".join(dilewati[:20])})
    if not slips:
        messages.info(request, _("Semua pegawai hasil impor sudah memiliki akun."))
        return redirect("pegawai:import-akun")
    pdf = render_slip_pdf(slips, instansi=instansi_for(request), lang=get_language())
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="slip-akun-kinerja.pdf"'
    response["Cache-Control"] = "no-store"  # the temporary passwords must not stay in any cache
    return response
