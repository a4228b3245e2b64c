"""The print buttons sit on the pages of the records they print, and lead to the permission-checked PDFs."""
import pytest
from django.urls import reverse

from penilaian.models import Skp
from penilaian.tests.factories import skp_with_rhk
from penilaian.tests.rekan_factories import final, penilaian_of

pytestmark = pytest.mark.django_db


def test_skp_page_offers_pdf_that_contains_the_skp(client, org, django_capture_on_commit_callbacks):
    skp = skp_with_rhk(org.pegawai)
    client.force_login(org.pegawai.user)
    page = client.get(reverse("penilaian:skp-detail", args=[skp.pk])).content.decode()
    url = reverse("notifikasi:pdf-skp", args=[skp.pk])
    assert url in page
    with django_capture_on_commit_callbacks(execute=True):
        first = client.get(url)  # queues the render (run eagerly here); the page polls until ready
    assert first.status_code in (200, 202)
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200 and body.startswith(b"%PDF")


def test_final_evaluation_offers_dokumen_evaluasi(client, org):
    penilaian = final(penilaian_of(org.pegawai))
    client.force_login(org.atasan.user)
    page = client.get(reverse("penilaian:evaluasi-detail", args=[penilaian.pk])).content.decode()
    assert reverse("notifikasi:pdf-dokumen-evaluasi", args=[penilaian.pk]) in page
    assert reverse("notifikasi:pdf-penilaian", args=[penilaian.pk]) in page


def test_draft_evaluation_has_no_dokumen_evaluasi_button(client, org):
    penilaian = penilaian_of(org.pegawai)
    client.force_login(org.pegawai.user)
    page = client.get(reverse("penilaian:evaluasi-detail", args=[penilaian.pk])).content.decode()
    assert reverse("notifikasi:pdf-dokumen-evaluasi", args=[penilaian.pk]) not in page


def test_skp_history_shows_status_labels_not_codes(client, org):
    from penilaian.skp.services import skp_submit

    skp = skp_with_rhk(org.pegawai, status=Skp.Status.DRAFT)
    skp_submit(skp=skp, oleh=org.pegawai.user)
    client.force_login(org.pegawai.user)
    page = client.get(reverse("penilaian:skp-detail", args=[skp.pk])).content.decode()
    riwayat = page[page.index('id="riwayat"'):]
    assert "Draf → Diajukan" in riwayat
