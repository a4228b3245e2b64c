"""Browser journey in headless Chromium: HR logs in, finds an employee by NIP, opens the detail page."""
import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_hr_finds_an_employee_by_nip_and_opens_the_detail(page: Page, live_server, browser_login):
    from pegawai.tests.factories import build_org

    org = build_org()
    org.hr.set_password("Rahasia-HR-2026")
    org.hr.save()

    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/masuk/?next=/")
    browser_login(org.hr, password="Rahasia-HR-2026", next="/")
    expect(page.locator("#beranda-hr")).to_be_visible()

    page.get_by_role("button", name="Kepegawaian").or_(page.get_by_role("link", name="Kepegawaian")).click()
    page.get_by_role("link", name="Daftar pegawai").click()
    page.fill("#id_q", org.lain.nip)
    page.click("#tombol-cari")
    rows = page.locator("#tabel-pegawai tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(org.lain.nip)

    rows.first.get_by_role("link", name=org.lain.nama_lengkap).click()
    expect(page.locator("#nama-pegawai")).to_have_text(org.lain.nama_lengkap)
    expect(page.get_by_text(f"NIP {org.lain.nip}")).to_be_visible()
    expect(page.get_by_text(org.atasan2.nama_lengkap)).to_be_visible()  # atasan langsung
