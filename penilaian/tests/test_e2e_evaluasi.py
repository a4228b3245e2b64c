"""Browser journey of issue 4: the employee enters realisasi and uploads a PDF as evidence; the supervisor
writes feedback and both ratings; the page shows the derived predikat (§3.4); the employee sees it."""
import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_evaluation_journey(page: Page, live_server, browser_login, tmp_path):
    from pegawai.tests.factories import build_org
    from penilaian.models import Penilaian
    from penilaian.predikat import Predikat
    from penilaian.rekan.services import capaian_organisasi_set
    from penilaian.tests.evaluasi_helpers import PDF, periode_terbuka, skp_disetujui

    org = build_org()
    periode = periode_terbuka(org.instansi, nama="Triwulan Uji")
    skp = skp_disetujui(org.pegawai, n_rhk=1)
    # SE 3/2023 order (domain.md §11.2 rule 5): the unit's capaian organisasi comes first.
    capaian_organisasi_set(unit=org.seksi, periode=periode, predikat="BAIK", catatan="", oleh=org.hr)
    iki = skp.rhk.first().iki.first()
    pdf = tmp_path / "laporan-kegiatan.pdf"
    pdf.write_bytes(PDF)
    page.on("dialog", lambda d: d.accept())  # data-confirm prompts

    # Employee: Penilaian saya → start the period → realisasi → upload evidence → submit.
    browser_login(org.pegawai.user)
    page.goto(f"{live_server.url}/evaluasi/saya/?tahun={periode.tahun}")
    page.get_by_role("link", name="Mulai isi").click()
    page.fill(f"#id_ra_{iki.rhk_id}", "Menyusun dan mengirim laporan kegiatan")
    page.fill(f"#id_real_{iki.pk}", "4")
    page.click("#simpan-isian")
    expect(page.get_by_text("Isian tersimpan.")).to_be_visible()
    page.locator(f"#iki-{iki.pk} summary").click()
    page.set_input_files(f"#id_bukti_{iki.pk}_berkas", str(pdf))
    page.click(f"#unggah-{iki.pk}")
    expect(page.get_by_text("Bukti dukung ditambahkan.")).to_be_visible()
    expect(page.get_by_role("link", name="laporan-kegiatan.pdf")).to_be_visible()
    page.click("#tombol-ajukan")
    expect(page.locator("#status-penilaian")).to_contain_text("Siap dinilai")
    penilaian = Penilaian.objects.get(skp=skp, periode=periode)

    # Supervisor: feedback saved as typed, both ratings, live predikat, save, finalise.
    browser_login(org.atasan.user)
    page.goto(f"{live_server.url}/evaluasi/bawahan/?tahun={periode.tahun}")
    page.locator("#tabel-tim").get_by_role("link", name="Siap dinilai").click()
    expect(page.get_by_role("link", name="laporan-kegiatan.pdf")).to_be_visible()
    page.fill(f"#ub-teks-rhk-{iki.rhk_id}", "Laporan lengkap dan tepat waktu, pertahankan.")
    expect(page.locator(f"#rhk-{iki.rhk_id} .ub-status")).to_contain_text("Tersimpan", timeout=10_000)
    page.check("#rh-DI_ATAS")
    page.check("#rp-DI_BAWAH")
    expect(page.locator("#predikat-live")).to_have_text("Kurang/Misconduct")  # §3.4, not "Baik"
    page.check("#rp-DI_ATAS")
    expect(page.locator("#predikat-live")).to_have_text("Sangat Baik")
    page.click("#simpan-rating")
    expect(page.locator("#kartu-rating")).to_contain_text("Rating tersimpan.")
    page.click("#tombol-final")
    expect(page.locator("#status-penilaian")).to_contain_text("Final")
    expect(page.locator("#predikat-final")).to_have_text("Sangat Baik")

    # Employee sees the predikat and the feedback.
    browser_login(org.pegawai.user)
    page.goto(f"{live_server.url}/evaluasi/{penilaian.pk}/")
    expect(page.locator("#predikat-final")).to_have_text("Sangat Baik")
    expect(page.get_by_text("Laporan lengkap dan tepat waktu, pertahankan.")).to_be_visible()
    penilaian.refresh_from_db()
    assert (penilaian.status, penilaian.predikat) == (Penilaian.Status.FINAL, Predikat.SANGAT_BAIK)
