"""The English crawl's detector: untranslated labels are found, data on the page is not."""
import pytest

from tests.bahasa import Data, indonesian_words, reference_strings


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


@pytest.fixture
def data_referensi(db):
    """The seeded reference lists (data migrations) plus a feedback phrase copied into a record."""
    from pelatihan.tests.factories import RiwayatFactory

    RiwayatFactory(nama_kegiatan="Pelatihan teknis pengelolaan arsip dinamis")
    return Data()


@pytest.mark.parametrize(
    ("html", "found"),
    [
        ("<td>Pelatihan teknis</td>", ["Pelatihan teknis"]),  # an untranslated training type
        ("<td>Technical training</td>", []),
        ("<option>Klasikal</option>", ["Klasikal"]),  # one word: only as the whole text
        ("<li>Menjaga rahasia jabatan dan negara</li>", ["Menjaga rahasia jabatan dan negara"]),  # BerAKHLAK
        ("<div><strong>Feedback:</strong> Kerja sama tim sangat baik — lanjutkan</div>",
         ["Kerja sama tim sangat baik"]),  # a stored phrase shown untranslated, beside what the user wrote
        ("<div><strong>Collaborative:</strong> Kerja sama tim sangat baik lanjutkan</div>",
         ["Kerja sama tim sangat baik"]),
        ("<td>Pelatihan teknis pengelolaan arsip dinamis</td>", []),  # a training name a user typed
        ("<textarea>Aktif berkoordinasi lintas unit</textarea>", []),  # an input shows the stored value
        ("<option value=\"Aktif berkoordinasi lintas unit\">Actively coordinates across units</option>", []),
        ("<td>Loyal</td><td>Coaching</td>", []),  # the same word in both languages
    ],
)
def test_reference_strings_detector(data_referensi, html, found):
    assert reference_strings(html, data_referensi) == found


def test_reference_rows_are_not_data_for_the_word_check(data_referensi):
    # Before the lists had English they counted as data, and this sentence passed as "what a user typed".
    assert indonesian_words("<li>Menjaga rahasia jabatan dan negara</li>", data_referensi) == ["dan"]


def test_a_row_without_english_falls_back_and_counts_as_data(data_referensi):
    from pelatihan.models import Bentuk

    Bentuk.objects.create(kode="CAMPURAN", nama="Campuran dan daring", urutan=9)
    data = Data()
    assert reference_strings("<td>Campuran dan daring</td>", data) == []
    assert indonesian_words("<td>Campuran dan daring</td>", data) == []
