"""In Chromium with the real Content-Security-Policy: the Laporan and TPP pages fit a 390 px phone, and a
background export's progress is polled by htmx until the download appears."""
import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from laporan.models import AturanTpp, LaporanJob
from laporan.services import laporan_job_run
from pegawai.models import UnitKerja
from pegawai.tests.factories import build_org

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LEBAR_BERLEBIH = "() => document.documentElement.scrollWidth - window.innerWidth"


def _masuk(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value, "url": live_server.url}])


def test_laporan_dan_tpp_muat_di_ponsel_dan_progres_dipoll(page, live_server):
    org = build_org()
    UnitKerja.objects.filter(pk=org.bidang.pk).update(level=UnitKerja.Level.PERANGKAT_DAERAH)
    AturanTpp.objects.create(instansi=org.instansi, berlaku_mulai="2026-01-01", persen_sangat_baik=100,
                             persen_baik=100, persen_butuh_perbaikan=75, persen_kurang=50, persen_sangat_kurang=25,
                             potongan_terlambat=1, potongan_tidak_lapor=2, batas_potongan=40)
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.set_viewport_size({"width": 390, "height": 844})
    _masuk(page, live_server, org.hr)
    for url in (reverse("laporan:index"), f"{reverse('laporan:tpp')}?unit={org.bidang.pk}&tahun=2026&bulan=2",
                reverse("laporan:aturan-tpp")):
        page.goto(live_server.url + url)
        assert page.evaluate(LEBAR_BERLEBIH) <= 0, url
    expect(page.locator("#tabel-versi")).to_be_visible()

    job = LaporanJob.objects.create(instansi=org.instansi, jenis="jp", params={"tahun": 2026}, total=1,
                                    dibuat_oleh=org.hr)
    page.goto(live_server.url + reverse("laporan:job-detail", args=[job.pk]))
    expect(page.locator("#progres-status")).to_contain_text("Menunggu")
    laporan_job_run(job_id=job.pk)
    expect(page.locator("#unduh-laporan")).to_be_visible(timeout=10_000)  # swapped in by htmx polling
    assert page.evaluate(LEBAR_BERLEBIH) <= 0
    assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e]
