"""Playwright journey (issues #7, #11): HR prints a unit on the default setup (no broker), the page answers
at once, the progress bar moves, the result counts printed and failed apart, the ZIP downloads."""
import time
import zipfile

import pytest
from playwright.sync_api import Page, expect

from notifikasi import cetak_massal, latar

from .helpers import penilaian_final, periode, skp_lengkap


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_hr_bulk_prints_a_unit_and_downloads_one_pdf_per_pegawai(
    page: Page, live_server, golongan_ada, org, settings, monkeypatch, browser_login
):
    settings.CETAK_MASSAL_THREAD = True  # the default setup: a background thread, not the request
    per = periode(org, nama="Akhir", jenis="TAHUNAN")
    staf = [org.pegawai, org.rekan]
    for p in staf:
        penilaian_final(skp_lengkap(p), per)  # the atasan has no SKP: listed as failed, with the reason
    asli = cetak_massal.dokumen_ensure

    def pelan(**kw):  # slow enough to watch the bar move
        time.sleep(1)
        return asli(**kw)

    monkeypatch.setattr(cetak_massal, "dokumen_ensure", pelan)

    browser_login(org.hr)
    page.goto(f"{live_server.url}/notifikasi/cetak/")
    page.select_option("#id_unit_kerja", str(org.seksi.pk))
    page.select_option("#id_jenis", "DOK_EVAL")
    page.select_option("#id_periode", str(per.pk))
    page.click("#tombol-mulai-cetak")

    # the page is there while the documents are still being made
    expect(page.locator("#progres-angka")).to_contain_text("belum", timeout=5_000)
    expect(page.locator("#progres-angka")).to_have_text("2 dicetak, 1 gagal dari 3", timeout=60_000)
    expect(page.locator("#progres-persen")).to_have_text("100 %")
    expect(page.locator("#alasan-gagal")).to_contain_text("Belum ada SKP tahun 2026.")
    with page.expect_download() as info:
        page.click("#unduh-zip")
    names = zipfile.ZipFile(info.value.path()).namelist()
    assert sorted(n.split("_")[0] for n in names if n.endswith(".pdf")) == sorted(p.nip for p in staf)
    assert org.atasan.nip in zipfile.ZipFile(info.value.path()).read("DAFTAR_GAGAL.txt").decode()
    assert latar.join_all(30)
