"""Browser journey: "Masuk dengan SSO" through the provider's login and consent pages, then logout from both."""
import pytest
from playwright.sync_api import Page, expect

from pegawai.tests.factories import PegawaiFactory
from tests.oidc_provider.pengguna import NIP_BUDI, PENGGUNA_OP

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_sso_journey_in_the_browser(page: Page, live_server, sso_on, tmp_path):
    budi = PegawaiFactory(nip=NIP_BUDI)
    page.set_viewport_size({"width": 390, "height": 800})

    page.goto(f"{live_server.url}/masuk/")
    page.click("#tombol-sso")
    page.fill("#op-login [name=username]", "budi")
    page.fill("#op-login [name=password]", PENGGUNA_OP["budi"][0])
    page.click("#op-login button[type=submit]")
    page.click("#authorizationForm [name=allow]")

    expect(page).to_have_url(f"{live_server.url}/")
    page.screenshot(path=str(tmp_path / "sso-beranda.png"))
    page.click(".navbar-toggler")
    page.click("#menu-akun")
    expect(page.locator("#menu-akun")).to_contain_text(budi.nama)
    page.click("#tombol-keluar")

    expect(page).to_have_url(f"{live_server.url}/masuk/")
    expect(page.locator("#tombol-sso")).to_be_visible()
    page.goto(f"{sso_on.url}/")
    expect(page.locator("body")).to_have_text("op-user:-")  # the provider's session ended as well
