"""Shared pieces of the evaluation views: year choice, the evaluation page context, htmx detection."""
from django.shortcuts import render
from django.utils import timezone

from kinerja.web import is_htmx, tahun_param  # noqa: F401 (is_htmx: older imports)
from penilaian.access import is_owner, is_penilai_of
from penilaian.kurva import PredikatOrganisasi
from penilaian.models import Penilaian
from penilaian.predikat import MATRIKS, Predikat
from penilaian.rekan.selectors import agregat_masukan

from .. import selectors
from ..forms import IsianForm, KembalikanForm, RatingForm
from ..periode import bukaan_aktif
from ..services import DAPAT_DINILAI, ISIAN_TERBUKA, rating_hasil_pimpinan

S = Penilaian.Status


def tahun_dari(request) -> int:
    return tahun_param(request)


def matriks_json() -> dict:
    """The §3.4 matrix for the live predikat preview; the server still derives the stored value."""
    return {h.value: {p.value: {"kode": v.value, "label": str(v.label)} for p, v in row.items()}
            for h, row in MATRIKS.items()}


def detail_context(request, penilaian: Penilaian, *, isian_form=None, rating_form=None) -> dict:
    user = request.user
    owner, penilai = is_owner(user, penilaian.skp), is_penilai_of(user, penilaian.skp)
    periode = penilaian.periode
    now = timezone.now()
    bukaan = bukaan_aktif(periode=periode, pegawai_id=penilaian.skp.pegawai_id, now=now)
    terkunci = periode.terkunci(now) and bukaan is None
    data = selectors.penilaian_detail(penilaian)
    can_edit = owner and penilaian.status in ISIAN_TERBUKA and not terkunci
    rating_tetap, capaian = rating_hasil_pimpinan(penilaian)
    ctx = {
        "penilaian": penilaian, "skp": penilaian.skp, "periode": periode, "is_owner": owner, "is_penilai": penilai,
        "terkunci": terkunci, "bukaan": bukaan, "can_edit": can_edit,
        "can_feedback": penilai and not penilaian.is_final and not terkunci,
        "can_rate": penilai and penilaian.status in DAPAT_DINILAI and not terkunci,
        "rating_tetap": rating_tetap, "capaian": PredikatOrganisasi(capaian).label if capaian else "", **data,
        "predikat_label": Predikat(penilaian.predikat).label if penilaian.predikat else "",
        "matriks_json": matriks_json(),
    }
    frasa = data["frasa"]
    for b in data["baris_rhk"]:
        b.target, b.pilihan = f"rhk-{b.rhk.pk}", frasa.get(None, [])
    for bp in data["baris_perilaku"]:
        bp.target, bp.pilihan = f"perilaku-{bp.perilaku.pk}", frasa.get(bp.perilaku.pk, [])
    if can_edit:
        form = isian_form or IsianForm(initial={"versi": penilaian.versi}, baris_rhk=data["baris_rhk"])
        ctx["isian_form"] = form
        # Values come from the bound form when re-rendering, so typed text survives a conflict.
        for b in data["baris_rhk"]:
            b.ra_value = form[f"ra_{b.rhk.pk}"].value()
            for bi in b.iki:
                field = form[f"real_{bi.iki.pk}"]
                bi.value, bi.errors = field.value(), field.errors
    if ctx["can_rate"]:
        ctx["rating_form"] = rating_form or RatingForm(initial={
            "versi": penilaian.versi, "rating_hasil": rating_tetap or penilaian.rating_hasil,
            "rating_perilaku": penilaian.rating_perilaku})
        ctx["kembalikan_form"] = KembalikanForm(initial={"versi": penilaian.versi})
    if penilai:
        ctx["sebelumnya"], ctx["berikutnya"] = selectors.neighbours(user, penilaian)
        # Peer input is advice next to the rating form, for the penilai only (domain.md §6).
        ctx["tampil_agregat_rekan"] = True
        ctx["agregat"] = agregat_masukan(penilaian)
    if periode.is_tahunan:
        ctx["rekap"] = [p for p in selectors.rekap_tahunan(penilaian) if p.pk != penilaian.pk]
    return ctx


def render_detail(request, penilaian: Penilaian, *, status: int = 200, **forms):
    return render(request, "penilaian/evaluasi/detail.html", detail_context(request, penilaian, **forms), status=status)
