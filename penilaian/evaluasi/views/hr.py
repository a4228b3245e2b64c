"""HR: completion of one period per unit, and who has not submitted yet."""
from django.shortcuts import render

from kinerja.web import id_param, paginate, tahun_param
from pegawai.decorators import hr_required, instansi_for

from ... import ringkasan
from .. import selectors
from ..kelengkapan import kelengkapan, perangkat_daerah


@hr_required
def rekap(request):
    instansi, tahun = instansi_for(request), tahun_param(request)
    periodes = selectors.periode_of_year(instansi.pk, tahun) if instansi else []
    pk = id_param(request, "periode")
    periode = next((p for p in periodes if p.pk == pk), None) or next(
        (p for p in periodes if not p.terkunci()), periodes[-1] if periodes else None)
    ctx = {"instansi": instansi, "tahun": tahun, "periodes": periodes, "periode": periode}
    if periode is not None:
        unit_id = id_param(request, "unit")
        ctx["unit_id"] = unit_id
        pilihan = list(perangkat_daerah(instansi.pk))
        induk_id = id_param(request, "induk")
        induk = next((u for u in pilihan if u.pk == induk_id), None)
        baris, jumlah = kelengkapan(instansi.pk, periode, induk)
        ctx["diperbarui"] = ringkasan.diperbarui(instansi.pk, periode.tahun)
        ctx.update({"perangkat_daerah": pilihan, "induk": induk, "jumlah": jumlah})
        ctx["page_obj"] = paginate(request, baris, 50)
        if unit_id:
            ctx["belum"] = paginate(request, selectors.belum_mengajukan(instansi.pk, periode, unit_id), 50, param="hal")
    return render(request, "penilaian/evaluasi/rekap.html", ctx)
