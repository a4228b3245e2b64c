"""Browser journey in Indonesian: HR records a mutasi from the pegawai page, sees what will happen, confirms.

domain.md §11.2 rule 2: the closed SKP keeps the post it was made for; the riwayat shows both posts.
"""
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_hr_records_a_transfer_with_a_confirmation_step(page: Page, live_server, browser_login):
    from pegawai.models import Pegawai
    from pegawai.tests.factories import build_org
    from penilaian.models import Skp
    from penilaian.tests.factories import skp_with_rhk

    today = timezone.localdate()
    if today == date(today.year, 1, 1):
        pytest.skip("a move on 1 January has no earlier day in the year to close the SKP on")
    org = build_org()
    skp = skp_with_rhk(org.pegawai, tahun=today.year)
    org.hr.set_password("Rahasia-HR-2026")
    org.hr.save()
    browser_login(org.hr, password="Rahasia-HR-2026", next=f"/pegawai/{org.pegawai.pk}/")

    page.click("#tombol-mutasi")
    expect(page.get_by_role("heading", name="Mutasi / promosi")).to_be_visible()
    page.get_by_label("TMT (terhitung mulai tanggal)").fill(today.isoformat())
    page.get_by_label("Unit kerja tujuan").select_option(label=org.seksi2.label_lengkap)
    page.get_by_label("Nomor SK").fill("821/55/2026")
    page.get_by_role("button", name="Periksa").click()

    tutup = (today - timedelta(days=1)).strftime("%d-%m-%Y")
    expect(page.locator("#akibat-mutasi")).to_contain_text(f"ditutup pada {tutup}")
    expect(page.locator("#akibat-mutasi")).to_contain_text("SKP baru (draf) untuk jabatan baru")
    assert Pegawai.objects.get(pk=org.pegawai.pk).unit_kerja_id == org.seksi.pk  # not yet
    page.click("#tombol-konfirmasi")

    expect(page.locator("#riwayat-jabatan")).to_contain_text("Seksi Dua")
    expect(page.locator("#riwayat-jabatan")).to_contain_text("Mutasi, SK 821/55/2026")
    skp.refresh_from_db()
    assert skp.tanggal_selesai == today - timedelta(days=1) and skp.status == Skp.Status.DISETUJUI
    assert Skp.objects.filter(pegawai=org.pegawai, status=Skp.Status.DRAFT, tanggal_mulai=today).exists()
