"""Under the Content-Security-Policy the pages still work in Chromium: no violation, scripts from files run."""
import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_pages_and_django_admin_work_without_csp_violations(page: Page, live_server):
    from harian.tests.factories import skp_aktif
    from pegawai.tests.factories import UserFactory, build_org

    org = build_org()
    skp_aktif(org.pegawai)
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    for user in (org.pegawai.user, admin):
        user.set_password("Rahasia-2026")
        user.save()
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)

    def login(username):
        page.goto(f"{live_server.url}/masuk/")
        page.fill("#id_username", username)
        page.fill("#id_password", "Rahasia-2026")
        page.click("button[type=submit]")

    login(org.pegawai.user.username)
    for path in ("/", "/harian/", "/harian/kalender/", "/pelatihan/", "/skp/"):
        page.goto(live_server.url + path)
    with page.expect_navigation():  # the language picker submits itself (ui.js, no inline handler)
        page.select_option("select[name=language]", "en")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.context.clear_cookies()
    login("root")
    page.goto(f"{live_server.url}/admin/pegawai/pegawai/")
    page.check("#action-toggle")  # the admin's own JavaScript runs
    expect(page.locator("input.action-select:checked")).to_have_count(page.locator("input.action-select").count())
    page.goto(f"{live_server.url}/admin/pegawai/pegawai/{org.pegawai.pk}/change/")
    expect(page.locator("#id_nama")).to_have_value(org.pegawai.nama)
    assert refused == []
