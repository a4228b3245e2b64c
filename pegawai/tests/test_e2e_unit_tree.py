"""Browser: the unit tree opens level by level (htmx under the strict CSP)."""
import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_unit_tree_loads_sub_units_when_opened(page: Page, live_server, browser_login):
    from pegawai.tests.factories import UnitKerjaFactory, build_org

    org = build_org()
    UnitKerjaFactory(instansi=org.instansi, parent=org.seksi, kode="S1.1", nama="Subbagian Tiga")
    browser_login(org.hr)
    page.goto(f"{live_server.url}{reverse('pegawai:unit-tree')}")
    seksi = page.locator(f"#sub-unit-{org.bidang.pk} > li")
    expect(seksi).to_have_count(2)  # the open top unit fetched its sub-units on load
    expect(seksi.first).to_contain_text("Seksi Satu")
    sub = page.locator(f"#sub-unit-{org.seksi.pk}")
    expect(sub).not_to_contain_text("Subbagian Tiga")
    seksi.first.locator("summary").first.click()
    expect(sub).to_contain_text("Subbagian Tiga")
