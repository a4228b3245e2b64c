"""Distribution per perangkat daerah (domain.md §4): the whole unit tree's counts, the curve's band, each
sub-unit checked against its own organisation predikat; scope and a query count that does not grow."""
import pytest
from django.urls import reverse

from pegawai.models import UnitKerja
from pegawai.tests.factories import PegawaiFactory, UnitKerjaFactory, login_as
from penilaian.models import CapaianOrganisasi, Penilaian, Periode, Skp
from penilaian.predikat import Predikat
from penilaian.rekan.sebaran import DI_ATAS, DI_BAWAH, SESUAI, TANPA_BATAS, BarisPredikat, sebaran_perangkat_daerah
from penilaian.rekan.selectors import distribusi_unit
from penilaian.ringkasan import tandai_pegawai
from penilaian.tests.factories import PenilaianFactory, SkpFactory

from .rekan_factories import periode_terbuka

pytestmark = pytest.mark.django_db
P = Predikat
URL = "penilaian:sebaran-perangkat-daerah"


@pytest.mark.parametrize("jumlah, total, minimal, maksimal, capaian, status", [
    (6, 10, 6, 7, True, SESUAI),          # at the minimum
    (7, 10, 6, 7, True, SESUAI),          # at the maximum
    (5, 10, 6, 7, True, DI_BAWAH),
    (8, 10, 6, 7, True, DI_ATAS),
    (2, 10, None, 1, True, DI_ATAS),      # Sangat Baik capped at 10 %
    (0, 10, None, 0, True, SESUAI),       # no Sangat Baik allowed, none there
    (3, 10, None, None, True, TANPA_BATAS),
    (3, 10, 6, 7, False, ""),             # organisation predikat not set: no status
    (0, 0, None, None, True, ""),         # nobody rated
])
def test_status_against_the_band(jumlah, total, minimal, maksimal, capaian, status):
    assert BarisPredikat(P.BAIK, jumlah, total, minimal, maksimal, ada_capaian=capaian).status == status


@pytest.mark.parametrize("jumlah, total, minimal, maksimal, persen, pmin, pmax, band_x, band_w", [
    (3, 10, 6, 7, 30.0, 60.0, 70.0, "60.00", "10.00"),
    (1, 3, 2, 3, 33.3, 66.7, 100.0, "66.67", "33.33"),
    (4, 10, 6, None, 40.0, 60.0, None, "60.00", "40.00"),   # a minimum only: the band runs to 100 %
    (0, 10, None, 0, 0.0, None, 0.0, "0.00", "0.60"),       # "no one": a thin band at 0 stays visible
])
def test_band_as_numbers_percent_and_chart_coordinates(jumlah, total, minimal, maksimal, persen, pmin, pmax,
                                                       band_x, band_w):
    b = BarisPredikat(P.BAIK, jumlah, total, minimal, maksimal, ada_capaian=True)
    assert (b.persen, b.persen_min, b.persen_max) == (persen, pmin, pmax)
    assert (b.grafik["band_x"], b.grafik["band_w"]) == (band_x, band_w)


def dinilai(unit, periode, predikat, n=1, *, skp_unit=None):
    """``n`` pegawai of ``unit`` with an evaluation of ``periode`` carrying ``predikat``."""
    for _ in range(n):
        skp = SkpFactory(pegawai=PegawaiFactory(unit_kerja=unit), status=Skp.Status.DISETUJUI, tahun=periode.tahun,
                         unit_kerja=skp_unit)
        PenilaianFactory(skp=skp, periode=periode, predikat=predikat, status=Penilaian.Status.FINAL)
        tandai_pegawai(skp.pegawai_id)  # as the services do: the summary rows recount the units


@pytest.fixture
def pd(org):
    """org.bidang as a perangkat daerah: itself, seksi S1, seksi S2 and a sub-seksi under S2."""
    org.bidang.level = UnitKerja.Level.PERANGKAT_DAERAH
    org.bidang.save()
    org.sub = UnitKerjaFactory(instansi=org.instansi, parent=org.seksi2, kode="S2A", nama="Subseksi")
    org.periode = periode_terbuka(org.instansi)
    org.dinas_lain = UnitKerjaFactory(instansi=org.instansi, kode="D9", nama="Dinas Lain",
                                      level=UnitKerja.Level.PERANGKAT_DAERAH)
    return org


def test_totals_are_the_sum_of_the_unit_pages_and_the_band_follows_the_perangkat_daerah(pd):
    p = pd.periode
    dinilai(pd.seksi, p, P.BAIK, 3)
    dinilai(pd.seksi, p, P.SANGAT_BAIK, 1)
    dinilai(pd.seksi2, p, P.BAIK, 2)
    dinilai(pd.sub, p, P.BUTUH_PERBAIKAN, 1)
    dinilai(pd.sub, p, P.KURANG, 1)
    dinilai(pd.bidang, p, P.SANGAT_KURANG, 1)
    dinilai(pd.dinas_lain, p, P.BAIK, 3)                       # another perangkat daerah
    dinilai(pd.dinas_lain, p, P.BAIK, 1, skp_unit=pd.seksi)    # moved out: the SKP's unit counts (§11.2 rule 4)
    PenilaianFactory(skp=SkpFactory(pegawai=PegawaiFactory(unit_kerja=pd.seksi), status=Skp.Status.DISETUJUI,
                                    tahun=p.tahun), periode=p)  # not rated yet
    CapaianOrganisasi.objects.create(unit_kerja=pd.bidang, periode=p, predikat="BAIK")
    CapaianOrganisasi.objects.create(unit_kerja=pd.seksi, periode=p, predikat="BAIK")
    CapaianOrganisasi.objects.create(unit_kerja=pd.seksi2, periode=p, predikat="ISTIMEWA")

    s = sebaran_perangkat_daerah(pd.bidang, p)
    jumlah = {b.predikat: b.jumlah for b in s.baris}
    per_unit = [distribusi_unit(u, p) for u in (pd.bidang, pd.seksi, pd.seksi2, pd.sub)]
    assert jumlah == {q: sum(d.jumlah[q] for d in per_unit) for q in P}
    assert jumlah == {P.SANGAT_BAIK: 1, P.BAIK: 6, P.BUTUH_PERBAIKAN: 1, P.KURANG: 1, P.SANGAT_KURANG: 1}
    assert s.total == 10 == sum(d.total for d in per_unit)
    baik = next(b for b in s.baris if b.predikat == P.BAIK)
    assert (baik.minimal, baik.maksimal, baik.status) == (6, 7, SESUAI)  # 10 pegawai: > half, at most 70 %
    assert [b.status for b in s.baris] == [TANPA_BATAS, SESUAI, TANPA_BATAS, TANPA_BATAS, TANPA_BATAS]
    assert s.pelanggaran == []
    units = {u.unit.kode: u for u in s.units}
    assert list(units) == ["B1", "S1", "S2", "S2A"]
    assert units["S1"].per_predikat == [1, 4, 0, 0, 0] and units["S1"].sesuai is True
    assert units["S2"].sesuai is False   # Istimewa needs a Sangat Baik majority
    assert units["S2A"].sesuai is None   # no organisation predikat of its own


def test_akhir_period_counts_only_the_last_skp_of_the_year_like_the_unit_page(pd):
    akhir = periode_terbuka(pd.instansi, jenis=Periode.Jenis.TAHUNAN, nama="Akhir")
    pindah = PegawaiFactory(unit_kerja=pd.seksi2)
    for mulai, selesai, unit, predikat in (("01-01", "06-30", pd.seksi, P.BAIK),
                                          ("07-01", "12-31", pd.seksi2, P.SANGAT_BAIK)):
        skp = SkpFactory(pegawai=pindah, status=Skp.Status.DISETUJUI, tahun=akhir.tahun, unit_kerja=unit,
                         tanggal_mulai=f"{akhir.tahun}-{mulai}", tanggal_selesai=f"{akhir.tahun}-{selesai}")
        PenilaianFactory(skp=skp, periode=akhir, predikat=predikat, status=Penilaian.Status.FINAL)
    s = sebaran_perangkat_daerah(pd.bidang, akhir)
    assert s.total == 1 == sum(distribusi_unit(u, akhir).total for u in (pd.seksi, pd.seksi2))
    units = {u.unit.kode: u for u in s.units}
    assert list(units) == ["B1", "S1", "S2", "S2A"]  # every unit of the perangkat daerah, rated or not
    assert units["S2"].per_predikat == [1, 0, 0, 0, 0] and units["S1"].total == 0 and s.units_berpredikat == 1


@pytest.mark.parametrize("actor, status", [
    ("hr", 200), ("kabid", 200), ("admin", 200), ("atasan", 403), ("pegawai", 403), ("hr_other", 404),
])
def test_scope(client, pd, actor, status):
    login_as(client, pd, actor)
    r = client.get(reverse(URL), {"induk": pd.bidang.pk, "periode": pd.periode.pk})
    assert r.status_code == status
    if status == 200:
        assert r.context["induk"] == pd.bidang


def test_head_cannot_open_another_perangkat_daerah_and_periods_stay_in_the_instansi(client, pd):
    login_as(client, pd, "kabid")
    assert client.get(reverse(URL), {"induk": pd.dinas_lain.pk}).status_code == 404
    lain = periode_terbuka(pd.other_instansi)
    login_as(client, pd, "hr")
    assert client.get(reverse(URL), {"induk": pd.bidang.pk, "periode": lain.pk}).status_code == 404
    assert client.get(reverse(URL), {"induk": pd.other_unit.pk}).status_code == 404


@pytest.mark.parametrize("params", [{"induk": "abc"}, {"periode": "²"}, {"induk": "-1"}, {"induk": "9" * 30}])
def test_bad_query_parameters_give_a_message_not_an_error(client, pd, params):
    login_as(client, pd, "hr")
    r = client.get(reverse(URL), params)
    html = r.content.decode()
    assert r.status_code == 200 and 'id="galat-sebaran"' in html and "Pilihan tidak valid" in html
    assert "hasil" not in r.context


def test_empty_state_without_evaluations(client, pd):
    login_as(client, pd, "hr")
    html = client.get(reverse(URL), {"induk": pd.bidang.pk, "periode": pd.periode.pk}).content.decode()
    assert "Belum ada penilaian berpredikat" in html and 'id="tabel-sebaran"' not in html


def test_page_shows_band_chart_table_and_sub_units(client, pd):
    p = pd.periode
    dinilai(pd.seksi, p, P.BUTUH_PERBAIKAN, 6)
    dinilai(pd.seksi2, p, P.SANGAT_BAIK, 2)
    dinilai(pd.sub, p, P.BAIK, 2)
    CapaianOrganisasi.objects.create(unit_kerja=pd.bidang, periode=p, predikat="BUTUH_PERBAIKAN")
    login_as(client, pd, "hr")
    html = client.get(reverse(URL), {"induk": pd.bidang.pk, "periode": p.pk}).content.decode()
    tabel = html.split('id="tabel-sebaran"')[1].split("</table>")[0]
    assert '<th scope="row" class="fw-normal">Butuh Perbaikan</th><td class="text-end">6</td>' in tabel
    assert "6 (60,0%)" in tabel and "1 (10,0%)" in tabel  # BP at least 60 %, SB at most 10 % of 10
    assert "Di atas maksimal" in tabel  # 2 Sangat Baik > 1
    assert 'class="pita" x="60.00" y="1" width="40.00"' in html  # the BP band, dot decimals in Indonesian
    assert 'data-kode="SB_LEBIH_10"' in html
    unit_rows = html.split('id="tabel-sebaran-unit"')[1]
    assert "S2A — Subseksi (Seksi Dua)" in unit_rows and "D9" not in unit_rows
    assert 'style="' not in html.split('id="grafik-sebaran"')[1]  # CSP: no inline style


def _queries(client, pd, n, django_assert_max_num_queries) -> tuple[int, int]:
    """Add ``n`` sub-units of 2 rated pegawai each; the page's query count and the total it shows."""
    for i in range(n):
        u = UnitKerjaFactory(instansi=pd.instansi, parent=pd.seksi2, kode=f"T{n}{i:02d}")
        dinilai(u, pd.periode, P.BAIK, 2)
        CapaianOrganisasi.objects.create(unit_kerja=u, periode=pd.periode, predikat="BAIK")
    params = {"induk": pd.bidang.pk, "periode": pd.periode.pk}
    client.get(reverse(URL), params)  # the first read after the changes recounts the marked units
    # Session, user with roles, notifications; the units and periods listed once for the pickers too; the
    # head's links; the tree, the summary rows (two to check they are current, one to read), the units and
    # their organisation predikat: 12 at most, the same for 2 and 12 sub-units.
    with django_assert_max_num_queries(12) as ctx:
        r = client.get(reverse(URL), params)
    return len(ctx.captured_queries), r.context["hasil"].total


@pytest.mark.parametrize("actor", ["hr", "kabid"])
def test_query_count_does_not_grow_with_units_or_pegawai(client, pd, actor, django_assert_max_num_queries):
    login_as(client, pd, actor)
    small, total = _queries(client, pd, 2, django_assert_max_num_queries)
    assert total == 4
    assert _queries(client, pd, 12, django_assert_max_num_queries) == (small, 28)


@pytest.mark.parametrize("actor, sees", [("hr", True), ("kabid", True), ("atasan", False)])
def test_unit_list_links_the_view_only_for_those_it_opens_for(client, pd, actor, sees):
    login_as(client, pd, actor)
    html = client.get(reverse("penilaian:unit-index")).content.decode()
    assert ('id="tautan-sebaran"' in html) is sees


def test_completion_page_links_the_chosen_perangkat_daerah(client, pd):
    login_as(client, pd, "hr")
    html = client.get(reverse("penilaian:evaluasi-rekap"), {"tahun": pd.periode.tahun, "periode": pd.periode.pk,
                                                            "induk": pd.bidang.pk}).content.decode()
    link = f'{reverse(URL)}?induk={pd.bidang.pk}&amp;periode={pd.periode.pk}'
    assert link in html
    assert client.get(link.replace("&amp;", "&")).context["induk"] == pd.bidang


def test_page_in_english(client, pd, settings):
    dinilai(pd.seksi, pd.periode, P.BAIK, 3)
    CapaianOrganisasi.objects.create(unit_kerja=pd.bidang, periode=pd.periode, predikat="BAIK")
    login_as(client, pd, "hr")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse(URL), {"induk": pd.bidang.pk, "periode": pd.periode.pk}).content.decode()
    assert "Range the curve allows (minimum–maximum)" in html and "Within range" in html and "100.0%" in html
