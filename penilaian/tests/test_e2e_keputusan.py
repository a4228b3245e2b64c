"""In a real browser, at phone width: the atasan pejabat penilai sees the evidence on the keberatan page,
opens the uploaded file through the permission check, and decides (issue 11 §4)."""
import pytest
from playwright.sync_api import Page, expect

from penilaian.models import Keberatan
from penilaian.rekan.keberatan import keberatan_file
from penilaian.tests.rekan_factories import final, penilaian_of
from penilaian.tests.test_keputusan_bukti import ALASAN, isi

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_pemutus_reads_the_evidence_and_decides(page: Page, live_server, org, browser_login):
    page.on("dialog", lambda d: d.accept())
    p = isi(final(penilaian_of(org.pegawai)))
    kb = keberatan_file(penilaian=p, alasan=ALASAN, oleh=org.pegawai.user)
    browser_login(org.kabid.user)
    page.set_viewport_size({"width": 390, "height": 844})  # after login: the account menu folds at this width
    page.goto(f"{live_server.url}/keberatan/{kb.pk}/")
    expect(page.locator(".ringkasan-iki .realisasi").first).to_contain_text("11,50 dokumen")
    expect(page.get_by_text("Pertahankan ketepatan waktu 0")).to_be_visible()
    href = page.get_by_role("link", name="laporan-0.pdf").get_attribute("href")
    r = page.request.get(live_server.url + href)
    assert r.status == 200 and r.body().startswith(b"%PDF")
    page.check("input[name=keputusan_jenis][value=PERTAHANKAN]")
    page.fill("#id_keputusan", "Bukti dukung sudah diperiksa; rating sesuai realisasi.")
    page.click("#tombol-putus")
    expect(page.get_by_text("Keberatan telah diputus.")).to_be_visible()
    assert Keberatan.objects.get().status == Keberatan.Status.DIPERTAHANKAN
