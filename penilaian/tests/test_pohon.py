"""Pohon kinerja one level at a time: a page whose queries and rows do not grow with the instansi,
children fetched per node and paginated, each node in the user's tree scope (style.md §4)."""
from collections import Counter

import pytest
from django.db.models import Model
from django.urls import reverse

from pegawai.tests.factories import PegawaiFactory, login_as
from penilaian.models import RencanaHasilKerja
from penilaian.skp.pohon import ANAK_PER_HALAMAN
from penilaian.tests.factories import skp_with_rhk

pytestmark = pytest.mark.django_db

POHON = reverse("penilaian:skp-pohon")


def anak_url(rhk) -> str:
    return reverse("penilaian:skp-pohon-anak", args=[rhk.pk])


def cascade(org, n_staff: int):
    """kabid (head of the top unit, the Sekda's place) → kepala seksi → ``n_staff`` staff, 2 RHK each."""
    head = skp_with_rhk(org.kabid, n_rhk=2, tahun=2026)
    ks = skp_with_rhk(org.atasan, n_rhk=2, tahun=2026)
    ks.rhk.update(induk=head.rhk.first())
    grow(org, ks.rhk.first(), n_staff)
    return head, ks


def grow(org, induk, n_staff: int):
    for _ in range(n_staff):
        s = skp_with_rhk(PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan), n_rhk=2, tahun=2026)
        s.rhk.update(induk=induk)


@pytest.fixture
def rows(monkeypatch):
    """Counts the model instances built from database rows, per model, during the test."""
    seen = Counter()
    original = Model.from_db.__func__

    def from_db(cls, db, field_names, values):
        seen[cls.__name__] += 1
        return original(cls, db, field_names, values)

    monkeypatch.setattr(Model, "from_db", classmethod(from_db))
    return seen


def measure(client, url, rows, django_assert_max_num_queries):
    rows.clear()
    with django_assert_max_num_queries(100) as q:
        r = client.get(url)
    assert r.status_code == 200
    return len(q.captured_queries), dict(rows), len(r.content)


@pytest.mark.parametrize("actor", ["hr", "kabid"])
def test_tree_page_costs_the_same_at_10_and_60_pegawai(client, org, actor, rows, django_assert_max_num_queries):
    head, ks = cascade(org, 10)
    c = login_as(client, org, actor)
    url = f"{POHON}?tahun=2026"  # no unit: HR and the head of the top unit start at the top
    small = measure(c, url, rows, django_assert_max_num_queries)
    grow(org, ks.rhk.first(), 50)
    large = measure(c, url, rows, django_assert_max_num_queries)
    assert small[0] == large[0], "query count grew with the instansi"
    assert small[1] == large[1], "rows read grew with the instansi"
    assert small[1].get("RencanaHasilKerja") == 2  # only the head's RHK are read
    assert abs(small[2] - large[2]) < 64 and large[2] < 100_000


def test_top_level_counts_children_and_a_node_opens_its_own_only(client, org):
    head, ks = cascade(org, 3)
    c = login_as(client, org, "hr")
    r = c.get(POHON, {"tahun": 2026})
    roots = r.context["roots"]
    assert [x.pk for x in roots] == list(head.rhk.values_list("pk", flat=True))
    assert [x.n_anak for x in roots] == [2, 0]
    page = r.content.decode()
    assert f'data-hx-get="{anak_url(roots[0])}"' in page and anak_url(roots[1]) not in page
    assert "data-hx-trigger" in page and "<script>" not in page.split("</nav>")[-1]

    r = c.get(anak_url(roots[0]), HTTP_HX_REQUEST="true")
    level = list(r.context["page_obj"])
    assert {x.pk for x in level} == set(ks.rhk.values_list("pk", flat=True))
    assert sorted(x.n_anak for x in level) == [0, 6]  # 3 staff × 2 RHK intervene the seksi's first RHK
    first = next(x for x in level if x.n_anak)
    r = c.get(anak_url(first))
    assert len(r.context["page_obj"]) == 6 and "Muat lagi" not in r.content.decode()


def test_a_level_with_many_children_is_paginated(client, org, django_assert_max_num_queries):
    head, ks = cascade(org, 5)
    c = login_as(client, org, "hr")
    url = anak_url(ks.rhk.first())
    with django_assert_max_num_queries(100) as few:
        c.get(url)
    grow(org, ks.rhk.first(), 40)  # 90 children
    with django_assert_max_num_queries(len(few.captured_queries)):
        r = c.get(url)
    assert len(r.context["page_obj"]) == ANAK_PER_HALAMAN and len(r.content) < 100_000
    assert f"{url}?page=2" in r.content.decode()
    r = c.get(url, {"page": 2})
    assert len(r.context["page_obj"]) == 90 - ANAK_PER_HALAMAN and not r.context["page_obj"].has_next()


@pytest.mark.parametrize("actor,code", [
    ("hr", 200), ("kabid", 200), ("atasan", 200),  # HR; the head above; the node's own head
    ("atasan2", 404), ("pegawai", 404), ("hr_other", 404), ("asing", 404),
])
def test_a_node_answers_404_outside_the_users_tree(client, org, actor, code):
    head, ks = cascade(org, 2)
    r = login_as(client, org, actor).get(anak_url(ks.rhk.first()))
    assert r.status_code == code
    if code == 200:
        assert len(r.context["page_obj"]) == 4


def test_children_outside_the_users_scope_are_neither_counted_nor_listed(client, org):
    head, ks = cascade(org, 1)
    stray = skp_with_rhk(org.lain, n_rhk=1, tahun=2026)  # seksi 2 intervening seksi 1's RHK
    stray.rhk.update(induk=ks.rhk.first())
    assert len(login_as(client, org, "kabid").get(anak_url(ks.rhk.first())).context["page_obj"]) == 3
    r = login_as(client, org, "atasan").get(anak_url(ks.rhk.first()))
    assert len(r.context["page_obj"]) == 2  # the head of seksi 1 does not see seksi 2


def test_rhk_linked_to_nothing_in_the_tree_are_listed_on_demand(client, org):
    head, ks = cascade(org, 2)
    loose = skp_with_rhk(org.rekan, n_rhk=1, tahun=2026).rhk.get()
    c = login_as(client, org, "hr")
    assert loose.teks not in c.get(POHON, {"unit": org.bidang.pk, "tahun": 2026}).content.decode()
    url = reverse("penilaian:skp-pohon-lepas")
    r = c.get(url, {"unit": org.bidang.pk, "tahun": 2026})
    assert [x.pk for x in r.context["page_obj"]] == [loose.pk]
    assert RencanaHasilKerja.objects.filter(skp__tahun=2026).count() == 2 + 2 + 4 + 1
    assert login_as(client, org, "hr_other").get(url, {"unit": org.bidang.pk}).status_code == 404
    assert login_as(client, org, "atasan2").get(url, {"unit": org.seksi.pk}).status_code == 404
    assert login_as(client, org, "hr").get(url).status_code == 404


def test_matriks_pages_subordinates_and_counts_support_from_all_of_them(client, org):
    from penilaian.skp.views.bawahan import MATRIKS_BARIS

    mine = skp_with_rhk(org.atasan, n_rhk=2, tahun=2026)
    first, second = mine.rhk.order_by("urutan", "pk")
    for i in range(MATRIKS_BARIS + 3):
        PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan, nama=f"Aaa {i:03d}")
    last = PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan, nama="Zzz Terakhir")  # on page 2
    skp_with_rhk(last, n_rhk=1, tahun=2026).rhk.update(induk=second)
    c = login_as(client, org, "atasan")
    r = c.get(reverse("penilaian:skp-matriks"), {"tahun": 2026})
    m = r.context["m"]
    assert len(m.baris) == MATRIKS_BARIS and last.pk not in {b.pegawai.pk for b in m.baris}
    assert m.tanpa_dukungan == [first]  # the second is supported, by someone on page 2
    r = c.get(reverse("penilaian:skp-matriks"), {"tahun": 2026, "page": 2})
    assert last.pk in {b.pegawai.pk for b in r.context["m"].baris}
