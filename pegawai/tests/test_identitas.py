"""One identity builder for snapshots and documents (domain.md §1.3, §3.5, §7.3, §7.6; issue 13)."""
import pytest

from pegawai.identitas import baris, identitas_dokumen, identitas_pegawai, pangkat_golongan
from pegawai.models import Golongan
from pegawai.tests.factories import PegawaiFactory, make_nip

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("jenis, kode, diharapkan", [
    ("PNS", "III/c", "Penata, III/c"),  # §7.3: pangkat and golongan/ruang
    ("PNS", "IV/e", "Pembina Utama, IV/e"),
    ("PPPK", "IX", "IX"),  # §7.6: PPPK has a golongan and no pangkat
    ("PPPK", "XVII", "XVII"),
    (None, None, ""),
])
def test_pangkat_golongan_prints_pangkat_for_pns_and_golongan_alone_for_pppk(jenis, kode, diharapkan):
    gol = Golongan.objects.get(jenis=jenis, kode=kode) if jenis else None
    assert pangkat_golongan(gol) == diharapkan


def test_identity_has_the_stable_keys_and_full_name(org):
    p = org.pegawai
    p.gelar_depan, p.gelar_belakang = "Dr.", "S.Kom."
    p.save()
    assert identitas_pegawai(p) == {
        "id": p.pk, "nama": f"Dr. {p.nama}, S.Kom.", "nip": p.nip, "pangkat_golongan": "Penata Muda, III/a",
        "jabatan": p.jabatan.nama, "unit": "Seksi Satu", "instansi": org.instansi.nama, "status_asn": "ASN",
    }
    assert identitas_pegawai(None) == {}


def test_document_block_holds_the_three_roles_in_one_query(org, django_assert_num_queries):
    pppk = PegawaiFactory(
        nip=make_nip(pppk=True),
        status="PPPK",
        golongan=Golongan.objects.get(jenis="PPPK", kode="IX"),
        unit_kerja=org.seksi,
        atasan=org.atasan,
    )
    with django_assert_num_queries(1):
        blok = identitas_dokumen(pegawai_id=pppk.pk, penilai_id=org.atasan.pk, atasan_penilai_id=None)
    assert blok["pegawai"]["pangkat_golongan"] == "IX" and blok["penilai"]["nip"] == org.atasan.nip
    assert blok["atasan_penilai"] == {}


def test_rows_put_a_dash_where_a_value_is_missing():
    assert baris({"nama": "Budi", "nip": "1"}) == [
        ("NAMA", "Budi"),
        ("NIP", "1"),
        ("PANGKAT/GOL. RUANG", "-"),
        ("JABATAN", "-"),
        ("UNIT KERJA", "-"),
    ]
