"""SE MenPANRB 3/2023 in the agency year (domain.md §11.2 rules 4–6, §3.5, §4): capaian kinerja organisasi
before individual predikat (or HR's recorded exception), one distribution population (the SKP's unit) for
the page and the recap PDF, and small-unit exemptions shown as such."""
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kinerja.models import AuditLog
from pegawai.tests.factories import PegawaiFactory
from penilaian import pdf
from penilaian.evaluasi.urutan import pengecualian_urutan_record
from penilaian.kurva import pengecualian_unit_kecil
from penilaian.models import PengecualianUrutan, Penilaian
from penilaian.predikat import Rating
from penilaian.rekan.selectors import distribusi_unit, populasi_distribusi
from penilaian.rekan.services import capaian_organisasi_set

from .factories import finalkan
from .rekan_factories import final, penilaian_of, periode_terbuka
from .test_pdf import teks

pytestmark = pytest.mark.django_db
S = Penilaian.Status


@pytest.fixture
def periode(org):
    return periode_terbuka(org.instansi)


def diajukan(pegawai, periode):
    return penilaian_of(pegawai, periode, status=S.DIAJUKAN)


# --- §11.2 rule 5: capaian organisasi → pola distribusi → predikat individu -----------------------


def test_finalise_refused_before_capaian_then_allowed_after(org, periode):
    """domain.md §11.2 rule 5 / §3.5: the unit's capaian kinerja organisasi is set first."""
    p = diajukan(org.pegawai, periode)
    with pytest.raises(ValidationError, match="capaian kinerja organisasi Seksi Satu"):
        finalkan(p, urutan=False)
    p.refresh_from_db()
    assert p.status == S.DIAJUKAN and p.predikat == "" and p.final_pada is None
    assert not AuditLog.objects.filter(aksi="penilaian.finalized").exists()
    capaian_organisasi_set(unit=org.seksi, periode=periode, predikat="BAIK", catatan="", oleh=org.hr)
    finalkan(p, urutan=False)
    p.refresh_from_db()
    assert p.status == S.FINAL and p.predikat == "BAIK"


def test_finalise_allowed_with_hr_recorded_exception_audited(org, periode):
    """domain.md §11.2 rule 5: HR's recorded exception (unit, periode, alasan, by whom, when)."""
    p = diajukan(org.pegawai, periode)
    exc = pengecualian_urutan_record(unit=org.seksi, periode=periode, alasan="Capaian menunggu audit Inspektorat.",
                                     oleh=org.hr)
    assert (exc.oleh, exc.unit_kerja, exc.periode) == (org.hr, org.seksi, periode) and exc.waktu
    log = AuditLog.objects.get(aksi="organisasi.pengecualian_urutan")
    assert log.aktor == org.hr and log.catatan == "Capaian menunggu audit Inspektorat."
    finalkan(p, urutan=False)
    p.refresh_from_db()
    assert p.status == S.FINAL


def test_the_order_follows_the_skp_unit_not_todays(org, periode):
    """§11.2 rules 2 and 4: the pegawai moved to Seksi Dua after the SKP; Seksi Satu's capaian decides."""
    p = diajukan(org.pegawai, periode)
    org.pegawai.unit_kerja = org.seksi2
    org.pegawai.save()
    capaian_organisasi_set(unit=org.seksi2, periode=periode, predikat="BAIK", catatan="", oleh=org.hr)
    with pytest.raises(ValidationError, match="Seksi Satu"):
        finalkan(p, urutan=False)


def test_unit_head_gets_the_leader_rule_once_capaian_exists(org, periode):
    """§3.3 leader rule applied after the §11.2 rule 5 order: the head's rating hasil is the unit's capaian."""
    p = diajukan(org.atasan, periode)  # head of Seksi Satu, appraised by the kepala bidang
    capaian_organisasi_set(unit=org.seksi, periode=periode, predikat="ISTIMEWA", catatan="", oleh=org.hr)
    finalkan(p, hasil=Rating.SESUAI, perilaku=Rating.DI_ATAS, urutan=False)
    p.refresh_from_db()
    assert (p.rating_hasil, p.predikat, p.capaian_organisasi) == (Rating.DI_ATAS, "SANGAT_BAIK", "ISTIMEWA")


@pytest.mark.parametrize("siap", [False, True])
def test_evaluation_page_explains_why_finalkan_is_disabled(client, org, periode, siap):
    p = diajukan(org.pegawai, periode)
    if siap:
        capaian_organisasi_set(unit=org.seksi, periode=periode, predikat="BAIK", catatan="", oleh=org.hr)
    client.force_login(org.atasan.user)
    html = client.get(reverse("penilaian:evaluasi-detail", args=[p.pk])).content.decode()
    assert ('disabled aria-describedby="alasan-belum-final"' in html) is not siap
    assert ("capaian kinerja organisasi Seksi Satu untuk periode" in html) is not siap


def test_finalise_post_before_capaian_shows_the_message_and_changes_nothing(client, org, periode):
    p = diajukan(org.pegawai, periode)
    client.force_login(org.atasan.user)
    r = client.post(reverse("penilaian:evaluasi-finalisasi", args=[p.pk]),
                    {"versi": p.versi, "rating_hasil": Rating.SESUAI, "rating_perilaku": Rating.SESUAI})
    assert r.status_code == 400 and "SE MenPANRB 3/2023" in r.content.decode()
    p.refresh_from_db()
    assert p.status == S.DIAJUKAN and p.predikat == ""


@pytest.mark.parametrize(("actor", "status", "dicatat"), [
    ("hr", 302, True), ("atasan", 403, False), ("kabid", 403, False), ("hr_other", 404, False),
    ("pegawai", 404, False),
])
def test_only_hr_records_the_exception_from_the_unit_page(client, org, periode, actor, status, dicatat):
    user = getattr(org, actor)
    client.force_login(getattr(user, "user", user))
    r = client.post(reverse("penilaian:unit-pengecualian", args=[org.seksi.pk, periode.pk]),
                    {"alasan": "Capaian organisasi menunggu reviu APIP."})
    assert r.status_code == status
    assert PengecualianUrutan.objects.filter(unit_kerja=org.seksi, periode=periode).exists() is dicatat


@pytest.mark.parametrize("alasan", ["", "   ", "singkat"])
def test_exception_without_a_reason_is_refused(client, org, periode, alasan):
    client.force_login(org.hr)
    r = client.post(reverse("penilaian:unit-pengecualian", args=[org.seksi.pk, periode.pk]), {"alasan": alasan},
                    follow=True)
    body = r.content.decode()
    assert r.status_code == 200 and ("Pengecualian tidak dicatat" in body or "minimal 10 karakter" in body)
    assert not PengecualianUrutan.objects.exists()


def test_exception_is_refused_once_capaian_exists_or_twice(org, periode):
    pengecualian_urutan_record(unit=org.seksi, periode=periode, alasan="Capaian menunggu audit.", oleh=org.hr)
    with pytest.raises(ValidationError, match="sudah dicatat"):
        pengecualian_urutan_record(unit=org.seksi, periode=periode, alasan="Capaian menunggu audit.", oleh=org.hr)
    capaian_organisasi_set(unit=org.seksi2, periode=periode, predikat="BAIK", catatan="", oleh=org.hr)
    with pytest.raises(ValidationError, match="sudah ditetapkan"):
        pengecualian_urutan_record(unit=org.seksi2, periode=periode, alasan="Capaian menunggu audit.", oleh=org.hr)
    assert PengecualianUrutan.objects.count() == 1


def test_unit_page_shows_the_order_status(client, org, periode):
    client.force_login(org.hr)
    url = reverse("penilaian:unit-distribusi", args=[org.seksi.pk, periode.pk])
    html = client.get(url).content.decode()
    assert 'id="form-pengecualian-urutan"' in html and "belum dapat difinalkan" in html
    pengecualian_urutan_record(unit=org.seksi, periode=periode, alasan="Capaian menunggu audit.", oleh=org.hr)
    html = client.get(url).content.decode()
    assert 'id="form-pengecualian-urutan"' not in html and "Capaian menunggu audit." in html


# --- §11.2 rule 4: one population ----------------------------------------------------------------


def test_page_and_pdf_count_the_same_population_after_a_move(client, org, periode):
    """domain.md §11.2 rule 4: evaluations of pegawai whose SKP belongs to the unit in that period, whatever
    the pegawai's or the finaliser's unit today."""
    staf = [PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan) for _ in range(2)]
    for pg in [*staf, org.pegawai]:
        final(penilaian_of(pg, periode))
    final(penilaian_of(org.lain, periode))  # Seksi Dua
    # After the SKPs were made: org.pegawai moves to Seksi Dua, and the penilai himself moves too.
    org.pegawai.unit_kerja = org.seksi2
    org.pegawai.save()
    org.atasan.unit_kerja = org.seksi2
    org.atasan.save()

    halaman = {p.pk for p in populasi_distribusi(org.seksi, periode)}
    rekap = {p.pk for p in pdf.rekap_rows(org.seksi, periode)}
    assert halaman == rekap and len(rekap) == 3
    assert distribusi_unit(org.seksi, periode).total == 3
    assert {p.pk for p in pdf.rekap_rows(org.seksi2, periode)} == {
        p.pk for p in populasi_distribusi(org.seksi2, periode)} and len(pdf.rekap_rows(org.seksi2, periode)) == 1

    client.force_login(org.hr)
    html = client.get(reverse("penilaian:unit-distribusi", args=[org.seksi.pk, periode.pk])).content.decode()
    assert "3 pegawai berpredikat" in html
    t = teks(pdf.render_rekap_unit(org.seksi, periode))
    assert org.pegawai.nama_lengkap in t and org.lain.nama_lengkap not in t


# --- §11.2 rule 6: small-unit exemptions ---------------------------------------------------------


@pytest.mark.parametrize(("organisasi", "n", "kode"), [
    ("BAIK", 5, ["DIKECUALIKAN_TIDAK_ADA_BP_KM"]),
    ("BAIK", 9, ["DIKECUALIKAN_TIDAK_ADA_BP_KM"]),
    ("BAIK", 10, []),
    ("BAIK", 0, []),
    ("KURANG", 9, ["DIKECUALIKAN_BP_KURANG_10"]),
    ("SANGAT_KURANG", 1, ["DIKECUALIKAN_BP_KM_KURANG_10"]),
    ("SANGAT_KURANG", 12, []),
    ("ISTIMEWA", 3, []),
    ("BUTUH_PERBAIKAN", 3, []),
])
def test_small_unit_exemptions(organisasi, n, kode):
    """domain.md §4 and §11.2 rule 6 (kurva.py rounding rule 4: below BATAS_UNIT_KECIL the 10 % minima and
    "harus ada BP/K/M" are not applied)."""
    assert [p.kode for p in pengecualian_unit_kecil(organisasi, n)] == kode


def test_exemption_is_labelled_on_page_and_pdf(client, org, periode):
    for _ in range(3):
        final(penilaian_of(PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan), periode))
    capaian_organisasi_set(unit=org.seksi, periode=periode, predikat="BAIK", catatan="", oleh=org.hr)
    client.force_login(org.hr)
    html = client.get(reverse("penilaian:unit-distribusi", args=[org.seksi.pk, periode.pk])).content.decode()
    assert 'id="pengecualian-distribusi"' in html and 'data-kode="DIKECUALIKAN_TIDAK_ADA_BP_KM"' in html
    assert "Dikecualikan: unit &lt; 10 pegawai" in html and "dengan pengecualian unit kecil" in html
    assert "Dikecualikan: unit < 10 pegawai" in teks(pdf.render_rekap_unit(org.seksi, periode))


def test_refusal_is_explained_in_both_languages(org, periode):
    from django.utils import translation

    from penilaian.evaluasi.urutan import alasan_belum_final

    p = diajukan(org.pegawai, periode)
    assert "belum dapat difinalkan" in alasan_belum_final(p)
    with translation.override("en"):
        assert "cannot be finalised yet" in alasan_belum_final(p)
        assert "Exempted: unit < 10" in pengecualian_unit_kecil("BAIK", 3)[0].pesan


@pytest.mark.parametrize("model", ["pengecualianurutan", "permintaanpenjelasan"])
def test_new_models_open_in_admin(client, org, periode, model):
    from pegawai.tests.factories import UserFactory

    pengecualian_urutan_record(unit=org.seksi, periode=periode, alasan="Capaian menunggu audit.", oleh=org.hr)
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    assert client.get(reverse(f"admin:penilaian_{model}_changelist")).status_code == 200
