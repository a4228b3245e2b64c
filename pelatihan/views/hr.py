"""HR screens: the verification queue (verify several at once) and the JP report per unit with CSV."""
import csv

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.ekspor import sel_aman
from kinerja.web import id_list, paginate, tahun_param
from pegawai import access
from pegawai.decorators import hr_required, instansi_for
from penilaian.tindak_lanjut import Kategori

from .. import selectors, services
from ..batas_jp import tandai_batas
from ..filters import LaporanFilter, RiwayatFilter
from ..forms import TolakForm
from ..models import RiwayatPengembangan

PER_HALAMAN = 25  # rows per table of the JP report


@hr_required
def antrean(request):
    """Records waiting for verification in HR's instansi, oldest first."""
    qs = (
        selectors.riwayat_to_verify(request.user)
        .filter(status=RiwayatPengembangan.Status.DIAJUKAN)
        .order_by("dibuat_pada", "pk")
    )
    f = RiwayatFilter(request.GET, queryset=qs, units=access.units_managed_by(request.user).order_by("kode"))
    page = paginate(request, f.qs, 50)
    page.object_list = tandai_batas(page.object_list)  # the PPPK JP cap, shown before verifying
    return render(request, "pelatihan/antrean.html", {"filter": f, "page_obj": page, "tolak_form": TolakForm()})


@hr_required
@require_POST
def antrean_verifikasi(request):
    ids = id_list(request.POST.getlist("ids"))
    if not ids:
        messages.warning(request, _("Pilih minimal satu riwayat untuk diverifikasi."))
        return redirect("pelatihan:antrean")
    # Only records in HR's scope are touched; ids outside it are silently ignored (never revealed).
    dipilih = selectors.riwayat_to_verify(request.user).filter(pk__in=ids)
    n = services.riwayat_verify_bulk(riwayat_list=list(dipilih), oleh=request.user)
    messages.success(request, _("%(n)d riwayat diverifikasi.") % {"n": n})
    return redirect("pelatihan:antrean")


def _laporan_qs(request, tahun):
    instansi = instansi_for(request)
    units = access.units_managed_by(request.user).filter(instansi=instansi).order_by("kode")
    base = access.pegawai_managed_by(request.user).filter(unit_kerja__instansi=instansi, aktif=True)
    f = LaporanFilter(request.GET, queryset=base, units=units)
    return instansi, f, selectors.with_jp_rekap(f.qs, tahun)


@hr_required
def laporan(request):
    """JP per unit (domain.md §8.3 dashboard): PNS reaching 20 JP, those below it, PPPK above the cap."""
    tahun = tahun_param(request)
    instansi, f, qs = _laporan_qs(request, tahun)
    ringkasan = selectors.ringkasan_per_unit(qs)
    # Pages of 25 units and 25 people: a whole instansi's 171 units in one table made the page 168 KB.
    unit_hal = paginate(request, ringkasan, PER_HALAMAN, param="hal_unit")
    unit_query = request.GET.copy()
    unit_query.pop("hal_unit", None)
    kurang = paginate(request, selectors.below_target(qs).order_by("unit_kerja__kode", "jp", "nama"), PER_HALAMAN)
    marks = selectors.penanda_per_pegawai([p.pk for p in kurang], tahun=tahun)
    total = {k: sum(getattr(r, k) for r in ringkasan) for k in ("n_pns", "n_tercapai", "n_pppk", "n_pppk_melebihi")}
    return render(
        request,
        "pelatihan/laporan.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "filter": f,
            "ringkasan": ringkasan,
            "unit_hal": unit_hal,
            "unit_query": unit_query.urlencode(),
            "total": total,
            "page_obj": kurang,
            "rows": [(p, selectors.status_of(p), marks.get(p.pk)) for p in kurang],
            "tahun_pilihan": range(tahun - 3, tahun + 2),
            "penanda": selectors.penanda_ringkas(qs, tahun=tahun),
        },
    )


@hr_required
def laporan_csv(request):
    """Every pegawai in scope with verified JP, rule and §5.2 mark; a fixed number of queries."""
    tahun = tahun_param(request)
    instansi, _f, qs = _laporan_qs(request, tahun)
    qs = qs.select_related("unit_kerja", "jabatan").order_by("unit_kerja__kode", "nama")
    marks = selectors.penanda_per_pegawai(qs.values("pk"), tahun=tahun)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="jp-{instansi.kode if instansi else "semua"}-{tahun}.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 correctly with a BOM
    w = csv.writer(response)
    w.writerow(
        [
            _("NIP"),
            _("Nama"),
            _("Status"),
            _("Unit kerja"),
            _("Jabatan"),
            _("JP terverifikasi"),
            _("Ketentuan"),
            _("Keterangan"),
            _("Tindak lanjut predikat"),
        ]
    )
    for p in qs.iterator(chunk_size=2000):
        s = selectors.status_of(p)
        ketentuan = _("minimal %(n)d JP") % {"n": s.batas} if s.is_target else _("maksimal %(n)d JP") % {"n": s.batas}
        if s.is_target:
            ket = _("tercapai") if s.tercapai else _("kurang %(n)d JP") % {"n": s.kurang}
        else:
            ket = _("melebihi batas") if s.melebihi else _("dalam batas")
        mark = marks.get(p.pk)
        w.writerow(
            [
                sel_aman(v)
                for v in (
                    p.nip,
                    p.nama_lengkap,
                    p.status,
                    p.unit_kerja.nama,
                    p.jabatan.nama if p.jabatan else "",
                    s.jp,
                    ketentuan,
                    ket,
                    Kategori(mark).label if mark else "",
                )
            ]
        )
    return response
