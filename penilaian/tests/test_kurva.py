"""The distribution rules of domain.md §4 (SE MenPANRB 3/2023) and the small-unit rounding rule
documented in penilaian/kurva.py."""
import pytest

from penilaian.kurva import RATING_DARI_CAPAIAN, batas, periksa_distribusi
from penilaian.kurva import PredikatOrganisasi as Org
from penilaian.predikat import Predikat, Rating


def d(sb=0, b=0, bp=0, km=0, sk=0):
    return {Predikat.SANGAT_BAIK: sb, Predikat.BAIK: b, Predikat.BUTUH_PERBAIKAN: bp, Predikat.KURANG: km,
            Predikat.SANGAT_KURANG: sk}


def kodes(org, jumlah):
    return {p.kode for p in periksa_distribusi(org, jumlah)}


# (organisation predikat, distribution, broken rule codes) — domain.md §4, one row per rule and case.
CASES = [
    # Istimewa: "sebagian besar (maksimal 70%)" Sangat Baik, read as >50% and ≤70%; others free.
    pytest.param(Org.ISTIMEWA, d(sb=6, b=2, bp=1, km=1), set(), id="istimewa-comply"),
    pytest.param(Org.ISTIMEWA, d(sb=7, b=3), set(), id="istimewa-exactly-70"),
    pytest.param(Org.ISTIMEWA, d(sb=8, b=2), {"SB_LEBIH_70"}, id="istimewa-80-too-many"),
    pytest.param(Org.ISTIMEWA, d(sb=5, b=5), {"SB_BUKAN_MAYORITAS"}, id="istimewa-exactly-50-not-majority"),
    pytest.param(Org.ISTIMEWA, d(b=10), {"SB_BUKAN_MAYORITAS"}, id="istimewa-no-sb"),
    pytest.param(Org.ISTIMEWA, d(sb=14, sk=6), set(), id="istimewa-others-may-be-sk"),
    # Baik: majority Baik (>50%, ≤70%); there must be BP and/or K/M; others SB/SK.
    pytest.param(Org.BAIK, d(sb=2, b=7, bp=1), set(), id="baik-exactly-70-with-bp"),
    pytest.param(Org.BAIK, d(sb=2, b=6, km=1, sk=1), set(), id="baik-km-counts"),
    pytest.param(Org.BAIK, d(sb=2, b=8), {"TIDAK_ADA_BP_KM", "B_LEBIH_70"}, id="baik-80-no-bp"),
    pytest.param(Org.BAIK, d(sb=3, b=6, sk=1), {"TIDAK_ADA_BP_KM"}, id="baik-only-sk-is-not-bp-km"),
    pytest.param(Org.BAIK, d(sb=4, b=5, bp=1), {"B_BUKAN_MAYORITAS"}, id="baik-exactly-50"),
    # Butuh Perbaikan: ≥60% BP; SB ≤10%; others B, K/M, SK.
    pytest.param(Org.BUTUH_PERBAIKAN, d(sb=1, b=2, bp=6, sk=1), set(), id="bp-exactly-60-and-sb-10"),
    pytest.param(Org.BUTUH_PERBAIKAN, d(sb=1, b=3, bp=5, km=1), {"BP_KURANG_60"}, id="bp-50-too-few"),
    pytest.param(Org.BUTUH_PERBAIKAN, d(sb=2, b=1, bp=7), {"SB_LEBIH_10"}, id="bp-sb-20"),
    # Kurang: ≥60% K/M, ≥10% BP, SB ≤10%; others B, SK.
    pytest.param(Org.KURANG, d(sb=1, bp=1, km=6, sk=2), set(), id="kurang-boundaries-60-10-10"),
    pytest.param(Org.KURANG, d(b=2, bp=3, km=5), {"KM_KURANG_60"}, id="kurang-km-50"),
    pytest.param(Org.KURANG, d(b=3, km=7), {"BP_KURANG_10"}, id="kurang-no-bp"),
    pytest.param(Org.KURANG, d(sb=2, bp=1, km=7), {"SB_LEBIH_10"}, id="kurang-sb-20"),
    # Sangat Kurang: ≥60% SK; ≥10% K/M and/or BP; others B; no SB at all.
    pytest.param(Org.SANGAT_KURANG, d(b=3, km=1, sk=6), set(), id="sk-exactly-60-and-km-10"),
    pytest.param(Org.SANGAT_KURANG, d(b=1, bp=1, sk=8), set(), id="sk-bp-also-counts"),
    pytest.param(Org.SANGAT_KURANG, d(b=4, bp=1, sk=5), {"SK_KURANG_60"}, id="sk-50"),
    pytest.param(Org.SANGAT_KURANG, d(b=3, sk=7), {"BP_KM_KURANG_10"}, id="sk-no-bp-km"),
    pytest.param(Org.SANGAT_KURANG, d(sb=1, km=2, sk=7), {"ADA_SB"}, id="sk-any-sb-forbidden"),
]


@pytest.mark.parametrize("org,jumlah,expected", CASES)
def test_rules_of_section_4(org, jumlah, expected):
    assert kodes(org, jumlah) == expected


@pytest.mark.parametrize("org", list(Org))
def test_empty_unit_breaks_nothing(org):
    assert periksa_distribusi(org, {}) == []


def test_messages_are_indonesian_and_cite_the_numbers():
    (p,) = periksa_distribusi(Org.BUTUH_PERBAIKAN, d(b=5, bp=5))
    assert p.kode == "BP_KURANG_60"
    assert "Minimal 60%" in p.pesan and "5 dari 10" in p.pesan and "minimal 6" in p.pesan


def test_accepts_string_keys():
    assert kodes(Org.ISTIMEWA, {"SANGAT_BAIK": 8, "BAIK": 2}) == {"SB_LEBIH_70"}


# --- small units: the rounding rule of kurva.py (maxima ceil, 60% minimum ceil, 10% minima floor) ---

@pytest.mark.parametrize("n", range(1, 12))
def test_every_unit_size_has_a_compliant_majority(n):
    """A cap rounded up means 'more than half, at most 70 %' is always reachable (n=2, 4 included)."""
    lo, hi = batas(Org.ISTIMEWA, n)[Predikat.SANGAT_BAIK]
    assert lo <= hi
    assert kodes(Org.ISTIMEWA, d(sb=lo, b=n - lo)) == set()


@pytest.mark.parametrize("n,sb_ok,sb_too_many", [(1, 1, None), (2, 2, None), (3, 3, None), (4, 3, 4), (5, 4, 5),
                                                 (7, 5, 6), (20, 14, 15)])
def test_small_unit_70_percent_cap_rounds_up(n, sb_ok, sb_too_many):
    assert kodes(Org.ISTIMEWA, d(sb=sb_ok, b=n - sb_ok)) == set()
    if sb_too_many:
        assert "SB_LEBIH_70" in kodes(Org.ISTIMEWA, d(sb=sb_too_many, b=n - sb_too_many))


@pytest.mark.parametrize("n", [1, 5, 9])
def test_unit_below_ten_need_not_have_bp_or_km(n):
    b = n // 2 + 1
    assert kodes(Org.BAIK, d(b=b, sb=n - b)) == set()
    assert kodes(Org.KURANG, d(km=n)) == set()
    assert kodes(Org.SANGAT_KURANG, d(sk=n)) == set()


def test_from_ten_pegawai_bp_or_km_is_required():
    assert kodes(Org.BAIK, d(b=6, sb=4)) == {"TIDAK_ADA_BP_KM"}
    assert kodes(Org.KURANG, d(km=10)) == {"BP_KURANG_10"}
    assert kodes(Org.SANGAT_KURANG, d(sk=10)) == {"BP_KM_KURANG_10"}


@pytest.mark.parametrize("n,required", [(1, 1), (3, 2), (4, 3), (5, 3), (10, 6), (11, 7)])
def test_sixty_percent_minimum_rounds_up(n, required):
    assert kodes(Org.BUTUH_PERBAIKAN, d(bp=required, b=n - required)) == set()
    assert kodes(Org.BUTUH_PERBAIKAN, d(bp=required - 1, b=n - required + 1)) == {"BP_KURANG_60"}


@pytest.mark.parametrize("n,sb_ok", [(3, 1), (9, 1), (10, 1), (11, 2), (20, 2)])
def test_ten_percent_sb_cap_rounds_up(n, sb_ok):
    assert kodes(Org.BUTUH_PERBAIKAN, d(sb=sb_ok, bp=n - sb_ok)) == set()
    assert kodes(Org.BUTUH_PERBAIKAN, d(sb=sb_ok + 1, bp=n - sb_ok - 1)) >= {"SB_LEBIH_10"}


def test_no_floating_point_drift_at_30():
    # 0.1 * 30 == 3.0000000000000004 in floats; the cap must stay 3.
    assert kodes(Org.BUTUH_PERBAIKAN, d(sb=4, bp=26)) == {"SB_LEBIH_10"}
    assert kodes(Org.BUTUH_PERBAIKAN, d(sb=3, bp=27)) == set()


def test_sangat_kurang_forbids_sb_even_in_a_unit_of_one():
    assert kodes(Org.SANGAT_KURANG, d(sb=1)) >= {"ADA_SB"}


# Leader rule, domain.md §3.3: the unit's capaian kinerja organisasi is its head's rating hasil kerja.
@pytest.mark.parametrize("capaian,rating", [
    (Org.ISTIMEWA, Rating.DI_ATAS),
    (Org.BAIK, Rating.SESUAI),
    (Org.BUTUH_PERBAIKAN, Rating.DI_BAWAH),
    (Org.KURANG, Rating.DI_BAWAH),
    (Org.SANGAT_KURANG, Rating.DI_BAWAH),
])
def test_rating_hasil_pimpinan_dari_capaian_organisasi(capaian, rating):
    assert RATING_DARI_CAPAIAN[capaian] == rating


def test_every_organisation_predikat_has_a_leader_rating():
    assert set(RATING_DARI_CAPAIAN) == set(Org)
