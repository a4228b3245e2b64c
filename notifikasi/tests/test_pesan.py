"""Notifications are read in the reader's language, whatever language the action was taken in (issue:
"notifications and e-mails rendered in the reader's language at read time")."""
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from notifikasi.models import Notifikasi
from notifikasi.pesan import kalimat, nama_periode, periode_teks, pilihan_teks, render
from notifikasi.services import notify
from penilaian.models import Keberatan, Penilaian


@pytest.mark.parametrize(
    ("nama", "id_", "en"),
    [
        ("Triwulan I", "Triwulan I", "Quarter I"),
        ("Triwulan IV", "Triwulan IV", "Quarter IV"),
        ("triwulan ii", "Triwulan II", "Quarter II"),
        ("Semester II", "Semester II", "Semester II"),
        ("Akhir", "Akhir", "Final"),
        ("Maret", "Maret", "March"),
        ("Desember", "Desember", "December"),
        ("Evaluasi khusus Plt", "Evaluasi khusus Plt", "Evaluasi khusus Plt"),  # typed by HR: shown as typed
        ("Triwulan V", "Triwulan V", "Triwulan V"),
        ("", "", ""),
    ],
)
def test_period_names_in_both_languages(nama, id_, en):
    with translation.override("id"):
        assert nama_periode(nama) == id_
    with translation.override("en"):
        assert nama_periode(nama) == en


@pytest.mark.django_db
def test_periode_str_follows_the_reader():
    from penilaian.tests.factories import PeriodeFactory

    p = PeriodeFactory(nama="Triwulan III", tahun=2026)
    with translation.override("en"):
        assert str(p) == "Quarter III 2026"
    with translation.override("id"):
        assert str(p) == "Triwulan III 2026"


def test_nested_parameters_render_in_the_active_language():
    t = kalimat("Keberatan atas penilaian %(periode)s telah diputus: %(status)s.",
                periode=periode_teks("Triwulan II"), status=pilihan_teks(Keberatan, "status", "DIUBAH"))
    data = t.data()
    with translation.override("id"):
        assert render(data) == "Keberatan atas penilaian Triwulan II telah diputus: Penilaian diubah."
    with translation.override("en"):
        text = render(data)
    assert text.startswith("The objection against the appraisal for Quarter II has been decided: ")
    assert "Keberatan" not in text and "diubah" not in text


def test_unknown_or_broken_data_never_fails():
    assert render("teks lama") == "teks lama"
    assert render({}) == ""
    assert render({"k": "%(x)s hilang", "p": {}}) == "%(x)s hilang"
    assert render({"k": "pilihan:tidak.Ada.field:X"}) == "tidak.Ada.field:X"


@pytest.mark.django_db
def test_an_action_in_english_is_stored_in_indonesian_and_read_in_each_readers_language(org):
    user = org.pegawai.user
    with translation.override("en"):  # the penilai works in English
        notify(penerima=user, judul=kalimat("Keberatan diputus"),
               pesan=kalimat("Penilaian periode %(periode)s telah final dengan predikat %(predikat)s.",
                             periode=periode_teks("Akhir|2026"),
                             predikat=pilihan_teks(Penilaian, "predikat", "SANGAT_BAIK")))
    n = Notifikasi.objects.get(penerima=user)
    assert n.judul == "Keberatan diputus"  # the stored text (admin, search) is Indonesian
    assert "Akhir 2026" in n.pesan and "Sangat Baik" in n.pesan
    with translation.override("en"):
        assert n.judul_baca == "Objection decided"
        assert "Final 2026" in n.pesan_baca and "Sangat Baik" not in n.pesan_baca
    with translation.override("id"):
        assert n.judul_baca == "Keberatan diputus"


@pytest.mark.django_db
def test_older_rows_without_translation_data_show_their_text(org):
    n = Notifikasi.objects.create(penerima=org.pegawai.user, judul="Judul lama", pesan="Pesan lama")
    with translation.override("en"):
        assert (n.judul_baca, n.pesan_baca) == ("Judul lama", "Pesan lama")


@pytest.mark.django_db
def test_bell_and_list_show_the_readers_language(client, org):
    user = org.pegawai.user
    notify(penerima=user, judul=kalimat("SKP disetujui"), pesan=kalimat(
        "SKP %(tahun)s Anda disetujui (versi %(versi)s).", tahun=2026, versi=2))
    client.force_login(user)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    body = client.get(reverse("notifikasi:daftar")).content.decode()
    assert "SKP approved" in body and "SKP disetujui" not in body
    bell = client.get(reverse("notifikasi:bell")).content.decode()
    assert "SKP approved" in bell


@pytest.mark.django_db
def test_the_language_a_user_reads_in_is_remembered_and_used_for_their_email(client, org, mailoutbox,
                                                                              django_capture_on_commit_callbacks):
    user = org.pegawai.user
    user.email = "pegawai@example.go.id"
    user.save()
    client.force_login(user)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    client.get("/")
    user.refresh_from_db()
    assert user.bahasa == "en"
    with translation.override(settings.LANGUAGE_CODE), django_capture_on_commit_callbacks(execute=True):
        notify(penerima=user, judul=kalimat("SKP dikembalikan"), pesan=kalimat(
            "SKP %(tahun)s Anda dikembalikan: %(catatan)s", tahun=2026, catatan="lengkapi IKI"), email=True)
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert "SKP dikembalikan" not in mail.subject and "returned" in mail.subject.lower()
    assert "lengkapi IKI" in mail.body  # the user's own words stay as written


def test_sentences_joined_each_in_the_readers_language():
    from notifikasi.pesan import gabung

    data = gabung(kalimat("SKP dikembalikan"), kalimat("Keberatan diputus"), "catatan: lengkapi").data()
    with translation.override("en"):
        assert render(data) == "SKP returned Objection decided catatan: lengkapi"
