"""Shared pieces of the evaluation views: the evaluation page context."""
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from harian.selectors import rollup_per_iki
from kinerja.dwibahasa import frasa_dalam_bahasa
from penilaian.access import is_owner, is_penilai_of
from penilaian.kurva import PredikatOrganisasi
from penilaian.models import Penilaian
from penilaian.predikat import MATRIKS, Predikat
from penilaian.rekan.selectors import agregat_masukan

from .. import selectors
from ..forms import BuktiForm, IsianForm, KembalikanForm, RatingForm
from ..periode import bukaan_aktif
from ..services import rating_hasil_pimpinan
from ..urutan import alasan_belum_final

S = Penilaian.Status


def matriks_json() -> dict:
    """The §3.4 matrix for the live predikat preview; the server still derives the stored value."""
    return {h.value: {p.value: {"kode": v.value, "label": str(v.label)} for p, v in row.items()}
            for h, row in MATRIKS.items()}


def _pilihan(frasa: list[tuple[str, str]], ub) -> list[tuple[str, str]]:
    """The phrase picklist as (stored value, label); a stored phrase since taken off the list stays selectable."""
    if ub is None or not ub.frasa or ub.frasa in {nilai for nilai, _label in frasa}:
        return frasa
    return [*frasa, (ub.frasa, frasa_dalam_bahasa(ub.frasa))]


def detail_context(request, penilaian: Penilaian, *, isian_form=None, rating_form=None) -> dict:
    user = request.user
    owner, penilai = is_owner(user, penilaian.skp), is_penilai_of(user, penilaian.skp)
    periode = penilaian.periode
    now = timezone.now()
    bukaan = bukaan_aktif(periode=periode, pegawai_id=penilaian.skp.pegawai_id, now=now)
    terkunci = periode.terkunci(now) and bukaan is None
    data = selectors.penilaian_detail(penilaian)
    # The daily-log roll-up per IKI is composed here, so the evaluation selectors do not read harian.
    rollup = rollup_per_iki(penilaian) or {}
    for b in data["baris_rhk"]:
        for bi in b.iki:
            bi.rollup = rollup.get(bi.iki.pk)
    can_edit = owner and penilaian.can_isi and not terkunci
    ctx = {
        "skp": penilaian.skp, "periode": periode, "is_owner": owner, "is_penilai": penilai, "terkunci": terkunci,
        "bukaan": bukaan, "can_edit": can_edit, "can_feedback": penilai and penilaian.can_feedback and not terkunci,
        **data, "matriks_json": matriks_json(),
        **rating_context(penilaian, penilai=penilai, terkunci=terkunci, rating_form=rating_form),
    }
    frasa = data["frasa"]
    for b in data["baris_rhk"]:
        b.target, b.pilihan = f"rhk-{b.rhk.pk}", _pilihan(frasa.get(None, []), b.umpan_balik)
    for bp in data["baris_perilaku"]:
        bp.target, bp.pilihan = f"perilaku-{bp.perilaku.pk}", _pilihan(frasa.get(bp.perilaku.pk, []), bp.umpan_balik)
    if can_edit:
        form = isian_form or IsianForm(initial={"versi": penilaian.versi}, baris_rhk=data["baris_rhk"])
        ctx["isian_form"] = form
        # Each row renders its own bound field (widget, id, label, errors); a re-rendered form keeps what
        # the user typed, and a number in value= is never localised.
        for b in data["baris_rhk"]:
            b.ra_field = form[f"ra_{b.rhk.pk}"]
            for bi in b.iki:
                bi.field, bi.bukti_form = form[f"real_{bi.iki.pk}"], BuktiForm(iki=bi.iki)
    if penilai:
        ctx["sebelumnya"], ctx["berikutnya"] = selectors.neighbours(user, penilaian)
        # Peer input is advice next to the rating form, for the penilai only (domain.md §6).
        ctx["tampil_agregat_rekan"] = True
        ctx["agregat"] = agregat_masukan(penilaian)
    if periode.is_tahunan:
        ctx["rekap"] = [p for p in selectors.rekap_tahunan(penilaian) if p.pk != penilaian.pk]
        ctx["skp_sebelumnya"] = selectors.hasil_skp_sebelumnya(penilaian)  # domain.md §11.2 rule 1
    return ctx


def rating_context(penilaian: Penilaian, *, penilai: bool, terkunci: bool, rating_form=None) -> dict:
    """What the rating card (``_rating.html``) shows; its htmx answer renders only this, not the page."""
    rating_tetap, capaian = rating_hasil_pimpinan(penilaian)
    ctx = {"penilaian": penilaian, "can_rate": penilai and penilaian.can_rate and not terkunci,
           "rating_tetap": rating_tetap, "capaian": PredikatOrganisasi(capaian).label if capaian else "",
           "predikat_label": Predikat(penilaian.predikat).label if penilaian.predikat else ""}
    if ctx["can_rate"]:
        ctx["urutan_ditolak"] = alasan_belum_final(penilaian)  # the Finalkan button says why it is disabled
        ctx["rating_form"] = rating_form or RatingForm(rating_tetap=rating_tetap, initial={
            "versi": penilaian.versi, "rating_hasil": rating_tetap or penilaian.rating_hasil,
            "rating_perilaku": penilaian.rating_perilaku})
        ctx["kembalikan_form"] = KembalikanForm(initial={"versi": penilaian.versi})
    return ctx


def rating_card_context(request, penilaian: Penilaian, *, rating_form=None) -> dict:
    """The rating card after a post: the same checks as the page (period lock, penilai), nothing else."""
    return rating_context(penilaian, penilai=is_penilai_of(request.user, penilaian.skp),
                          terkunci=not _terbuka(penilaian, timezone.now()), rating_form=rating_form)


def bukti_context(request, penilaian: Penilaian, iki_pk: int, *, pesan: str = "", ok: bool = True, form=None) -> dict:
    """The evidence cell of one IKI, for the htmx partial after adding or removing a bukti dukung."""
    bi = selectors.baris_iki(penilaian, iki_pk)
    if bi is None:
        raise Http404
    bi.pesan, bi.ok = pesan, ok
    # After a refusal the link and note stay in the inputs (a file input cannot be refilled).
    bi.bukti_form = form if form is not None and not ok else BuktiForm(iki=bi.iki)
    can_edit = is_owner(request.user, penilaian.skp) and _isian_terbuka(penilaian, timezone.now())
    return {"penilaian": penilaian, "bi": bi, "can_edit": can_edit, "oob": True}


def _terbuka(penilaian: Penilaian, now) -> bool:
    """The period takes input: before its deadline, or reopened by HR for this pegawai."""
    periode = penilaian.periode
    return not periode.terkunci(now) or bukaan_aktif(periode=periode, pegawai_id=penilaian.skp.pegawai_id,
                                                     now=now) is not None


def _isian_terbuka(penilaian: Penilaian, now) -> bool:
    return penilaian.can_isi and _terbuka(penilaian, now)


def render_detail(request, penilaian: Penilaian, *, status: int = 200, **forms):
    return render(request, "penilaian/evaluasi/detail.html", detail_context(request, penilaian, **forms), status=status)
