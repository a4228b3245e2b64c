"""PDF documents in the official layouts (style.md §6): pure ``render_<dokumen>(obj) -> bytes``.

Each document is built in two steps so callers can tell whether the data changed without paying for
WeasyPrint: ``html_<dokumen>(obj)`` renders the template (cheap) and ``html_to_pdf(html)`` lays it out.
Identities come from the snapshot frozen at submission/finalisation (domain.md §3.2) and fall back to
live data when it is empty. Fonts are the project's DejaVu files, so output is the same everywhere.
"""
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import translation

from kinerja.format import hari_bulan, rentang
from kinerja.format import tanggal as format_tanggal
from pegawai.identitas import PERAN, RELASI, baris, identitas_non_asn, identitas_pegawai
from pegawai.models import Pegawai, UnitKerja

from .kurva import PredikatOrganisasi, pengecualian_unit_kecil
from .models import (
    CapaianOrganisasi,
    IndikatorKinerja,
    Penilaian,
    PerilakuKerja,
    Periode,
    RencanaHasilKerja,
    Skp,
)
from .predikat import Predikat, Rating
from .rekan.selectors import populasi_distribusi

FONT_DIR = Path(settings.BASE_DIR) / "static" / "fonts"
# X axis of the distribution chart, lowest first (domain.md §3.2 "POLA DISTRIBUSI").
URUTAN_KURVA = [Predikat.SANGAT_KURANG, Predikat.KURANG, Predikat.BUTUH_PERBAIKAN, Predikat.BAIK, Predikat.SANGAT_BAIK]


def html_to_pdf(html: str) -> bytes:
    from weasyprint import (
        HTML,  # imported lazily: loading pango costs ~0.3 s and most requests never print
    )

    return HTML(string=html, base_url=FONT_DIR.as_uri() + "/").write_pdf()


def _render(template: str, ctx: dict, lang: str | None) -> str:
    with translation.override(lang or settings.LANGUAGE_CODE):
        return render_to_string(template, {"font_dir": FONT_DIR.as_uri(), **ctx})


# --- identities -------------------------------------------------------------------------------------

def _identitas_skp(skp: Skp, snapshot: dict | None = None) -> dict:
    """The frozen block (pegawai.identitas shape), live data for a role it does not hold; plus the rows
    every PDF prints: ``baris`` per role and ``dua_kolom`` (pegawai beside penilai, the §1.3 table)."""
    snap = snapshot or skp.snapshot or {}
    atasan_penilai = skp.atasan_penilai or (skp.pejabat_penilai.atasan if skp.pejabat_penilai else None)
    ident = {
        "pegawai": snap.get("pegawai") or identitas_pegawai(skp.pegawai),
        "penilai": snap.get("penilai") or identitas_non_asn(skp.pejabat_penilai_non_asn)
        or identitas_pegawai(skp.pejabat_penilai),
        "atasan_penilai": snap.get("atasan_penilai") or identitas_non_asn(skp.atasan_penilai_non_asn)
        or identitas_pegawai(atasan_penilai),
    }
    ident["baris"] = {peran: baris(ident[peran]) for peran in PERAN}
    ident["dua_kolom"] = list(zip(ident["baris"]["pegawai"], ident["baris"]["penilai"], strict=True))
    return ident


def _instansi(skp: Skp):
    return skp.pegawai.unit_kerja.instansi


def _periode_skp(skp: Skp) -> str:
    a, b = skp.tanggal_mulai, skp.tanggal_selesai
    return f"{hari_bulan(a).upper()} SD {hari_bulan(b).upper()} TAHUN {b.year}"


def _skp_qs():
    orang = ("pegawai", "pejabat_penilai", "pejabat_penilai__atasan", "atasan_penilai")
    non_asn = ("pejabat_penilai_non_asn__instansi", "atasan_penilai_non_asn__instansi")
    return Skp.objects.select_related(*(f"{o}__{r}" for o in orang for r in RELASI), *non_asn).prefetch_related(
        Prefetch("rhk", RencanaHasilKerja.objects.select_related("induk").prefetch_related(
            Prefetch("iki", IndikatorKinerja.objects.order_by("urutan", "pk")))),
        "ekspektasi",
    )


def _rhk_groups(skp: Skp) -> list[dict]:
    groups = []
    for jenis, label in RencanaHasilKerja.Jenis.choices:
        rows = [r for r in skp.rhk.all() if r.jenis == jenis]
        groups.append({"label": label.upper(), "huruf": "AB"[len(groups)], "rhk": rows})
    return groups


def _perilaku(skp: Skp, umpan_balik: dict | None = None) -> list[dict]:
    ekspektasi = {e.perilaku_id: e.teks for e in skp.ekspektasi.all()}
    return [
        {"nama": p.nama, "indikator": [i.teks for i in p.indikator.all()], "ekspektasi": ekspektasi.get(p.pk, ""),
         "umpan_balik": (umpan_balik or {}).get(p.pk, "")}
        for p in PerilakuKerja.objects.prefetch_related("indikator")
    ]


# --- (a) SKP, domain.md §1.3 ---------------------------------------------------------------------------

def html_skp(skp: Skp, *, lang: str | None = None) -> str:
    skp = _skp_qs().get(pk=skp.pk)
    tanggal = skp.disetujui_pada or skp.diajukan_pada
    return _render("pdf/skp.html", {
        "skp": skp, "instansi": _instansi(skp), "ident": _identitas_skp(skp), "periode_teks": _periode_skp(skp),
        "groups": _rhk_groups(skp), "perilaku": _perilaku(skp),
        "tanggal": format_tanggal(tanggal),
    }, lang)


def render_skp(skp: Skp, *, lang: str | None = None) -> bytes:
    return html_to_pdf(html_skp(skp, lang=lang))


# --- (b) periodic evaluation, domain.md §3.2 ---------------------------------------------------------

def _penilaian_qs():
    return Penilaian.objects.select_related("periode", "skp").prefetch_related(
        "realisasi__bukti", "rencana_aksi", "umpan_balik", "undangan_rekan"
    )


def _capaian_organisasi(penilaian: Penilaian) -> str:
    kode = penilaian.capaian_organisasi
    if not kode:
        co = CapaianOrganisasi.objects.filter(
            unit_kerja_id=penilaian.skp.unit_kerja_id or penilaian.skp.pegawai.unit_kerja_id, periode=penilaian.periode
        ).first()
        kode = co.predikat if co else ""
    return str(PredikatOrganisasi(kode).label) if kode in PredikatOrganisasi.values else kode


def _label(choices, kode) -> str:
    return str(choices(kode).label) if kode in choices.values else ""


def _penilaian_ctx(penilaian: Penilaian) -> dict:
    penilaian = _penilaian_qs().get(pk=penilaian.pk)
    skp = _skp_qs().get(pk=penilaian.skp_id)
    realisasi = {r.iki_id: r for r in penilaian.realisasi.all()}
    aksi: dict[int, list] = {}
    for a in penilaian.rencana_aksi.all():
        aksi.setdefault(a.rhk_id, []).append(a)
    ub_rhk = {u.rhk_id: u for u in penilaian.umpan_balik.all() if u.rhk_id}
    ub_perilaku = {u.perilaku_id: f"{u.frasa} {u.teks}".strip() for u in penilaian.umpan_balik.all() if u.perilaku_id}
    groups = _rhk_groups(skp)
    for g in groups:
        for r in g["rhk"]:
            r.aksi_periode = aksi.get(r.pk, [])
            ub = ub_rhk.get(r.pk)
            r.umpan_balik_teks = f"{ub.frasa} {ub.teks}".strip() if ub else ""
            for iki in r.iki.all():
                iki.realisasi_periode = realisasi.get(iki.pk)
    tanggal = penilaian.final_pada
    return {
        "p": penilaian,
        "skp": skp,
        "instansi": _instansi(skp),
        "groups": groups,
        "ident": _identitas_skp(skp, penilaian.snapshot),
        "perilaku": _perilaku(skp, ub_perilaku),
        "capaian_organisasi": _capaian_organisasi(penilaian),
        "rating_hasil": _label(Rating, penilaian.rating_hasil),
        "rating_perilaku": _label(Rating, penilaian.rating_perilaku),
        "predikat": _label(Predikat, penilaian.predikat),
        "periode_penilaian": rentang(penilaian.periode.tanggal_mulai, penilaian.periode.tanggal_selesai),
        "tanggal": format_tanggal(tanggal),
    }


def html_penilaian(penilaian: Penilaian, *, lang: str | None = None) -> str:
    return _render("pdf/penilaian.html", _penilaian_ctx(penilaian), lang)


def render_penilaian(penilaian: Penilaian, *, lang: str | None = None) -> bytes:
    return html_to_pdf(html_penilaian(penilaian, lang=lang))


# --- (c) Dokumen Evaluasi Kinerja Pegawai, domain.md §3.5 ------------------------------------------


def html_dokumen_evaluasi(penilaian: Penilaian, *, lang: str | None = None) -> str:
    return _render("pdf/dokumen_evaluasi.html", _penilaian_ctx(penilaian), lang)


def render_dokumen_evaluasi(penilaian: Penilaian, *, lang: str | None = None) -> bytes:
    return html_to_pdf(html_dokumen_evaluasi(penilaian, lang=lang))


# --- (d) unit recap with the distribution chart, domain.md §3.2/§4 -----------------------------------


def rekap_rows(unit: UnitKerja, periode: Periode) -> list[Penilaian]:
    """The unit's distribution population (domain.md §11.2 rules 1 and 4), the same set the page counts."""
    return list(
        populasi_distribusi(unit, periode)
        .select_related("skp__pegawai__jabatan", "skp__pegawai__golongan")
        .order_by("skp__pegawai__nama", "pk")
    )


def distribusi(rows: list[Penilaian]) -> list[dict]:
    hitung = Counter(r.predikat for r in rows if r.predikat)
    puncak = max(hitung.values(), default=0) or 1
    return [
        {
            "label": str(p.label),
            "jumlah": hitung.get(p.value, 0),
            "persen": round(100 * hitung.get(p.value, 0) / puncak),
        }
        for p in URUTAN_KURVA
    ]


def html_rekap_unit(unit: UnitKerja, periode: Periode, *, lang: str | None = None) -> str:
    rows = rekap_rows(unit, periode)
    co = CapaianOrganisasi.objects.filter(unit_kerja=unit, periode=periode).first()
    kepala = Pegawai.objects.select_related(*RELASI).filter(pk=unit.kepala_id).first() if unit.kepala_id else None
    return _render(
        "pdf/rekap_unit.html",
        {
            "unit": unit,
            "periode": periode,
            "instansi": unit.instansi,
            "rows": rows,
            "distribusi": distribusi(rows),
            "capaian_organisasi": co.get_predikat_display() if co else "",
            # Small-unit exemptions are printed as such (domain.md §11.2 rule 6), never a silent pass.
            "pengecualian": pengecualian_unit_kecil(co.predikat, sum(1 for r in rows if r.predikat)) if co else [],
            "kepala": identitas_pegawai(kepala),
            "periode_penilaian": rentang(periode.tanggal_mulai, periode.tanggal_selesai),
        },
        lang,
    )


def render_rekap_unit(unit: UnitKerja, periode: Periode, *, lang: str | None = None) -> bytes:
    return html_to_pdf(html_rekap_unit(unit, periode, lang=lang))


# --- (e) KONVERSI PREDIKAT KINERJA KE ANGKA KREDIT + TABEL AKUMULASI, domain.md §5.1 / §11.1 -----------


def _konversi_ctx(pegawai: Pegawai, tahun: int) -> dict:
    from .evaluasi.selectors import penilaian_penentu_tahunan
    from .konversi import konversi_tahun

    kt, semua = konversi_tahun(pegawai, tahun)
    if kt is None:
        raise Skp.DoesNotExist(f"Tidak ada periode jabatan fungsional tahun {tahun}")
    orang = ("pegawai", "pejabat_penilai", "pejabat_penilai__atasan", "atasan_penilai")
    terakhir = Skp.objects.select_related(*(f"{o}__{r}" for o in orang for r in RELASI)).get(pk=kt.skp_terakhir.pk)
    # Signed by the pejabat penilai of the year's last SKP, who sets the annual predikat (§11.2 rule 1).
    penentu = penilaian_penentu_tahunan(pegawai.pk, tahun)
    snapshot = penentu.snapshot if penentu is not None and penentu.skp_id == terakhir.pk else None
    baris = [
        {
            "no": i, "periode": rentang(r.skp.tanggal_mulai, r.skp.tanggal_selesai), "bulan": r.baris.bulan,
            "jabatan": r.jabatan.nama if r.jabatan else "",
            "jenjang": r.jabatan.get_jenjang_display() if r.jabatan and r.jabatan.jenjang else "",
            "predikat": _label(Predikat, r.baris.predikat or ""), "persen": r.baris.persen_teks,
            "koefisien": r.baris.koefisien, "ak": r.baris.ak,
        }
        for i, r in enumerate(kt.periode, 1)
    ]
    return {
        "kt": kt, "baris": baris, "akumulasi": semua, "instansi": _instansi(terakhir),
        "ident": _identitas_skp(terakhir, snapshot), "predikat_tahunan": _label(Predikat, kt.predikat_tahunan or ""),
        "tanggal": format_tanggal(penentu.final_pada if penentu else None),
    }


def html_konversi_ak(pegawai: Pegawai, tahun: int, *, lang: str | None = None) -> str:
    """Raises ``Skp.DoesNotExist`` when the pegawai held no jabatan fungsional in an SKP of ``tahun``."""
    with translation.override(lang or settings.LANGUAGE_CODE):  # dates in the document's language
        ctx = _konversi_ctx(pegawai, tahun)
    return _render("pdf/konversi_ak.html", ctx, lang)


def render_konversi_ak(pegawai: Pegawai, tahun: int, *, lang: str | None = None) -> bytes:
    return html_to_pdf(html_konversi_ak(pegawai, tahun, lang=lang))
