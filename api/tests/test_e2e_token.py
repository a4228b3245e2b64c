"""Browser journey: HR issues an instansi token, copies it once, an integration reads with it, HR revokes it
after confirming, and the next call is refused."""
import json
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _get(url, raw):
    req = urllib.request.Request(url, headers={"Authorization": f"Bearer {raw}"})
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, None


def test_hr_issues_uses_and_revokes_a_token(page: Page, live_server):
    from pegawai.tests.factories import build_org

    org = build_org()
    page.goto(f"{live_server.url}/masuk/")
    page.fill("#id_username", org.hr.username)
    page.fill("#id_password", "rahasia123")
    page.click("button[type=submit]")
    page.click("#menu-akun")
    page.click("text=Token API")
    page.click("#token-baru")
    page.fill("#id_nama", "Aplikasi TPP")
    page.click("button[type=submit]:has-text('Buat token')")
    raw = page.inner_text("#token-rahasia").strip()
    status, body = _get(f"{live_server.url}/api/v1/pegawai/?q={org.pegawai.nip}", raw)
    assert status == 200 and [r["nama"] for r in body["results"]] == [org.pegawai.nama]
    page.click("text=Selesai")
    expect(page.locator("#tabel-token")).to_contain_text("Aplikasi TPP")
    expect(page.locator("#tabel-token")).not_to_contain_text(raw)
    page.click("#tabel-token >> text=Cabut")
    page.click("#konfirmasi-cabut")
    expect(page.locator(".alert-success")).to_contain_text("dicabut")
    expect(page.locator("#tabel-token")).to_contain_text("Dicabut")
    assert _get(f"{live_server.url}/api/v1/pegawai/", raw)[0] == 401
