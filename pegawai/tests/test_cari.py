"""The person picker's search: by name or NIP, scoped to HR's instansi, 20 a page, no N+1."""
import pytest
from django.urls import reverse

from pegawai.tests.factories import PegawaiFactory

pytestmark = pytest.mark.django_db
URL = reverse("pegawai:cari")


def _nips(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return [r["nip"] for r in response.json()["results"]]


def test_hr_finds_by_name_and_by_printed_nip(client, org):
    client.force_login(org.hr)
    assert org.lain.nip in _nips(client, q=org.lain.nama.lower())
    nip = org.lain.nip
    printed = f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    assert _nips(client, q=printed) == [nip]
    assert _nips(client, q=nip[:10]) and all(n.startswith(nip[:10]) for n in _nips(client, q=nip[:10]))
    row = client.get(URL, {"q": nip}).json()["results"][0]
    assert row["nama"] == org.lain.nama_lengkap and row["unit"] == "S2 — Seksi Dua (Bidang Satu)"


def test_hr_of_another_instansi_finds_nothing_here(client, org):
    client.force_login(org.hr_other)
    assert _nips(client, q=org.lain.nip) == []
    assert _nips(client, q=org.lain.nama) == []
    assert _nips(client, q=org.asing.nip) == [org.asing.nip]


@pytest.mark.parametrize("actor", ["pegawai", "rekan"])
def test_plain_pegawai_are_refused(client, org, actor):
    client.force_login(getattr(org, actor).user)
    assert client.get(URL, {"q": org.lain.nip}).status_code == 403


def test_atasan_inviting_peers_searches_its_own_instansi_only(client, org):
    client.force_login(org.atasan.user)
    assert _nips(client, q=org.lain.nip) == [org.lain.nip]
    assert _nips(client, q=org.asing.nip) == []


def test_anonymous_is_sent_to_login(client, org):
    assert client.get(URL, {"q": "ab"}).status_code == 302


def test_inactive_and_short_queries_give_nothing(client, org):
    client.force_login(org.hr)
    org.lain.aktif = False
    org.lain.save()
    assert _nips(client, q=org.lain.nip) == []
    assert _nips(client, q="a") == []


def test_twenty_a_page_with_next_pages_in_fixed_queries(client, org, django_assert_max_num_queries):
    PegawaiFactory.create_batch(45, unit_kerja=org.seksi2, nama="Sari Harahap")
    client.force_login(org.hr)
    client.get(URL, {"q": "sari harahap"})
    with django_assert_max_num_queries(8):
        first = client.get(URL, {"q": "sari harahap"}).json()
    assert len(first["results"]) == 20 and first["has_next"]
    last = client.get(URL, {"q": "sari harahap", "page": 3}).json()
    assert len(last["results"]) == 5 and not last["has_next"]
    assert client.get(URL, {"q": "sari", "page": "x"}).status_code == 200


def test_nip_inputs_carry_the_picker(client, org):
    client.force_login(org.hr)
    for url in (reverse("pegawai:create"), reverse("pegawai:ganti-atasan", args=[org.pegawai.pk]),
                reverse("pegawai:plt-list"), reverse("pegawai:mutasi", args=[org.pegawai.pk])):
        assert f'data-cari-pegawai="{URL}"' in client.get(url).content.decode(), url


def test_peer_invitation_field_appends_picked_nips():
    from penilaian.rekan.forms import UndanganForm

    attrs = UndanganForm.base_fields["nip_lain"].widget.attrs
    assert str(attrs["data-cari-pegawai"]) == URL and "data-cari-tambah" in attrs
