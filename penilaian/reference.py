"""BerAKHLAK core values and their official panduan perilaku, verbatim from SE MenPANRB 20/2021 as
domain.md §2 gives them (the canonical table there). Loaded by data migration; stored as data."""


def gettext_noop(message):
    """Marks a string for makemessages (the English catalogue); the data itself stays Indonesian. Local so that
    importing this module (from a data migration) does not need Django settings."""
    return message


BERAKHLAK = [
    (
        "BERORIENTASI_PELAYANAN",
        gettext_noop("Berorientasi Pelayanan"),
        gettext_noop("Komitmen memberikan pelayanan prima demi kepuasan masyarakat"),
        [
            gettext_noop("Memahami dan memenuhi kebutuhan masyarakat"),
            gettext_noop("Ramah, cekatan, solutif, dan dapat diandalkan"),
            gettext_noop("Melakukan perbaikan tiada henti"),
        ],
    ),
    (
        "AKUNTABEL",
        gettext_noop("Akuntabel"),
        gettext_noop("Bertanggung jawab atas kepercayaan yang diberikan"),
        [
            gettext_noop(
                "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi"
            ),
            gettext_noop("Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien"),
            gettext_noop("Tidak menyalahgunakan kewenangan jabatan"),
        ],
    ),
    (
        "KOMPETEN",
        gettext_noop("Kompeten"),
        gettext_noop("Terus belajar dan mengembangkan kapabilitas"),
        [
            gettext_noop("Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah"),
            gettext_noop("Membantu orang lain belajar"),
            gettext_noop("Melaksanakan tugas dengan kualitas terbaik"),
        ],
    ),
    (
        "HARMONIS",
        gettext_noop("Harmonis"),
        gettext_noop("Saling peduli dan menghargai perbedaan"),
        [
            gettext_noop("Menghargai setiap orang apapun latar belakangnya"),
            gettext_noop("Suka menolong orang lain"),
            gettext_noop("Membangun lingkungan kerja yang kondusif"),
        ],
    ),
    (
        "LOYAL",
        gettext_noop("Loyal"),
        gettext_noop("Berdedikasi dan mengutamakan kepentingan Bangsa dan Negara"),
        [
            gettext_noop(
                "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, "
                "setia pada NKRI serta pemerintahan yang sah"
            ),
            gettext_noop("Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara"),
            gettext_noop("Menjaga rahasia jabatan dan negara"),
        ],
    ),
    (
        "ADAPTIF",
        gettext_noop("Adaptif"),
        gettext_noop("Terus berinovasi dan antusias dalam menghadapi perubahan"),
        [
            gettext_noop("Cepat menyesuaikan diri menghadapi perubahan"),
            gettext_noop("Terus berinovasi dan mengembangkan kreativitas"),
            gettext_noop("Bertindak proaktif"),
        ],
    ),
    (
        "KOLABORATIF",
        gettext_noop("Kolaboratif"),
        gettext_noop("Membangun kerja sama yang sinergis"),
        [
            gettext_noop("Memberi kesempatan kepada berbagai pihak untuk berkontribusi"),
            gettext_noop("Terbuka dalam bekerja sama untuk menghasilkan nilai tambah"),
            gettext_noop("Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama"),
        ],
    ),
]

# Starting picklists (admin-editable). Written for Kinerja; the first of each follows domain.md §2 examples.
FRASA_EKSPEKTASI = {
    "BERORIENTASI_PELAYANAN": [
        "Menindaklanjuti setiap kritik dan saran",
        "Memberikan layanan tepat waktu sesuai standar pelayanan",
    ],
    "AKUNTABEL": [
        "Menolak segala bentuk gratifikasi, korupsi, kolusi, dan nepotisme",
        "Menyelesaikan pekerjaan sesuai tenggat yang disepakati",
    ],
    "KOMPETEN": [
        "Aktif mengikuti kegiatan pengembangan kompetensi yang diadakan internal maupun eksternal",
        "Berbagi pengetahuan kepada rekan kerja",
    ],
    "HARMONIS": ["Membantu rekan kerja yang membutuhkan", "Menjaga suasana kerja yang saling menghargai"],
    "LOYAL": [
        "Menyimpan informasi rahasia dengan cara dan pada tempat yang aman",
        "Menjaga nama baik instansi di media sosial",
    ],
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
    "BERORIENTASI_PELAYANAN": [
        "Kurang memahami dan atau memenuhi kebutuhan masyarakat",
        "Pelayanan sudah ramah dan solutif, pertahankan",
    ],
    "AKUNTABEL": ["Disiplin dan bertanggung jawab, pertahankan", "Perlu lebih cermat dalam menyelesaikan tugas"],
    "KOMPETEN": ["Terus tingkatkan kompetensi diri", "Sudah membantu rekan belajar, pertahankan"],
    "HARMONIS": ["Lingkungan kerja kondusif berkat sikap Anda", "Perlu lebih menghargai pendapat rekan kerja"],
    "LOYAL": ["Menjaga rahasia jabatan dengan baik", "Perlu menjaga nama baik instansi"],
    "ADAPTIF": ["Cepat menyesuaikan diri, pertahankan", "Perlu lebih proaktif menghadapi perubahan"],
    "KOLABORATIF": ["Kerja sama tim sangat baik", "Perlu lebih terbuka untuk bekerja sama"],
}
