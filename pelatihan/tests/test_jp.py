"""The yearly JP rule: PNS ≥ 20 JP (PP 11/2017 Pasal 203, domain.md §8.1); PPPK ≤ 24 JP per contract
year, a cap and not a target (PP 49/2018 Pasal 40, domain.md §7.6)."""
import pytest

from pelatihan.jp import status_jp

# (status pegawai, verified JP, is_target, tercapai, melebihi, kurang, persen)
TABEL = [
    ("PNS", 0, True, False, False, 20, 0),
    ("PNS", 19, True, False, False, 1, 95),
    ("PNS", 20, True, True, False, 0, 100),
    ("PNS", 45, True, True, False, 0, 100),
    ("CPNS", 12, True, False, False, 8, 60),
    ("CPNS", 20, True, True, False, 0, 100),
    ("PPPK", 0, False, False, False, 0, 0),
    ("PPPK", 12, False, False, False, 0, 50),
    ("PPPK", 24, False, False, False, 0, 100),
    ("PPPK", 25, False, False, True, 0, 100),
]


@pytest.mark.parametrize(("status", "jp", "is_target", "tercapai", "melebihi", "kurang", "persen"), TABEL)
def test_aturan_jp_pns_dan_pppk(status, jp, is_target, tercapai, melebihi, kurang, persen):
    s = status_jp(status, jp)
    assert (s.is_target, s.tercapai, s.melebihi, s.kurang, s.persen) == (is_target, tercapai, melebihi, kurang, persen)


def test_batas_pns_20_dan_pppk_24():
    assert status_jp("PNS", 0).batas == 20
    assert status_jp("PPPK", 0).batas == 24


def test_pppk_bukan_target_sehingga_tidak_pernah_tercapai_atau_kurang():
    # §7.6: "max. 24 JP per contract year" — showing "kurang 24 JP" to a PPPK would be wrong.
    s = status_jp("PPPK", 3)
    assert not s.tercapai and s.kurang == 0 and s.warna == "info"
    assert status_jp("PPPK", 30).warna == "danger"
