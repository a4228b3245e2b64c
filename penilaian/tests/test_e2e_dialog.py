"""Browser journey of issue 19: the atasan gives dated feedback asking for a response, schedules a check-in
with the prefilled agenda and records a bimbingan with an agreed action; the pegawai, on a 390 px phone,
sees the history on the evaluation, replies and fills B.1.8; the atasan fills B.1.9 and prints both."""
import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TELEPON = {"width": 390, "height": 844}


def _tanpa_geser(page: Page):
    assert page.evaluate("document.documentElement.scrollWidth") <= TELEPON["width"], page.url


def test_dialog_journey(page: Page, live_server, browser_login):
    from datetime import timedelta

    from django.utils import timezone

    from pegawai.tests.factories import build_org
    from penilaian.dialog.format import PERNYATAAN_B18
    from penilaian.models import Bimbingan, CheckIn, EvaluasiKompetensi, TanggapanUmpanBalik, UmpanBalikEntri
    from penilaian.tests.evaluasi_helpers import penilaian_untuk, periode_terbuka

    org = build_org()
    p = penilaian_untuk(org.pegawai, periode_terbuka(org.instansi, nama="Triwulan Uji"))
    rhk = p.skp.rhk.first()
    page.on("dialog", lambda d: d.accept())  # data-confirm prompts
    besok = timezone.localtime() + timedelta(days=1)

    # Atasan: from the evaluation page to the feedback log; feedback asking for a response.
    browser_login(org.atasan.user)
    page.goto(f"{live_server.url}/evaluasi/{p.pk}/")
    page.click("#tautan-log-umpan-balik")
    page.select_option("#id_target", f"rhk-{rhk.pk}")
    page.fill("#id_teks", "Laporan bulan ini terlambat; apa kendalanya?")
    page.check("#id_minta_tanggapan")
    page.click("#simpan-umpan-balik")
    expect(page.get_by_text("Umpan balik tersimpan dan pegawai diberi tahu.")).to_be_visible()

    # Check-in: agenda prefilled from the RHK.
    page.goto(f"{live_server.url}/evaluasi/{p.pk}/")
    page.get_by_role("link", name="Jadwalkan dialog").click()
    expect(page.locator("#id_agenda")).to_contain_text(rhk.teks)
    page.fill("#id_jadwal", besok.strftime("%Y-%m-%dT09:30"))
    page.click("#form-checkin button[type=submit]")
    expect(page.locator("#status-checkin")).to_have_text("Dijadwalkan")

    # Bimbingan held, with an agreed action that goes into the development plan.
    page.goto(f"{live_server.url}/evaluasi/{p.pk}/")
    page.get_by_role("link", name="Bimbingan baru").click()
    page.fill("#id_topik", "Ketepatan waktu laporan")
    page.fill("#id_catatan", "Dibahas alur data dari bidang lain.")
    page.check("#id_terlaksana")
    page.fill("#id_aksi-0-teks", "Pelatihan penulisan laporan")
    page.fill("#id_aksi-0-tenggat", (besok + timedelta(days=30)).strftime("%Y-%m-%d"))
    page.click("#form-bimbingan button[type=submit]")
    expect(page.locator("#status-bimbingan")).to_have_text("Terlaksana")
    page.click(".js-ke-rencana")
    expect(page.get_by_text("Masuk rencana pengembangan")).to_be_visible()
    b = Bimbingan.objects.get()

    # Pegawai on a phone: history on the evaluation, reply, B.1.8.
    browser_login(org.pegawai.user)
    page.set_viewport_size(TELEPON)
    page.goto(f"{live_server.url}/evaluasi/{p.pk}/")
    expect(page.locator("#riwayat-dialog")).to_contain_text("Dijadwalkan")
    expect(page.locator("#riwayat-dialog")).to_contain_text("Ketepatan waktu laporan")
    _tanpa_geser(page)
    page.click("#tautan-log-umpan-balik")
    expect(page.get_by_text("Laporan bulan ini terlambat; apa kendalanya?")).to_be_visible()
    _tanpa_geser(page)
    page.locator(".form-tanggapan textarea").fill("Data dari bidang lain baru masuk tanggal 5.")
    page.locator(".form-tanggapan button").click()
    expect(page.get_by_text("Tanggapan terkirim.")).to_be_visible()
    page.goto(f"{live_server.url}/dialog/bimbingan/{b.pk}/")
    for i, (kode, _t) in enumerate(PERNYATAAN_B18):
        page.check(f"input[name={kode}][value='{4 if i % 2 else 5}']")
    page.fill("#id_saran", "Terima kasih atas arahannya.")
    _tanpa_geser(page)
    page.click("#form-b18 button[type=submit]")
    expect(page.get_by_text("Umpan balik pelaksanaan bimbingan tersimpan.")).to_be_visible()

    # Atasan: B.1.9 and both PDFs.
    browser_login(org.atasan.user)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/dialog/bimbingan/{b.pk}/")
    page.click("#isi-b19")
    page.select_option("#id_skala_TEKNIS", "3")
    page.fill("#id_alasan_TEKNIS", "Menguasai aplikasi; analisis data perlu ditingkatkan.")
    page.click("#form-b19 button[type=submit]")
    expect(page.locator("#b19")).to_contain_text("analisis data perlu ditingkatkan")
    for fmt in ("b18", "b19"):
        r = page.request.get(f"{live_server.url}/dialog/bimbingan/{b.pk}/{fmt}.pdf")
        assert r.ok and r.body().startswith(b"%PDF")

    assert UmpanBalikEntri.objects.get().minta_tanggapan
    assert TanggapanUmpanBalik.objects.get().teks == "Data dari bidang lain baru masuk tanggal 5."
    assert CheckIn.objects.get().status == CheckIn.Status.DIJADWALKAN
    assert b.umpan_balik_pegawai.jawaban["P1"] == 5 and EvaluasiKompetensi.objects.get().skala == 3
    assert b.aksi.get().item_rencana is not None
