"""Browser hardening (issue 12 item 8): CSP without inline script, Permissions-Policy, no caching of
personal pages, and sessions that end after idle time and after a fixed lifetime."""
import re
import time
from pathlib import Path

import pytest
from django.urls import reverse

from kinerja.middleware import POLL_PARAM, SESSION_AKTIF, SESSION_LOGIN
from pegawai.tests.factories import login_as

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
# Rendered outside a browser (WeasyPrint PDFs, e-mails): the page CSP does not apply to them.
NOT_WEB = ("pdf", "emails")


def web_templates():
    for path in sorted(TEMPLATES.rglob("*.html")):
        rel = path.relative_to(TEMPLATES).as_posix()
        if not rel.startswith(NOT_WEB):
            yield rel, path.read_text()


def test_no_template_has_inline_script_event_handlers_or_style_attributes():
    found = []
    for rel, text in web_templates():
        for tag in re.findall(r"<script\b[^>]*>", text):
            if "src=" not in tag and "application/json" not in tag:
                found.append((rel, tag))
        found += [(rel, m) for m in re.findall(r"\son[a-z]+\s*=", text)]
        found += [(rel, m) for m in re.findall(r"\sstyle\s*=", text)]
        found += [(rel, "<style>") for _ in re.findall(r"<style\b", text)]
    assert found == []



@pytest.mark.django_db
def test_pages_carry_a_strict_csp_and_a_permissions_policy(client, org):
    login_as(client, org, "pegawai")
    response = client.get(reverse("home"))
    csp = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";") if part.strip())
    assert csp["default-src"] == "'self'"
    assert csp["script-src"].split()[0] == "'self'" and "unsafe" not in csp["script-src"]
    assert csp["style-src"] == "'self'"
    assert csp["img-src"] == "'self' data:"
    assert csp["frame-ancestors"] == "'none'" and csp["form-action"] == "'self'"
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in policy
    assert client.get(reverse("login")).has_header("Content-Security-Policy")


@pytest.mark.django_db
def test_htmx_is_told_not_to_inject_styles_and_the_indicator_css_exists(client, org):
    login_as(client, org, "pegawai")
    html = client.get(reverse("home")).content.decode()
    assert '"includeIndicatorStyles": false' in html
    assert ".htmx-indicator" in (TEMPLATES.parent / "static/css/kinerja.css").read_text()


@pytest.mark.django_db
def test_personal_pages_and_files_are_not_cached_but_static_files_are(client, org, settings):
    settings.WHITENOISE_USE_FINDERS = True  # serve static/ without collectstatic, as in development
    from django.core.files.uploadedfile import SimpleUploadedFile

    from harian.tests.factories import KegiatanFactory, skp_aktif
    from harian.tests.test_rules import PDF

    assert not client.get(reverse("healthz")).has_header("Cache-Control")  # anonymous: untouched
    skp_aktif(org.pegawai)
    k = KegiatanFactory(pegawai=org.pegawai)
    k.berkas.save("bukti.pdf", SimpleUploadedFile("bukti.pdf", PDF))
    login_as(client, org, "pegawai")
    for url in (
        reverse("home"),
        reverse("harian:saya"),
        reverse("harian:berkas", args=[k.pk]),
        reverse("notifikasi:bell"),
    ):
        assert client.get(url)["Cache-Control"] == "private, no-store", url
    static = client.get("/static/css/kinerja.css")
    assert static.status_code == 200 and "no-store" not in static.get("Cache-Control", "")


def _age(client, key, seconds):
    session = client.session
    session[key] = int(time.time()) - seconds
    session.save()


@pytest.mark.django_db
def test_an_idle_session_ends_with_a_message(client, org, settings):
    settings.SESSION_IDLE_MINUTES = 30
    login_as(client, org, "pegawai")
    assert client.get(reverse("home")).status_code == 200
    _age(client, SESSION_AKTIF, 29 * 60)
    assert client.get(reverse("home")).status_code == 200  # activity just in time: still in
    _age(client, SESSION_AKTIF, 31 * 60)
    response = client.get(reverse("harian:saya"), follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("login"))
    assert "tidak ada aktivitas selama 30 menit" in response.content.decode()
    assert client.get(reverse("home")).status_code == 302  # logged out for good


@pytest.mark.django_db
def test_background_polling_does_not_keep_a_session_alive(client, org):
    login_as(client, org, "pegawai")
    _age(client, SESSION_AKTIF, 20 * 60)
    before = client.session[SESSION_AKTIF]
    assert client.get(reverse("notifikasi:bell") + "?poll=1", headers={"HX-Request": "true"}).status_code == 200
    assert client.session[SESSION_AKTIF] == before
    _age(client, SESSION_AKTIF, 31 * 60)
    response = client.get(reverse("notifikasi:bell") + "?poll=1", headers={"HX-Request": "true"})
    assert response.status_code == 204 and response["HX-Redirect"] == reverse("login")


@pytest.mark.django_db
def test_a_session_ends_after_its_maximum_lifetime_even_when_active(client, org, settings):
    settings.SESSION_MAX_HOURS = 12
    login_as(client, org, "pegawai")
    _age(client, SESSION_LOGIN, 11 * 3600)
    assert client.get(reverse("home")).status_code == 200
    _age(client, SESSION_LOGIN, 12 * 3600 + 60)
    response = client.get(reverse("home"), follow=True)
    assert "Sesi Anda berakhir setelah 12 jam" in response.content.decode()


def test_polling_templates_mark_their_requests():
    for rel in ("notifikasi/_bell.html", "notifikasi/_cetak_progres.html"):
        assert f"?{POLL_PARAM}=1" in (TEMPLATES / rel).read_text(), rel


@pytest.mark.django_db
def test_a_nul_byte_sent_to_the_api_gets_a_json_400(client, org):
    login_as(client, org, "pegawai")
    response = client.get("/api/v1/pegawai/", {"q": "a\x00b"})
    assert response.status_code == 400 and response["Content-Type"].startswith("application/json")
    assert "NUL" in response.json()["detail"]
