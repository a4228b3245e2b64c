"""HR's "Perjanjian kerja berakhir" at agency scale (issue 18): the PPPK without a contract in force are
listed by name with their unit only (no six-way join to plan), the same people as the rule says, other
instansi and inactive ones left out; the page's queries do not grow with the instansi; and the PPPK are
found through ``pegawai_status_unit_aktif`` instead of a scan of every pegawai (PostgreSQL)."""
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from kontrak.selectors import tanpa_kontrak
from kontrak.tests.factories import PerjanjianFactory, pppk
from pegawai.models import Pegawai
from pegawai.nip import STATUS_PPPK

pytestmark = pytest.mark.django_db


def _isi(org, n):
    hari_ini = timezone.localdate()
    tanpa = [pppk(unit_kerja=org.seksi, atasan=org.atasan, nama=f"Tanpa {i:02d}") for i in range(n)]
    for i in range(n):
        p = pppk(unit_kerja=org.seksi2, atasan=org.atasan2, status=Pegawai.Status.PPPK)
        PerjanjianFactory(pegawai=p, nomor=f"PK-{i}", tanggal_mulai=hari_ini - timedelta(days=300),
                          tanggal_selesai=hari_ini + timedelta(days=30 + i))
    return tanpa


def test_tanpa_kontrak_tepat_dan_urut_nama(client, org):
    tanpa = _isi(org, 4)
    pppk(unit_kerja=org.seksi, aktif=False)  # inactive: not listed
    pppk(unit_kerja=org.other_unit)  # another instansi
    client.force_login(org.hr)
    r = client.get(reverse("kontrak:berakhir"))
    daftar = list(r.context["tanpa_kontrak"])
    assert [p.pk for p in daftar] == [p.pk for p in tanpa] and r.context["tanpa_kontrak"].paginator.count == 4
    assert {k.pegawai.unit_kerja_id for k in r.context["page_obj"]} == {org.seksi2.pk}
    assert "Tanpa 00" in r.content.decode() and org.seksi.nama in r.content.decode()


@pytest.mark.parametrize("n", [2, 20])
def test_kueri_tidak_tumbuh_dengan_instansi(client, org, django_assert_max_num_queries, n):
    _isi(org, n)
    client.force_login(org.hr)
    client.get(reverse("kontrak:berakhir"))
    with django_assert_max_num_queries(15):  # the session row included
        r = client.get(reverse("kontrak:berakhir"))
    assert r.status_code == 200 and len(r.context["tanpa_kontrak"]) == n and len(r.context["rows"]) == n


@pytest.mark.skipif(connection.vendor != "postgresql", reason="plans: needs DATABASE_URL=postgres://…")
def test_pppk_dibaca_lewat_indeks_status(org):
    hari_ini = timezone.localdate()
    daftar = tanpa_kontrak(Pegawai.objects.filter(unit_kerja__instansi=org.instansi), hari_ini=hari_ini)
    assert str(daftar.query).count("JOIN") == 1  # the unit only (scope and page)
    qs = Pegawai.objects.filter(status__in=STATUS_PPPK, aktif=True).order_by()  # the count and "any PPPK PW?"
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "pegawai_status_unit_aktif" in plan
