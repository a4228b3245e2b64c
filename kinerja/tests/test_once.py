"""Double submits (issue 12 item 7): one form token makes one row; a unique-constraint race is a form error.

SQLite serialises writes, so there the second submit is sent after the first; on PostgreSQL
(``DATABASE_URL=postgres://…``) two threads send the same form at the same moment.
"""
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from harian.models import KegiatanHarian
from harian.tests.factories import skp_aktif, today
from kinerja.models import IdempotencyKey
from kinerja.once import FIELD, new_token
from pegawai.models import Pegawai, UnitKerja
from pegawai.tests.factories import PegawaiFactory, login_as, make_nip
from pegawai.tests.test_import import csv_bytes, row, upload
from pegawai.tests.test_views_ubah import form_data
from penilaian.models import Periode, UndanganRekan
from penilaian.tests.rekan_factories import peers, penilaian_of

DUPLIKAT = "Formulir ini sudah terkirim; datanya disimpan satu kali saja."
SUDAH_ADA = "Data ini sudah ada"


def kegiatan_data(token):
    return {"tanggal": today().isoformat(), "jam_mulai": "08:00", "jam_selesai": "09:00", "uraian": "Menyusun laporan",
            "kuantitas": "1", "satuan": "", FIELD: token}


def unit_data(token, kode="S9"):
    return {"kode": kode, "nama": "Seksi Sembilan", "level": 4, "aktif": "on", FIELD: token}


def post_twice(client, url, data):
    first = client.post(url, data)
    second = client.post(url, data, follow=True)
    return first, second


@pytest.mark.django_db
def test_every_create_form_carries_a_fresh_token(client, org):
    login_as(client, org, "hr")
    pages = [reverse("pegawai:create"), reverse("pegawai:unit-create"), reverse("penilaian:evaluasi-periode-list")]
    for url in pages:
        html = client.get(url).content.decode()
        assert f'name="{FIELD}"' in html, url
    assert client.get(pages[0]).context["form"][FIELD].value() != client.get(pages[0]).context["form"][FIELD].value()
    login_as(client, org, "pegawai")
    assert f'name="{FIELD}"' in client.get(reverse("harian:tambah")).content.decode()


@pytest.mark.django_db
def test_double_click_on_the_daily_activity_form_makes_one_entry(client, org):
    skp_aktif(org.pegawai)
    login_as(client, org, "pegawai")
    first, second = post_twice(client, reverse("harian:tambah"), kegiatan_data(new_token()))
    assert first.status_code == 302
    assert KegiatanHarian.objects.filter(pegawai=org.pegawai).count() == 1
    assert second.redirect_chain[0][0] == first.url
    assert DUPLIKAT in second.content.decode()


@pytest.mark.django_db
def test_double_click_on_pegawai_and_unit_create_makes_one_row(client, org):
    login_as(client, org, "hr")
    data = {**form_data(org), FIELD: new_token()}
    first, second = post_twice(client, reverse("pegawai:create"), data)
    assert Pegawai.objects.filter(nip=data["nip"]).count() == 1
    assert (
        second.redirect_chain[0][0]
        == first.url
        == reverse("pegawai:detail", args=[Pegawai.objects.get(nip=data["nip"]).pk])
    )
    assert DUPLIKAT in second.content.decode()
    first, second = post_twice(
        client, reverse("pegawai:unit-create"), {**unit_data(new_token()), "parent": org.bidang.pk}
    )
    assert UnitKerja.objects.filter(kode="S9").count() == 1 and DUPLIKAT in second.content.decode()


@pytest.mark.django_db
def test_double_click_on_the_period_set_and_on_import_confirm(client, org):
    login_as(client, org, "hr")
    data = {"tahun": 2026, "jenis": "TRIWULANAN", "akhir": "on", "hari_batas": 10, FIELD: new_token()}
    first, second = post_twice(client, reverse("penilaian:evaluasi-periode-set"), data)
    assert Periode.objects.filter(instansi=org.instansi, tahun=2026).count() == 5
    assert DUPLIKAT in second.content.decode()

    nip = make_nip()
    page = upload(client, csv_bytes(row(nip, atasan=org.atasan.nip)))
    token = page.context["once_form"][FIELD].value()
    assert f'value="{token}"' in page.content.decode()
    staged = client.session["import_pegawai"]["token"]
    _first, second = post_twice(client, reverse("pegawai:import-confirm"), {"token": staged, FIELD: token})
    assert Pegawai.objects.filter(nip=nip).count() == 1
    assert DUPLIKAT in second.content.decode()


@pytest.mark.django_db
def test_a_refused_form_keeps_its_token_usable(client, org):
    """Form errors roll the token back, so the corrected form goes through with the same token."""
    skp_aktif(org.pegawai)
    login_as(client, org, "pegawai")
    token = new_token()
    refused = client.post(reverse("harian:tambah"), {**kegiatan_data(token), "uraian": ""})
    assert refused.status_code == 200 and not IdempotencyKey.objects.filter(key=token).exists()
    assert client.post(reverse("harian:tambah"), kegiatan_data(token)).status_code == 302
    assert KegiatanHarian.objects.count() == 1 and IdempotencyKey.objects.get(key=token).url == reverse("harian:saya")


@pytest.mark.django_db
def test_another_users_token_neither_blocks_nor_redirects(client, org):
    """Tokens are per user: the same token sent by someone else is not their redirect target."""
    skp_aktif(org.pegawai)
    token = new_token()
    IdempotencyKey.objects.create(key=token, user=org.hr, url="/rahasia/")
    login_as(client, org, "pegawai")
    response = client.post(reverse("harian:tambah"), kegiatan_data(token))
    assert response.url == reverse("harian:saya")
    assert KegiatanHarian.objects.filter(pegawai=org.pegawai).count() == 1


# --- unique-constraint races: the form check passed, the INSERT loses -------------------------------


@pytest.fixture
def race(monkeypatch):
    """Both requests passed the uniqueness check before either saved: skip the check, as in the race."""
    from pegawai.forms import UnitKerjaForm

    for model in (Pegawai, UnitKerja):
        monkeypatch.setattr(model, "validate_unique", lambda self, exclude=None: None)
        monkeypatch.setattr(model, "validate_constraints", lambda self, exclude=None: None)
    monkeypatch.setattr(UnitKerjaForm, "clean_kode", lambda self: self.cleaned_data["kode"].strip())


@pytest.mark.django_db
def test_pegawai_and_unit_races_become_form_errors(client, org, race):
    login_as(client, org, "hr")
    response = client.post(reverse("pegawai:create"), form_data(org, nip=org.rekan.nip))
    assert response.status_code == 200 and SUDAH_ADA in response.content.decode()
    assert Pegawai.objects.filter(nip=org.rekan.nip).count() == 1
    response = client.post(reverse("pegawai:unit-create"), {**unit_data("", kode="S1"), "parent": org.bidang.pk})
    assert response.status_code == 200 and SUDAH_ADA in response.content.decode()


@pytest.mark.django_db
def test_period_set_race_is_a_message(client, org, monkeypatch):
    from penilaian.evaluasi import periode as periode_mod

    original = periode_mod.standard_set

    def meanwhile(tahun, jenis, **kw):  # another HR created the same set between the read and the insert
        made = original(tahun, jenis, **kw)
        Periode.objects.create(
            instansi=org.instansi,
            tahun=tahun,
            nama=made[0].nama,
            jenis=made[0].jenis,
            tanggal_mulai=made[0].tanggal_mulai,
            tanggal_selesai=made[0].tanggal_selesai,
            batas_pengisian=made[0].batas_pengisian,
        )
        return made

    monkeypatch.setattr(periode_mod, "standard_set", meanwhile)
    login_as(client, org, "hr")
    data = {"tahun": 2026, "jenis": "TRIWULANAN", "akhir": "on", "hari_batas": 10}
    response = client.post(reverse("penilaian:evaluasi-periode-set"), data, follow=True)
    assert response.status_code == 200 and SUDAH_ADA in response.content.decode()
    # The stand-in for the other request's row shares this test's transaction, so it is rolled back too.
    assert Periode.objects.filter(instansi=org.instansi, tahun=2026).count() == 0


@pytest.mark.django_db
def test_invitation_race_is_a_message(client, org, monkeypatch):
    p = penilaian_of(org.pegawai)
    rekan = peers(org, 3)
    original = UndanganRekan.objects.bulk_create

    def meanwhile(objs, *args, **kwargs):  # the same invitation sent from a second tab
        UndanganRekan.objects.create(penilaian=p, rekan=rekan[0], diundang_oleh=org.atasan.user)
        return original(objs, *args, **kwargs)

    monkeypatch.setattr(UndanganRekan.objects, "bulk_create", meanwhile)
    client.force_login(org.atasan.user)
    response = client.post(
        reverse("penilaian:rekan-undang", args=[p.pk]), {"rekan": [r.pk for r in rekan]}, follow=True
    )
    assert response.status_code == 200 and SUDAH_ADA in response.content.decode()
    assert UndanganRekan.objects.count() == 0  # rolled back together


@pytest.mark.django_db
def test_import_confirm_race_is_a_message(client, org, monkeypatch):
    from pegawai import importer

    login_as(client, org, "hr")
    nip = make_nip()
    upload(client, csv_bytes(row(nip)))
    original = importer.validate_file

    def meanwhile(data, *, instansi):
        result = original(data, instansi=instansi)
        PegawaiFactory(nip=nip, unit_kerja=org.seksi)
        return result

    monkeypatch.setattr(importer, "validate_file", meanwhile)
    response = client.post(
        reverse("pegawai:import-confirm"), {"token": client.session["import_pegawai"]["token"]}, follow=True
    )
    assert response.status_code == 200 and SUDAH_ADA in response.content.decode()
    assert Pegawai.objects.filter(nip=nip).count() == 0


# --- PostgreSQL: two threads, the same instant ------------------------------------------------------


def _concurrently(n, send):
    start, results, errors = threading.Barrier(n), [], []

    def run():
        try:
            start.wait()
            results.append(send())
        except Exception as exc:  # noqa: BLE001 - the test reports it
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results, errors


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent writers (DATABASE_URL=postgres://…)")
@pytest.mark.parametrize("form", ["harian", "pegawai"])
def test_two_simultaneous_submits_of_one_form_make_one_row(org, form):
    token = new_token()
    if form == "harian":
        skp_aktif(org.pegawai)
        user, url, data, rows = org.pegawai.user, reverse("harian:tambah"), kegiatan_data(token), KegiatanHarian.objects
    else:
        data = {**form_data(org), FIELD: token}
        user, url, rows = org.hr, reverse("pegawai:create"), Pegawai.objects.filter(nip=data["nip"])

    def send():
        c = Client()
        c.force_login(user)
        return c.post(url, data).status_code

    results, errors = _concurrently(2, send)
    assert errors == [] and sorted(results) == [302, 302]
    assert rows.count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent writers (DATABASE_URL=postgres://…)")
def test_two_hr_users_creating_the_same_nip_at_once_get_one_row_and_one_form_error(org, monkeypatch):
    monkeypatch.setattr(Pegawai, "validate_unique", lambda self, exclude=None: None)
    data = form_data(org)

    def send():
        c = Client()
        c.force_login(org.hr)
        r = c.post(reverse("pegawai:create"), {**data, FIELD: new_token()})
        return r.status_code, SUDAH_ADA in r.content.decode()

    results, errors = _concurrently(2, send)
    assert errors == []
    assert sorted(results) == [(200, True), (302, False)]
    assert Pegawai.objects.filter(nip=data["nip"]).count() == 1
