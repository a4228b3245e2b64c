"""Journey: an employee adds a training with a certificate, HR verifies it, the employee's JP bar moves."""
import re

import pytest
from playwright.sync_api import Page, expect

from pelatihan.models import RiwayatPengembangan

from .factories import PDF, RiwayatFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _logout(page: Page) -> None:
    page.click("#menu-akun")
    page.click("#tombol-keluar")


def test_pegawai_menambah_pelatihan_hr_memverifikasi_bar_jp_bergerak(page: Page, live_server, org, tmp_path,
                                                                     browser_login):
    from django.utils import timezone

    today = timezone.localdate()
    RiwayatFactory(pegawai=org.pegawai, jp=6, status=RiwayatPengembangan.Status.DIVERIFIKASI,
                   tanggal_mulai=today, tanggal_selesai=today)
    sertifikat = tmp_path / "sertifikat-bimtek.pdf"
    sertifikat.write_bytes(PDF)

    browser_login(org.pegawai.user)
    page.goto(f"{live_server.url}/pelatihan/")
    expect(page.locator("#jp-tahun-ini .jp-bar")).to_have_attribute("data-jp", "6")
    page.click("#tombol-tambah-riwayat")
    page.fill("#id_nama_kegiatan", "Bimtek Penyusunan SKP")
    page.fill("#id_penyelenggara", "BKPSDM Kota Nusa Asri")
    page.select_option("#id_jalur", label="Pelatihan")
    page.select_option("#id_bentuk", label="Klasikal")
    page.select_option("#id_jenis", label="Bimbingan teknis")
    page.select_option("#id_rumpun", label="Teknis")
    page.fill("#id_tanggal_mulai", today.isoformat())
    page.fill("#id_tanggal_selesai", today.isoformat())
    page.fill("#id_jp", "16")
    page.fill("#id_nomor_sertifikat", "800/123/BKPSDM")
    page.set_input_files("#id_sertifikat", str(sertifikat))
    page.click("#tombol-simpan")
    expect(page.locator("#tabel-riwayat")).to_contain_text("Bimtek Penyusunan SKP")
    expect(page.locator("#jp-tahun-ini .jp-bar")).to_have_attribute("data-jp", "6")  # not verified yet
    _logout(page)

    browser_login(org.hr)
    page.goto(f"{live_server.url}/pelatihan/verifikasi/")
    row = page.locator("#tabel-antrean tbody tr", has_text="Bimtek Penyusunan SKP")
    with page.expect_popup() as popup:
        row.get_by_role("link", name=re.compile("Lihat")).click()
    assert popup.value.url.endswith("/sertifikat/")
    popup.value.close()
    row.locator("input[name=ids]").check()
    page.once("dialog", lambda d: d.accept())
    page.click("#tombol-verifikasi-massal")
    expect(page.locator(".alert")).to_contain_text("1 riwayat diverifikasi")
    _logout(page)

    browser_login(org.pegawai.user)
    page.goto(f"{live_server.url}/pelatihan/")
    bar = page.locator("#jp-tahun-ini .jp-bar")
    expect(bar).to_have_attribute("data-jp", "22")
    expect(bar).to_contain_text("tercapai")
