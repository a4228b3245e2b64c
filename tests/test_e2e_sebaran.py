"""Distribution per perangkat daerah in the browser: the band is drawn, the numbers table follows it, the page
fits 1366 and 390 px without sideways scrolling and has no serious axe violation."""
import pytest
from django.urls import reverse

from pegawai.models import UnitKerja
from pegawai.tests.factories import PegawaiFactory, UnitKerjaFactory, build_org
from penilaian.models import CapaianOrganisasi, Penilaian, Skp
from penilaian.predikat import Predikat
from penilaian.tests.factories import PenilaianFactory, PeriodeFactory, SkpFactory

from .test_e2e_aksesibilitas import _masuk, _violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """As in test_e2e_aksesibilitas: axe is injected as a script tag, which the CSP rightly blocks."""
    return {**browser_context_args, "bypass_csp": True}


def _data():
    org = build_org()
    org.bidang.level = UnitKerja.Level.PERANGKAT_DAERAH
    org.bidang.save()
    periode = PeriodeFactory(terbuka=True, instansi=org.instansi)
    sub = UnitKerjaFactory(instansi=org.instansi, parent=org.seksi2, kode="S2A",
                           nama="Subbagian Perencanaan dan Evaluasi Program Kerja")
    for unit, predikat, n in ((org.seksi, Predikat.BUTUH_PERBAIKAN, 6), (org.seksi2, Predikat.SANGAT_BAIK, 2),
                              (sub, Predikat.BAIK, 2)):
        for _ in range(n):
            skp = SkpFactory(pegawai=PegawaiFactory(unit_kerja=unit), status=Skp.Status.DISETUJUI,
                             tahun=periode.tahun)
            PenilaianFactory(skp=skp, periode=periode, predikat=predikat, status=Penilaian.Status.FINAL)
    CapaianOrganisasi.objects.create(unit_kerja=org.bidang, periode=periode, predikat="BUTUH_PERBAIKAN")
    return org, periode


def test_distribution_per_perangkat_daerah_at_desktop_and_phone(page, live_server):
    org, periode = _data()
    _masuk(page, live_server, org.hr)
    found = []
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(live_server.url + reverse("home"))
        page.click("#tautan-sebaran")  # from the HR home
        page.select_option("#id_periode", str(periode.pk))
        page.click("#pilih-sebaran button[type=submit]")
        assert page.locator("#total-sebaran").inner_text() == "10"
        # Five predikat rows, each band drawn as a visible shape of its own colour; BP's from 60 % on.
        assert page.locator("#grafik-sebaran li[data-predikat]").count() == 5
        band = page.locator("li[data-predikat=BUTUH_PERBAIKAN] rect.pita").bounding_box()
        track = page.locator("li[data-predikat=BUTUH_PERBAIKAN] svg").bounding_box()
        assert band["width"] > track["width"] * 0.35 and band["x"] > track["x"] + track["width"] * 0.55
        assert page.locator("li[data-predikat=SANGAT_BAIK]").get_attribute("data-status") == "DI_ATAS"
        assert "Di atas maksimal" in page.inner_text("#tabel-sebaran")
        assert "S2A — Subbagian Perencanaan" in page.inner_text("#tabel-sebaran-unit")
        lebar = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert lebar[0] <= lebar[1], f"{width}px: page is {lebar[0]} px wide"
        found += [f"{width}px: {v}" for v in _violations(page)]
    assert not found, "\n".join(found)
