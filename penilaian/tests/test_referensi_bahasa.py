"""BerAKHLAK and the picklist phrases in the reader's language (the Indonesian text stays the official one)."""
import pytest
from django.urls import reverse
from django.utils import translation

from kinerja.dwibahasa import frasa_dalam_bahasa
from penilaian.models import FrasaEkspektasi, FrasaUmpanBalik, IndikatorPerilaku, Penilaian, PerilakuKerja
from penilaian.tests.evaluasi_helpers import penilaian_untuk, periode_terbuka
from penilaian.tests.factories import finalkan, siapkan_urutan

pytestmark = pytest.mark.django_db
FRASA_ID, FRASA_EN = "Kerja sama tim sangat baik", "Very good teamwork"


@pytest.mark.parametrize(("model", "fields"), [
    (PerilakuKerja, ["nama_en", "makna_en"]), (IndikatorPerilaku, ["teks_en"]),
    (FrasaEkspektasi, ["teks_en"]), (FrasaUmpanBalik, ["teks_en"]),
])
def test_every_seeded_row_has_english(model, fields):
    assert model.objects.exists()
    for field in fields:
        assert not model.objects.filter(**{field: ""}).exists(), field


@pytest.mark.parametrize(("language", "nama", "indikator"), [
    ("id", "Akuntabel", "Tidak menyalahgunakan kewenangan jabatan"),
    ("en", "Accountable", "Does not abuse the authority of office"),
])
def test_berakhlak_in_the_readers_language(language, nama, indikator):
    perilaku = PerilakuKerja.objects.get(kode="AKUNTABEL")
    with translation.override(language):
        assert str(perilaku) == nama
        assert str(perilaku.indikator.get(urutan=3)) == indikator
    assert perilaku.nama == "Akuntabel"  # the stored text is untouched


@pytest.mark.parametrize(("language", "teks_en", "shown"), [
    ("id", "Checks the minutes", "Memeriksa notula"),
    ("en", "Checks the minutes", "Checks the minutes"),
    ("en", "", "Memeriksa notula"),  # no English yet: the Indonesian text
])
def test_phrase_falls_back_to_indonesian(language, teks_en, shown):
    f = FrasaEkspektasi.objects.create(perilaku=PerilakuKerja.objects.first(), teks="Memeriksa notula",
                                       teks_en=teks_en)
    with translation.override(language):
        assert str(f) == shown
        assert frasa_dalam_bahasa("Memeriksa notula") == shown


@pytest.mark.parametrize(("language", "teks", "shown"), [
    ("en", FRASA_ID, FRASA_EN),
    ("id", FRASA_ID, FRASA_ID),
    ("en", "Kerja sama tim sangat baik sekali", "Kerja sama tim sangat baik sekali"),  # typed: stays as written
])
def test_stored_phrase_shown_in_the_readers_language(language, teks, shown):
    with translation.override(language):
        assert frasa_dalam_bahasa(teks) == shown


@pytest.fixture
def dinilai(org):
    p = penilaian_untuk(org.pegawai, periode_terbuka(org.instansi), status=Penilaian.Status.DRAFT)
    siapkan_urutan(p)
    return org, p


def _english(client, user):
    client.force_login(user)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})


def test_english_penilai_picks_an_english_label_and_the_indonesian_phrase_is_stored(client, dinilai):
    org, p = dinilai
    perilaku = PerilakuKerja.objects.get(kode="KOLABORATIF")
    _english(client, org.atasan.user)
    html = client.get(reverse("penilaian:evaluasi-detail", args=[p.pk])).content.decode()
    assert f'<option value="{FRASA_ID}" >{FRASA_EN}</option>' in html
    assert "Collaborative" in html and "Kolaboratif" not in html
    assert "Mobilizes the use of various resources" in html and "Menggerakkan pemanfaatan" not in html
    r = client.post(reverse("penilaian:evaluasi-umpan-balik", args=[p.pk]),
                    {"versi": p.versi, "target": f"perilaku-{perilaku.pk}", "frasa": FRASA_ID, "teks": "Lanjutkan"},
                    HTTP_HX_REQUEST="true")
    assert r.status_code == 200
    ub = p.umpan_balik.get(perilaku=perilaku)
    assert (ub.frasa, ub.teks) == (FRASA_ID, "Lanjutkan")
    html = client.get(reverse("penilaian:evaluasi-detail", args=[p.pk])).content.decode()
    assert f'<option value="{FRASA_ID}" selected>{FRASA_EN}</option>' in html


def test_employee_reads_the_phrase_in_english_and_the_pdf_stays_indonesian(client, dinilai):
    from penilaian.pdf import html_penilaian

    org, p = dinilai
    perilaku = PerilakuKerja.objects.get(kode="KOLABORATIF")
    p.umpan_balik.create(perilaku=perilaku, frasa=FRASA_ID, teks="Lanjutkan", oleh=org.atasan)
    finalkan(p)
    _english(client, org.pegawai.user)
    html = client.get(reverse("penilaian:evaluasi-detail", args=[p.pk])).content.decode()
    assert f"{FRASA_EN} — Lanjutkan" in html and FRASA_ID not in html
    client.post("/i18n/setlang/", {"language": "id", "next": "/"})
    html = client.get(reverse("penilaian:evaluasi-detail", args=[p.pk])).content.decode()
    assert f"{FRASA_ID} — Lanjutkan" in html
    with translation.override("en"):  # an official document: its reference texts stay Indonesian
        dokumen = html_penilaian(p, lang="en")
    assert "Kolaboratif" in dokumen and "Menggerakkan pemanfaatan" in dokumen and "Collaborative" not in dokumen


def test_admin_saves_both_languages(admin_client):
    f = FrasaUmpanBalik.objects.get(teks=FRASA_ID)
    url = reverse("admin:penilaian_frasaumpanbalik_change", args=[f.pk])
    assert 'name="teks_en"' in admin_client.get(url).content.decode()
    r = admin_client.post(url, {"perilaku": f.perilaku_id, "teks": FRASA_ID, "teks_en": "Excellent teamwork",
                                "aktif": "on"})
    assert r.status_code == 302
    f.refresh_from_db()
    assert (f.teks, f.teks_en) == (FRASA_ID, "Excellent teamwork")
    with translation.override("en"):
        assert frasa_dalam_bahasa(FRASA_ID) == "Excellent teamwork"


def test_english_supervisor_approves_with_a_picked_expectation_kept_in_indonesian(client, org):
    from penilaian.models import Skp
    from penilaian.tests.factories import skp_with_rhk

    skp = skp_with_rhk(org.pegawai, status=Skp.Status.DIAJUKAN)
    perilaku = PerilakuKerja.objects.get(kode="KOLABORATIF")
    frasa_id, frasa_en = "Aktif berkoordinasi lintas unit", "Actively coordinates across units"
    _english(client, org.atasan.user)
    url = reverse("penilaian:skp-detail", args=[skp.pk])
    html = client.get(url).content.decode()
    assert f'<option value="{frasa_id}">{frasa_en}</option>' in html
    assert 'id="contoh-bahasa"' in html  # says the example goes in in Indonesian, as on the SKP document
    r = client.post(reverse("penilaian:skp-approve", args=[skp.pk]), {f"teks_{perilaku.pk}": frasa_id})
    assert r.status_code == 302
    assert skp.ekspektasi.get(perilaku=perilaku).teks == frasa_id
    html = client.get(url).content.decode()
    assert frasa_en in html and frasa_id not in html and 'id="contoh-bahasa"' not in html
    client.post("/i18n/setlang/", {"language": "id", "next": "/"})
    assert frasa_id in client.get(url).content.decode()
