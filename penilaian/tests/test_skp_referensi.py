"""BerAKHLAK reference data (domain.md §2): 7 values, 21 indicator sentences, verbatim."""
import pytest

from penilaian.models import FrasaEkspektasi, IndikatorPerilaku, PerilakuKerja

pytestmark = pytest.mark.django_db

# Typed from domain.md §2's canonical table (not imported from penilaian/reference.py, so a typo there fails).
DOMAIN_TABLE = [
    ("Berorientasi Pelayanan", "Memahami dan memenuhi kebutuhan masyarakat"),
    ("Berorientasi Pelayanan", "Ramah, cekatan, solutif, dan dapat diandalkan"),
    ("Berorientasi Pelayanan", "Melakukan perbaikan tiada henti"),
    ("Akuntabel", "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi"),
    ("Akuntabel", "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien"),
    ("Akuntabel", "Tidak menyalahgunakan kewenangan jabatan"),
    ("Kompeten", "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah"),
    ("Kompeten", "Membantu orang lain belajar"),
    ("Kompeten", "Melaksanakan tugas dengan kualitas terbaik"),
    ("Harmonis", "Menghargai setiap orang apapun latar belakangnya"),
    ("Harmonis", "Suka menolong orang lain"),
    ("Harmonis", "Membangun lingkungan kerja yang kondusif"),
    ("Loyal", ("Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, "
              "setia pada NKRI serta pemerintahan yang sah")),
    ("Loyal", "Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara"),
    ("Loyal", "Menjaga rahasia jabatan dan negara"),
    ("Adaptif", "Cepat menyesuaikan diri menghadapi perubahan"),
    ("Adaptif", "Terus berinovasi dan mengembangkan kreativitas"),
    ("Adaptif", "Bertindak proaktif"),
    ("Kolaboratif", "Memberi kesempatan kepada berbagai pihak untuk berkontribusi"),
    ("Kolaboratif", "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah"),
    ("Kolaboratif", "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama"),
]


def test_all_21_indicators_in_order_verbatim():
    stored = list(
        IndikatorPerilaku.objects.order_by("perilaku__urutan", "urutan").values_list("perilaku__nama", "teks")
    )
    assert stored == DOMAIN_TABLE


@pytest.mark.parametrize("nilai,teks", DOMAIN_TABLE)
def test_each_indicator_sentence_exists_exactly(nilai, teks):
    assert IndikatorPerilaku.objects.filter(perilaku__nama=nilai, teks=teks).count() == 1


def test_seven_values_in_berakhlak_order_each_with_three_indicators():
    names = [nama for nama, _ in DOMAIN_TABLE[::3]]
    assert list(PerilakuKerja.objects.values_list("nama", flat=True)) == names
    assert all(p.indikator.count() == 3 for p in PerilakuKerja.objects.all())


def test_every_value_has_an_ekspektasi_picklist():
    assert set(FrasaEkspektasi.objects.values_list("perilaku__nama", flat=True)) == {n for n, _ in DOMAIN_TABLE}
