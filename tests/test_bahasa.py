"""The English crawl's detector: untranslated labels are found, data on the page is not."""
import pytest

from tests.bahasa import Data, indonesian_words


@pytest.fixture
def data(db):
    from pegawai.tests.factories import UnitKerjaFactory

    UnitKerjaFactory(nama="Bidang Perencanaan dan Evaluasi")
    return Data()


@pytest.mark.parametrize(
    ("html", "found"),
    [
        ("<p>Belum ada data untuk periode ini.</p>", ["ada", "belum", "ini", "untuk"]),
        ("<button>Simpan</button><label>Tanggal mulai</label>", ["simpan"]),
        ("<td>Bidang Perencanaan dan Evaluasi</td>", []),  # a unit's name is data
        ("<option>[01/01–31/12/2026] Bidang Perencanaan dan Ev —</option>", []),  # cut short on screen
        ("<li>04-11-2026 — Bidang Perencanaan dan…</li>", []),
        ("<p>Approved by Bidang Perencanaan dan Evaluasi</p>", []),
        ("<p>Head of Bidang Perencanaan dan Evaluasi dan staf</p>", ["dan"]),  # a label around data still counts
        ("<script>var dan = 1;</script><p>Save</p>", []),
    ],
)
def test_detector(data, html, found):
    assert indonesian_words(html, data) == found
