"""Issue 11, "save, then act" outside the evaluation page: the SKP page and the keberatan decision act
on what they show (style.md §13)."""
import pytest
from django.urls import reverse

from penilaian.models import Keberatan, Skp
from penilaian.predikat import Rating
from penilaian.rekan.keberatan import keberatan_file
from penilaian.tests.factories import skp_with_rhk

from .rekan_factories import final, penilaian_of

pytestmark = pytest.mark.django_db
ALASAN = "Realisasi RHK kedua sudah 100% dan bukti dukung telah diunggah."


def test_skp_page_links_rhk_without_inline_handlers_and_ajukan_refuses_while_unsaved(client, org):
    """The RHK-pimpinan picker saved through an inline onchange, which a script-src 'self' policy blocks:
    the choice was then lost when *Ajukan SKP* was clicked."""
    skp = skp_with_rhk(org.pegawai, status=Skp.Status.DRAFT)
    client.force_login(org.pegawai.user)
    html = client.get(reverse("penilaian:skp-detail", args=[skp.pk])).content.decode()
    main = html[html.index("<main"):html.index("</main>")]
    assert "onchange=" not in main
    assert 'data-unsaved-warning>' in main and 'name="induk" class="form-select form-select-sm" data-autosubmit' in main
    assert 'id="tombol-ajukan" data-requires-saved="Ada perubahan di halaman ini yang belum disimpan.' in main


def test_skp_edit_form_warns_before_leaving_and_after_an_error_starts_unsaved(client, org):
    skp = skp_with_rhk(org.pegawai, status=Skp.Status.DRAFT)
    client.force_login(org.pegawai.user)
    url = reverse("penilaian:rhk-update", args=[skp.rhk.first().pk])
    assert "<form method=\"post\" novalidate data-unsaved-warning>" in client.get(url).content.decode()
    r = client.post(url, {"teks": ""})
    assert r.status_code == 200 and 'data-unsaved-warning="dirty"' in r.content.decode()


@pytest.fixture
def keberatan(client, org):
    p = final(penilaian_of(org.pegawai))
    kb = keberatan_file(penilaian=p, alasan=ALASAN, oleh=org.pegawai.user)
    client.force_login(org.kabid.user)
    return client, kb


def test_decision_refused_keeps_the_ratings_on_screen(keberatan):
    """The rating selects were hand-written: after an error they showed "—" again, so the next submit
    no longer carried what the decider had chosen."""
    client, kb = keberatan
    r = client.post(reverse("penilaian:keberatan-detail", args=[kb.pk]), {
        "keputusan_jenis": "UBAH", "rating_hasil": Rating.DI_ATAS, "rating_perilaku": Rating.DI_ATAS,
        "keputusan": "pendek"})
    html = r.content.decode()
    assert r.status_code == 200
    assert '<option value="DI_ATAS" selected>' in html.split('id="id_rating_hasil"')[1].split("</select>")[0]
    assert '<option value="DI_ATAS" selected>' in html.split('id="id_rating_perilaku"')[1].split("</select>")[0]
    kb.refresh_from_db()
    assert kb.status == Keberatan.Status.DIAJUKAN


def test_decision_upholding_while_new_ratings_are_shown_is_refused(keberatan):
    client, kb = keberatan
    r = client.post(reverse("penilaian:keberatan-detail", args=[kb.pk]), {
        "keputusan_jenis": "PERTAHANKAN", "rating_hasil": Rating.DI_ATAS, "rating_perilaku": "",
        "keputusan": "Penilaian sudah sesuai dengan bukti."})
    assert "Rating baru dipilih, tetapi keputusannya" in r.content.decode()
    kb.refresh_from_db()
    assert kb.status == Keberatan.Status.DIAJUKAN
    r = client.post(reverse("penilaian:keberatan-detail", args=[kb.pk]), {
        "keputusan_jenis": "PERTAHANKAN", "rating_hasil": "", "rating_perilaku": "",
        "keputusan": "Penilaian sudah sesuai dengan bukti."})
    assert r.status_code == 302
    kb.refresh_from_db()
    assert kb.status == Keberatan.Status.DIPERTAHANKAN
