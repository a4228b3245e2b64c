"""Single sign-on against a real OpenID provider (django-oauth-toolkit in a subprocess on 127.0.0.1).

The browser is a ``requests`` session following redirects between Kinerja's live_server and the provider,
submitting the provider's real login and consent forms.
"""
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest
import requests
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from django.urls import reverse

from pegawai.models import User
from pegawai.tests.factories import PegawaiFactory, UserFactory
from tests.oidc_provider.pengguna import NIP_BUDI, NIP_SITI, PENGGUNA_OP

TIDAK_TERDAFTAR = "NIP Anda belum terdaftar di Kinerja; hubungi Admin Kepegawaian."


class _Form(HTMLParser):
    """The fields of the first <form> of a page (hidden inputs, text inputs; no submit buttons)."""

    def __init__(self):
        super().__init__()
        self.action, self.fields, self._in, self._done = None, {}, False, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and not self._done:
            self.action, self._in = a.get("action") or "", True
        elif tag == "input" and self._in and a.get("name") and a.get("type") != "submit":
            self.fields[a["name"]] = a.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form" and self._in:
            self._in, self._done = False, True


def _submit(browser: requests.Session, page: requests.Response, **extra) -> requests.Response:
    form = _Form()
    form.feed(page.text)
    assert form.action is not None, page.text[:500]
    return browser.post(urljoin(page.url, form.action), data={**form.fields, **extra})


def _sso_login(live_server, op_user: str) -> tuple[requests.Session, requests.Response]:
    """Masuk dengan SSO → the provider's login form → consent → back in Kinerja."""
    browser = requests.Session()
    page = browser.get(f"{live_server.url}{reverse('oidc_authentication_init')}")
    assert 'id="op-login"' in page.text  # the provider's own login page
    page = _submit(browser, page, username=op_user, password=PENGGUNA_OP[op_user][0])
    assert 'id="authorizationForm"' in page.text  # consent
    return browser, _submit(browser, page, allow="Authorize")


def _kinerja_user_id(browser: requests.Session):
    key = browser.cookies.get("sessionid")
    return key and SessionStore(session_key=key).get("_auth_user_id")


@pytest.fixture
def budi(db):
    return PegawaiFactory(nip=NIP_BUDI)


def test_sso_logs_in_the_pegawai_with_that_nip(live_server, sso_on, budi):
    login_page = requests.get(f"{live_server.url}{reverse('login')}").text
    assert "Masuk dengan SSO" in login_page

    browser, page = _sso_login(live_server, "budi")  # the claim is "19850517 201003 1 901"

    assert page.url == f"{live_server.url}/"
    assert budi.nama in page.text
    assert _kinerja_user_id(browser) == str(budi.user.pk)


def test_sso_never_creates_a_user_for_an_unknown_nip(live_server, sso_on, budi):
    users = User.objects.count()

    browser, page = _sso_login(live_server, "asing")

    assert page.url == f"{live_server.url}{reverse('login')}"
    assert TIDAK_TERDAFTAR in page.text
    assert _kinerja_user_id(browser) is None
    assert User.objects.count() == users


def test_sso_refuses_an_inactive_pegawai(live_server, sso_on):
    siti = PegawaiFactory(nip=NIP_SITI, aktif=False)

    browser, page = _sso_login(live_server, "siti")

    assert "nonaktif; hubungi Admin Kepegawaian" in page.text
    assert _kinerja_user_id(browser) is None
    assert siti.user.last_login is None


def test_instansi_without_local_login_refuses_the_password_but_accepts_sso(live_server, sso_on, budi):
    instansi = budi.unit_kerja.instansi
    instansi.login_lokal = False
    instansi.save()
    root = UserFactory(username="root", is_superuser=True, is_staff=True, instansi=instansi)

    response = Client().post(reverse("login"), {"username": budi.nip, "password": "rahasia123"})
    assert not response.wsgi_request.user.is_authenticated
    assert "Pegawai instansi Anda masuk melalui SSO" in response.content.decode()
    # An administrator is never locked out.
    response = Client().post(reverse("login"), {"username": root.username, "password": "rahasia123"})
    assert response.wsgi_request.user == root

    browser, page = _sso_login(live_server, "budi")
    assert _kinerja_user_id(browser) == str(budi.user.pk)


def test_logout_ends_the_provider_session_too(live_server, sso_on, budi):
    browser, home = _sso_login(live_server, "budi")
    assert browser.get(f"{sso_on.url}/").text == "op-user:budi"

    response = _submit(browser, home)  # the "Keluar" form of the navigation bar
    chain = [r.headers["Location"] for r in response.history]

    assert chain[0].startswith(f"{sso_on.issuer}/logout/?id_token_hint=")
    assert response.url == f"{live_server.url}{reverse('login')}"
    assert _kinerja_user_id(browser) is None
    assert browser.get(f"{sso_on.url}/").text == "op-user:-"
    # Masuk dengan SSO asks for the provider password again.
    assert 'id="op-login"' in browser.get(f"{live_server.url}{reverse('oidc_authentication_init')}").text


def test_without_sso_settings_there_is_no_button_and_the_switch_has_no_effect(client, budi):
    instansi = budi.unit_kerja.instansi
    instansi.login_lokal = False
    instansi.save()

    assert "Masuk dengan SSO" not in client.get(reverse("login")).content.decode()
    assert client.get(reverse("oidc_authentication_init")).status_code == 404
    assert client.get(reverse("oidc_authentication_callback"), {"code": "x", "state": "y"}).status_code == 404
    # Switching local login off without SSO would lock everyone out: it waits until SSO is configured.
    response = client.post(reverse("login"), {"username": budi.nip, "password": "rahasia123"})
    assert response.wsgi_request.user == budi.user


def test_provider_down_leaves_password_login_working(client, settings, budi):
    from pegawai.sso import BACKEND

    settings.OIDC_ISSUER = "http://127.0.0.1:9"  # nothing listens on the discard port
    settings.OIDC_RP_CLIENT_ID = "kinerja"
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, BACKEND]

    response = client.get(reverse("oidc_authentication_init"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("login")
    assert "Layanan SSO sedang tidak dapat dihubungi" in response.content.decode()

    response = client.post(reverse("login"), {"username": budi.nip, "password": "rahasia123"})
    assert response.wsgi_request.user == budi.user


def test_a_forged_callback_is_refused_with_a_message(client, sso_on, budi):
    response = client.get(reverse("oidc_authentication_callback"), {"code": "palsu", "state": "palsu"}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("login")
    assert "Masuk dengan SSO tidak berhasil" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated


def test_sso_is_on_only_when_its_variables_are_set():
    from kinerja.tests.test_settings import settings_value

    backends = "s.AUTHENTICATION_BACKENDS"
    assert "pegawai.sso.SsoBackend" not in settings_value(backends, OIDC_ISSUER="", OIDC_CLIENT_ID="")
    on = settings_value(
        f"{backends}[0], {backends}[-1], s.OIDC_ISSUER, s.OIDC_NIP_CLAIM, s.OIDC_PROVIDER_ORIGIN",
        OIDC_ISSUER="https://sso.example.go.id/realms/asn/", OIDC_CLIENT_ID="kinerja", OIDC_CLIENT_SECRET="x",
    )
    form_action = settings_value(
        "getattr(s, 'CONTENT_SECURITY_POLICY', {}).get('DIRECTIVES', {}).get('form-action', ['no CSP'])",
        OIDC_ISSUER="https://sso.example.go.id/realms/asn", OIDC_CLIENT_ID="kinerja",
    )
    # django-axes' backend stays first (it must, to throttle); the issuer loses its trailing slash.
    assert on == (
        "('axes.backends.AxesStandaloneBackend', 'pegawai.sso.SsoBackend', "
        "'https://sso.example.go.id/realms/asn', 'nip', 'https://sso.example.go.id')"
    )
    # Logout redirects a form POST to the provider: a Content-Security-Policy must allow it in form-action.
    assert form_action == "['no CSP']" or "'https://sso.example.go.id'" in form_action


def test_a_locked_out_address_cannot_log_in_through_sso_either(live_server, sso_on, budi, settings):
    client = Client()  # the same address as the browser below: 127.0.0.1
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "tebakan", "password": "salah"})

    browser, page = _sso_login(live_server, "budi")

    assert _kinerja_user_id(browser) is None
    assert page.status_code == 429
    assert "Terlalu banyak percobaan masuk yang gagal" in page.text


def test_sso_login_is_not_sent_to_change_an_unused_temporary_password(live_server, sso_on, budi):
    from django.utils import timezone

    budi.user.sandi_sementara_sampai = timezone.now() + timezone.timedelta(hours=72)  # HR just made the login
    budi.user.save()

    browser, page = _sso_login(live_server, "budi")

    assert page.url == f"{live_server.url}/"
    assert browser.get(f"{live_server.url}/skp/").url == f"{live_server.url}/skp/"


def test_a_password_session_logs_out_locally_while_sso_is_on(client, sso_on, budi):
    client.post(reverse("login"), {"username": budi.nip, "password": "rahasia123"})

    response = client.post(reverse("logout"))

    assert response["Location"] == reverse("login")
    assert not client.get(reverse("login")).wsgi_request.user.is_authenticated


def test_cancelling_at_the_provider_returns_to_the_login_page(live_server, sso_on, budi):
    browser = requests.Session()
    page = browser.get(f"{live_server.url}{reverse('oidc_authentication_init')}")
    page = _submit(browser, page, username="budi", password=PENGGUNA_OP["budi"][0])

    page = _submit(browser, page)  # "Cancel" on the consent page: the provider answers error=access_denied

    assert page.url == f"{live_server.url}{reverse('login')}"
    assert "Masuk dengan SSO tidak berhasil; coba lagi." in page.text
    assert _kinerja_user_id(browser) is None


def test_logout_url_follows_what_the_provider_offers(rf, settings, monkeypatch):
    from pegawai import sso

    settings.OIDC_ISSUER = "https://sso.contoh.go.id/realms/asn"
    settings.OIDC_RP_CLIENT_ID = "kinerja"
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, sso.BACKEND]
    monkeypatch.setitem(sso._discovery, settings.OIDC_ISSUER, {"authorization_endpoint": "https://sso.contoh.go.id/auth"})
    request = rf.post(reverse("logout"))
    request.session = {"oidc_id_token": "token.id.saya"}

    assert sso.url_keluar_provider(request) == reverse("login")  # no end_session_endpoint: local logout only

    settings.OIDC_OP_END_SESSION_ENDPOINT = "https://sso.contoh.go.id/keluar?realm=asn"  # explicit variable
    assert sso.url_keluar_provider(request) == (
        "https://sso.contoh.go.id/keluar?realm=asn&id_token_hint=token.id.saya&client_id=kinerja"
        "&post_logout_redirect_uri=http%3A%2F%2Ftestserver%2Fmasuk%2F"
    )
    request.session = {}  # a password session
    assert sso.url_keluar_provider(request) == reverse("login")


@pytest.mark.parametrize("actor, boleh", [
    ("pegawai", False),  # a pegawai of the SSO-only instansi
    ("hr", False),  # HR of that instansi (its scope, no pegawai record)
    ("admin", True),  # superusers always keep the password
    ("asing", True),  # a pegawai of another instansi
])
def test_password_login_per_instansi(client, settings, org, actor, boleh):
    from pegawai.sso import BACKEND

    settings.OIDC_ISSUER = "https://sso.contoh.go.id/realms/asn"  # never contacted by a password login
    settings.OIDC_RP_CLIENT_ID = "kinerja"
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, BACKEND]
    org.instansi.login_lokal = False
    org.instansi.save()
    user = {"hr": org.hr, "admin": UserFactory(username="root", is_superuser=True, instansi=org.instansi)}.get(actor)
    user = user or getattr(org, actor).user

    response = client.post(reverse("login"), {"username": user.username, "password": "rahasia123"})

    assert response.wsgi_request.user.is_authenticated is boleh
    assert ("Pegawai instansi Anda masuk melalui SSO" in response.content.decode()) is not boleh
