"""A pegawai moved and promoted in July (domain.md §11.2 rules 1 and 3): two SKPs in one year, one
annual predikat that every consumer reads, and angka kredit per SKP period (§5.1)."""
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from pegawai.models import Pegawai
from pegawai.tests.factories import JabatanFactory, PegawaiFactory
from pelatihan.selectors import penanda_per_pegawai
from pelatihan.services import tindak_lanjut_predikat_tahunan
from penilaian import pdf
from penilaian.evaluasi.selectors import (
    hasil_skp_sebelumnya,
    penilaian_penentu_tahunan,
    predikat_tahunan,
    predikat_tahunan_map,
)
from penilaian.konversi import konversi_pegawai
from penilaian.models import Penilaian, Periode, Skp
from penilaian.predikat import Predikat
from penilaian.predikat import Rating as R
from penilaian.rekan.tindak_lanjut import pegawai_list, tindak_lanjut
from penilaian.tests.factories import PenilaianFactory, PeriodeFactory, SkpFactory, finalkan
from penilaian.tindak_lanjut import Kategori

pytestmark = pytest.mark.django_db
SB, B = Predikat.SANGAT_BAIK, Predikat.BAIK


def _akhir(instansi, tahun):
    return PeriodeFactory(instansi=instansi, tahun=tahun, jenis=Periode.Jenis.TAHUNAN, nama=f"Akhir {tahun}",
                          tanggal_mulai=date(tahun, 1, 1), tanggal_selesai=date(tahun, 12, 31),
                          batas_pengisian=date(tahun + 1, 1, 31))


def _skp(pegawai, mulai, selesai, *, jabatan, penilai, unit):
    return SkpFactory(pegawai=pegawai, tahun=mulai.year, tanggal_mulai=mulai, tanggal_selesai=selesai,
                      status=Skp.Status.DISETUJUI, jabatan=jabatan, pejabat_penilai=penilai, unit_kerja=unit)


def _final(skp, periode, hasil, perilaku):
    return finalkan(PenilaianFactory(skp=skp, periode=periode), hasil=hasil, perilaku=perilaku)


@pytest.fixture
def pindah(org):
    """2025: a whole year as JF Ahli Pertama in seksi2, Baik. 2026: Jan–Jun the same post (penilai
    atasan2), Sangat Baik; from 1 July promoted to JF Ahli Muda in seksi (penilai atasan), Baik."""
    pertama = JabatanFactory(nama="Analis SDM Aparatur Ahli Pertama", jenis="FUNGSIONAL", jenjang="AHLI_PERTAMA")
    muda = JabatanFactory(nama="Analis SDM Aparatur Ahli Muda", jenis="FUNGSIONAL", jenjang="AHLI_MUDA")
    org.pegawai.jabatan = muda  # today's post: must not be used for the earlier periods
    org.pegawai.save()
    lalu = _skp(org.pegawai, date(2025, 1, 1), date(2025, 12, 31), jabatan=pertama, penilai=org.atasan2,
                unit=org.seksi2)
    lalu_akhir = _final(lalu, _akhir(org.instansi, 2025), R.SESUAI, R.SESUAI)
    akhir = _akhir(org.instansi, 2026)
    skp2 = _skp(org.pegawai, date(2026, 7, 1), date(2026, 12, 31), jabatan=muda, penilai=org.atasan, unit=org.seksi)
    skp1 = _skp(org.pegawai, date(2026, 1, 1), date(2026, 6, 30), jabatan=pertama, penilai=org.atasan2,
                unit=org.seksi2)
    e1 = _final(skp1, akhir, R.DI_ATAS, R.DI_ATAS)
    e2 = _final(skp2, akhir, R.SESUAI, R.SESUAI)
    assert (lalu_akhir.predikat, e1.predikat, e2.predikat) == (B, SB, B)
    return type("Pindah", (), {"skp1": skp1, "skp2": skp2, "e1": e1, "e2": e2, "pertama": pertama, "muda": muda})


def test_one_annual_predikat_from_the_last_skp_read_alike_by_every_consumer(org, pindah, as_actor):
    """§11.2 rule 1: the pejabat penilai of the last SKP decides; AK, talent marks, recaps, follow-up
    and the API all give that one value."""
    pid = org.pegawai.pk
    assert predikat_tahunan([pid])[pid] == {2025: B, 2026: B}
    assert predikat_tahunan_map([pid], 2026) == {pid: B}
    assert penilaian_penentu_tahunan(pid, 2026) == pindah.e2
    # talent marks: Baik two years running (with the earlier SKP's Sangat Baik it would be none)
    assert penanda_per_pegawai([pid], tahun=2026) == {pid: Kategori.PRIORITAS}
    # HR's follow-up recap counts the pegawai once, in the unit of the deciding SKP
    rekap = tindak_lanjut(org.seksi, 2026)
    assert rekap.distribusi[B] == 1 and rekap.distribusi[SB] == 0 and rekap.jumlah[Kategori.PRIORITAS] == 1
    assert [p.pk for p in pegawai_list(org.seksi, 2026, Kategori.PRIORITAS)] == [pid]
    assert tindak_lanjut(org.seksi2, 2026).distribusi[SB] == 0
    # the §5.2 trigger acts on the deciding evaluation even when called for the earlier one
    assert tindak_lanjut_predikat_tahunan(penilaian=pindah.e1) is None
    # angka kredit
    kt = next(k for k in konversi_pegawai(org.pegawai) if k.tahun == 2026)
    assert kt.predikat_tahunan == B and kt.periode[-1].baris.predikat == B
    # the API lists one annual row per pegawai and year
    client = as_actor("hr")
    data = client.get("/api/v1/predikat-tahunan/", {"tahun": 2026}).json()["results"]
    assert [(r["id"], r["predikat"]) for r in data if r["id"] in (pindah.e1.pk, pindah.e2.pk)] == [(pindah.e2.pk, B)]


def test_angka_kredit_per_skp_period_with_the_jenjang_held_then(org, pindah, django_assert_max_num_queries):
    """§11.2 rule 3: 6/12 × 150% × 12.5 (Ahli Pertama, SB) + 6/12 × 100% × 25 (Ahli Muda, B)."""
    with django_assert_max_num_queries(4):  # SKPs, their final evaluations, annual predikat (+ snapshot names)
        tahun = {k.tahun: k for k in konversi_pegawai(org.pegawai)}
    kt = tahun[2026]
    assert [(r.skp, r.jabatan, r.baris.bulan, r.baris.predikat, r.baris.koefisien, r.baris.ak) for r in kt.periode] == [
        (pindah.skp1, pindah.pertama, 6, SB, Decimal("12.5"), Decimal("9.38")),
        (pindah.skp2, pindah.muda, 6, B, Decimal("25.0"), Decimal("12.50")),
    ]
    assert kt.total == Decimal("21.88")
    # 2025 counts the jenjang held then (Ahli Pertama, 12.5), not today's Ahli Muda
    assert (tahun[2025].total, tahun[2025].kumulatif, kt.kumulatif) == (Decimal("12.50"), Decimal("12.50"),
                                                                       Decimal("34.38"))


def test_akhir_of_the_last_skp_shows_the_earlier_skps_results(org, pindah, as_actor):
    hasil = hasil_skp_sebelumnya(pindah.e2)
    assert [(h.skp, [p.predikat for p in h.penilaian]) for h in hasil] == [(pindah.skp1, [SB])]
    assert hasil_skp_sebelumnya(pindah.e1) is None  # not the last SKP: it does not decide
    html = as_actor("atasan").get(reverse("penilaian:evaluasi-detail", args=[pindah.e2.pk])).content.decode()
    assert 'id="skp-sebelumnya"' in html and org.atasan2.nama_lengkap in html and "Sangat Baik" in html
    html = as_actor("atasan2").get(reverse("penilaian:evaluasi-detail", args=[pindah.e1.pk])).content.decode()
    assert 'id="skp-sebelumnya"' not in html and 'id="bukan-skp-terakhir"' in html  # it does not decide
    lalu = Penilaian.objects.get(skp__tahun=2025, periode__jenis=Periode.Jenis.TAHUNAN)  # a year with one SKP
    html = as_actor("atasan2").get(reverse("penilaian:evaluasi-detail", args=[lalu.pk])).content.decode()
    assert 'id="skp-sebelumnya"' not in html and 'id="bukan-skp-terakhir"' not in html


def test_pegawai_page_lists_the_periods_and_links_the_konversi(org, pindah, as_actor):
    resp = as_actor("pegawai").get(reverse("pelatihan:saya"), {"tahun": 2026})
    assert [k.tahun for k in resp.context["angka_kredit"]] == [2026, 2025]
    html = resp.content.decode()
    assert reverse("notifikasi:pdf-konversi-ak", args=[org.pegawai.pk, 2026]) in html
    assert "Ahli Pertama" in html and "Ahli Muda" in html and "6/12" in html


def _teks(data: bytes) -> str:
    assert data.startswith(b"%PDF")
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)


def test_konversi_pdf_rows_total_accumulation_and_signature(org, pindah):
    t = _teks(pdf.render_konversi_ak(org.pegawai, 2026))
    assert "KONVERSI PREDIKAT KINERJA KE ANGKA KREDIT" in t and "TABEL AKUMULASI" in t
    assert "1 Januari 2026 – 30 Juni 2026" in t and "1 Juli 2026 – 31 Desember 2026" in t
    assert "Ahli Pertama" in t and "Ahli Muda" in t and "150%" in t and "100%" in t
    assert "9,38" in t and "12,50" in t and "21,88" in t and "34,38" in t  # rows, total, cumulative
    # signed by the pejabat penilai of the last SKP (§11.2 rule 1)
    assert org.atasan.nama_lengkap in t and org.atasan.nip in t
    assert org.pegawai.nip in t


@pytest.mark.parametrize(("actor", "status"), [
    ("pegawai", 200), ("atasan", 200), ("atasan2", 200), ("hr", 200),
    ("rekan", 404), ("hr_other", 404), ("asing", 404),
])
def test_konversi_pdf_permissions(org, pindah, as_actor, actor, status, django_capture_on_commit_callbacks):
    """The pegawai, their penilai now or in an SKP of that year, HR of the instansi; 404 for others."""
    client, url = as_actor(actor), reverse("notifikasi:pdf-konversi-ak", args=[org.pegawai.pk, 2026])
    with django_capture_on_commit_callbacks(execute=True):
        first = client.get(url)  # queues the render (eager here); the page polls until it is ready
    if status == 404:
        assert first.status_code == 404
        return
    resp = client.get(url)
    body = b"".join(resp.streaming_content) if resp.streaming else resp.content
    assert resp.status_code == 200 and resp["Content-Type"] == "application/pdf" and body.startswith(b"%PDF")


def test_konversi_pdf_404_without_a_jf_period_that_year(org, pindah, as_actor):
    url = reverse("notifikasi:pdf-konversi-ak", args=[org.pegawai.pk, 2024])
    assert as_actor("pegawai").get(url).status_code == 404
    assert as_actor("hr").get(reverse("notifikasi:pdf-konversi-ak", args=[org.rekan.pk, 2026])).status_code == 404


def test_bulk_map_is_one_query_whatever_the_number_of_pegawai(org, django_assert_num_queries):
    akhir = _akhir(org.instansi, 2026)
    ids = []
    for i in range(6):
        p = PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan)
        ids.append(p.pk)
        for mulai, selesai, predikat in ((date(2026, 1, 1), date(2026, 6, 30), SB),
                                         (date(2026, 7, 1), date(2026, 12, 31), B if i % 2 else SB)):
            skp = SkpFactory(pegawai=p, tahun=2026, tanggal_mulai=mulai, tanggal_selesai=selesai,
                             status=Skp.Status.DISETUJUI)
            PenilaianFactory(skp=skp, periode=akhir, predikat=predikat, status=Penilaian.Status.FINAL)
    with django_assert_num_queries(1):
        peta = predikat_tahunan_map(ids, 2026)
    assert peta == {pid: (B if i % 2 else SB) for i, pid in enumerate(ids)}
    assert peta == {pid: per[2026] for pid, per in predikat_tahunan(ids, tahun=2026).items()}
    with django_assert_num_queries(1):
        assert len(predikat_tahunan_map(Pegawai.objects.filter(unit_kerja=org.seksi).values("pk"), 2026)) == 6


def test_old_skp_without_jabatan_reads_the_jabatan_named_in_its_snapshot(org):
    """§11.2 rule 2: the post held comes from the SKP (its FK, else its frozen snapshot), not today's."""
    JabatanFactory(nama="Pranata Komputer Ahli Madya", jenis="FUNGSIONAL", jenjang="AHLI_MADYA")
    skp = SkpFactory(pegawai=org.pegawai, tahun=2024, tanggal_mulai=date(2024, 1, 1),
                     tanggal_selesai=date(2024, 12, 31), status=Skp.Status.DISETUJUI, jabatan=None,
                     snapshot={"pegawai": {"jabatan": "Pranata Komputer Ahli Madya"}})
    PenilaianFactory(skp=skp, periode=_akhir(org.instansi, 2024), predikat=B, status=Penilaian.Status.FINAL)
    [kt] = konversi_pegawai(org.pegawai)  # today's jabatan (a pelaksana) plays no part
    assert (kt.tahun, kt.periode[0].jabatan.jenjang, kt.total) == (2024, "AHLI_MADYA", Decimal("37.50"))


def test_a_periodic_result_counts_until_the_skp_has_its_akhir(org):
    """§11.2 rule 3: an SKP's own Akhir decides its period; before it, its latest final periodic result."""
    jf = JabatanFactory(nama="Analis SDM Aparatur Ahli Pertama", jenis="FUNGSIONAL", jenjang="AHLI_PERTAMA")
    skp = SkpFactory(pegawai=org.pegawai, tahun=2026, status=Skp.Status.DISETUJUI, jabatan=jf,
                     tanggal_mulai=date(2026, 1, 1), tanggal_selesai=date(2026, 6, 30))
    tw1 = PeriodeFactory(instansi=org.instansi, tahun=2026, tanggal_mulai=date(2026, 1, 1),
                         tanggal_selesai=date(2026, 3, 31))
    tw2 = PeriodeFactory(instansi=org.instansi, tahun=2026, tanggal_mulai=date(2026, 4, 1),
                         tanggal_selesai=date(2026, 6, 30))
    PenilaianFactory(skp=skp, periode=tw2, predikat=Predikat.BUTUH_PERBAIKAN, status=Penilaian.Status.FINAL)
    PenilaianFactory(skp=skp, periode=tw1, predikat=SB, status=Penilaian.Status.FINAL)
    [kt] = konversi_pegawai(org.pegawai)
    assert (kt.periode[0].baris.predikat, kt.total) == (Predikat.BUTUH_PERBAIKAN, Decimal("4.69"))  # 6/12×75%×12.5
    PenilaianFactory(skp=skp, periode=_akhir(org.instansi, 2026), predikat=B, status=Penilaian.Status.FINAL)
    [kt] = konversi_pegawai(org.pegawai)
    assert (kt.periode[0].baris.predikat, kt.total) == (B, Decimal("6.25"))


def test_akhir_recaps_count_the_moved_pegawai_once(org, pindah):
    """The unit distribution page and the recap PDF of the Akhir period count the last SKP's result only."""
    from penilaian.rekan.selectors import distribusi_unit

    akhir = pindah.e2.periode
    assert pdf.rekap_rows(org.seksi, akhir) == [pindah.e2]
    assert (distribusi_unit(org.seksi, akhir).jumlah[B], distribusi_unit(org.seksi, akhir).total) == (1, 1)
    assert distribusi_unit(org.seksi2, akhir).total == 0  # the earlier SKP's Akhir is reviewed, not counted
    tw = PeriodeFactory(instansi=org.instansi, tahun=2026, tanggal_mulai=date(2026, 4, 1),
                        tanggal_selesai=date(2026, 6, 30))
    e = PenilaianFactory(skp=pindah.skp1, periode=tw, predikat=SB, status=Penilaian.Status.FINAL)
    # periodic periods: the SKP's unit in that period (§11.2 rule 4), not where the pegawai sits today
    assert pdf.rekap_rows(org.seksi2, tw) == [e] and pdf.rekap_rows(org.seksi, tw) == []
