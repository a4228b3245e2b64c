"""SKP screens: who sees and does what (style.md §4), and list query counts that do not grow with rows."""
import pytest
from django.urls import reverse

from kinerja.audit import audit_for
from pegawai.tests.factories import PegawaiFactory, login_as
from penilaian.models import PerilakuKerja, Skp
from penilaian.tests.factories import RhkFactory, SkpFactory, skp_with_rhk

pytestmark = pytest.mark.django_db
S = Skp.Status


as_ = login_as


@pytest.mark.parametrize("actor,code", [
    ("pegawai", 200), ("atasan", 200), ("kabid", 200), ("hr", 200),
    ("rekan", 404), ("atasan2", 404), ("lain", 404), ("hr_other", 404), ("asing", 404),
])
def test_detail_scope(client, org, actor, code):
    skp = skp_with_rhk(org.pegawai, status=S.DIAJUKAN)
    assert as_(client, org, actor).get(reverse("penilaian:skp-detail", args=[skp.pk])).status_code == code


@pytest.mark.parametrize("actor", ["atasan", "rekan", "hr", "atasan2"])
def test_edit_urls_answer_404_to_non_owners(client, org, actor):
    skp = skp_with_rhk(org.pegawai, status=S.DRAFT)
    rhk = skp.rhk.first()
    c = as_(client, org, actor)
    assert c.get(reverse("penilaian:rhk-create", args=[skp.pk])).status_code == 404
    assert c.get(reverse("penilaian:rhk-update", args=[rhk.pk])).status_code == 404
    assert c.post(reverse("penilaian:rhk-action", args=[rhk.pk, "hapus"])).status_code == 404
    assert c.post(reverse("penilaian:iki-action", args=[rhk.iki.first().pk, "hapus"])).status_code == 404
    assert c.post(reverse("penilaian:skp-submit", args=[skp.pk])).status_code == 404
    assert skp.rhk.count() == 2


@pytest.mark.parametrize("actor,code", [
    ("atasan", 302), ("pegawai", 404), ("atasan2", 404), ("hr", 404), ("kabid", 404),
])
@pytest.mark.parametrize("view,data,done,aksi", [
    ("skp-approve", {}, S.DISETUJUI, "skp.approved"),
    ("skp-return", {"catatan": "Lengkapi target"}, S.DIKEMBALIKAN, "skp.returned"),
])
def test_approve_and_return_answer_404_to_anyone_but_the_penilai(client, org, actor, code, view, data, done, aksi):
    skp = skp_with_rhk(org.pegawai, status=S.DIAJUKAN)
    c = as_(client, org, actor)
    assert c.post(reverse(f"penilaian:{view}", args=[skp.pk]), data).status_code == code
    skp.refresh_from_db()
    if code == 302:  # the penilai: the SKP moved and the step is audited
        assert skp.status == done and audit_for(skp).filter(aksi=aksi).exists()
    else:
        assert skp.status == S.DIAJUKAN and not audit_for(skp).exists()


def test_owner_creates_adds_rhk_and_iki_and_submits_through_the_pages(client, org):
    c = as_(client, org, "pegawai")
    r = c.post(reverse("penilaian:skp-create"), {"tahun": 2026, "tanggal_mulai": "2026-01-01",
                                                 "tanggal_selesai": "2026-12-31", "pendekatan": "KUANTITATIF"})
    skp = Skp.objects.get(pegawai=org.pegawai)
    assert r.url == reverse("penilaian:skp-detail", args=[skp.pk])
    boss = RhkFactory(skp=SkpFactory(pegawai=org.atasan), teks="Terlaksananya program seksi")
    c.post(
        reverse("penilaian:rhk-create", args=[skp.pk]),
        {"jenis": "UTAMA", "teks": "Tersusunnya laporan", "induk": boss.pk},
    )
    rhk = skp.rhk.get()
    assert rhk.induk == boss
    c.post(
        reverse("penilaian:iki-create", args=[rhk.pk]),
        {"teks": "Jumlah laporan", "aspek": "KUANTITAS", "target_angka": "4", "satuan": "laporan"},
    )
    assert rhk.iki.get().target_display == "4 laporan"
    c.post(reverse("penilaian:skp-submit", args=[skp.pk]))
    skp.refresh_from_db()
    assert skp.status == S.DIAJUKAN
    page = c.get(reverse("penilaian:skp-detail", args=[skp.pk])).content.decode()
    assert "Diajukan untuk persetujuan oleh" in page and "Terlaksananya program seksi" in page


def test_rhk_form_offers_only_the_penilais_rhk(client, org):
    skp = SkpFactory(pegawai=org.pegawai)
    RhkFactory(skp=SkpFactory(pegawai=org.atasan), teks="RHK atasan saya")
    other = RhkFactory(skp=SkpFactory(pegawai=org.atasan2), teks="RHK atasan lain")
    c = as_(client, org, "pegawai")
    page = c.get(reverse("penilaian:rhk-create", args=[skp.pk])).content.decode()
    assert "RHK atasan saya" in page and "RHK atasan lain" not in page
    c.post(reverse("penilaian:rhk-action", args=[RhkFactory(skp=skp).pk, "tautkan"]), {"induk": other.pk})
    assert not skp.rhk.filter(induk=other).exists()


def test_review_approve_with_expectations_and_return_with_note(client, org):
    skp = skp_with_rhk(org.pegawai, status=S.DIAJUKAN)
    c = as_(client, org, "atasan")
    page = c.get(reverse("penilaian:skp-detail", args=[skp.pk])).content.decode()
    assert "Menolak segala bentuk gratifikasi" in page and "tombol-setujui" in page  # picklist offered
    r = c.post(reverse("penilaian:skp-return", args=[skp.pk]), {"catatan": ""})
    skp.refresh_from_db()
    assert skp.status == S.DIAJUKAN and r.status_code == 302
    c.post(reverse("penilaian:skp-return", args=[skp.pk]), {"catatan": "Lengkapi target waktu"})
    skp.refresh_from_db()
    assert skp.status == S.DIKEMBALIKAN
    page = as_(client, org, "pegawai").get(reverse("penilaian:skp-detail", args=[skp.pk])).content.decode()
    assert "Lengkapi target waktu" in page
    skp.status = S.DIAJUKAN
    skp.save()
    loyal = PerilakuKerja.objects.get(kode="LOYAL")
    kolab = PerilakuKerja.objects.get(kode="KOLABORATIF")
    as_(client, org, "atasan").post(
        reverse("penilaian:skp-approve", args=[skp.pk]),
        {
            f"frasa_{loyal.pk}": "Menjaga nama baik instansi di media sosial",
            f"teks_{kolab.pk}": "Aktif di tim lintas bidang",
        },
    )
    skp.refresh_from_db()
    assert skp.status == S.DISETUJUI
    assert (
        dict(skp.ekspektasi.values_list("perilaku__kode", "teks"))["LOYAL"]
        == "Menjaga nama baik instansi di media sosial"
    )
    assert dict(skp.ekspektasi.values_list("perilaku__kode", "teks"))["KOLABORATIF"] == "Aktif di tim lintas bidang"


def test_bulk_approve_from_the_queue(client, org):
    a, b = skp_with_rhk(org.pegawai, status=S.DIAJUKAN), skp_with_rhk(org.rekan, status=S.DIAJUKAN)
    foreign = skp_with_rhk(org.lain, status=S.DIAJUKAN)
    as_(client, org, "atasan").post(reverse("penilaian:skp-bulk-approve"), {"skp": [a.pk, b.pk, foreign.pk]})
    assert set(Skp.objects.filter(status=S.DISETUJUI).values_list("pk", flat=True)) == {a.pk, b.pk}


def test_queue_lists_only_my_subordinates_and_filters(client, org):
    mine = skp_with_rhk(org.pegawai, status=S.DIAJUKAN)
    skp_with_rhk(org.rekan, status=S.DRAFT)
    skp_with_rhk(org.lain, status=S.DIAJUKAN)
    c = as_(client, org, "atasan")
    page = c.get(reverse("penilaian:skp-queue"))
    assert [s.pk for s in page.context["page_obj"]] == [mine.pk]
    assert len(c.get(reverse("penilaian:skp-queue"), {"status": ""}).context["page_obj"]) == 2
    assert len(c.get(reverse("penilaian:skp-queue"), {"status": "", "tahun": 2025}).context["page_obj"]) == 0


def test_queue_query_count_does_not_grow(client, org, django_assert_max_num_queries):
    c = as_(client, org, "atasan")
    for _ in range(3):
        skp_with_rhk(PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan), status=S.DIAJUKAN)
    with django_assert_max_num_queries(20) as few:
        c.get(reverse("penilaian:skp-queue"))
    for _ in range(15):
        skp_with_rhk(PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan), status=S.DIAJUKAN)
    with django_assert_max_num_queries(len(few.captured_queries)):
        r = c.get(reverse("penilaian:skp-queue"))
    assert len(r.context["page_obj"]) == 18


def cascade(org, n_staff):
    head = skp_with_rhk(org.kabid, n_rhk=2)
    ks = skp_with_rhk(org.atasan, n_rhk=2)
    ks.rhk.update(induk=head.rhk.first())
    for _ in range(n_staff):
        s = skp_with_rhk(PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan), n_rhk=2)
        s.rhk.update(induk=ks.rhk.first())
    return head


@pytest.mark.parametrize("actor,code", [("kabid", 200), ("hr", 200), ("atasan2", 200), ("hr_other", 200)])
def test_pohon_scope_is_the_users_units(client, org, actor, code):
    cascade(org, 1)
    r = as_(client, org, actor).get(reverse("penilaian:skp-pohon"), {"unit": org.bidang.pk})
    assert r.status_code == code
    sees = bool(r.context["roots"])
    assert sees == (actor in ("kabid", "hr"))


def test_matriks_shows_support_and_unsupported_rhk(client, org):
    mine = skp_with_rhk(org.atasan, n_rhk=2)
    first, second = mine.rhk.order_by("urutan")
    s = skp_with_rhk(org.pegawai, n_rhk=1)
    s.rhk.update(induk=first)
    skp_with_rhk(org.rekan, n_rhk=1)
    r = as_(client, org, "atasan").get(reverse("penilaian:skp-matriks"))
    m = r.context["m"]
    assert [k.pk for k in m.kolom] == [first.pk, second.pk]
    row = {b.pegawai.pk: b for b in m.baris}
    assert [x.skp_id for x in row[org.pegawai.pk].sel[0]] == [s.pk]
    assert len(row[org.rekan.pk].lepas) == 1
    assert m.tanpa_dukungan == [second]


@pytest.mark.parametrize("actor,code", [("hr", 200), ("atasan", 403), ("pegawai", 403)])
def test_monitoring_is_for_hr(client, org, actor, code):
    skp_with_rhk(org.pegawai, status=S.DIAJUKAN)
    r = as_(client, org, actor).get(reverse("penilaian:skp-monitoring"), {"tahun": 2026})
    assert r.status_code == code
    if code == 200:
        rows = {b.unit.pk: b for b in r.context["page_obj"]}
        assert rows[org.seksi.pk].status[S.DIAJUKAN] == 1
        assert rows[org.seksi.pk].tanpa_skp == 2  # atasan and rekan
        assert org.rekan in list(r.context["tanpa"]) and org.asing not in list(r.context["tanpa"])
        assert "menunggu" in r.content.decode() and org.atasan.nama_lengkap in r.content.decode()


@pytest.mark.parametrize("actor,code", [("hr", 302), ("hr_other", 404), ("atasan", 403), ("pegawai", 403)])
def test_reassign_penilai_page(client, org, actor, code):
    skp = skp_with_rhk(org.pegawai, status=S.DRAFT)
    r = as_(client, org, actor).post(
        reverse("penilaian:skp-reassign", args=[skp.pk]), {"penilai": org.atasan2.pk, "alasan": "Koreksi data"}
    )
    assert r.status_code == code
    skp.refresh_from_db()
    assert (skp.pejabat_penilai == org.atasan2) == (code == 302)
    if code == 302:
        assert audit_for(skp).first().aksi == "skp.penilai_changed"


def test_approved_version_stays_readable_during_revision(client, org):
    from penilaian.skp import services

    skp = skp_with_rhk(org.pegawai, status=S.DIAJUKAN)
    services.skp_approve(skp=skp, oleh=org.atasan.user)
    c = as_(client, org, "pegawai")
    c.post(reverse("penilaian:skp-revise", args=[skp.pk]), {"alasan": "Tambah RHK"})
    page = c.get(reverse("penilaian:skp-detail", args=[skp.pk])).content.decode()
    assert "versi-disetujui" in page
    r = c.get(reverse("penilaian:skp-versi", args=[skp.pk, 1]))
    assert r.status_code == 200 and skp.rhk.first().teks in r.content.decode()
    assert as_(client, org, "lain").get(reverse("penilaian:skp-versi", args=[skp.pk, 1])).status_code == 404


def test_new_skp_form_offers_the_first_year_without_an_skp(client, org):
    from datetime import date

    from penilaian.skp.forms import SkpCreateForm

    year = date.today().year
    assert SkpCreateForm(pegawai=org.pegawai)["tahun"].value() == year
    SkpFactory(pegawai=org.pegawai, tahun=year)
    page = as_(client, org, "pegawai").get(reverse("penilaian:skp-create"))
    form = page.context["form"]
    assert form["tahun"].value() == year + 1
    assert form["tanggal_mulai"].value() == date(year + 1, 1, 1)
