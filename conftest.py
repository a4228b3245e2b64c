"""Project-wide fixtures: private media in a temp dir, actors for permission tests, Playwright setup."""
import os

import pytest

# Playwright's sync API keeps an event loop in the main thread; the ORM must still be usable (toolchain.md).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.hookimpl(trylast=True)  # after pytest-django's ordering, which it keeps
def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist (``make test``, README "Development"): the browser tests (``e2e``) first among the
    transactional tests. They are the long ones, and long tests last would leave one worker running them
    alone at the end. pytest-django's order stays (plain database tests, then transactional ones, then those
    without a database), and xdist's ``load`` hands each worker its tests in that order: a transactional test
    empties every table, so no plain database test may follow it on the same worker."""
    if not hasattr(config, "workerinput"):
        return
    tail = [i for i, item in enumerate(items) if _transactional(item)]
    if tail:
        block = sorted(items[tail[0] : tail[-1] + 1], key=lambda item: item.get_closest_marker("e2e") is None)
        items[tail[0] : tail[-1] + 1] = block


def _transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return "live_server" in fixtures or "transactional_db" in fixtures or bool(
        marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
    )


# Rows loaded by data migrations (golongan, BerAKHLAK, training reference lists, the HR group).
REFERENCE_LOADERS = [
    ("pegawai.migrations.0002_reference_data", "load"),
    ("penilaian.migrations.0002_reference_data", "load"),
    ("pelatihan.migrations.0002_referensi", "forwards"),
]


def load_reference_data():
    """Run the data migrations' loaders again (they are idempotent)."""
    import importlib

    from django.apps import apps

    for module, func in REFERENCE_LOADERS:
        getattr(importlib.import_module(module), func)(apps, None)


@pytest.fixture(autouse=True)
def _reference_data(request):
    """A transactional test (live_server, transaction=True) flushes every table when it ends, data-migration
    rows included; put them back before each such test so test order never matters."""
    marker = request.node.get_closest_marker("django_db")
    transactional = "live_server" in request.fixturenames or "transactional_db" in request.fixturenames or (
        marker is not None and marker.kwargs.get("transaction")
    )
    if transactional:
        request.getfixturevalue("transactional_db")
        load_reference_data()


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def browser_login(page, live_server):
    """``browser_login(user, password=..., next=...)``: log in through the real login page (tests/browser.py).

    The one login of every Playwright test; a second call logs the next actor in (cookies dropped first).
    """
    from tests.browser import login as _login

    def browser_login(user, **kwargs):
        _login(page, live_server.url, user, **kwargs)
        return page

    return browser_login


@pytest.fixture
def org(db):
    """A small instansi: kepala bidang → kepala seksi → two staff; a second seksi; HR; another instansi."""
    from pegawai.tests.factories import build_org

    return build_org()


@pytest.fixture
def as_actor(client, org):
    """``as_actor("atasan")``: the test client logged in as that actor of ``org`` (the three-actor matrix,
    style.md §4; names as in ``build_org()``, plus "admin" and "anon"). Another call switches the actor."""
    from pegawai.tests.factories import login_as

    def as_actor(actor: str):
        client.logout()
        return login_as(client, org, actor)

    return as_actor


def login(client, user):
    client.force_login(user)
    return client


@pytest.fixture(scope="session")
def celery_worker_session(django_db_setup, django_db_blocker):
    """A real Celery worker (solo pool, in a thread) on the Redis broker of settings_test (toolchain.md).

    Tests using it need ``@pytest.mark.django_db(transaction=True)`` so the worker sees their rows.
    """
    from django.conf import settings

    if not settings.REDIS_URL:
        pytest.skip("needs a live Redis broker: set REDIS_URL")
    from celery.contrib.testing.worker import start_worker

    from kinerja.celery import app

    app.conf.task_always_eager = False
    try:
        with start_worker(
            app, pool="solo", concurrency=1, perform_ping_check=False, loglevel="WARNING", shutdown_timeout=10
        ):
            yield app
    finally:
        app.conf.task_always_eager = True


@pytest.fixture(autouse=True)
def _bahasa_indonesia():
    """Each test starts in Indonesian: a request in another language leaves that language active in the thread."""
    from django.utils import translation

    with translation.override("id"):
        yield


@pytest.fixture(autouse=True)
def _axes_client_login(monkeypatch):
    """django-axes throttles per request and refuses authenticate() without one; the test client's
    login() has none, so give it a bare request (as django-axes' testing notes do). force_login is unaffected."""
    from django.http import HttpRequest
    from django.test import Client

    original = Client.login

    def login(self, **credentials):
        credentials.setdefault("request", HttpRequest())
        return original(self, **credentials)

    monkeypatch.setattr(Client, "login", login)
