"""Reference data loaded by data migration (domain.md §7.3)."""

# (kode, pangkat, urutan = gol*10 + ruang index) for the 17 PNS golongan/ruang.
GOLONGAN_PNS = [
    ("I/a", "Juru Muda", 11), ("I/b", "Juru Muda Tingkat I", 12), ("I/c", "Juru", 13), ("I/d", "Juru Tingkat I", 14),
    ("II/a", "Pengatur Muda", 21), ("II/b", "Pengatur Muda Tingkat I", 22), ("II/c", "Pengatur", 23),
    ("II/d", "Pengatur Tingkat I", 24),
    ("III/a", "Penata Muda", 31), ("III/b", "Penata Muda Tingkat I", 32), ("III/c", "Penata", 33),
    ("III/d", "Penata Tingkat I", 34),
    ("IV/a", "Pembina", 41), ("IV/b", "Pembina Tingkat I", 42), ("IV/c", "Pembina Utama Muda", 43),
    ("IV/d", "Pembina Utama Madya", 44), ("IV/e", "Pembina Utama", 45),
]

ROMAWI = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"]
# PPPK has no pangkat: Golongan I … XVII (domain.md §7.3).
GOLONGAN_PPPK = [(kode, "", i) for i, kode in enumerate(ROMAWI, start=1)]
