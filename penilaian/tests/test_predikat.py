"""The predikat matrix and its ordering (domain.md §3.4, ordering confirmed by §5.1)."""
import pytest

from penilaian.predikat import MATRIKS, Predikat, Rating, hitung_predikat

A, S, B = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH


# domain.md §3.4: rows = rating hasil kerja, columns = rating perilaku kerja, all 9 cells.
@pytest.mark.parametrize(
    ("hasil", "perilaku", "predikat"),
    [
        (A, B, Predikat.KURANG),
        (A, S, Predikat.BAIK),
        (A, A, Predikat.SANGAT_BAIK),
        (S, B, Predikat.KURANG),
        (S, S, Predikat.BAIK),
        (S, A, Predikat.BAIK),
        (B, B, Predikat.SANGAT_KURANG),
        (B, S, Predikat.BUTUH_PERBAIKAN),
        (B, A, Predikat.BUTUH_PERBAIKAN),
    ],
)
def test_matrix_cell(hasil, perilaku, predikat):
    assert hitung_predikat(hasil, perilaku) == predikat
    # Codes as stored in the database give the same answer.
    assert hitung_predikat(hasil.value, perilaku.value) == predikat


def test_matrix_is_asymmetric_not_max_of_ratings():
    """§3.4 pitfall: a symmetric max()/min() simplification is wrong for the Di Atas/Di Bawah cells."""
    assert hitung_predikat(A, B) == Predikat.KURANG
    assert hitung_predikat(B, A) == Predikat.BUTUH_PERBAIKAN


def test_matrix_covers_every_combination():
    assert {(h, p) for h in MATRIKS for p in MATRIKS[h]} == {(h, p) for h in Rating for p in Rating}


ORDER = [Predikat.SANGAT_BAIK, Predikat.BAIK, Predikat.BUTUH_PERBAIKAN, Predikat.KURANG, Predikat.SANGAT_KURANG]


@pytest.mark.parametrize(("i", "j"), [(i, j) for i in range(5) for j in range(5)])
def test_ordering_sb_b_bp_km_sk(i, j):
    """§3.4 ordering pitfall: SB > B > BP > K/M > SK for every comparison operator."""
    hi, lo = ORDER[i], ORDER[j]
    assert (hi > lo) is (i < j)
    assert (hi < lo) is (i > j)
    assert (hi >= lo) is (i <= j)
    assert (hi <= lo) is (i >= j)


def test_sorting_and_max_follow_the_official_order():
    assert sorted(Predikat, reverse=True) == ORDER
    assert max(Predikat.BAIK, Predikat.BUTUH_PERBAIKAN) == Predikat.BAIK
    assert min(Predikat.KURANG, Predikat.BUTUH_PERBAIKAN) == Predikat.KURANG


def test_labels_are_official():
    assert Predikat.KURANG.label == "Kurang/Misconduct"
    assert [p.label for p in ORDER] == ["Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang/Misconduct", "Sangat Kurang"]
    assert [r.label for r in Rating] == ["Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"]
