"""Playwright journey (issue #7): HR prints a unit, watches the progress reach 100 %, downloads the ZIP."""
import zipfile

import pytest
from playwright.sync_api import Page, expect

from .helpers import penilaian_final, periode, skp_lengkap


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_hr_bulk_prints_a_unit_and_downloads_one_pdf_per_pegawai(page: Page, live_server, golongan_ada, org):
    per = periode(org, nama="Akhir", jenis="TAHUNAN")
    staf = [org.atasan, org.pegawai, org.rekan]  # everyone in Seksi Satu
    for p in staf:
        penilaian_final(skp_lengkap(p), per)

    page.goto(f"{live_server.url}/masuk/")
    page.fill("#id_username", org.hr.username)
    page.fill("#id_password", "rahasia123")
    page.click("button[type=submit], input[type=submit]")
    page.goto(f"{live_server.url}/notifikasi/cetak/")
    page.select_option("#id_unit_kerja", str(org.seksi.pk))
    page.select_option("#id_jenis", "DOK_EVAL")
    page.select_option("#id_periode", str(per.pk))
    page.click("#tombol-mulai-cetak")

    expect(page.locator("#progres-bar")).to_have_text("100 %", timeout=60_000)
    expect(page.locator("#progres-angka")).to_have_text("3 / 3")
    with page.expect_download() as info:
        page.click("#unduh-zip")
    path = info.value.path()
    names = zipfile.ZipFile(path).namelist()
    assert sorted(n.split("_")[0] for n in names if n.endswith(".pdf")) == sorted(p.nip for p in staf)
    assert "DAFTAR_GAGAL.txt" not in names
