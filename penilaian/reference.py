"""BerAKHLAK core values and their official panduan perilaku, verbatim from SE MenPANRB 20/2021 as
domain.md §2 gives them (the canonical table there). Loaded by data migration; stored as data."""

BERAKHLAK = [
    ("BERORIENTASI_PELAYANAN", "Berorientasi Pelayanan", "Komitmen memberikan pelayanan prima demi kepuasan masyarakat", [
        "Memahami dan memenuhi kebutuhan masyarakat",
        "Ramah, cekatan, solutif, dan dapat diandalkan",
        "Melakukan perbaikan tiada henti",
    ]),
    ("AKUNTABEL", "Akuntabel", "Bertanggung jawab atas kepercayaan yang diberikan", [
        "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi",
        "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien",
        "Tidak menyalahgunakan kewenangan jabatan",
    ]),
    ("KOMPETEN", "Kompeten", "Terus belajar dan mengembangkan kapabilitas", [
        "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
        "Membantu orang lain belajar",
        "Melaksanakan tugas dengan kualitas terbaik",
    ]),
    ("HARMONIS", "Harmonis", "Saling peduli dan menghargai perbedaan", [
        "Menghargai setiap orang apapun latar belakangnya",
        "Suka menolong orang lain",
        "Membangun lingkungan kerja yang kondusif",
    ]),
    ("LOYAL", "Loyal", "Berdedikasi dan mengutamakan kepentingan Bangsa dan Negara", [
        "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, "
        "setia pada NKRI serta pemerintahan yang sah",
        "Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara",
        "Menjaga rahasia jabatan dan negara",
    ]),
    ("ADAPTIF", "Adaptif", "Terus berinovasi dan antusias dalam menghadapi perubahan", [
        "Cepat menyesuaikan diri menghadapi perubahan",
        "Terus berinovasi dan mengembangkan kreativitas",
        "Bertindak proaktif",
    ]),
    ("KOLABORATIF", "Kolaboratif", "Membangun kerja sama yang sinergis", [
        "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
        "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
        "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama",
    ]),
]

# Starting picklists (admin-editable). Written for Kinerja; the first of each follows domain.md §2 examples.
FRASA_EKSPEKTASI = {
    "BERORIENTASI_PELAYANAN": ["Menindaklanjuti setiap kritik dan saran", "Memberikan layanan tepat waktu sesuai standar pelayanan"],
    "AKUNTABEL": ["Menolak segala bentuk gratifikasi, korupsi, kolusi, dan nepotisme", "Menyelesaikan pekerjaan sesuai tenggat yang disepakati"],
    "KOMPETEN": ["Aktif mengikuti kegiatan pengembangan kompetensi yang diadakan internal maupun eksternal", "Berbagi pengetahuan kepada rekan kerja"],
    "HARMONIS": ["Membantu rekan kerja yang membutuhkan", "Menjaga suasana kerja yang saling menghargai"],
    "LOYAL": ["Menyimpan informasi rahasia dengan cara dan pada tempat yang aman", "Menjaga nama baik instansi di media sosial"],
    "ADAPTIF": ["Mengusulkan perbaikan proses kerja", "Cepat mempelajari aplikasi dan aturan baru"],
    "KOLABORATIF": ["Aktif berkoordinasi lintas unit", "Melibatkan rekan kerja dalam penyelesaian masalah"],
}
FRASA_UMPAN_BALIK_HASIL = [
    "Capaian kinerja sudah maksimal, pertahankan",
    "Capaian sesuai target, tingkatkan kualitas dokumentasi bukti dukung",
    "Capaian belum sesuai target, percepat pelaksanaan rencana aksi",
    "Lengkapi bukti dukung untuk setiap realisasi",
]
FRASA_UMPAN_BALIK_PERILAKU = {
    "BERORIENTASI_PELAYANAN": ["Kurang memahami dan atau memenuhi kebutuhan masyarakat", "Pelayanan sudah ramah dan solutif, pertahankan"],
    "AKUNTABEL": ["Disiplin dan bertanggung jawab, pertahankan", "Perlu lebih cermat dalam menyelesaikan tugas"],
    "KOMPETEN": ["Terus tingkatkan kompetensi diri", "Sudah membantu rekan belajar, pertahankan"],
    "HARMONIS": ["Lingkungan kerja kondusif berkat sikap Anda", "Perlu lebih menghargai pendapat rekan kerja"],
    "LOYAL": ["Menjaga rahasia jabatan dengan baik", "Perlu menjaga nama baik instansi"],
    "ADAPTIF": ["Cepat menyesuaikan diri, pertahankan", "Perlu lebih proaktif menghadapi perubahan"],
    "KOLABORATIF": ["Kerja sama tim sangat baik", "Perlu lebih terbuka untuk bekerja sama"],
}
