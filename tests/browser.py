"""One way to log in through the real login page in a Playwright browser (every ``test_e2e_*`` uses it).

Through the root conftest's ``browser_login`` fixture; this plain function stays importable for helpers
that build on it (``penilaian.tests.test_e2e_rekan.login`` is an alias).
"""
from playwright.sync_api import Page, expect

PASSWORD = "rahasia123"  # UserFactory's password


def login(page: Page, base_url: str, user, *, password: str = PASSWORD, next: str = "") -> None:
    """Log ``user`` (a User or a username) in on ``/masuk/`` after dropping any earlier session.

    Waits until the account menu is in the page, so a refused login fails here, not three steps later.
    """
    username = user if isinstance(user, str) else user.get_username()
    page.context.clear_cookies()
    page.goto(f"{base_url}/masuk/" + (f"?next={next}" if next else ""))
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("form:has(#id_username) button[type=submit]")
    expect(page.locator("#menu-akun")).to_be_attached()
