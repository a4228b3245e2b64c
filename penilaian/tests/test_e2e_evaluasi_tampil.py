"""Browser journey of issue 11, in Indonesian: a saved realisasi comes back as 12.5 and survives saving
again; adding evidence keeps an unsaved value; Finalkan locks the ratings on screen and its dialog names
the predikat; the page fits 390 px."""
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_what_the_page_shows_is_what_is_saved(page: Page, live_server, browser_login):
    from pegawai.tests.factories import build_org
    from penilaian.models import Penilaian, Realisasi
    from penilaian.predikat import Predikat, Rating
    from penilaian.tests.evaluasi_helpers import penilaian_untuk, periode_terbuka
    from penilaian.tests.factories import siapkan_urutan

    org = build_org()
    p = penilaian_untuk(org.pegawai, periode_terbuka(org.instansi))
    siapkan_urutan(p)  # SE 3/2023 order (domain.md §11.2 rule 5) is not what this journey is about
    iki1, iki2 = [r.iki.first() for r in p.skp.rhk.order_by("urutan", "pk")]
    dialogs = []

    def on_dialog(d):
        dialogs.append((d.type, d.message))
        d.accept()

    page.on("dialog", on_dialog)
    detail = f"{live_server.url}/evaluasi/{p.pk}/"

    # Pegawai: 12.5 saved, reloaded, still 12.5; saving only a rencana aksi keeps it.
    browser_login(org.pegawai.user)
    page.goto(detail)
    page.fill(f"#id_ra_{iki1.rhk_id}", "Belum disimpan")
    page.reload()  # leaving with unsaved changes asks first (accepted here)
    assert [t for t, _m in dialogs] == ["beforeunload"]
    dialogs.clear()
    page.fill(f"#id_real_{iki1.pk}", "12.5")
    page.click("#simpan-isian")
    expect(page.get_by_text("Isian tersimpan.")).to_be_visible()
    page.reload()
    expect(page.locator(f"#id_real_{iki1.pk}")).to_have_value("12.5")
    page.fill(f"#id_ra_{iki1.rhk_id}", "Menyusun laporan triwulan")
    page.click("#simpan-isian")
    expect(page.get_by_text("Isian tersimpan.")).to_be_visible()
    expect(page.locator(f"#id_real_{iki1.pk}")).to_have_value("12.5")
    assert Realisasi.objects.get(penilaian=p, iki=iki1).nilai == Decimal("12.5")

    # An unsaved value survives adding a bukti link (no reload).
    page.fill(f"#id_real_{iki2.pk}", "7")
    page.locator(f"#iki-{iki2.pk} summary").click()
    page.fill(f"#id_bukti_{iki2.pk}_url", "https://drive.go.id/laporan-tw")
    page.click(f"#unggah-{iki2.pk}")
    expect(page.locator(f"#bukti-iki-{iki2.pk}")).to_contain_text("Bukti dukung ditambahkan.")
    expect(page.get_by_role("link", name="https://drive.go.id/laporan-tw")).to_be_visible()
    expect(page.locator(f"#id_real_{iki2.pk}")).to_have_value("7")

    # 390 px: no sideways scroll on the evaluation page.
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.set_viewport_size({"width": 1280, "height": 900})

    # Ajukan saves the 7 still on screen, then submits.
    page.click("#tombol-ajukan")
    expect(page.locator("#status-penilaian")).to_contain_text("Siap dinilai")
    assert Realisasi.objects.get(penilaian=p, iki=iki2).nilai == Decimal(7)

    # Penilai: saves Sesuai/Sesuai, then picks Di Atas/Di Atas and clicks Finalkan without saving.
    browser_login(org.atasan.user)
    page.goto(detail)
    page.check("#rh-SESUAI")
    page.check("#rp-SESUAI")
    page.click("#simpan-rating")
    expect(page.locator("#kartu-rating")).to_contain_text("Rating tersimpan.")
    page.check("#rh-DI_ATAS")
    page.check("#rp-DI_ATAS")
    expect(page.locator("#predikat-live")).to_have_text("Sangat Baik")
    assert "beforeunload" not in [t for t, _m in dialogs]  # saving never asks
    dialogs.clear()
    page.click("#tombol-final")
    expect(page.locator("#predikat-final")).to_have_text("Sangat Baik")
    expect(page.get_by_text("Penilaian difinalkan dengan predikat Sangat Baik.")).to_be_visible()
    assert [t for t, _m in dialogs] == ["confirm"] and "Predikat Sangat Baik akan dikunci" in dialogs[0][1]
    p.refresh_from_db()
    assert (p.status, p.rating_hasil, p.rating_perilaku, p.predikat) == (
        Penilaian.Status.FINAL, Rating.DI_ATAS, Rating.DI_ATAS, Predikat.SANGAT_BAIK)
