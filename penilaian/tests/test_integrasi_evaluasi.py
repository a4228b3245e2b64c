"""How the features meet on the evaluation page: peer aggregate for the penilai only (domain.md §6),
and the way from a final evaluation to acknowledgement or keberatan (§3.5)."""
import pytest
from django.urls import reverse

from penilaian.tests.rekan_factories import final, masukan, peers, penilaian_of, undang

pytestmark = pytest.mark.django_db


def _detail(client, user, penilaian):
    client.force_login(user)
    return client.get(reverse("penilaian:evaluasi-detail", args=[penilaian.pk])).content.decode()


def test_penilai_sees_peer_aggregate_next_to_rating_from_three_answers(client, org):
    penilaian = penilaian_of(org.pegawai)
    rekan = peers(org, 3)
    undang(penilaian, rekan)
    page = _detail(client, org.atasan.user, penilaian)
    assert 'id="agregat-belum"' in page
    masukan(penilaian, 3, komentar="Sangat membantu tim")
    page = _detail(client, org.atasan.user, penilaian)
    assert 'id="agregat-rekan"' in page and "Sangat membantu tim" in page


def test_appraisee_never_sees_peer_input_on_evaluation_page(client, org):
    penilaian = penilaian_of(org.pegawai)
    rekan = peers(org, 3)
    undang(penilaian, rekan)
    masukan(penilaian, 3, komentar="Komentar rahasia rekan")
    page = _detail(client, org.pegawai.user, penilaian)
    assert "agregat-rekan" not in page and "Komentar rahasia rekan" not in page


def test_final_evaluation_links_owner_to_acknowledgement(client, org):
    penilaian = final(penilaian_of(org.pegawai))
    page = _detail(client, org.pegawai.user, penilaian)
    assert reverse("penilaian:tanggapan", args=[penilaian.pk]) in page
