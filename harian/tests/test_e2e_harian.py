"""Browser journey (issue 8, issue 19 §4): an employee logs two activities with times, one under a rencana aksi,
one linked to its RHK/IKI; the supervisor comments on one in the team feed and approves both in bulk; the
employee sees the comment and the status and takes the roll-up as realisasi with one click."""
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from harian.models import KegiatanHarian

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def log_activity(page: Page, live_server, uraian: str, kuantitas: str, mulai: str, selesai: str, *, iki=None, ra=None):
    page.goto(f"{live_server.url}/harian/")
    page.click("#tombol-tambah")
    page.fill("#id_jam_mulai", mulai)
    page.fill("#id_jam_selesai", selesai)
    page.fill("#id_uraian", uraian)
    page.fill("#id_kuantitas", kuantitas)
    if ra is not None:
        page.select_option("#id_rencana_aksi", str(ra.pk))
    if iki is not None:
        page.select_option("#id_iki", str(iki.pk))
    page.click("#tombol-simpan")
    expect(page.locator(".alert-success")).to_contain_text("tersimpan")


def test_daily_log_comment_and_rollup_journey(page: Page, live_server, browser_login):
    from pegawai.tests.factories import build_org
    from penilaian.models import RencanaAksi
    from penilaian.tests.factories import PenilaianFactory

    from .factories import iki_of, periode, skp_aktif, today

    org = build_org()
    skp = skp_aktif(org.pegawai)
    iki = iki_of(skp)
    t = today()
    per = periode(org.instansi, mulai=t - timedelta(days=20), selesai=t + timedelta(days=5), nama="Periode uji")
    penilaian = PenilaianFactory(skp=skp, periode=per)
    ra = RencanaAksi.objects.create(penilaian=penilaian, rhk=iki.rhk, teks="Menyusun SOP pelayanan perizinan")

    # 1. The employee logs two activities of the same RHK/IKI: one under its rencana aksi (the IKI follows).
    browser_login(org.pegawai.user)
    log_activity(page, live_server, "Menyusun draf SOP pelayanan", "3", "08:00", "09:30", ra=ra)
    log_activity(page, live_server, "Merevisi SOP sesuai masukan rapat", "2", "09:30", "10:00", iki=iki)
    expect(page.locator("#daftar-kegiatan > li")).to_have_count(2)
    # An overlapping third one is refused with the reason, nothing saved.
    page.goto(f"{live_server.url}/harian/tambah/")
    page.fill("#id_jam_mulai", "09:00")
    page.fill("#id_jam_selesai", "09:45")
    page.fill("#id_uraian", "Rapat yang bertumpuk")
    page.click("#tombol-simpan")
    expect(page.locator("main form[enctype]")).to_contain_text("bertumpang tindih")
    assert KegiatanHarian.objects.filter(pegawai=org.pegawai).count() == 2
    assert KegiatanHarian.objects.get(uraian="Menyusun draf SOP pelayanan").iki == iki

    # 2. The supervisor comments on one of them in the team feed (htmx, no reload).
    browser_login(org.atasan.user)
    page.goto(f"{live_server.url}/harian/tim/")
    item = page.locator("#feed-tim > li", has_text="Menyusun draf SOP pelayanan")
    item.locator("select[name=tanda]").select_option("PERLU_PERBAIKAN")
    item.locator("input[name=komentar]").fill("Lampirkan notulen rapatnya")
    item.get_by_role("button", name="Tanggapi").click()
    expect(item).to_contain_text("Tanggapan tersimpan")
    expect(item).to_contain_text("Lampirkan notulen rapatnya")
    # ... and approves both at once.
    page.check("#pilih-semua")
    page.once("dialog", lambda d: d.accept())
    page.click("#tombol-setujui")
    expect(page.locator(".alert-success")).to_contain_text("2 kegiatan disetujui")
    assert set(KegiatanHarian.objects.values_list("status", flat=True)) == {KegiatanHarian.Status.DISETUJUI}

    # 3. The employee sees the comment on their own log.
    browser_login(org.pegawai.user)
    page.goto(f"{live_server.url}/harian/")
    mine = page.locator("#daftar-kegiatan > li", has_text="Menyusun draf SOP pelayanan")
    expect(mine).to_contain_text("Lampirkan notulen rapatnya")
    expect(mine).to_contain_text("Perlu perbaikan")
    expect(mine).to_contain_text("Disetujui")
    expect(mine.locator("a[title=Ubah]")).to_have_count(0)  # settled: no edit

    # 4. Roll-up on the log page ("Rekap per IKI"): 3 + 2 = 5; the log page has no realisasi input of its own
    # (a value typed there could never be saved): its link opens the realisasi form at that IKI.
    row = page.locator(f"#rekap-iki-{iki.pk}")
    expect(row.locator(".rekap-jumlah")).to_contain_text("5 dokumen")
    expect(row.locator("input")).to_have_count(0)
    row.get_by_role("link", name="Isi sebagai realisasi").click()
    url = reverse("penilaian:evaluasi-detail", args=[penilaian.pk])
    expect(page).to_have_url(f"{live_server.url}{url}#iki-{iki.pk}")

    # 5. There (penilaian/evaluasi, which renders rollup_per_iki) one click takes the sum; it stays editable.
    page.wait_for_load_state("load")  # the button's script must be running before the click
    page.locator(f".js-pakai[data-target=id_real_{iki.pk}]").click()
    expect(page.locator(f"#id_real_{iki.pk}")).to_have_value(re.compile(r"^5(\.0+)?$"))


@pytest.mark.parametrize("bahasa", ["id", "en"])
def test_entry_form_team_review_and_hours_fit_a_phone(page: Page, live_server, browser_login, bahasa):
    """390 px wide, both languages: the pages do not scroll sideways; an entry saved from the phone keeps its times."""
    from django.conf import settings

    from pegawai.tests.factories import build_org

    from .factories import skp_aktif

    org = build_org()
    skp_aktif(org.pegawai)
    page.set_viewport_size({"width": 390, "height": 844})
    browser_login(org.pegawai.user)
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": bahasa, "url": live_server.url}])
    lebar = "() => document.documentElement.scrollWidth"
    for url in ("/harian/tambah/", "/harian/jam-kerja/", "/harian/impor/"):
        page.goto(live_server.url + url)
        assert page.evaluate(lebar) <= 390, url
    page.goto(live_server.url + "/harian/tambah/")
    page.fill("#id_jam_mulai", "13:15")
    page.fill("#id_jam_selesai", "14:05")
    page.fill("#id_uraian", "Rapat evaluasi")
    page.fill("#id_kuantitas", "1.5")
    page.click("#tombol-simpan")
    expect(page.locator(".alert-success")).to_be_visible()
    k = KegiatanHarian.objects.get()
    assert (f"{k.jam_mulai:%H:%M}", k.durasi_menit, str(k.kuantitas)) == ("13:15", 50, "1.50")
    browser_login(org.atasan.user)
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": bahasa, "url": live_server.url}])
    for url in ("/harian/tim/", "/harian/tim/jam-kerja/"):
        page.goto(live_server.url + url)
        assert page.evaluate(lebar) <= 390, url
