"""Journey of issue 5 in a real browser: the supervisor invites three peers, they answer anonymously
(the list of peers locks at the first answer, nothing shows until all have answered), the supervisor
sees the released aggregate and rates, the employee files a keberatan, and the atasan pejabat
penilai decides it (domain.md §3.5, §6)."""
import pytest
from playwright.sync_api import Page, expect

from penilaian.models import (
    Keberatan,
    MasukanRekan,
    MasukanRekanTersegel,
    Penilaian,
    RilisMasukanRekan,
)
from penilaian.predikat import Predikat
from penilaian.tests.factories import finalkan
from penilaian.tests.rekan_factories import peers, penilaian_of
from tests import browser

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


login = browser.login  # old name, kept for modules that import it; new tests take ``browser_login``


def rate_and_finalise(penilaian: Penilaian, supervisor_user) -> None:
    """The supervisor rates and finalises through the real service (``factories.finalkan``)."""
    penilaian.refresh_from_db()
    finalkan(penilaian, oleh=supervisor_user)


def test_peer_input_rating_keberatan_decision(page: Page, live_server, org, browser_login):
    base = live_server.url
    page.on("dialog", lambda d: d.accept())  # data-confirm prompts
    p = penilaian_of(org.pegawai, status=Penilaian.Status.DIAJUKAN)
    a, b, c = peers(org, 3)

    # the supervisor invites three peers of the unit
    browser_login(org.atasan.user)
    page.goto(f"{base}/masukan-rekan/penilaian/{p.pk}/")
    for peer in (a, b, c):
        page.get_by_label(peer.nama_lengkap, exact=False).check()
    page.click("#tombol-undang")
    expect(page.get_by_text("3 rekan kerja diundang")).to_be_visible()
    expect(page.locator("#agregat-belum")).to_be_visible()

    def answer(i, peer):
        browser_login(peer.user)
        page.goto(f"{base}/masukan-rekan/")
        page.get_by_role("link", name="Beri masukan").click()
        for radio_group in page.locator("fieldset").all():
            radio_group.locator("input[type=radio]").nth(0 if i == 0 else 1).check()
        page.fill("textarea[name=komentar]", f"Komentar anonim nomor {i}")
        page.click("#kirim-masukan")
        expect(page.get_by_text("Masukan Anda tersimpan tanpa nama")).to_be_visible()
        expect(page.get_by_text("Sudah dijawab")).to_be_visible()

    # two peers answer: the supervisor sees progress, a locked list of peers, and no content
    answer(0, a)
    answer(1, b)
    browser_login(org.atasan.user)
    page.goto(f"{base}/masukan-rekan/penilaian/{p.pk}/")
    expect(page.locator("#status-kohort")).to_contain_text("sudah menjawab: 2")
    expect(page.locator("#kohort-terkunci")).to_be_visible()
    expect(page.locator("#tombol-undang")).to_have_count(0)
    expect(page.locator("#agregat-belum")).to_be_visible()
    assert "Komentar anonim" not in page.content()
    assert not MasukanRekan.objects.exists() and MasukanRekanTersegel.objects.count() == 2

    # the last peer answers: the whole cohort is in, so it is released at once
    answer(2, c)
    assert MasukanRekan.objects.filter(penilaian=p).count() == 3 and not MasukanRekanTersegel.objects.exists()
    assert RilisMasukanRekan.objects.get(penilaian=p).jumlah_jawaban == 3

    # the supervisor sees the aggregate, then rates and finalises
    browser_login(org.atasan.user)
    page.goto(f"{base}/masukan-rekan/penilaian/{p.pk}/")
    expect(page.get_by_text("3 rekan kerja menjawab")).to_be_visible()
    expect(page.locator(".komentar-rekan")).to_have_count(3)
    rate_and_finalise(p, org.atasan.user)

    # the employee never sees peer input and files a keberatan
    browser_login(org.pegawai.user)
    page.goto(f"{base}/tanggapan/{p.pk}/")
    expect(page.locator("#predikat")).to_have_text("Baik")
    assert "Komentar anonim" not in page.content()
    page.fill("#id_alasan", "Capaian RHK pertama melebihi target dan bukti dukung sudah lengkap.")
    page.click("#tombol-keberatan")
    expect(page.get_by_text("Keberatan diajukan kepada atasan pejabat penilai")).to_be_visible()
    expect(page.locator("#status-penilaian")).to_have_text("Keberatan diajukan")

    # the atasan pejabat penilai (kepala bidang) decides: ratings changed, predikat re-derived
    browser_login(org.kabid.user)
    page.goto(f"{base}/keberatan/")
    page.get_by_role("link", name="Buka").click()
    page.check("input[value=UBAH]")
    page.select_option("#id_rating_hasil", "DI_ATAS")
    page.select_option("#id_rating_perilaku", "DI_ATAS")
    page.fill("#id_keputusan", "Bukti dukung membuktikan capaian di atas ekspektasi.")
    page.click("#tombol-putus")
    expect(page.get_by_text("Keberatan telah diputus")).to_be_visible()

    # the employee sees the decision and the trail
    browser_login(org.pegawai.user)
    page.goto(f"{base}/tanggapan/{p.pk}/")
    expect(page.locator("#predikat")).to_have_text("Sangat Baik")
    expect(page.locator("#teks-keputusan")).to_contain_text("Bukti dukung membuktikan")
    expect(page.locator("#riwayat")).to_contain_text("Keberatan diputus")
    kb = Keberatan.objects.get(penilaian=p)
    assert kb.status == Keberatan.Status.DIUBAH and kb.predikat_lama == Predikat.BAIK
