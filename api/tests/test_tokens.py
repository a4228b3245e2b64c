"""Issuing, using, auditing, throttling and revoking integration tokens."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from api.models import TokenIntegrasi, hash_token
from api.services import token_issue
from kinerja.models import AuditLog

from .conftest import issue


def test_only_the_hash_is_stored(org):
    token, raw = issue(org, oleh=org.hr)
    assert raw.startswith("knj_") and len(raw) > 40
    assert token.token_hash == hash_token(raw) and raw not in token.token_hash
    assert not TokenIntegrasi.objects.filter(token_hash=raw).exists()
    assert AuditLog.objects.filter(aksi="api.token_issued", object_id=str(token.pk), aktor=org.hr).exists()


@pytest.mark.parametrize(("scopes", "user"),
                         [(["read", "write:harian"], None), ([], "pegawai"), (["admin"], "pegawai")])
def test_issue_refuses_bad_scopes(org, scopes, user):
    with pytest.raises(ValidationError):
        token_issue(instansi=org.instansi, nama="x", scopes=scopes, expires_at=timezone.now() + timedelta(days=1),
                    oleh=org.hr, user=getattr(org, user).user if user else None)
    assert not TokenIntegrasi.objects.exists()


def test_every_use_is_audited_and_last_used_recorded(org, data, client_as):
    token, raw = issue(org)
    c = client_as("x", token=raw)
    c.get("/api/v1/pegawai/")
    c.get(f"/api/v1/pegawai/{org.asing.pk}/")  # outside the scope: 404, audited as well
    rows = AuditLog.objects.filter(aksi="api.token_used", object_id=str(token.pk)).order_by("pk")
    assert [(r.data["method"], r.data["path"], r.data["status"]) for r in rows] == [
        ("GET", "/api/v1/pegawai/", 200), ("GET", f"/api/v1/pegawai/{org.asing.pk}/", 404)]
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_throttled_per_token(org, settings, client_as):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
        "token": "3/min", "user": "100/min", "anon": "100/min"}}
    a, b = client_as("x", token=issue(org)[1]), client_as("x", token=issue(org)[1])
    assert [a.get("/api/v1/instansi/").status_code for _ in range(4)] == [200, 200, 200, 429]
    assert b.get("/api/v1/instansi/").status_code == 200  # another token has its own budget


def test_throttled_per_user(org, settings, client_as):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
        "token": "100/min", "user": "2/min", "anon": "100/min"}}
    sesi = client_as("pegawai")
    pribadi = client_as("x", token=issue(org, user=org.pegawai.user)[1])
    assert sesi.get("/api/v1/instansi/").status_code == 200
    assert pribadi.get("/api/v1/instansi/").status_code == 200
    assert sesi.get("/api/v1/instansi/").status_code == 429  # session and personal token share the user's budget
    assert client_as("rekan").get("/api/v1/instansi/").status_code == 200


# --- the token page -------------------------------------------------------------------------------

def test_hr_issues_a_token_shown_once(org, client):
    client.force_login(org.hr)
    r = client.post(reverse("api:token-create"), {"jenis": "instansi", "nama": "Aplikasi TPP", "scopes": ["read"],
                                                  "berlaku_hari": 90})
    assert r.status_code == 200
    token = TokenIntegrasi.objects.get()
    raw = r.context["raw"]
    assert hash_token(raw) == token.token_hash and raw in r.content.decode()
    assert "no-store" in r["Cache-Control"]
    assert (token.instansi, token.user, token.scopes, token.created_by) == (org.instansi, None, ["read"], org.hr)
    page = client.get(reverse("api:token-list")).content.decode()
    assert "Aplikasi TPP" in page and raw not in page


def _create(client, **data):
    return client.post(reverse("api:token-create"), {"berlaku_hari": 30, **data})


def test_instansi_token_cannot_get_write_scopes_on_the_page(org, client):
    client.force_login(org.hr)
    r = _create(client, jenis="instansi", nama="SIMPEG", scopes=["read", "write:harian"])
    assert r.status_code == 400
    assert "hanya dapat membaca" in r.content.decode()
    assert not TokenIntegrasi.objects.exists()


def test_pegawai_issues_only_personal_tokens(org, client):
    client.force_login(org.pegawai.user)
    r = _create(client, jenis="instansi", nama="X", scopes=["read"])
    assert r.status_code == 400 and not TokenIntegrasi.objects.exists()
    r = _create(client, jenis="pribadi", nama="Ponsel", scopes=["read", "write:harian"])
    token = TokenIntegrasi.objects.get()
    assert (token.user, token.instansi, token.scopes) == (org.pegawai.user, org.instansi, ["read", "write:harian"])


def test_hr_revokes_with_confirmation(org, client, client_as):
    token, raw = issue(org, oleh=org.hr)
    client.force_login(org.hr)
    url = reverse("api:token-revoke", args=[token.pk])
    assert "Ya, cabut token" in client.get(url).content.decode()
    token.refresh_from_db()
    assert token.revoked_at is None  # the confirmation page changes nothing
    r = client.post(url, follow=True)
    assert "dicabut" in r.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert client_as("x", token=raw).get("/api/v1/pegawai/").status_code == 401
    assert AuditLog.objects.filter(aksi="api.token_revoked", object_id=str(token.pk)).exists()


@pytest.mark.parametrize("actor", ["hr_other", "pegawai", "atasan"])
def test_others_cannot_see_or_revoke_an_instansi_token(org, client, actor):
    token, _raw = issue(org, oleh=org.hr)
    client.force_login(org.hr_other if actor == "hr_other" else getattr(org, actor).user)
    assert "Integrasi uji" not in client.get(reverse("api:token-list")).content.decode()
    assert client.post(reverse("api:token-revoke", args=[token.pk])).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_token_page_in_english(org, client):
    issue(org, oleh=org.hr)
    client.force_login(org.hr)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("api:token-list")).content.decode()
    assert "API tokens" in page and "Revoke" in page


def test_reference_page_uses_only_local_assets(client):
    """A CSP of script-src 'self' (no inline code) and no network: every asset is a local static file."""
    import re

    from django.contrib.staticfiles import finders

    url = "/api/docs/"
    page = client.get(url).content.decode()
    assert "<style" not in page and "http" not in page
    assert not re.search(r"<script>(?!\s*</script>)", page)  # no inline script
    srcs = re.findall(r'(?:src|href)="([^"]+)"', page)
    static = [s for s in srcs if s.startswith("/static/")]
    assert static and all(finders.find(s.removeprefix("/static/")) for s in static)
    init = client.get(url + "?script=").content.decode()  # the split view's init script
    assert "SwaggerUIBundle" in init
