"""Object-level access of every endpoint for the actors of build_org() (style.md §4): the owner, the
supervisor, a stranger of another unit, HR of the instansi and of another one, by session and by token."""
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from api.models import TokenIntegrasi
from harian.models import KegiatanHarian
from kinerja.models import AuditLog
from pelatihan.models import RiwayatPengembangan
from pelatihan.tests.factories import form_data, pdf_upload
from penilaian.models import BuktiDukung, Realisasi

from .conftest import ALL, issue

ACTORS = ["pegawai", "atasan", "lain", "hr", "hr_other", "token", "token_other"]
# Expected status per actor for one object of org.pegawai (or of its instansi).
MILIK_PEGAWAI = dict(pegawai=200, atasan=200, lain=404, hr=200, hr_other=404, token=200, token_other=404)
UNIT = dict(pegawai=404, atasan=404, lain=404, hr=200, hr_other=404, token=200, token_other=404)
INSTANSI = dict(pegawai=200, atasan=200, lain=200, hr=200, hr_other=404, token=200, token_other=404)

DETAIL = [
    ("pegawai", lambda org, d: org.pegawai.pk, MILIK_PEGAWAI),
    ("skp", lambda org, d: d.skp.pk, MILIK_PEGAWAI),
    ("penilaian", lambda org, d: d.penilaian.pk, MILIK_PEGAWAI),
    ("predikat-tahunan", lambda org, d: d.final.pk, MILIK_PEGAWAI),
    ("pelatihan", lambda org, d: d.riwayat.pk, MILIK_PEGAWAI),
    ("kegiatan-harian", lambda org, d: d.kegiatan.pk, MILIK_PEGAWAI),
    ("unit-kerja", lambda org, d: org.seksi.pk, UNIT),
    ("instansi", lambda org, d: org.instansi.pk, INSTANSI),
    ("periode", lambda org, d: d.periode.pk, INSTANSI),
]


def _client(org, client_as, actor):
    if actor == "token":
        return client_as(actor, token=issue(org)[1])
    if actor == "token_other":
        return client_as(actor, token=issue(org.other_instansi)[1])
    return client_as(actor)


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize(("endpoint", "pk_of", "expected"), DETAIL, ids=[d[0] for d in DETAIL])
def test_detail_scoped_like_the_pages(org, data, client_as, endpoint, pk_of, expected, actor):
    pk = pk_of(org, data)
    r = _client(org, client_as, actor).get(f"/api/v1/{endpoint}/{pk}/")
    assert r.status_code == expected[actor], r.content
    if r.status_code == 200:
        assert r.json()["id"] == pk
        # The list shows the same object to the same actor.
        rows = _client(org, client_as, actor).get(f"/api/v1/{endpoint}/?page_size=100").json()["results"]
        ids = [row["id"] for row in rows]
        assert pk in ids


@pytest.mark.parametrize("endpoint", [d[0] for d in DETAIL])
def test_anonymous_gets_401(data, client_as, endpoint):
    assert client_as("anon").get(f"/api/v1/{endpoint}/").status_code == 401


def test_lists_hold_only_the_scope(org, data, client_as):
    rows = client_as("pegawai").get("/api/v1/kegiatan-harian/").json()["results"]
    assert [r["id"] for r in rows] == [data.kegiatan.pk]
    rows = client_as("atasan").get("/api/v1/pegawai/").json()["results"]
    assert {r["nip"] for r in rows} == {org.atasan.nip, org.pegawai.nip, org.rekan.nip}
    token = issue(org)[1]
    ids = {r["id"] for r in client_as("x", token=token).get("/api/v1/kegiatan-harian/?page_size=100").json()["results"]}
    assert ids == {data.kegiatan.pk, data.kegiatan_lain.pk}  # the instansi's, not another instansi's


def test_pegawai_search_by_nip_and_nama_and_unit(org, data, client_as):
    token = client_as("x", token=issue(org)[1])
    by_nip = token.get("/api/v1/pegawai/", {"q": org.pegawai.nip[:14]}).json()["results"]
    assert org.pegawai.nip in [r["nip"] for r in by_nip]
    by_nama = token.get("/api/v1/pegawai/", {"q": org.lain.nama}).json()["results"]
    assert [r["nip"] for r in by_nama] == [org.lain.nip]
    by_unit = token.get("/api/v1/pegawai/", {"unit_kerja": org.seksi2.pk}).json()["results"]
    assert {r["nip"] for r in by_unit} == {org.atasan2.nip, org.lain.nip}
    # A unit of another instansi is no valid filter value: the answer is 400, never its staff.
    r = token.get("/api/v1/pegawai/", {"unit_kerja": org.other_unit.pk})
    assert r.status_code == 400


def test_skp_carries_rhk_with_iki(org, data, client_as):
    body = client_as("pegawai").get(f"/api/v1/skp/{data.skp.pk}/").json()
    assert len(body["rhk"]) == 2
    assert body["rhk"][0]["iki"][0]["satuan"] == "dokumen"


def test_annual_predikat_and_no_peer_input_in_evaluations(org, data, client_as):
    rows = client_as("pegawai").get("/api/v1/predikat-tahunan/").json()["results"]
    assert [(r["pegawai_nip"], r["predikat"]) for r in rows] == [(org.pegawai.nip, "BAIK")]
    body = client_as("atasan").get(f"/api/v1/penilaian/{data.penilaian.pk}/").json()
    assert not {"masukan_rekan", "undangan_rekan", "masukan"} & set(body)


@pytest.mark.parametrize(("actor", "expected"), [
    ("atasan", 200), ("pegawai", 404), ("rekan", 404), ("lain", 404), ("hr", 404), ("token", 404)])
def test_released_peer_aggregate_only_to_the_penilai(org, data, client_as, actor, expected):
    from penilaian.tests.rekan_factories import masukan

    masukan(data.penilaian, 3, komentar="Sigap membantu")
    c = client_as("x", token=issue(org)[1]) if actor == "token" else client_as(actor)
    r = c.get(f"/api/v1/penilaian/{data.penilaian.pk}/masukan-rekan/")
    assert r.status_code == expected
    if expected == 200:
        body = r.json()
        assert (body["dirilis"], body["jumlah_jawaban"]) == (True, 3)
        assert body["baris"][0]["jumlah"] == {"SESUAI": 3}
        assert sorted(body["komentar"]) == ["Sigap membantu 0", "Sigap membantu 1", "Sigap membantu 2"]
        assert not {"id", "rekan", "penilaian"} & set(body["baris"][0])


def test_peer_aggregate_below_three_answers_is_not_released(org, data, client_as):
    from penilaian.tests.rekan_factories import masukan

    masukan(data.penilaian, 2)
    body = client_as("atasan").get(f"/api/v1/penilaian/{data.penilaian.pk}/masukan-rekan/").json()
    assert (body["dirilis"], body["jumlah_jawaban"], body["baris"]) == (False, 0, [])


# --- writes: daily activities ---------------------------------------------------------------------

def _kegiatan_body(data, **kw):
    return {"tanggal": str(timezone.localdate()), "uraian": "Menyusun notula rapat", "kuantitas": "2",
            "iki": data.iki.pk, **kw}


def test_owner_creates_edits_and_deletes_own_activity(org, data, client_as):
    c = client_as("pegawai")
    r = c.post("/api/v1/kegiatan-harian/", _kegiatan_body(data), format="json")
    assert r.status_code == 201, r.content
    k = KegiatanHarian.objects.get(pk=r.json()["id"])
    assert (k.pegawai, k.uraian, k.satuan) == (org.pegawai, "Menyusun notula rapat", "dokumen")
    assert AuditLog.objects.filter(aksi="harian.created", object_id=str(k.pk)).exists()
    r = c.patch(f"/api/v1/kegiatan-harian/{k.pk}/", {"uraian": "Notula rapat staf"}, format="json")
    assert r.status_code == 200
    k.refresh_from_db()
    assert (k.uraian, k.kuantitas) == ("Notula rapat staf", Decimal(2))
    assert c.delete(f"/api/v1/kegiatan-harian/{k.pk}/").status_code == 204
    assert not KegiatanHarian.objects.filter(pk=k.pk).exists()


def test_activity_rules_answer_with_the_pages_message(org, data, client_as):
    besok = str(timezone.localdate() + timedelta(days=1))
    r = client_as("pegawai").post("/api/v1/kegiatan-harian/", _kegiatan_body(data, tanggal=besok), format="json")
    assert r.status_code == 400
    assert "belum terjadi" in r.json()["tanggal"][0]
    assert not KegiatanHarian.objects.filter(tanggal=besok).exists()


@pytest.mark.parametrize("actor", ["atasan", "lain", "hr", "hr_other"])
def test_others_cannot_edit_or_delete_an_activity(org, data, client_as, actor):
    c = client_as(actor)
    url = f"/api/v1/kegiatan-harian/{data.kegiatan.pk}/"
    assert c.patch(url, {"uraian": "diubah orang lain"}, format="json").status_code == 404
    assert c.delete(url).status_code == 404
    data.kegiatan.refresh_from_db()
    assert data.kegiatan.uraian != "diubah orang lain"


def test_tokens_on_write_endpoints(org, data, client_as):
    url = "/api/v1/kegiatan-harian/"
    instansi = client_as("x", token=issue(org)[1])
    assert instansi.post(url, _kegiatan_body(data), format="json").status_code == 403
    baca = client_as("x", token=issue(org, user=org.pegawai.user, scopes=["read"])[1])
    assert baca.get(url).status_code == 200
    assert baca.post(url, _kegiatan_body(data), format="json").status_code == 403
    tulis = client_as("x", token=issue(org, user=org.pegawai.user, scopes=["read", "write:harian"])[1])
    r = tulis.post(url, _kegiatan_body(data), format="json")
    assert r.status_code == 201
    assert KegiatanHarian.objects.get(pk=r.json()["id"]).pegawai == org.pegawai
    # write:harian does not open other write endpoints
    r = tulis.post(f"/api/v1/penilaian/{data.penilaian.pk}/realisasi/", {"versi": 1, "iki": data.iki.pk, "nilai": "3"},
                   format="json")
    assert r.status_code == 403


def test_revoked_and_expired_tokens_get_401(org, data, client_as):
    token, raw = issue(org)
    c = client_as("x", token=raw)
    assert c.get("/api/v1/pegawai/").status_code == 200
    assert client_as("anon").get("/api/v1/pegawai/", HTTP_AUTHORIZATION=f"Token {raw}").status_code == 200
    token.revoked_at = timezone.now()
    token.save()
    assert c.get("/api/v1/pegawai/").status_code == 401
    lama, raw_lama = issue(org)
    TokenIntegrasi.objects.filter(pk=lama.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client_as("x", token=raw_lama).get("/api/v1/pegawai/").status_code == 401
    assert client_as("x", token="knj_tidak-ada").get("/api/v1/pegawai/").status_code == 401


def test_session_writes_need_the_csrf_token(org, data):
    from rest_framework.test import APIClient

    c = APIClient(enforce_csrf_checks=True)
    c.force_login(org.pegawai.user)
    assert c.post("/api/v1/kegiatan-harian/", _kegiatan_body(data), format="json").status_code == 403


# --- writes: realisasi, bukti dukung, training records ---------------------------------------------

def test_owner_sets_realisasi_and_bukti_of_open_evaluation(org, data, client_as):
    c = client_as("pegawai")
    url = f"/api/v1/penilaian/{data.penilaian.pk}/"
    r = c.post(url + "realisasi/", {"versi": data.penilaian.versi, "iki": data.iki.pk, "nilai": "7", "teks": "tujuh"},
               format="json")
    assert r.status_code == 200, r.content
    assert Realisasi.objects.get(penilaian=data.penilaian, iki=data.iki).nilai == Decimal(7)
    assert r.json()["realisasi"][0]["nilai"] == "7.00"
    r = c.post(url + "bukti/", {"iki": data.iki.pk, "url": "https://drive.example.go.id/laporan"}, format="json")
    assert r.status_code == 201, r.content
    bukti = BuktiDukung.objects.get(pk=r.json()["id"])
    assert bukti.url == "https://drive.example.go.id/laporan"
    assert c.delete(url + f"bukti/{bukti.pk}/").status_code == 204
    assert not BuktiDukung.objects.filter(pk=bukti.pk).exists()


def test_realisasi_stale_version_is_refused(org, data, client_as):
    r = client_as("pegawai").post(f"/api/v1/penilaian/{data.penilaian.pk}/realisasi/",
                                  {"versi": data.penilaian.versi + 5, "iki": data.iki.pk, "nilai": "7"}, format="json")
    assert r.status_code == 400
    assert not Realisasi.objects.filter(penilaian=data.penilaian).exists()


@pytest.mark.parametrize("actor", ["atasan", "lain", "hr", "hr_other"])
def test_only_the_owner_writes_realisasi_and_bukti(org, data, client_as, actor):
    c = client_as(actor)
    url = f"/api/v1/penilaian/{data.penilaian.pk}/"
    r = c.post(url + "realisasi/", {"versi": 1, "iki": data.iki.pk, "nilai": "7"}, format="json")
    assert r.status_code == 404
    r = c.post(url + "bukti/", {"iki": data.iki.pk, "url": "https://contoh.go.id/x"}, format="json")
    assert r.status_code == 404
    assert not Realisasi.objects.filter(penilaian=data.penilaian).exists()


def test_owner_records_training_with_certificate(org, data, client_as):
    c = client_as("x", token=issue(org, user=org.pegawai.user, scopes=["read", "write:pelatihan"])[1])
    body = form_data()
    r = c.post("/api/v1/pelatihan/", {**body, "sertifikat": pdf_upload()}, format="multipart")
    assert r.status_code == 201, r.content
    rec = RiwayatPengembangan.objects.get(pk=r.json()["id"])
    assert (rec.pegawai, rec.jp, rec.status) == (org.pegawai, 16, RiwayatPengembangan.Status.DIAJUKAN)
    r = c.post("/api/v1/pelatihan/", body, format="multipart")
    assert r.status_code == 400
    assert "sertifikat" in r.json()


def test_instansi_token_cannot_record_training(org, data, client_as):
    c = client_as("x", token=issue(org)[1])
    r = c.post("/api/v1/pelatihan/", {**form_data(), "sertifikat": pdf_upload()}, format="multipart")
    assert r.status_code == 403
    assert not RiwayatPengembangan.objects.filter(nama_kegiatan=form_data()["nama_kegiatan"]).exists()


def test_all_scopes_constant_matches_model():
    assert set(ALL) == {"read", "write:harian", "write:evaluasi", "write:pelatihan"}


def test_unknown_api_address_answers_json_404(client_as):
    r = client_as("pegawai").get("/api/v1/pegawai/-1/")
    assert r.status_code == 404 and r["Content-Type"] == "application/json"
