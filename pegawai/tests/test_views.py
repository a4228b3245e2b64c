"""Every pegawai page against every actor (style.md §4), the lists, details, login and navigation."""
import pytest
from django.urls import reverse

from pegawai.tests.factories import PegawaiFactory, login_as, make_nip

pytestmark = pytest.mark.django_db

ACTORS = ["pegawai", "rekan", "atasan", "atasan2", "hr", "hr_other", "admin", "anon"]


def assert_status(response, expected):
    if expected == "login":
        assert response.status_code == 302 and response.url.startswith(reverse("login")), response
    else:
        assert response.status_code == expected, (response.status_code, expected)


# Detail of org.pegawai: self, their supervisor, HR of the instansi and admin see it; the rest get 404.
DETAIL = {"pegawai": 200, "rekan": 404, "atasan": 200, "atasan2": 404, "hr": 200, "hr_other": 404,
          "admin": 200, "anon": "login"}
# HR pages without an object: any HR (own instansi) and admin; other roles 403.
HR_PAGE = {"pegawai": 403, "rekan": 403, "atasan": 403, "atasan2": 403, "hr": 200, "hr_other": 200,
           "admin": 200, "anon": "login"}
# HR pages on an object of org.instansi: HR of another instansi gets 404 (scope), not 403.
HR_OBJECT = {**HR_PAGE, "hr_other": 404}


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize(
    "name, obj, table",
    [
        ("pegawai:detail", "pegawai", DETAIL),
        ("pegawai:update", "pegawai", HR_OBJECT),
        ("pegawai:ganti-atasan", "pegawai", HR_OBJECT),
        ("pegawai:unit-update", "seksi", HR_OBJECT),
        ("pegawai:hr-home", None, HR_PAGE),
        ("pegawai:unit-tree", None, HR_PAGE),
        ("pegawai:unit-create", None, HR_PAGE),
        ("pegawai:list", None, HR_PAGE),
        ("pegawai:create", None, HR_PAGE),
        ("pegawai:import", None, HR_PAGE),
    ],
)
def test_permission_matrix(client, org, actor, name, obj, table):
    url = reverse(name, args=[getattr(org, obj).pk] if obj else [])
    assert_status(login_as(client, org, actor).get(url), table[actor])


@pytest.mark.parametrize("actor, expected", [("pegawai", 404), ("atasan", 404), ("hr", 404), ("hr_other", 200)])
def test_hr_of_another_instansi_sees_only_its_own_pegawai(client, org, actor, expected):
    assert_status(login_as(client, org, actor).get(reverse("pegawai:detail", args=[org.asing.pk])), expected)


@pytest.mark.parametrize("actor", ["pegawai", "atasan", "hr"])
def test_posts_outside_scope_change_nothing(client, org, actor):
    login_as(client, org, actor if actor != "hr" else "hr_other")
    client.post(reverse("pegawai:update", args=[org.pegawai.pk]), {"nama": "Diretas"})
    client.post(reverse("pegawai:ganti-atasan", args=[org.pegawai.pk]), {"atasan_nip": "", "alasan": "x"})
    org.pegawai.refresh_from_db()
    assert org.pegawai.nama != "Diretas" and org.pegawai.atasan == org.atasan


def test_supervisor_team_lists_only_direct_subordinates(client, org):
    html = login_as(client, org, "atasan").get(reverse("pegawai:tim-saya")).content.decode()
    assert org.pegawai.nip in html and org.rekan.nip in html
    assert org.lain.nip not in html and org.kabid.nip not in html and org.asing.nip not in html


def test_employee_without_subordinates_sees_an_empty_team(client, org):
    html = login_as(client, org, "pegawai").get(reverse("pegawai:tim-saya")).content.decode()
    assert "Anda belum menjadi pejabat penilai bagi pegawai lain." in html


def test_tim_saya_is_404_for_an_account_without_pegawai(client, org):
    assert login_as(client, org, "hr").get(reverse("pegawai:tim-saya")).status_code == 404


def test_profil_saya_opens_the_own_detail_page(client, org):
    response = login_as(client, org, "pegawai").get(reverse("pegawai:profil-saya"))
    assert response.url == reverse("pegawai:detail", args=[org.pegawai.pk])


def test_profil_saya_without_pegawai_explains_why(client, org):
    page = login_as(client, org, "hr").get(reverse("pegawai:profil-saya"), follow=True)
    assert "Akun Anda tidak terhubung dengan data pegawai." in page.content.decode()


@pytest.mark.parametrize(
    "actor, section",
    [("hr", "beranda-hr"), ("admin", "beranda-hr"), ("atasan", "beranda-atasan"), ("pegawai", "beranda-pegawai")],
)
def test_home_shows_each_role_its_dashboard_section(client, org, actor, section):
    assert f'id="{section}"' in login_as(client, org, actor).get(reverse("home")).content.decode()


def test_navigation_shows_the_menus_of_the_role(client, org):
    hr_html = login_as(client, org, "hr").get(reverse("pegawai:hr-home")).content.decode()
    assert reverse("pegawai:list") in hr_html and reverse("pegawai:import") in hr_html
    client.logout()
    html = login_as(client, org, "pegawai").get(reverse("pegawai:detail", args=[org.pegawai.pk])).content.decode()
    assert reverse("pegawai:profil-saya") in html and reverse("pegawai:import") not in html


def test_login_with_nip_and_logout(client, org):
    page = client.post(reverse("login"), {"username": org.pegawai.nip, "password": "rahasia123"}, follow=True)
    assert page.request["PATH_INFO"] == reverse("home") and 'id="beranda-pegawai"' in page.content.decode()
    client.post(reverse("logout"))
    assert_status(client.get(reverse("pegawai:detail", args=[org.pegawai.pk])), "login")


def test_wrong_password_is_refused_in_indonesian(client, org):
    html = client.post(reverse("login"), {"username": org.pegawai.nip, "password": "salah"}).content.decode()
    assert "NIP atau kata sandi salah." in html and "nama pengguna nama pengguna" not in html
    assert "NIP atau nama pengguna" in html and "Lupa kata sandi? Hubungi Admin Kepegawaian." in html


def test_login_accepts_a_nip_typed_with_spaces(client, org):
    nip = org.pegawai.nip
    spaced = f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    page = client.post(reverse("login"), {"username": spaced, "password": "rahasia123"}, follow=True)
    assert 'id="beranda-pegawai"' in page.content.decode()


def test_password_change(client, org):
    login_as(client, org, "pegawai")
    page = client.post(reverse("password_change"), {
        "old_password": "rahasia123", "new_password1": "Kinerja-Baru-2026", "new_password2": "Kinerja-Baru-2026",
    }, follow=True)
    assert "Kata sandi Anda telah diganti." in page.content.decode()
    org.pegawai.user.refresh_from_db()
    assert org.pegawai.user.check_password("Kinerja-Baru-2026")


# --- HR pages: content --------------------------------------------------------------------------

def test_hr_home_counts_per_unit(client, org):
    PegawaiFactory(unit_kerja=org.seksi2, status="PPPK", nip=make_nip(pppk=True),
                   golongan=None, atasan=None)
    html = login_as(client, org, "hr").get(reverse("pegawai:hr-home")).content.decode()
    assert 'id="jumlah-aktif">7<' in html  # kabid, 2 kepala seksi, 3 staff, 1 PPPK; not the other instansi
    row = html.split("Seksi Dua</a>")[1].split("</tr>")[0]
    cells = [c.split(">")[-1] for c in row.split("</td>")[1:-1]]
    assert cells == ["3", "2", "1", "1"]  # pegawai, PNS/CPNS, PPPK, tanpa atasan


def test_unit_tree_shows_nested_units_with_totals(client, org):
    c = login_as(client, org, "hr")
    html = c.get(reverse("pegawai:unit-tree")).content.decode()
    assert "Bidang Satu" in html and "6 pegawai" in html  # Bidang Satu including its seksi
    assert "Seksi Satu" not in html  # a level is read when its parent opens
    anak = reverse("pegawai:unit-tree-anak", args=[org.bidang.pk])
    assert f'data-hx-get="{anak}"' in html
    html = c.get(anak).content.decode()
    assert html.index("Seksi Satu") < html.index("Seksi Dua") and "3 pegawai" in html
    assert "Seksi Contoh" not in html  # a unit of the other instansi


@pytest.mark.parametrize("actor,code", [("hr", 200), ("hr_other", 404), ("atasan", 403), ("asing", 403)])
def test_unit_tree_level_is_for_hr_of_the_instansi(client, org, actor, code):
    r = login_as(client, org, actor).get(reverse("pegawai:unit-tree-anak", args=[org.bidang.pk]))
    assert r.status_code == code


def test_unit_tree_level_costs_the_same_however_many_units(client, org, django_assert_max_num_queries):
    from pegawai.selectors import UNIT_PER_HALAMAN
    from pegawai.tests.factories import UnitKerjaFactory

    c = login_as(client, org, "hr")
    url = reverse("pegawai:unit-tree-anak", args=[org.bidang.pk])
    with django_assert_max_num_queries(50) as few:
        c.get(url)
    for i in range(UNIT_PER_HALAMAN + 10):
        sub = UnitKerjaFactory(instansi=org.instansi, parent=org.bidang, kode=f"S9{i:03d}")
        UnitKerjaFactory(instansi=org.instansi, parent=sub, kode=f"S9{i:03d}.1")
    with django_assert_max_num_queries(len(few.captured_queries)):
        r = c.get(url)
    assert len(r.context["page_obj"]) == UNIT_PER_HALAMAN and f"{url}?page=2" in r.content.decode()
    assert len(c.get(reverse("pegawai:unit-tree")).content) < 100_000


@pytest.mark.parametrize(
    "query, expected, absent",
    [
        ({"q": "{pegawai.nip}"}, ["pegawai"], ["rekan", "lain"]),
        ({"q": "NIP8"}, ["pegawai", "rekan"], ["asing"]),
        ({"q": "{lain.nama}"}, ["lain"], ["pegawai"]),
        ({"unit_kerja": "{seksi2.pk}"}, ["lain", "atasan2"], ["pegawai", "kabid"]),
        ({"unit_kerja": "{bidang.pk}"}, ["lain", "pegawai", "kabid"], ["asing"]),  # includes sub-units
        ({"status": "PPPK"}, [], ["pegawai", "lain"]),
        ({"jabatan": "{atasan.jabatan.pk}"}, ["atasan", "atasan2"], ["pegawai"]),
    ],
    ids=["nip", "nip-awal", "nama", "unit", "unit-dengan-subunit", "status", "jabatan"],
)
def test_employee_list_search_and_filters(client, org, query, expected, absent):
    params = {k: org.pegawai.nip[:8] if v == "NIP8" else v.format(**vars(org)) for k, v in query.items()}
    html = login_as(client, org, "hr").get(reverse("pegawai:list"), params).content.decode()
    for name in expected:
        assert getattr(org, name).nip in html, name
    for name in absent:
        assert getattr(org, name).nip not in html, name


def test_employee_list_filters_by_golongan(client, org):
    from pegawai.models import Golongan

    org.lain.golongan = Golongan.objects.get(jenis="PNS", kode="IV/a")
    org.lain.save()
    html = login_as(client, org, "hr").get(reverse("pegawai:list"), {"golongan": org.lain.golongan.pk}).content.decode()
    assert org.lain.nip in html and org.pegawai.nip not in html


def test_employee_list_is_paginated(client, org):
    PegawaiFactory.create_batch(30, unit_kerja=org.seksi, user=None)
    html = login_as(client, org, "hr").get(reverse("pegawai:list")).content.decode()
    assert "Menampilkan 1–25 dari 36" in html
    page2 = client.get(reverse("pegawai:list"), {"page": 2}).content.decode()
    assert "Menampilkan 26–36 dari 36" in page2


def test_employee_list_says_so_when_nothing_matches(client, org):
    html = login_as(client, org, "hr").get(reverse("pegawai:list"), {"q": "tidak-ada-nama-ini"}).content.decode()
    assert "Tidak ada pegawai yang cocok dengan pencarian." in html


def test_detail_shows_data_subordinates_and_atasan_history(client, org):
    html = login_as(client, org, "hr").get(reverse("pegawai:detail", args=[org.atasan.pk])).content.decode()
    assert org.atasan.nip in html and org.kabid.nama in html
    assert org.pegawai.nama in html and org.rekan.nama in html  # bawahan yang dinilai
    assert reverse("pegawai:ganti-atasan", args=[org.atasan.pk]) in html


def test_employee_detail_has_no_edit_buttons(client, org):
    html = login_as(client, org, "pegawai").get(reverse("pegawai:detail", args=[org.pegawai.pk])).content.decode()
    assert reverse("pegawai:update", args=[org.pegawai.pk]) not in html


def test_interface_switches_to_english(client, org):
    login_as(client, org, "hr")
    client.post(reverse("set_language"), {"language": "en", "next": reverse("pegawai:list")})
    html = client.get(reverse("pegawai:list"), {"q": "tidak-ada"}).content.decode()
    assert "Employee list" in html and "No employees match the search." in html
    response = client.post(reverse("pegawai:ganti-atasan", args=[org.pegawai.pk]),
                           {"atasan_nip": org.pegawai.nip, "alasan": "x"})
    assert "An employee cannot be their own supervisor." in response.content.decode()


def test_detail_links_only_subordinates_the_viewer_may_open(client, org):
    # The kepala bidang opens a kepala seksi's page: the seksi's staff are listed, not linked (no dead links).
    login_as(client, org, "kabid")
    page = client.get(reverse("pegawai:detail", args=[org.atasan.pk])).content.decode()
    assert org.pegawai.nama_lengkap in page
    assert reverse("pegawai:detail", args=[org.pegawai.pk]) not in page
    login_as(client, org, "atasan")
    page = client.get(reverse("pegawai:detail", args=[org.atasan.pk])).content.decode()
    assert reverse("pegawai:detail", args=[org.pegawai.pk]) in page
