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


def test_long_unit_list_gets_a_filter_box(page: Page, live_server, browser_login):
    from pegawai.tests.factories import UnitKerjaFactory, build_org

    org = build_org()
    for i in range(8):
        UnitKerjaFactory(instansi=org.instansi, parent=org.bidang, kode=f"P{i}", nama="Seksi Perencanaan")
    org.hr.set_password("Rahasia-HR-2026")
    org.hr.save()
    browser_login(org.hr, password="Rahasia-HR-2026", next="/pegawai/tambah/")
    box = page.locator("#id_unit_kerja").locator("xpath=preceding-sibling::input[@type='search']")
    expect(box).to_have_attribute("aria-controls", "id_unit_kerja")
    box.fill("seksi dua")
    hidden = page.eval_on_selector_all("#id_unit_kerja option", "os => os.map(o => [o.textContent, o.hidden])")
    shown = [t for t, h in hidden if not h]
    assert "S2 — Seksi Dua (Bidang Satu)" in shown and not any(t.startswith("P1 ") for t in shown)
    page.select_option("#id_unit_kerja", label="S2 — Seksi Dua (Bidang Satu)")
    expect(page.locator("#id_unit_kerja")).to_have_value(str(org.seksi2.pk))
