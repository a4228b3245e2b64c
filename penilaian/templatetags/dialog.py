"""``{% dialog_riwayat penilaian %}``: the dialogue history partial, so the evaluation and keberatan pages
need one line each (the partial reads its own data, in a fixed number of queries)."""
from django import template

from penilaian.access import is_penilai_of
from penilaian.dialog.format import nama_kompetensi as _nama_kompetensi
from penilaian.models import Bimbingan, CheckIn, UmpanBalikEntri

register = template.Library()


@register.inclusion_tag("penilaian/dialog/_riwayat.html", takes_context=True)
def dialog_riwayat(context, penilaian):
    user = context["request"].user
    return {
        "penilaian": penilaian,
        "is_penilai": is_penilai_of(user, penilaian.skp),
        "checkin": list(CheckIn.objects.filter(penilaian=penilaian).order_by("-jadwal")[:10]),
        "bimbingan": list(Bimbingan.objects.filter(skp_id=penilaian.skp_id).select_related("pembimbing")
                          .order_by("-tanggal")[:10]),
        "jumlah_entri": UmpanBalikEntri.objects.filter(penilaian=penilaian).count(),
    }


@register.filter
def nama_kompetensi(kode: str) -> str:
    return _nama_kompetensi(kode)
