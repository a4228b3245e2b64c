"""Every page of the pegawai fits a 390 px phone without sideways scrolling (issue 17).

The pages come from ``tests/telepon.py`` (kept complete by ``tests/test_telepon_daftar.py``), filled by
``data_pegawai()`` with long texts, several RHK and IKI and several activity lines. On each page at
390×844, in English and Indonesian, the document must be no wider than the viewport; a failure names the page
and the elements that stick out. The import preview (shown after a CSV upload) and the login page are checked too.
"""
import pytest
from django.conf import settings
from django.urls import reverse

from tests.telepon import HALAMAN, PANJANG, data_pegawai
from tests.test_e2e_aksesibilitas import _masuk

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TELEPON = {"width": 390, "height": 844}

# The widest elements past the right edge, to say what overflows (not only that something does).
MENONJOL = """() => {
  const w = document.documentElement.clientWidth;
  return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1
      && !e.closest('.table-responsive, .overflow-auto, .overflow-x-auto'))
    .slice(-3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
      + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
      + ' right=' + Math.round(e.getBoundingClientRect().right));
}"""


def _lebar(page, label: str) -> list[str]:
    lebar = page.evaluate("document.documentElement.scrollWidth")
    if lebar <= TELEPON["width"]:
        return []
    return [f"{label}: scrollWidth {lebar} > {TELEPON['width']} — " + "; ".join(page.evaluate(MENONJOL))]


def test_every_pegawai_page_fits_a_390px_phone(page, live_server, tmp_path):
    d = data_pegawai()
    page.set_viewport_size(TELEPON)
    gagal = []
    page.goto(live_server.url + reverse("login"))
    gagal += _lebar(page, reverse("login"))

    _masuk(page, live_server, d.org.pegawai.user)
    dikunjungi = 0
    for bahasa in ("en", "id"):  # English words are often longer
        page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": bahasa, "url": live_server.url}])
        for name, fs in HALAMAN.items():
            for f in fs if isinstance(fs, tuple) else (fs,):
                url = f(d)
                response = page.goto(live_server.url + url)
                assert response.ok, f"{name} {url}: HTTP {response.status}"
                gagal += _lebar(page, f"[{bahasa}] {name} {url}")
                dikunjungi += 1

    # The import preview: a CSV with long activities, one row refused (its reasons shown).
    csv = tmp_path / "kegiatan.csv"
    hari = d.kegiatan[0].tanggal.isoformat()
    csv.write_text("Tanggal,Jam Mulai,Jam Selesai,Rencana Aksi,Kegiatan,Realisasi,Satuan,Link Bukti\n"
                   f"{hari},13:00,14:00,,{PANJANG},2,dokumen,https://drive.example.go.id/berkas/bukti-panjang.pdf\n"
                   f"{hari},15:00,14:00,,{PANJANG},x,dokumen,\n", encoding="utf-8")
    page.goto(live_server.url + reverse("harian:impor"))
    page.set_input_files("#id_berkas", str(csv))
    page.locator("form:has(#id_berkas) [type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#hasil-impor").count(), "no import preview"
    gagal += _lebar(page, "harian:impor (preview after upload)")

    assert dikunjungi >= 2 * len(HALAMAN)
    assert not gagal, "\n".join(gagal)
