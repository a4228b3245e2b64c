"""The §5.2 follow-up rule (domain.md §5.2) and the one annual-predikat selector (§11.2 rule 1)."""
from datetime import date

import pytest

from pegawai.tests.factories import PegawaiFactory
from penilaian.evaluasi.selectors import penilaian_penentu_tahunan, predikat_tahunan
from penilaian.models import Penilaian, Periode
from penilaian.predikat import Predikat
from penilaian.tests.factories import PenilaianFactory, PeriodeFactory, SkpFactory
from penilaian.tindak_lanjut import (
    PENANDA,
    PREDIKAT_PERBAIKAN,
    Kategori,
    kategori_tindak_lanjut,
    penanda,
    perlu_perbaikan,
)

SB, B, BP, K, SK = (Predikat.SANGAT_BAIK, Predikat.BAIK, Predikat.BUTUH_PERBAIKAN, Predikat.KURANG,
                    Predikat.SANGAT_KURANG)
PERBAIKAN, TALENT, PRIORITAS = Kategori.PERBAIKAN, Kategori.TALENT_POOL, Kategori.PRIORITAS


# domain.md §5.2 (with the rank of §3.4): Butuh Perbaikan or lower calls for a development plan.
@pytest.mark.parametrize(("predikat", "perlu"), [
    (SB, False), (B, False), (BP, True), (K, True), (SK, True), ("", False), (None, False), ("KURANG", True),
])
def test_perlu_perbaikan_untuk_butuh_perbaikan_atau_lebih_rendah(predikat, perlu):
    assert perlu_perbaikan(predikat) is perlu


# domain.md §5.2: SB two years running → talent pool; B two years running → development priority;
# BP or lower this year → perbaikan, whatever last year was.
@pytest.mark.parametrize(("ini", "lalu", "kategori"), [
    (SB, SB, {TALENT}),
    (B, B, {PRIORITAS}),
    (SB, B, set()),
    (B, SB, set()),
    (SB, None, set()),
    (B, "", set()),
    (BP, SB, {PERBAIKAN}),
    (BP, BP, {PERBAIKAN}),
    (K, None, {PERBAIKAN}),
    (SK, SK, {PERBAIKAN}),
    (None, SB, set()),
    ("SANGAT_BAIK", "SANGAT_BAIK", {TALENT}),  # codes as stored
])
def test_kategori_tindak_lanjut(ini, lalu, kategori):
    assert kategori_tindak_lanjut(ini, lalu) == kategori


@pytest.mark.parametrize(("riwayat", "tahun", "hasil"), [
    ({2025: SB, 2026: SB}, None, TALENT),
    ({2025: B, 2026: B}, None, PRIORITAS),
    ({2025: SB, 2026: B}, None, None),
    ({2025: B, 2026: SB}, None, None),
    ({2024: SB, 2026: SB}, None, None),  # not consecutive years
    ({2026: SB}, None, None),
    ({2024: B, 2025: B, 2026: BP}, None, None),  # the latest year counts
    ({2024: B, 2025: B, 2026: BP}, 2025, PRIORITAS),
    ({2025: BP, 2026: BP}, None, None),  # perbaikan is a plan, not a mark next to the name
    ({}, None, None),
])
def test_penanda_dua_tahun_berturut_turut(riwayat, tahun, hasil):
    assert penanda(riwayat, tahun=tahun) == hasil


def test_penanda_are_the_two_year_categories():
    assert set(PENANDA) == set(Kategori) - {PERBAIKAN}


# ------------------------------------------------------------------ predikat_tahunan (one query)

def _akhir(instansi, tahun):
    return PeriodeFactory(instansi=instansi, tahun=tahun, jenis=Periode.Jenis.TAHUNAN, nama=f"Akhir {tahun}",
                          tanggal_mulai=date(tahun, 1, 1), tanggal_selesai=date(tahun, 12, 31),
                          batas_pengisian=date(tahun + 1, 1, 31))


def _hasil(pegawai, periode, predikat, *, mulai=None, selesai=None, unit=None, status=Penilaian.Status.FINAL):
    tahun = periode.tahun
    skp = SkpFactory(pegawai=pegawai, tahun=tahun, status="DISETUJUI", tanggal_mulai=mulai or date(tahun, 1, 1),
                     tanggal_selesai=selesai or date(tahun, 12, 31), unit_kerja=unit or pegawai.unit_kerja)
    return PenilaianFactory(skp=skp, periode=periode, predikat=predikat, status=status)


@pytest.mark.django_db
def test_two_skps_in_a_year_the_one_ending_last_decides(org, django_assert_num_queries):
    akhir = _akhir(org.instansi, 2025)
    # Created in the "wrong" order on purpose: the row order must not decide.
    _hasil(org.pegawai, akhir, BP, mulai=date(2025, 7, 1), selesai=date(2025, 12, 31))
    _hasil(org.pegawai, akhir, SB, mulai=date(2025, 1, 1), selesai=date(2025, 6, 30))
    with django_assert_num_queries(1):
        assert predikat_tahunan([org.pegawai.pk]) == {org.pegawai.pk: {2025: BP}}
    assert penilaian_penentu_tahunan(org.pegawai.pk, 2025).skp.tanggal_selesai == date(2025, 12, 31)
    assert penilaian_penentu_tahunan(org.pegawai.pk, 2024) is None


@pytest.mark.django_db
def test_until_the_last_skp_is_final_the_latest_final_result_stands(org):
    akhir = _akhir(org.instansi, 2025)
    _hasil(org.pegawai, akhir, SB, selesai=date(2025, 6, 30))
    _hasil(org.pegawai, akhir, BP, mulai=date(2025, 7, 1), status=Penilaian.Status.DINILAI)
    assert predikat_tahunan([org.pegawai.pk]) == {org.pegawai.pk: {2025: SB}}


@pytest.mark.django_db
def test_only_final_annual_results_with_a_predikat(org):
    akhir = _akhir(org.instansi, 2025)
    selesai = [Penilaian.Status.FINAL, Penilaian.Status.DITERIMA, Penilaian.Status.KEBERATAN, Penilaian.Status.DIPUTUS]
    counted = [PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan) for _ in selesai]
    for pegawai, status in zip(counted, selesai, strict=True):
        _hasil(pegawai, akhir, B, status=status)
    _hasil(org.lain, akhir, B, status=Penilaian.Status.DINILAI)  # not final yet
    _hasil(org.rekan, akhir, "")  # final without a predikat (legacy row)
    _hasil(org.pegawai, PeriodeFactory(instansi=org.instansi, tahun=2025), SB)  # a triwulan
    assert predikat_tahunan(None, tahun=2025) == {p.pk: {2025: B} for p in counted}


@pytest.mark.django_db
def test_tahun_limits_to_that_year_and_the_year_before(org):
    for tahun, p in ((2023, SB), (2024, B), (2025, B)):
        _hasil(org.pegawai, _akhir(org.instansi, tahun), p)
    assert predikat_tahunan([org.pegawai.pk], tahun=2025) == {org.pegawai.pk: {2024: B, 2025: B}}
    assert predikat_tahunan([org.pegawai.pk]) == {org.pegawai.pk: {2023: SB, 2024: B, 2025: B}}


@pytest.mark.django_db
def test_unit_filter_follows_the_deciding_skp_and_keeps_last_year_from_elsewhere(org):
    a24, a25 = _akhir(org.instansi, 2024), _akhir(org.instansi, 2025)
    # Moved from seksi2 to seksi mid-2025; SB in 2024 (in seksi2) and SB for 2025 (decided in seksi).
    _hasil(org.pegawai, a24, SB, unit=org.seksi2)
    _hasil(org.pegawai, a25, B, selesai=date(2025, 6, 30), unit=org.seksi2)
    _hasil(org.pegawai, a25, SB, mulai=date(2025, 7, 1), unit=org.seksi)
    assert predikat_tahunan(tahun=2025, unit_ids=[org.seksi.pk]) == {org.pegawai.pk: {2024: SB, 2025: SB}}
    assert predikat_tahunan(tahun=2025, unit_ids=[org.seksi2.pk]) == {}


def test_predikat_perbaikan_for_database_filters():
    assert PREDIKAT_PERBAIKAN == {BP, K, SK}


@pytest.mark.django_db
def test_hr_follow_up_page_counts_the_skp_that_decides_the_year(client, org):
    from django.urls import reverse

    a24, a25 = _akhir(org.instansi, 2024), _akhir(org.instansi, 2025)
    _hasil(org.pegawai, a24, SB)
    _hasil(org.pegawai, a25, SB, selesai=date(2025, 6, 30))
    _hasil(org.pegawai, a25, BP, mulai=date(2025, 7, 1))  # the last SKP of 2025 decides
    client.force_login(org.hr)
    base = reverse("penilaian:tindak-lanjut") + f"?unit={org.seksi.pk}&tahun=2025"
    r = client.get(base + "&daftar=perbaikan")
    assert [p.pk for p in r.context["page_obj"]] == [org.pegawai.pk]
    assert r.context["hasil"].distribusi[BP] == 1 and r.context["hasil"].distribusi[SB] == 0
    assert not client.get(base + "&daftar=talent").context["page_obj"]
