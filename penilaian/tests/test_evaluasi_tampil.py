"""Issue 11 on the evaluation page: what a form shows can be saved back unchanged, and every "save, then
act" button (Ajukan, Finalkan) acts on what the page shows. Evidence is added and removed without a
reload (htmx partial), so nothing typed is lost."""
from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.models import AuditLog
from penilaian.models import BuktiDukung, Penilaian, Realisasi, RencanaAksi
from penilaian.predikat import Predikat, Rating
from penilaian.tests.evaluasi_helpers import penilaian_untuk, periode_terbuka
from penilaian.tests.factories import siapkan_urutan
from tests.html_form import form_values

pytestmark = pytest.mark.django_db
S = Penilaian.Status
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def isian(client, org):
    p = penilaian_untuk(org.pegawai, periode_terbuka(org.instansi))
    client.force_login(org.pegawai.user)
    return client, p, p.skp.rhk.first().iki.first()


def _page(client, p) -> str:
    return client.get(reverse("penilaian:evaluasi-detail", args=[p.pk])).content.decode()


def test_saved_realisasi_comes_back_as_typed_and_survives_saving_again(isian):
    """Fault 1: value="12,50" was dropped by the browser and the next save stored NULL."""
    client, p, iki = isian
    data = form_values(_page(client, p), "form-isian")
    data[f"real_{iki.pk}"] = "12.5"
    assert client.post(reverse("penilaian:evaluasi-isian", args=[p.pk]), data).status_code == 302

    html = _page(client, p)
    assert f'name="real_{iki.pk}" value="12.5"' in html
    data = form_values(html, "form-isian")  # exactly what the page shows, only the rencana aksi edited
    data[f"ra_{iki.rhk_id}"] = "Menyusun laporan triwulan"
    r = client.post(reverse("penilaian:evaluasi-isian", args=[p.pk]), data)
    assert r.status_code == 302
    assert Realisasi.objects.get(penilaian=p, iki=iki).nilai == Decimal("12.5")
    assert RencanaAksi.objects.get(penilaian=p, rhk_id=iki.rhk_id).teks == "Menyusun laporan triwulan"


def test_whole_numbers_show_without_decimals_or_exponent(isian):
    client, p, iki = isian
    Realisasi.objects.create(penilaian=p, iki=iki, nilai=Decimal("100.00"))
    assert f'name="real_{iki.pk}" value="100"' in _page(client, p)


def test_negative_realisasi_is_refused_nothing_saved_and_typed_values_kept(isian):
    client, p, iki = isian
    Realisasi.objects.create(penilaian=p, iki=iki, nilai=Decimal(3))
    data = form_values(_page(client, p), "form-isian")
    data.update({f"real_{iki.pk}": "-2", f"ra_{iki.rhk_id}": "Rencana yang baru saya ketik"})
    r = client.post(reverse("penilaian:evaluasi-isian", args=[p.pk]), data)
    html = r.content.decode()
    assert r.status_code == 400
    assert "Realisasi tidak boleh kurang dari 0." in html and "Isian belum tersimpan" in html
    assert f'name="real_{iki.pk}" value="-2"' in html and "Rencana yang baru saya ketik" in html
    assert Realisasi.objects.get(penilaian=p, iki=iki).nilai == Decimal(3)
    assert not RencanaAksi.objects.filter(penilaian=p).exists()


def test_every_input_has_its_own_id_and_label(isian):
    client, p, _iki = isian
    html = _page(client, p)
    for rhk in p.skp.rhk.all():
        assert f'id="id_ra_{rhk.pk}"' in html and f"<span class=\"visually-hidden\"> — {rhk.teks}</span>" in html
        for iki in rhk.iki.all():
            assert html.count(f'id="id_real_{iki.pk}"') == 1
            assert f'<label class="visually-hidden" for="id_real_{iki.pk}">Realisasi — {iki.teks}</label>' in html
            assert f'for="id_bukti_{iki.pk}_url">Tautan bukti — {iki.teks}</label>' in html


def test_a_post_without_a_field_leaves_that_value_alone(isian):
    client, p, iki = isian
    Realisasi.objects.create(penilaian=p, iki=iki, nilai=Decimal(7))
    client.post(reverse("penilaian:evaluasi-isian", args=[p.pk]), {"versi": p.versi, f"ra_{iki.rhk_id}": "Teks"})
    assert Realisasi.objects.get(penilaian=p, iki=iki).nilai == Decimal(7)


def test_ajukan_saves_the_isian_on_screen_then_submits(isian):
    """Ajukan is a button of the isian form: a realisasi typed but not saved yet is submitted too."""
    client, p, iki = isian
    data = form_values(_page(client, p), "form-isian")
    data[f"real_{iki.pk}"] = "4"
    r = client.post(reverse("penilaian:evaluasi-ajukan", args=[p.pk]), data, follow=True)
    assert "Penilaian diajukan ke pejabat penilai." in r.content.decode()
    p.refresh_from_db()
    assert p.status == S.DIAJUKAN and p.realisasi.get(iki=iki).nilai == Decimal(4)


def test_ajukan_refused_saves_nothing_and_keeps_the_text(isian):
    client, p, iki = isian
    data = form_values(_page(client, p), "form-isian")
    data[f"ra_{iki.rhk_id}"] = "Rencana tanpa realisasi"
    r = client.post(reverse("penilaian:evaluasi-ajukan", args=[p.pk]), data)
    html = r.content.decode()
    assert r.status_code == 400 and "Isi realisasi minimal satu indikator" in html and "Rencana tanpa realisasi" in html
    p.refresh_from_db()
    assert p.status == S.DRAFT and not p.rencana_aksi.exists()


@pytest.fixture
def dinilai(client, org):
    """Rated Sesuai/Sesuai (Baik) and saved; the penilai's page is open."""
    p = penilaian_untuk(org.pegawai, periode_terbuka(org.instansi), status=S.DINILAI,
                        rating_hasil=Rating.SESUAI, rating_perilaku=Rating.SESUAI, predikat=Predikat.BAIK)
    siapkan_urutan(p)
    client.force_login(org.atasan.user)
    return client, p


def test_finalkan_locks_the_ratings_on_screen_not_the_saved_ones(dinilai):
    """Fault 2: the supervisor picked Di Atas / Di Atas (Sangat Baik) and the record said Baik."""
    client, p = dinilai
    html = _page(client, p)
    assert f'formaction="{reverse("penilaian:evaluasi-finalisasi", args=[p.pk])}"' in html
    data = form_values(html, "form-rating")
    assert (data["rating_hasil"], data["rating_perilaku"]) == (Rating.SESUAI, Rating.SESUAI)
    data.update(rating_hasil=Rating.DI_ATAS, rating_perilaku=Rating.DI_ATAS)
    r = client.post(reverse("penilaian:evaluasi-finalisasi", args=[p.pk]), data, follow=True)
    assert "Penilaian difinalkan dengan predikat Sangat Baik." in r.content.decode()
    p.refresh_from_db()
    assert (p.status, p.rating_hasil, p.rating_perilaku, p.predikat) == (S.FINAL, Rating.DI_ATAS, Rating.DI_ATAS,
                                                                         Predikat.SANGAT_BAIK)
    rated = AuditLog.objects.get(aksi="penilaian.rated")
    assert rated.data["ke"]["predikat"] == Predikat.SANGAT_BAIK
    assert AuditLog.objects.get(aksi="penilaian.finalized").data["predikat"] == Predikat.SANGAT_BAIK


def test_finalkan_by_htmx_redirects_to_the_final_page(dinilai):
    client, p = dinilai
    data = {"versi": p.versi, "rating_hasil": Rating.DI_BAWAH, "rating_perilaku": Rating.DI_ATAS}
    r = client.post(reverse("penilaian:evaluasi-finalisasi", args=[p.pk]), data, **HTMX)
    assert r.status_code == 204 and r["HX-Redirect"] == reverse("penilaian:evaluasi-detail", args=[p.pk])
    p.refresh_from_db()
    assert (p.status, p.predikat) == (S.FINAL, Predikat.BUTUH_PERBAIKAN)


def test_finalkan_refused_saves_nothing_and_the_card_keeps_the_choice(dinilai):
    client, p = dinilai
    r = client.post(reverse("penilaian:evaluasi-finalisasi", args=[p.pk]),
                    {"versi": p.versi, "rating_hasil": Rating.DI_ATAS, "rating_perilaku": ""}, **HTMX)
    html = r.content.decode()
    assert r.status_code == 200 and "sebelum memfinalkan" in html and "<html" not in html
    assert 'value="DI_ATAS" class="form-check-input js-rating" id="rh-DI_ATAS" checked' in html
    assert 'data-unsaved-warning="dirty"' in html
    p.refresh_from_db()
    assert (p.status, p.rating_hasil, p.rating_perilaku, p.predikat) == (S.DINILAI, Rating.SESUAI, Rating.SESUAI,
                                                                         Predikat.BAIK)
    assert not AuditLog.objects.filter(aksi__in=["penilaian.rated", "penilaian.finalized"]).exists()


def test_finalkan_with_a_stale_version_changes_nothing(dinilai):
    client, p = dinilai
    Penilaian.objects.filter(pk=p.pk).update(versi=p.versi + 1)
    r = client.post(reverse("penilaian:evaluasi-finalisasi", args=[p.pk]),
                    {"versi": p.versi, "rating_hasil": Rating.DI_ATAS, "rating_perilaku": Rating.DI_ATAS})
    assert r.status_code == 409 and "diubah oleh orang lain" in r.content.decode()
    p.refresh_from_db()
    assert (p.status, p.predikat) == (S.DINILAI, Predikat.BAIK)


def _bukti_url(p):
    return reverse("penilaian:evaluasi-bukti-tambah", args=[p.pk])


def test_htmx_add_evidence_returns_the_list_only_and_changes_nothing_else(isian):
    """Fault 3: adding evidence reloaded the page and threw away unsaved input."""
    client, p, iki = isian
    Realisasi.objects.create(penilaian=p, iki=iki, nilai=Decimal(2))
    versi = p.versi
    r = client.post(_bukti_url(p), {"iki": iki.pk, "url": "https://drive.go.id/laporan", "keterangan": "Laporan"},
                    **HTMX)
    html = r.content.decode()
    assert r.status_code == 200 and "<html" not in html and 'id="form-isian"' not in html
    assert html.lstrip().startswith(f'<div id="bukti-iki-{iki.pk}"')
    assert "https://drive.go.id/laporan" in html and "Bukti dukung ditambahkan." in html
    bukti = BuktiDukung.objects.get()
    assert f'<div id="bukti-forms-{iki.pk}" data-hx-swap-oob="true">' in html and f'id="hapus-bukti-{bukti.pk}"' in html
    p.refresh_from_db()
    assert p.versi == versi and Realisasi.objects.get(penilaian=p, iki=iki).nilai == Decimal(2)


def test_htmx_refused_evidence_shows_the_reason_inline_and_keeps_the_text(isian):
    client, p, iki = isian
    r = client.post(_bukti_url(p), {"iki": iki.pk, "url": "bukan tautan", "keterangan": "Catatan saya"}, **HTMX)
    html = r.content.decode()
    assert r.status_code == 200 and "Masukkan URL dengan format yang benar." in html
    assert 'value="Catatan saya"' in html and "<details class=\"mt-1\" open>" in html
    assert not BuktiDukung.objects.exists()


def test_htmx_remove_evidence_returns_the_list(isian):
    client, p, iki = isian
    client.post(_bukti_url(p), {"iki": iki.pk, "url": "https://drive.go.id/a"})
    bukti = BuktiDukung.objects.get()
    r = client.post(reverse("penilaian:evaluasi-bukti-hapus", args=[bukti.pk]), **HTMX)
    html = r.content.decode()
    assert r.status_code == 200 and "Bukti dukung dihapus." in html and "drive.go.id/a" not in html
    assert "<html" not in html and not BuktiDukung.objects.exists()


@pytest.mark.parametrize(("actor", "status"), [("pegawai", 200), ("atasan", 404), ("rekan", 404), ("atasan2", 404)])
def test_htmx_evidence_endpoints_owner_only(client, org, actor, status):
    p = penilaian_untuk(org.pegawai, periode_terbuka(org.instansi))
    iki = p.skp.rhk.first().iki.first()
    realisasi = Realisasi.objects.create(penilaian=p, iki=iki)
    bukti = BuktiDukung.objects.create(realisasi=realisasi, url="https://drive.go.id/lama")
    client.force_login(getattr(org, actor).user)
    r = client.post(_bukti_url(p), {"iki": iki.pk, "url": "https://drive.go.id/baru"}, **HTMX)
    assert r.status_code == status
    assert BuktiDukung.objects.filter(url="https://drive.go.id/baru").exists() is (status == 200)
    r = client.post(reverse("penilaian:evaluasi-bukti-hapus", args=[bukti.pk]), **HTMX)
    assert r.status_code == status
    assert BuktiDukung.objects.filter(pk=bukti.pk).exists() is (status != 200)


@pytest.mark.parametrize(("actor", "status"), [("atasan", 302), ("pegawai", 404), ("rekan", 404), ("atasan2", 404)])
def test_finalkan_with_ratings_penilai_only(client, org, actor, status):
    p = penilaian_untuk(org.pegawai, periode_terbuka(org.instansi), status=S.DIAJUKAN)
    siapkan_urutan(p)
    client.force_login(getattr(org, actor).user)
    r = client.post(reverse("penilaian:evaluasi-finalisasi", args=[p.pk]),
                    {"versi": p.versi, "rating_hasil": Rating.SESUAI, "rating_perilaku": Rating.DI_ATAS})
    assert r.status_code == status
    p.refresh_from_db()
    assert (p.status, p.predikat) == ((S.FINAL, Predikat.BAIK) if status == 302 else (S.DIAJUKAN, ""))


def test_page_has_no_inline_script_or_handler(isian):
    client, p, _iki = isian
    html = _page(client, p)
    html = html[html.index("<main"):]  # the page's own content and scripts (the shared layout is not ours)
    assert "<script>" not in html and " onchange=" not in html and " onclick=" not in html
    assert '<script src="/static/js/evaluasi.js"></script>' in html
    assert '<script id="matriks-predikat" type="application/json">' in html
