"""PDF documents (issue #7 §3): layouts of domain.md §1.3, §3.2, §3.5 carry the right people and values."""
import io

import pytest
from pypdf import PdfReader

from notifikasi.tests.helpers import penilaian_final, periode, skp_lengkap
from penilaian import pdf
from penilaian.models import CapaianOrganisasi, Skp
from penilaian.predikat import Predikat

pytestmark = pytest.mark.django_db


def teks(data: bytes) -> str:
    assert data.startswith(b"%PDF")
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def dinilai(org):
    skp = skp_lengkap(org.pegawai)
    per = periode(org, nama="Akhir", jenis="TAHUNAN")
    CapaianOrganisasi.objects.create(unit_kerja=org.seksi, periode=per, predikat="BAIK")
    return skp, penilaian_final(skp, per)


def test_skp_pdf_has_identity_blocks_rhk_iki_and_perilaku(org, dinilai):
    skp, _ = dinilai
    t = teks(pdf.render_skp(skp))
    assert "SASARAN KINERJA PEGAWAI" in t and "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL" in t
    for orang in (org.pegawai, org.atasan):
        assert orang.nama_lengkap in t and orang.nip in t
    assert "Terlaksananya layanan administrasi kepegawaian" in t
    assert "120 berkas" in t and "Berorientasi Pelayanan" in t and "Ekspektasi Khusus Pimpinan" in t
    assert "DUKUNGAN SUMBER DAYA" in t and "Pejabat Penilai Kinerja" in t


def test_skp_pdf_uses_the_snapshot_frozen_at_submission(org, dinilai):
    """domain.md §3.2: people move; the document shows who they were when it was submitted."""
    skp, _ = dinilai
    skp.snapshot = {
        "pegawai": {
            "nama": "Nama Saat Diajukan",
            "nip": org.pegawai.nip,
            "pangkat_golongan": "Penata, III/c",
            "jabatan": "Analis Lama",
            "unit": "Seksi Lama",
        }
    }
    skp.save()
    t = teks(pdf.render_skp(skp))
    assert "Nama Saat Diajukan" in t and "Seksi Lama" in t
    assert org.atasan.nama_lengkap in t  # penilai not in the snapshot: live data


def test_periodic_evaluation_pdf_shows_ratings_and_predikat(org, dinilai):
    _, p = dinilai
    t = teks(pdf.render_penilaian(p))
    assert "EVALUASI KINERJA PEGAWAI" in t and org.pegawai.nip in t
    assert "Terlaksananya layanan administrasi kepegawaian" in t
    assert "RATING HASIL KERJA: DI ATAS EKSPEKTASI" in t
    assert "PREDIKAT KINERJA PEGAWAI SANGAT BAIK" in t


def test_dokumen_evaluasi_pdf_follows_the_official_format(org, dinilai):
    _, p = dinilai
    t = teks(pdf.render_dokumen_evaluasi(p))
    assert "DOKUMEN EVALUASI KINERJA PEGAWAI" in t
    assert "ATASAN PEJABAT PENILAI KINERJA" in t and org.kabid.nama_lengkap in t and org.kabid.nip in t
    assert org.pegawai.nama_lengkap in t and org.atasan.nip in t
    assert "CAPAIAN KINERJA ORGANISASI : BAIK" in t
    assert "PREDIKAT KINERJA PEGAWAI : SANGAT BAIK" in t
    assert "Pertahankan kinerja." in t


def test_unit_recap_lists_pegawai_and_counts_the_distribution(org, dinilai):
    _, p = dinilai
    lain = penilaian_final(skp_lengkap(org.rekan), p.periode)
    lain.predikat = Predikat.BUTUH_PERBAIKAN
    lain.save()
    t = teks(pdf.render_rekap_unit(org.seksi, p.periode))
    assert org.pegawai.nama_lengkap in t and org.rekan.nip in t and "POLA DISTRIBUSI" in t
    dist = {d["label"]: d["jumlah"] for d in pdf.distribusi(pdf.rekap_rows(org.seksi, p.periode))}
    assert dist == {"Sangat Kurang": 0, "Kurang/Misconduct": 0, "Butuh Perbaikan": 1, "Baik": 0, "Sangat Baik": 1}


def test_jpt_skp_uses_the_jpt_table_with_perspektif(org):
    skp = skp_lengkap(org.kabid)
    skp.bentuk = "JPT"
    skp.save()
    rhk = skp.rhk.get()
    rhk.perspektif = "PENERIMA_LAYANAN"
    rhk.save()
    t = teks(pdf.render_skp(skp))
    assert "BAGI PEJABAT PIMPINAN TINGGI" in t and "Penerima Layanan" in t and "PERSPEKTIF" in t


def test_unapproved_skp_pdf_is_marked_draft(org):
    from penilaian.tests.factories import skp_with_rhk

    def text(skp):
        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.render_skp(skp))).pages)

    assert "DRAF" in text(skp_with_rhk(org.pegawai, status=Skp.Status.DIAJUKAN))
    assert "DRAF" not in text(skp_with_rhk(org.rekan, status=Skp.Status.DISETUJUI))
