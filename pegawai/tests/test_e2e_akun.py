"""Browser journey: HR resets a password, the pegawai logs in with it and must choose a new one first."""
import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_temporary_password_journey(page: Page, live_server, browser_login):
    from pegawai.tests.factories import build_org

    org = build_org()
    org.hr.set_password("Rahasia-HR-2026")
    org.hr.save()

    browser_login(org.hr, password="Rahasia-HR-2026")
    page.goto(f"{live_server.url}/pegawai/{org.rekan.pk}/")
    page.once("dialog", lambda d: d.accept())
    page.click("#tombol-akun")
    sandi = page.locator("#nilai-sandi-sementara")
    expect(sandi).to_be_visible()
    temp = sandi.inner_text()
    page.reload()  # shown once
    expect(page.locator("#nilai-sandi-sementara")).to_have_count(0)

    browser_login(org.rekan.nip, password=temp)
    expect(page.locator("#wajib-ganti")).to_be_visible()
    page.goto(f"{live_server.url}/skp/")
    expect(page).to_have_url(f"{live_server.url}/akun/kata-sandi/")
    page.fill("#id_old_password", temp)
    page.fill("#id_new_password1", "Sandi-Baru-2026!")
    page.fill("#id_new_password2", "Sandi-Baru-2026!")
    page.click("form:has(#id_old_password) button[type=submit]")
    expect(page.get_by_text("Kata sandi Anda telah diganti.")).to_be_visible()
    page.goto(f"{live_server.url}/skp/")
    expect(page).to_have_url(f"{live_server.url}/skp/")
