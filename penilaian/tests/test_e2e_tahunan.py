"""The new parts of the agency-year pages in a browser (axe, desktop and phone width): angka kredit per SKP
period on the pegawai's page, and the earlier SKPs on the last SKP's Akhir evaluation (domain.md §11.2)."""
import pytest
from django.urls import reverse

from penilaian.tests.test_tahunan import pindah  # noqa: F401 - the fixture: a July move and promotion
from tests.test_e2e_aksesibilitas import WIDTHS, _masuk, _violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True}  # axe is injected as a script tag (see the axe module)


def test_ak_per_period_and_earlier_skps_are_accessible_at_both_widths(page, live_server, org, pindah):  # noqa: F811
    halaman = [(org.pegawai.user, reverse("pelatihan:saya") + "?tahun=2026", "#ak-2026"),
               (org.hr, reverse("pelatihan:pegawai", args=[org.pegawai.pk]), "#ak-2026"),
               (org.atasan.user, reverse("penilaian:evaluasi-detail", args=[pindah.e2.pk]), "#skp-sebelumnya")]
    found = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for user, url, bagian in halaman:
            _masuk(page, live_server, user)
            page.goto(live_server.url + url)
            assert page.locator(bagian).is_visible()
            found += [f"{width}px {url}: {v}" for v in _violations(page)]
            lebar = page.evaluate("document.documentElement.scrollWidth")
            assert lebar <= width, f"{url} scrolls sideways at {width}px ({lebar}px)"
    assert not found, "\n".join(found)
