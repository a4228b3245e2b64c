"""``descendant_ids``: a unit and every unit below it, the one subtree walk (domain.md §7.5; issue 13)."""
import pytest

from pegawai.selectors import descendant_ids
from pegawai.tests.factories import InstansiFactory, UnitKerjaFactory

pytestmark = pytest.mark.django_db

# A 4-level tree (Setda → perangkat daerah → bidang → seksi) plus a second branch and a neighbour instansi.
POHON = {
    "setda": None, "dinas": "setda", "bidang": "dinas", "seksi1": "bidang", "seksi2": "bidang",
    "sekretariat": "dinas", "subbag": "sekretariat", "badan": "setda", "bidang_badan": "badan",
}


@pytest.fixture
def units():
    instansi = InstansiFactory()
    made = {}
    for nama, induk in POHON.items():  # parents come first in POHON
        made[nama] = UnitKerjaFactory(instansi=instansi, nama=nama, parent=made.get(induk))
    lain = UnitKerjaFactory(nama="lain")  # another instansi's root
    made["seksi_lain"] = UnitKerjaFactory(instansi=lain.instansi, parent=lain, nama="seksi_lain")
    return made


@pytest.mark.parametrize("akar, diharapkan", [
    ("setda", set(POHON)),
    ("dinas", {"dinas", "bidang", "seksi1", "seksi2", "sekretariat", "subbag"}),
    ("bidang", {"bidang", "seksi1", "seksi2"}),
    ("seksi1", {"seksi1"}),
    ("badan", {"badan", "bidang_badan"}),
])
def test_subtree_holds_the_unit_and_every_level_below_it(units, akar, diharapkan):
    nama = {u.pk: n for n, u in units.items()}
    hasil = descendant_ids(units[akar])
    assert {nama[pk] for pk in hasil} == diharapkan and len(hasil) == len(diharapkan)


def test_an_id_works_like_the_unit(units):
    assert sorted(descendant_ids(units["dinas"].pk)) == sorted(descendant_ids(units["dinas"]))


def test_one_query_whatever_the_depth(units, django_assert_num_queries):
    with django_assert_num_queries(1):
        descendant_ids(units["setda"])
    with django_assert_num_queries(1):
        descendant_ids(units["seksi2"])
