"""Every evaluation view × every actor (style.md §4): owner, other employee, supervisor, other supervisor,
HR, HR of another instansi. Outside scope is 404; the wrong role on a role-only page is 403."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.models import AuditLog
from penilaian.evaluasi.services import penilaian_submit
from penilaian.models import BuktiDukung, Penilaian, PerilakuKerja, Realisasi
from penilaian.predikat import Predikat, Rating
from penilaian.tests.evaluasi_helpers import PDF, penilaian_untuk, periode_terbuka
from penilaian.tests.factories import finalkan, siapkan_urutan

pytestmark = pytest.mark.django_db
S = Penilaian.Status
ACTORS = ["pegawai", "rekan", "atasan", "atasan2", "hr", "hr_other"]


@pytest.fixture
def setup(org):
    periode = periode_terbuka(org.instansi)
    p = penilaian_untuk(org.pegawai, periode, status=S.DRAFT)
    siapkan_urutan(p)  # the SE 3/2023 order (domain.md §11.2 rule 5) is tested in test_urutan_se.py
    iki = p.skp.rhk.first().iki.first()
    realisasi = Realisasi.objects.create(penilaian=p, iki=iki, nilai=3)
    bukti = BuktiDukung.objects.create(realisasi=realisasi, berkas=SimpleUploadedFile("a.pdf", PDF),
                                       nama_berkas="a.pdf", content_type="application/pdf", ukuran=len(PDF))
    return org, p, iki, bukti


def _expect(actor, allowed, ok):
    return ok if actor in allowed else 404


VIEWER = {"pegawai", "atasan", "hr"}


@pytest.mark.parametrize("actor", ACTORS)
def test_detail(client, setup, as_actor, actor):
    org, p, _iki, _b = setup
    as_actor(actor)
    assert client.get(reverse("penilaian:evaluasi-detail", args=[p.pk])).status_code == _expect(actor, VIEWER, 200)


@pytest.mark.parametrize("actor", ACTORS)
def test_bukti_file_only_to_those_who_may_see_the_evaluation(client, setup, as_actor, actor):
    org, _p, _iki, bukti = setup
    as_actor(actor)
    r = client.get(reverse("penilaian:evaluasi-bukti-berkas", args=[bukti.pk]))
    assert r.status_code == _expect(actor, VIEWER, 200)
    if r.status_code == 200:
        assert b"".join(r.streaming_content).startswith(b"%PDF") and r["Cache-Control"] == "private, no-store"


def _state(p):
    """What the employee and supervisor actions change: status, ratings, rows, audit entries."""
    p.refresh_from_db()
    return {
        "status": p.status, "rating": (p.rating_hasil, p.rating_perilaku, p.predikat), "versi": p.versi,
        "realisasi": list(Realisasi.objects.filter(penilaian=p).values_list("iki_id", "nilai", "teks")),
        "bukti": BuktiDukung.objects.filter(realisasi__penilaian=p).count(),
        "umpan_balik": list(p.umpan_balik.values_list("teks", flat=True)),
        "audit": list(AuditLog.objects.filter(object_id=str(p.pk)).values_list("aksi", flat=True)),
    }


EMPLOYEE_DONE = {  # what the owner's successful action leaves (the other actors leave nothing)
    "isian": lambda s: s["versi"] == 2 and s["status"] == S.DRAFT,
    "ajukan": lambda s: s["status"] == S.DIAJUKAN and "penilaian.submitted" in s["audit"],
    "bukti-tambah": lambda s: s["bukti"] == 2,
}


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("view", ["isian", "ajukan", "bukti-tambah"])
def test_employee_actions_only_for_owner(client, setup, as_actor, actor, view):
    org, p, iki, _b = setup
    before = _state(p)
    as_actor(actor)
    data = {"versi": p.versi, "iki": iki.pk, "url": "https://contoh.go.id/laporan"}
    r = client.post(reverse(f"penilaian:evaluasi-{view}", args=[p.pk]), data)
    assert r.status_code == _expect(actor, {"pegawai"}, 302)
    after = _state(p)
    if actor == "pegawai":
        assert EMPLOYEE_DONE[view](after), after
    else:
        assert after == before


@pytest.mark.parametrize("actor", ACTORS)
def test_bukti_delete_only_for_owner(client, setup, as_actor, actor):
    org, _p, _iki, bukti = setup
    as_actor(actor)
    r = client.post(reverse("penilaian:evaluasi-bukti-hapus", args=[bukti.pk]))
    assert r.status_code == _expect(actor, {"pegawai"}, 302)
    assert BuktiDukung.objects.filter(pk=bukti.pk).exists() is (actor != "pegawai")


SUPERVISOR_DONE = {  # what the penilai's successful action leaves (the other actors leave nothing)
    "umpan-balik": lambda s: s["umpan_balik"] == ["Baik"] and s["status"] == S.DIAJUKAN,
    "rating": lambda s: s["status"] == S.DINILAI and s["rating"] == (Rating.SESUAI, Rating.SESUAI, Predikat.BAIK),
    "finalisasi": lambda s: s["status"] == S.FINAL and s["rating"][2] == Predikat.BAIK
    and "penilaian.finalized" in s["audit"],
    "kembalikan": lambda s: s["status"] == S.DRAFT and "penilaian.returned" in s["audit"],
}


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("view", ["umpan-balik", "rating", "finalisasi", "kembalikan"])
def test_supervisor_actions_only_for_penilai(client, setup, as_actor, actor, view):
    org, p, _iki, _b = setup
    penilaian_submit(penilaian=p, versi=p.versi, oleh=org.pegawai.user)
    before = _state(p)
    as_actor(actor)
    data = {"versi": p.versi, "target": f"perilaku-{PerilakuKerja.objects.first().pk}", "teks": "Baik",
            "rating_hasil": Rating.SESUAI, "rating_perilaku": Rating.SESUAI, "catatan": "Perbaiki"}
    r = client.post(reverse(f"penilaian:evaluasi-{view}", args=[p.pk]), data)
    assert r.status_code == _expect(actor, {"atasan"}, 302)
    after = _state(p)
    if actor == "atasan":
        assert SUPERVISOR_DONE[view](after), after
    else:
        assert after == before


@pytest.mark.parametrize("actor", ACTORS)
def test_open_by_owner_or_penilai(client, org, as_actor, actor):
    from penilaian.tests.evaluasi_helpers import skp_disetujui

    periode = periode_terbuka(org.instansi)
    skp = skp_disetujui(org.pegawai)
    as_actor(actor)
    r = client.get(reverse("penilaian:evaluasi-buka", args=[skp.pk, periode.pk]))
    assert r.status_code == _expect(actor, {"pegawai", "atasan"}, 302)
    assert Penilaian.objects.filter(skp=skp, periode=periode).exists() is (actor in {"pegawai", "atasan"})


@pytest.mark.parametrize(("actor", "status"), [("pegawai", 200), ("atasan", 200), ("hr", 403), ("hr_other", 403)])
def test_role_pages_need_a_pegawai(client, org, as_actor, actor, status):
    as_actor(actor)
    assert client.get(reverse("penilaian:evaluasi-saya")).status_code == status
    assert client.get(reverse("penilaian:evaluasi-bawahan")).status_code == status


def test_penilaian_saya_lists_periods_with_status_and_deadline(client, setup):
    org, p, _iki, _b = setup
    client.force_login(org.pegawai.user)
    html = client.get(reverse("penilaian:evaluasi-saya") + f"?tahun={p.periode.tahun}").content.decode()
    assert p.periode.nama in html and "Diisi pegawai" in html
    assert p.periode.batas_pengisian.strftime("%d") in html


def test_employee_sees_feedback_and_predikat(client, setup):
    org, p, _iki, _b = setup
    finalkan(p, hasil=Rating.DI_BAWAH, perilaku=Rating.DI_ATAS)  # Butuh Perbaikan (§3.4)
    p.umpan_balik.create(perilaku=PerilakuKerja.objects.first(), teks="Tingkatkan ketepatan waktu", oleh=org.atasan)
    client.force_login(org.pegawai.user)
    html = client.get(reverse("penilaian:evaluasi-detail", args=[p.pk])).content.decode()
    assert "Tingkatkan ketepatan waktu" in html and "Butuh Perbaikan" in html


def test_isian_conflict_keeps_typed_text_and_explains(client, setup):
    """Issue 4 item 7: a stale save is refused with a clear message and the user's text is kept."""
    org, p, iki, _b = setup
    client.force_login(org.pegawai.user)
    Penilaian.objects.filter(pk=p.pk).update(versi=5)  # someone else saved meanwhile
    data = {"versi": 1, f"ra_{iki.rhk_id}": "Teks yang saya ketik panjang", f"real_{iki.pk}": "7"}
    for rhk in p.skp.rhk.exclude(pk=iki.rhk_id):
        data[f"ra_{rhk.pk}"] = ""
    r = client.post(reverse("penilaian:evaluasi-isian", args=[p.pk]), data)
    html = r.content.decode()
    assert r.status_code == 409
    assert "diubah oleh orang lain" in html and "Teks yang saya ketik panjang" in html
    assert 'name="versi" value="5" class="js-versi" id="id_versi"' in html  # saving again is a deliberate overwrite
    assert not p.rencana_aksi.exists()


def test_feedback_htmx_returns_status_and_new_version(client, setup):
    org, p, _iki, _b = setup
    client.force_login(org.atasan.user)
    target = f"rhk-{p.skp.rhk.first().pk}"
    r = client.post(reverse("penilaian:evaluasi-umpan-balik", args=[p.pk]),
                    {"versi": p.versi, "target": target, "teks": "Sudah baik"}, HTTP_HX_REQUEST="true")
    assert r.status_code == 200 and "Tersimpan" in r.content.decode()
    assert 'id="versi-penilaian" value="2"' in r.content.decode()
    r = client.post(reverse("penilaian:evaluasi-umpan-balik", args=[p.pk]),
                    {"versi": 1, "target": target, "teks": "Versi lama"}, HTTP_HX_REQUEST="true")
    assert "diubah oleh orang lain" in r.content.decode()
    assert p.umpan_balik.get().teks == "Sudah baik"


def test_supervisor_page_has_next_and_previous_subordinate(client, org):
    periode = periode_terbuka(org.instansi)
    a = penilaian_untuk(org.pegawai, periode)
    b = penilaian_untuk(org.rekan, periode)
    first, second = sorted([a, b], key=lambda x: (x.skp.pegawai.nama, x.skp.pk))
    client.force_login(org.atasan.user)
    html = client.get(reverse("penilaian:evaluasi-detail", args=[first.pk])).content.decode()
    assert reverse("penilaian:evaluasi-buka", args=[second.skp_id, periode.pk]) in html
    assert 'id="bawahan-sebelumnya"' not in html
    html = client.get(reverse("penilaian:evaluasi-detail", args=[second.pk])).content.decode()
    assert reverse("penilaian:evaluasi-buka", args=[first.skp_id, periode.pk]) in html


def test_leader_form_shows_rating_hasil_fixed(client, org):
    from penilaian.models import CapaianOrganisasi

    periode = periode_terbuka(org.instansi)
    p = penilaian_untuk(org.atasan, periode, status=S.DIAJUKAN)
    CapaianOrganisasi.objects.create(unit_kerja=org.seksi, periode=periode, predikat="ISTIMEWA")
    client.force_login(org.kabid.user)
    html = client.get(reverse("penilaian:evaluasi-detail", args=[p.pk])).content.decode()
    assert 'id="catatan-pimpinan"' in html and "Istimewa" in html
    assert 'name="rating_hasil" id="rh-' not in html  # no choice offered


@pytest.mark.parametrize("n", [2, 12])
def test_team_table_queries_do_not_grow_with_team(client, org, django_assert_max_num_queries, n):
    from pegawai.tests.factories import PegawaiFactory
    from penilaian.tests.evaluasi_helpers import skp_disetujui

    periode = periode_terbuka(org.instansi)
    periode_terbuka(org.instansi, nama="Akhir", jenis="TAHUNAN")
    for _ in range(n):
        penilaian_untuk(PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan), periode)
    skp_disetujui(org.pegawai)
    client.force_login(org.atasan.user)
    url = reverse("penilaian:evaluasi-bawahan") + f"?tahun={periode.tahun}"
    with django_assert_max_num_queries(15):
        r = client.get(url)
    assert r.status_code == 200 and r.content.decode().count("Diisi pegawai") == n
