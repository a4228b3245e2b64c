"""Browser: HR picks a new atasan by typing part of a name, at desktop and phone width."""
import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 390])
def test_hr_picks_an_atasan_by_typing_a_name(page: Page, live_server, browser_login, width):
    from pegawai.tests.factories import PegawaiFactory, build_org

    org = build_org()
    target = PegawaiFactory(unit_kerja=org.seksi2, nama="Sari Harahap", atasan=org.kabid)
    PegawaiFactory(unit_kerja=org.other_unit, nama="Sari Harahap Lain")  # another instansi: never offered
    org.hr.set_password("Rahasia-HR-2026")
    org.hr.save()
    page.set_viewport_size({"width": width, "height": 844})
    browser_login(org.hr, password="Rahasia-HR-2026", next=f"/pegawai/{org.pegawai.pk}/atasan/")

    box = page.get_by_role("combobox", name="NIP atasan baru")
    expect(box).to_have_attribute("aria-expanded", "false")
    box.fill("")  # it holds the current atasan's NIP
    box.press_sequentially("sari har", delay=30)
    options = page.locator(".cari-pegawai-list").get_by_role("option")
    expect(options).to_have_count(1)
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(options.first).to_contain_text("S2 — Seksi Dua (Bidang Satu)")
    box.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    box.press("Enter")
    expect(box).to_have_value(target.nip)
    expect(box).to_have_attribute("aria-expanded", "false")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.fill("#id_alasan", "Reorganisasi")
    page.get_by_role("button", name="Simpan").click()
    org.pegawai.refresh_from_db()
    expect(page.get_by_text("Sari Harahap").first).to_be_visible()
    assert org.pegawai.atasan_id == target.pk
