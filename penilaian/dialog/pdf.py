"""Formats B.1.8 and B.1.9 of the 6/2022 lampiran as PDFs (style.md §6; data in ``format.py``)."""
from django.utils import timezone

from kinerja.format import tanggal as format_tanggal
from pegawai.identitas import identitas_pegawai
from penilaian.models import Bimbingan
from penilaian.pdf import _render, html_to_pdf

from .format import KOMPETENSI_B19, PERNYATAAN_B18, SKALA_SETUJU


def _ctx(b: Bimbingan) -> dict:
    return {"b": b, "instansi": b.skp.pegawai.unit_kerja.instansi,
            "pegawai": identitas_pegawai(b.skp.pegawai), "pembimbing": identitas_pegawai(b.pembimbing),
            "tanggal_bimbingan": format_tanggal(b.tanggal)}


def html_umpan_balik_bimbingan(b: Bimbingan, *, lang: str | None = None) -> str:
    ub = getattr(b, "umpan_balik_pegawai", None)
    jawaban = ub.jawaban if ub else {}
    label = dict(SKALA_SETUJU)
    rows = [{"teks": teks, "skala": jawaban.get(kode), "label": label.get(jawaban.get(kode), "")}
            for kode, teks in PERNYATAAN_B18]
    return _render("pdf/bimbingan_b18.html", {
        **_ctx(b), "rows": rows, "skala": SKALA_SETUJU, "ub": ub,
        "tanggal": format_tanggal(timezone.localtime(ub.diisi_pada).date()) if ub else "",
    }, lang)


def html_evaluasi_kompetensi(b: Bimbingan, *, lang: str | None = None) -> str:
    ada = {e.kompetensi: e for e in b.evaluasi_kompetensi.all()}
    rows = [{"nama": nama, "skala": ada[k].skala if k in ada else None, "alasan": ada[k].alasan if k in ada else ""}
            for k, nama in KOMPETENSI_B19]
    return _render("pdf/bimbingan_b19.html", {**_ctx(b), "rows": rows, "tanggal": format_tanggal(b.tanggal)}, lang)


def render_umpan_balik_bimbingan(b: Bimbingan, *, lang: str | None = None) -> bytes:
    return html_to_pdf(html_umpan_balik_bimbingan(b, lang=lang))


def render_evaluasi_kompetensi(b: Bimbingan, *, lang: str | None = None) -> bytes:
    return html_to_pdf(html_evaluasi_kompetensi(b, lang=lang))


DOKUMEN = {"b18": render_umpan_balik_bimbingan, "b19": render_evaluasi_kompetensi}
