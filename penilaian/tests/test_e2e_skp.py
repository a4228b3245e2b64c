"""Playwright journey (issue 3): draft two RHK with IKI and submit; returned with a note; fix and resubmit;
approved with expectations; the employee sees the approved SKP."""

import pytest
from playwright.sync_api import Page, expect

from penilaian.models import Skp
from penilaian.tests.factories import RhkFactory, SkpFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def add_rhk_with_iki(page: Page, teks: str, iki: str, target: str):
    page.click("#tombol-tambah-rhk")
    page.fill("#id_teks", teks)
    page.select_option("#id_induk", index=1)
    page.click("#tombol-simpan")
    row = page.locator("td.rhk-teks", has_text=teks)
    row.get_by_role("link", name="+ IKI").click()
    page.fill("#id_teks", iki)
    page.select_option("#id_aspek", "KUANTITAS")
    page.fill("#id_target_angka", target)
    page.fill("#id_satuan", "dokumen")
    page.click("#tombol-simpan")
    expect(page.locator("#tabel-rhk")).to_contain_text(f"{target} dokumen")


def test_skp_journey(page: Page, live_server, org, browser_login):
    page.on("dialog", lambda d: d.accept())
    RhkFactory(skp=SkpFactory(pegawai=org.atasan), teks="Terlaksananya pelayanan perizinan seksi")

    # 1. the employee drafts two RHK with IKI and submits
    browser_login(org.pegawai.user)
    page.goto(f"{live_server.url}/skp/")
    page.click("#tombol-buat-skp")
    page.click("#tombol-simpan")
    expect(page.locator("h1")).to_contain_text("Sasaran Kinerja Pegawai 2026")
    add_rhk_with_iki(page, "Tersusunnya laporan pelayanan perizinan", "Jumlah laporan yang disusun", "12")
    add_rhk_with_iki(page, "Terverifikasinya berkas permohonan izin", "Jumlah berkas diverifikasi", "300")
    page.click("#tombol-ajukan")
    expect(page.locator(".status-skp").first).to_have_text("Diajukan")

    # 2. the supervisor returns it with a note
    browser_login(org.atasan.user)
    page.goto(f"{live_server.url}/skp/bawahan/")
    page.get_by_role("link", name="Tinjau").click()
    page.fill("#id_catatan", "Target berkas terlalu tinggi, sesuaikan dengan kapasitas seksi.")
    page.click("#tombol-kembalikan")
    expect(page.locator(".alert-success")).to_contain_text("dikembalikan")

    # 3. the employee sees the note, fixes the target and resubmits
    browser_login(org.pegawai.user)
    skp = Skp.objects.get(pegawai=org.pegawai)
    page.goto(f"{live_server.url}/skp/{skp.pk}/")
    expect(page.locator("#catatan-pengembalian")).to_contain_text("Target berkas terlalu tinggi")
    page.locator("#tabel-rhk tr", has_text="Jumlah berkas diverifikasi").get_by_role("link", name="Ubah").last.click()
    page.fill("#id_target_angka", "240")
    page.click("#tombol-simpan")
    expect(page.locator("#tabel-rhk")).to_contain_text("240 dokumen")
    page.click("#tombol-ajukan")
    expect(page.locator(".status-skp").first).to_have_text("Diajukan")

    # 4. the supervisor approves with expectations (one picked, one typed)
    browser_login(org.atasan.user)
    page.goto(f"{live_server.url}/skp/{skp.pk}/")
    page.locator("select[name^=frasa_]").nth(1).select_option(index=1)
    page.locator("textarea[name^=teks_]").nth(6).fill("Aktif berkoordinasi dengan seksi lain")
    page.click("#tombol-setujui")
    expect(page.locator(".alert-success")).to_contain_text("disetujui")

    # 5. the employee sees the approved SKP with the expectations, locked
    browser_login(org.pegawai.user)
    page.goto(f"{live_server.url}/skp/{skp.pk}/")
    expect(page.locator(".status-skp").first).to_have_text("Disetujui")
    expect(page.locator("#tabel-perilaku")).to_contain_text("Menolak segala bentuk gratifikasi")
    expect(page.locator("#tabel-perilaku")).to_contain_text("Aktif berkoordinasi dengan seksi lain")
    expect(page.locator("#tombol-tambah-rhk")).to_have_count(0)
    expect(page.locator("#riwayat")).to_contain_text(f"Disetujui oleh {org.atasan.nama_lengkap}")
