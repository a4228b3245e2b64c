"""Browser check of the keberatan explanation pages and the SE 3/2023 order pages (PP 30/2019 Pasal 59,
domain.md §11.1, §11.2 rule 5): no serious axe violation and no sideways scroll at 390 px; the deciding
official asks, the penilai answers, the decision page shows the answer."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True}  # axe is injected as a script tag (as test_e2e_aksesibilitas)


def test_explanation_pages_work_and_are_accessible(page: Page, live_server):
    from pegawai.tests.factories import build_org
    from penilaian.models import Keberatan, PermintaanPenjelasan
    from penilaian.rekan.keberatan import keberatan_file
    from penilaian.tests.rekan_factories import final, penilaian_of
    from tests.test_e2e_aksesibilitas import _masuk, _violations

    org = build_org()
    p = final(penilaian_of(org.pegawai))
    kb = keberatan_file(penilaian=p, alasan="Realisasi RHK kedua sudah 100% dan bukti diunggah.", oleh=org.pegawai.user)
    page.on("dialog", lambda d: d.accept())
    found = []

    _masuk(page, live_server, org.kabid.user)
    page.goto(live_server.url + reverse("penilaian:keberatan-detail", args=[kb.pk]))
    page.select_option("#id_pihak", "PENILAI")
    page.fill("#id_batas", (timezone.localdate() + timedelta(days=4)).isoformat())
    page.fill("#id_pertanyaan", "Mohon jelaskan dasar rating hasil kerja RHK kedua.")
    page.click("#tombol-minta-penjelasan")
    expect(page.get_by_text("Permintaan penjelasan dikirim.")).to_be_visible()
    pm = PermintaanPenjelasan.objects.get(keberatan=kb)

    _masuk(page, live_server, org.atasan.user)
    jawab = live_server.url + reverse("penilaian:penjelasan-jawab", args=[pm.pk])
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(jawab)
        found += [f"{width}px jawab: {v}" for v in _violations(page)]
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.goto(jawab)
    page.fill("#id_jawaban", "Bukti dukung RHK kedua diunggah setelah batas pengisian.")
    page.click("#tombol-kirim-penjelasan")
    expect(page.locator("#penjelasan-terkirim")).to_contain_text("setelah batas pengisian")

    Keberatan.objects.filter(pk=kb.pk).update(diajukan_pada=timezone.now() - timedelta(days=20))
    pages = [(org.kabid.user, reverse("penilaian:keberatan-detail", args=[kb.pk])),
             (org.hr, reverse("penilaian:keberatan-terlambat")),
             (org.hr, reverse("penilaian:unit-distribusi", args=[org.seksi.pk, p.periode_id]))]
    for user, url in pages:
        _masuk(page, live_server, user)
        for width in (1366, 390):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(live_server.url + url)
            found += [f"{width}px {url}: {v}" for v in _violations(page)]
            assert page.evaluate("document.documentElement.scrollWidth") <= width, url
    _masuk(page, live_server, org.kabid.user)
    page.goto(live_server.url + reverse("penilaian:keberatan-detail", args=[kb.pk]))
    expect(page.locator("#penjelasan-penilai")).to_contain_text("setelah batas pengisian")
    assert not found, "\n".join(found)
