"""HR period management (domain.md §3.1): standard sets, validation, scoping, unlock."""
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja.models import AuditLog
from pegawai.tests.factories import login_as
from penilaian.evaluasi.periode import standard_set
from penilaian.models import BukaKunci, Periode
from penilaian.tests.evaluasi_helpers import periode_terkunci

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("jenis", "n", "first", "last"), [
    ("BULANAN", 12, ("Januari", date(2026, 1, 31)), ("Desember", date(2026, 12, 31))),
    ("TRIWULANAN", 4, ("Triwulan I", date(2026, 3, 31)), ("Triwulan IV", date(2026, 12, 31))),
    ("SEMESTERAN", 2, ("Semester I", date(2026, 6, 30)), ("Semester II", date(2026, 12, 31))),
])
def test_standard_sets_plus_akhir(jenis, n, first, last):
    ps = standard_set(2026, jenis)
    assert len(ps) == n + 1
    assert (ps[0].nama, ps[0].tanggal_selesai) == first and (ps[n - 1].nama, ps[n - 1].tanggal_selesai) == last
    assert ps[-1].nama == "Akhir" and ps[-1].jenis == "TAHUNAN"
    assert (ps[-1].tanggal_mulai, ps[-1].tanggal_selesai) == (date(2026, 1, 1), date(2026, 12, 31))
    assert all(p.batas_pengisian >= p.tanggal_selesai for p in ps)


def test_one_click_set_is_idempotent_and_audited(client, org):
    client.force_login(org.hr)
    url = reverse("penilaian:evaluasi-periode-set")
    data = {"tahun": 2026, "jenis": "TRIWULANAN", "akhir": "on", "hari_batas": 10}
    client.post(url, data)
    client.post(url, data)
    assert Periode.objects.filter(instansi=org.instansi, tahun=2026).count() == 5
    assert AuditLog.objects.filter(aksi="periode.created").count() == 5
    html = client.get(reverse("penilaian:evaluasi-periode-list") + "?tahun=2026").content.decode()
    assert "Triwulan IV" in html and "Akhir" in html


@pytest.mark.parametrize(("data", "field", "pesan"), [
    ({"tanggal_mulai": "2025-12-01"}, "tanggal_mulai", "di dalam tahun 2026"),
    ({"tanggal_selesai": "2027-01-05"}, "tanggal_selesai", "di dalam tahun 2026"),
    ({"batas_pengisian": "2026-01-01", "tanggal_mulai": "2026-02-01"}, "batas_pengisian", "sebelum periode awal"),
    ({"nama": "triwulan i"}, "nama", "sudah ada"),
])
def test_period_validation(client, org, data, field, pesan):
    Periode.objects.create(
        instansi=org.instansi,
        tahun=2026,
        jenis="TRIWULANAN",
        nama="Triwulan I",
        tanggal_mulai=date(2026, 1, 1),
        tanggal_selesai=date(2026, 3, 31),
        batas_pengisian=date(2026, 4, 10),
    )
    client.force_login(org.hr)
    form = {
        "tahun": 2026,
        "jenis": "TRIWULANAN",
        "nama": "Khusus",
        "tanggal_mulai": "2026-04-01",
        "tanggal_selesai": "2026-06-30",
        "batas_pengisian": "2026-07-10",
        **data,
    }
    r = client.post(reverse("penilaian:evaluasi-periode-tambah"), form)
    assert r.status_code == 200 and pesan in r.content.decode()
    assert Periode.objects.count() == 1


def test_edit_period_is_audited(client, org):
    p = periode_terkunci(org.instansi)
    client.force_login(org.hr)
    r = client.post(
        reverse("penilaian:evaluasi-periode-ubah", args=[p.pk]),
        {
            "tahun": p.tahun,
            "jenis": p.jenis,
            "nama": p.nama,
            "tanggal_mulai": p.tanggal_mulai,
            "tanggal_selesai": p.tanggal_selesai,
            "batas_pengisian": timezone.localdate() + timedelta(days=3),
        },
    )
    assert r.status_code == 302
    p.refresh_from_db()
    assert not p.terkunci()
    assert AuditLog.objects.filter(aksi="periode.updated", object_id=str(p.pk)).exists()


@pytest.mark.parametrize(("actor", "status"), [("hr", 200), ("hr_other", 404), ("pegawai", 403), ("atasan", 403)])
def test_period_pages_scope(client, org, actor, status):
    p = periode_terkunci(org.instansi)
    login_as(client, org, actor)
    assert client.get(reverse("penilaian:evaluasi-periode-ubah", args=[p.pk])).status_code == status
    assert client.get(reverse("penilaian:evaluasi-buka-kunci", args=[p.pk])).status_code == status
    list_status = 403 if status == 403 else 200
    assert client.get(reverse("penilaian:evaluasi-periode-list")).status_code == list_status
    assert client.get(reverse("penilaian:evaluasi-rekap")).status_code == list_status


def test_unlock_form_by_nip(client, org):
    p = periode_terkunci(org.instansi)
    client.force_login(org.hr)
    until = (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    r = client.post(
        reverse("penilaian:evaluasi-buka-kunci", args=[p.pk]),
        {"nip": org.asing.nip, "alasan": "x", "berlaku_sampai": until},
    )
    assert "tidak ditemukan di instansi Anda" in r.content.decode()
    r = client.post(
        reverse("penilaian:evaluasi-buka-kunci", args=[p.pk]),
        {"nip": org.pegawai.nip, "alasan": "Cuti melahirkan", "berlaku_sampai": until},
    )
    assert r.status_code == 302
    assert BukaKunci.objects.get().dibuat_oleh == org.hr


def test_completion_per_unit_counts_and_not_submitted(client, org):
    from penilaian.models import Penilaian
    from penilaian.tests.evaluasi_helpers import (
        penilaian_untuk,
        periode_terbuka,
        skp_disetujui,
    )

    periode = periode_terbuka(org.instansi)
    penilaian_untuk(org.pegawai, periode, status=Penilaian.Status.DIAJUKAN)
    penilaian_untuk(org.rekan, periode, status=Penilaian.Status.DRAFT)
    skp_disetujui(org.lain)  # not opened yet
    client.force_login(org.hr)
    url = reverse("penilaian:evaluasi-rekap") + f"?tahun={periode.tahun}&periode={periode.pk}"
    r = client.get(url)
    rows = {u.kode: u for u in r.context["page_obj"]}
    assert (rows["S1"].total, rows["S1"].diajukan, rows["S1"].draft) == (2, 1, 1)
    assert rows["S2"].belum_dibuka == 1
    html = client.get(url + f"&unit={org.seksi.pk}").content.decode()
    assert org.rekan.nama in html and org.pegawai.nama not in html.split('id="belum"')[1]
