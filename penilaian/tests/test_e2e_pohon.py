"""Browser: the pohon kinerja opens level by level (htmx under the strict CSP) and pages a large level."""
import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_tree_opens_one_level_at_a_time(page: Page, live_server, browser_login):
    from pegawai.tests.factories import PegawaiFactory, build_org
    from penilaian.skp.pohon import ANAK_PER_HALAMAN
    from penilaian.tests.factories import skp_with_rhk

    org = build_org()
    head = skp_with_rhk(org.kabid, n_rhk=1, tahun=2026)
    ks = skp_with_rhk(org.atasan, n_rhk=1, tahun=2026)
    ks.rhk.update(induk=head.rhk.get(), teks="RHK kepala seksi")
    induk = ks.rhk.get()
    for i in range(ANAK_PER_HALAMAN + 5):
        s = skp_with_rhk(PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan), n_rhk=1, tahun=2026)
        s.rhk.update(induk=induk, teks=f"RHK staf {i:03d}")
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    browser_login(org.hr)
    page.goto(f"{live_server.url}{reverse('penilaian:skp-pohon')}?tahun=2026")
    level1 = page.locator(f"#anak-{head.rhk.get().pk} > li")
    expect(level1).to_have_count(1)  # the open root fetched its one child on load
    expect(level1.first).to_contain_text("RHK kepala seksi")
    staff = page.locator(f"#anak-{induk.pk} > li")
    expect(staff).to_have_count(1)  # still the placeholder: nothing fetched before the node opens
    level1.first.locator("summary").first.click()
    expect(staff.filter(has_text="RHK staf")).to_have_count(ANAK_PER_HALAMAN)
    page.locator(f"#anak-{induk.pk}").get_by_text("Muat lagi").click()
    expect(staff.filter(has_text="RHK staf")).to_have_count(ANAK_PER_HALAMAN + 5)
    page.get_by_text("RHK yang belum menginduk ke RHK atasan").click()
    expect(page.locator("#pohon-lepas")).to_contain_text("0 RHK belum menginduk")
    assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e], errors
