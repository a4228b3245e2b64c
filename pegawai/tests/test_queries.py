"""Pages make a fixed number of queries however many pegawai there are (no N+1)."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pegawai.models import Golongan
from pegawai.tests.factories import PegawaiFactory

pytestmark = pytest.mark.django_db

PAGES = [
    ("hr", "pegawai:list", {}),
    ("hr", "pegawai:list", {"q": "a", "unit_kerja": "seksi"}),
    ("hr", "pegawai:hr-home", {}),
    ("hr", "pegawai:unit-tree", {}),
    ("atasan", "pegawai:tim-saya", {}),
    ("atasan", "pegawai:detail", {}),
]


def add_staff(org, n):
    pppk = Golongan.objects.get(jenis="PPPK", kode="V")
    for i in range(n):
        unit = (org.seksi, org.seksi2, org.bidang)[i % 3]
        extra = {"status": "PPPK", "golongan": pppk, "nip": None} if i % 5 == 0 else {}
        if extra:
            from pegawai.tests.factories import make_nip

            extra["nip"] = make_nip(pppk=True)
        PegawaiFactory(unit_kerja=unit, atasan=org.atasan, user=None, **extra)


def count_queries(client, org, actor, name, params):
    user = org.hr if actor == "hr" else org.atasan.user
    client.force_login(user)
    params = {k: (org.seksi.pk if v == "seksi" else v) for k, v in params.items()}
    args = [org.atasan.pk] if name == "pegawai:detail" else []
    client.get(reverse(name, args=args), params)  # warm per-process caches (content types)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse(name, args=args), params)
    assert response.status_code == 200
    return len(ctx)


@pytest.mark.parametrize("actor, name, params", PAGES, ids=[f"{p[1]}{'-filter' if p[2] else ''}" for p in PAGES])
def test_query_count_does_not_grow_with_pegawai(client, org, actor, name, params):
    add_staff(org, 10)
    small = count_queries(client, org, actor, name, params)
    add_staff(org, 190)
    large = count_queries(client, org, actor, name, params)
    assert small == large, f"{name}: {small} queries for 10 pegawai, {large} for 200"
    assert large <= 15


def test_employee_list_query_budget(client, org, django_assert_max_num_queries):
    add_staff(org, 60)
    client.force_login(org.hr)
    # A fixed budget for the whole page: session, user, roles, navigation, filter form, count, rows.
    with django_assert_max_num_queries(15):
        html = client.get(reverse("pegawai:list")).content.decode()
    assert "dari 66" in html
