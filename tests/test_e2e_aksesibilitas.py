"""WCAG 2.1 A/AA with axe-core (issue 17): every role's main pages, at desktop and phone width, in both languages.

axe-core is vendored in ``tests/vendor/axe.min.js`` (npm package ``axe-core``, version in its header); it is
injected into each page after load. Any serious or critical violation fails the test, with the rule, the
page and the first offending nodes in the message; so does a page wider than the window (sideways scroll).
Each page is loaded once per language and audited at both widths (the window is resized in between, as
when a phone turns). The language is switched with the navbar's picker, as a user does. Data and the page
list: ``tests/aksesibilitas_data.py``; login by a planted session cookie, once per role.
"""
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from tests import aksesibilitas_data

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
RUN = "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'], resultTypes: ['violations']})"
WIDTHS = (1366, 390)
LANGUAGES = ("id", "en")


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """axe is injected as a script tag, which the app's Content-Security-Policy (script-src 'self') rightly
    blocks; only this module's browser ignores the policy, to audit the pages."""
    return {**browser_context_args, "bypass_csp": True}


def _masuk(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value, "url": live_server.url}])


# HTML faults axe leaves to the validator: a label pointing at nothing, a cell spanning past its table.
HTML_FAULTS = """() => [
  ...[...document.querySelectorAll('label[for]')].filter(l => !document.getElementById(l.htmlFor))
     .map(l => 'label for=' + l.htmlFor + ' points at nothing'),
  ...[...document.querySelectorAll('table')].filter(t => t.tHead && t.tHead.rows.length).flatMap(t => {
     const width = r => [...r.cells].reduce((n, c) => n + c.colSpan, 0);
     const cols = width(t.tHead.rows[0]);
     return [...t.rows].filter(r => width(r) > cols).map(r => 'row wider than the header of table ' + (t.id || ''));
  }),
]"""


def _violations(page) -> list[str]:
    faults = page.evaluate(HTML_FAULTS)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    hasil = page.evaluate(RUN)
    return faults + [f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"]) for n in v["nodes"][:3])
            + f" [{len(v['nodes'])} nodes]"
            for v in hasil["violations"] if v["impact"] in ("serious", "critical")]


def _problems(page, width: int) -> list[str]:
    """Serious axe violations and sideways scroll of the page as shown, at ``width``."""
    if page.viewport_size["width"] != width:
        page.set_viewport_size({"width": width, "height": 900})
    found = _violations(page)
    lebar = page.evaluate("document.documentElement.scrollWidth")
    if lebar > width:
        wide = page.evaluate(WIDEST)
        found.append(f"page is {lebar}px wide (sideways scroll): {wide}")
    return found


# The elements sticking out past the window, innermost first: where to look for the cause.
WIDEST = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && ![...e.children].some(
     c => c.getBoundingClientRect().right > window.innerWidth + 1))
  .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
     + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
     + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')"""


def _bahasa(page, kode: str) -> None:
    """Choose the language in the navbar's picker, as a user does (it submits itself to set_language)."""
    if page.evaluate("document.documentElement.lang") != kode:
        with page.expect_navigation():
            page.select_option("select[name=language]", kode)
    assert page.evaluate("document.documentElement.lang") == kode


def _walk(page, live_server, urls, label: str) -> list[str]:
    """Each page loaded once, audited at both widths (alternating the order: every width loads pages too)."""
    found = []
    for i, url in enumerate(urls):
        response = page.goto(live_server.url + url)
        if not response.ok:
            found.append(f"{label} {url}: HTTP {response.status}")
            continue
        for width in WIDTHS if i % 2 == 0 else WIDTHS[::-1]:
            found += [f"{label} {width}px {url}: {p}" for p in _problems(page, width)]
    return found


ROLES = {"pegawai": ("pegawai",), "atasan": ("atasan", "kabid"), "hr": ("hr", "admin")}


@pytest.mark.parametrize("kelompok", list(ROLES))
def test_main_pages_have_no_serious_axe_violations_nor_sideways_scroll(page, live_server, kelompok):
    data = aksesibilitas_data.build()
    users, pages = aksesibilitas_data.users(data), aksesibilitas_data.pages(data)
    page.set_viewport_size({"width": WIDTHS[0], "height": 900})
    found = []
    if kelompok == "pegawai":  # the login page, before anyone logs in
        page.goto(live_server.url + reverse("login"))
        for kode in LANGUAGES:
            _bahasa(page, kode)
            found += _walk(page, live_server, [reverse("login")], f"{kode} anonymous")
    for role in ROLES[kelompok]:
        _masuk(page, live_server, users[role])
        for kode in LANGUAGES:
            page.goto(live_server.url + pages[role][0])
            _bahasa(page, kode)
            found += _walk(page, live_server, pages[role], f"{kode} {role}")
    assert not found, "\n".join(found)


def test_skip_link_and_error_summary_take_the_keyboard_user_where_needed(page, live_server):
    org = aksesibilitas_data.build().org
    _masuk(page, live_server, org.pegawai.user)
    page.goto(live_server.url + reverse("home"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Langsung ke isi utama"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "isi"
    page.context.clear_cookies()
    page.goto(live_server.url + reverse("login"))
    page.fill("#id_username", org.pegawai.nip)
    page.fill("#id_password", "salah-sekali")
    page.click("button[type=submit]")
    # Only an error of the whole form: shown once, in the form, and focused.
    expect(page.locator("text=NIP atau kata sandi salah.")).to_have_count(1)
    assert "NIP atau kata sandi salah." in page.evaluate("document.activeElement.textContent")
    # Field errors: the summary at the top takes focus and links to the field.
    _masuk(page, live_server, org.hr)
    page.goto(live_server.url + reverse("pegawai:create"))
    page.fill("#id_nip", "12345")
    page.locator("form [type=submit]").last.click()
    expect(page.locator("#ringkasan-galat")).to_be_focused()
    assert "NIP harus 18 digit" in page.inner_text("#ringkasan-galat")
    page.click("#ringkasan-galat a")
    assert page.evaluate("document.activeElement.id") == "id_nip"
