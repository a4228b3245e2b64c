"""English texts of the reference rows of ``penilaian/reference.py``, keyed by the Indonesian text.

Filled into the ``*_en`` columns by data migration 0014; an admin edits them afterwards. The Indonesian
text stays the official one (documents, exports, what is stored when a phrase is picked).
"""

TEKS_EN = {
    # BerAKHLAK: core values, their meaning and the official behaviour guide (SE MenPANRB 20/2021).
    "Berorientasi Pelayanan": "Service-oriented",
    "Komitmen memberikan pelayanan prima demi kepuasan masyarakat":
        "Committed to providing excellent service for public satisfaction",
    "Memahami dan memenuhi kebutuhan masyarakat": "Understands and meets the needs of the public",
    "Ramah, cekatan, solutif, dan dapat diandalkan": "Friendly, quick, solution-oriented and reliable",
    "Melakukan perbaikan tiada henti": "Makes continuous improvements",
    "Akuntabel": "Accountable",
    "Bertanggung jawab atas kepercayaan yang diberikan": "Responsible for the trust given",
    "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi":
        "Carries out duties honestly, responsibly, carefully, with discipline and high integrity",
    "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien":
        "Uses state assets and property responsibly, effectively and efficiently",
    "Tidak menyalahgunakan kewenangan jabatan": "Does not abuse the authority of office",
    "Kompeten": "Competent",
    "Terus belajar dan mengembangkan kapabilitas": "Keeps learning and developing capabilities",
    "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah":
        "Improves own competence to meet ever-changing challenges",
    "Membantu orang lain belajar": "Helps others learn",
    "Melaksanakan tugas dengan kualitas terbaik": "Carries out duties to the highest quality",
    "Harmonis": "Harmonious",
    "Saling peduli dan menghargai perbedaan": "Caring for one another and respecting differences",
    "Menghargai setiap orang apapun latar belakangnya": "Respects everyone regardless of background",
    "Suka menolong orang lain": "Willing to help others",
    "Membangun lingkungan kerja yang kondusif": "Builds a conducive work environment",
    "Loyal": "Loyal",
    "Berdedikasi dan mengutamakan kepentingan Bangsa dan Negara":
        "Dedicated and puts the interests of the Nation and State first",
    "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia pada NKRI "
    "serta pemerintahan yang sah":
        "Firmly upholds the Pancasila ideology and the 1945 Constitution of the Republic of Indonesia, and is loyal "
        "to the Unitary State of the Republic of Indonesia (NKRI) and the legitimate government",
    "Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara":
        "Protects the good name of fellow civil servants (ASN), leaders, the agency and the State",
    "Menjaga rahasia jabatan dan negara": "Keeps official and state secrets",
    "Adaptif": "Adaptive",
    "Terus berinovasi dan antusias dalam menghadapi perubahan": "Keeps innovating and embraces change with enthusiasm",
    "Cepat menyesuaikan diri menghadapi perubahan": "Adapts quickly to change",
    "Terus berinovasi dan mengembangkan kreativitas": "Keeps innovating and developing creativity",
    "Bertindak proaktif": "Acts proactively",
    "Kolaboratif": "Collaborative",
    "Membangun kerja sama yang sinergis": "Builds synergistic cooperation",
    "Memberi kesempatan kepada berbagai pihak untuk berkontribusi":
        "Gives various parties the opportunity to contribute",
    "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah": "Open to working together to create added value",
    "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama":
        "Mobilizes the use of various resources for common goals",
    # Ekspektasi khusus pimpinan (picklist).
    "Menindaklanjuti setiap kritik dan saran": "Follows up on every criticism and suggestion",
    "Memberikan layanan tepat waktu sesuai standar pelayanan": "Delivers services on time, to the service standard",
    "Menolak segala bentuk gratifikasi, korupsi, kolusi, dan nepotisme":
        "Refuses every form of gratuity, corruption, collusion and nepotism",
    "Menyelesaikan pekerjaan sesuai tenggat yang disepakati": "Finishes work by the agreed deadline",
    "Aktif mengikuti kegiatan pengembangan kompetensi yang diadakan internal maupun eksternal":
        "Takes an active part in competency development, both internal and external",
    "Berbagi pengetahuan kepada rekan kerja": "Shares knowledge with colleagues",
    "Membantu rekan kerja yang membutuhkan": "Helps colleagues in need",
    "Menjaga suasana kerja yang saling menghargai": "Keeps a workplace of mutual respect",
    "Menyimpan informasi rahasia dengan cara dan pada tempat yang aman":
        "Keeps confidential information safely, in a secure place",
    "Menjaga nama baik instansi di media sosial": "Protects the agency's good name on social media",
    "Mengusulkan perbaikan proses kerja": "Proposes improvements to work processes",
    "Cepat mempelajari aplikasi dan aturan baru": "Learns new applications and rules quickly",
    "Aktif berkoordinasi lintas unit": "Actively coordinates across units",
    "Melibatkan rekan kerja dalam penyelesaian masalah": "Involves colleagues in solving problems",
    # Umpan balik on hasil kerja (picklist).
    "Capaian kinerja sudah maksimal, pertahankan": "Performance is at its best, keep it up",
    "Capaian sesuai target, tingkatkan kualitas dokumentasi bukti dukung":
        "On target; improve the quality of the supporting evidence",
    "Capaian belum sesuai target, percepat pelaksanaan rencana aksi":
        "Not yet on target; speed up the action plan",
    "Lengkapi bukti dukung untuk setiap realisasi": "Add supporting evidence for every result",
    # Umpan balik on perilaku kerja (picklist).
    "Kurang memahami dan atau memenuhi kebutuhan masyarakat":
        "Does not fully understand and/or meet the needs of the public",
    "Pelayanan sudah ramah dan solutif, pertahankan": "Service is friendly and solution-oriented, keep it up",
    "Disiplin dan bertanggung jawab, pertahankan": "Disciplined and responsible, keep it up",
    "Perlu lebih cermat dalam menyelesaikan tugas": "Needs to be more careful in completing tasks",
    "Terus tingkatkan kompetensi diri": "Keep improving your competence",
    "Sudah membantu rekan belajar, pertahankan": "Already helps colleagues learn, keep it up",
    "Lingkungan kerja kondusif berkat sikap Anda": "Your attitude makes the workplace a good one",
    "Perlu lebih menghargai pendapat rekan kerja": "Needs to respect colleagues' opinions more",
    "Menjaga rahasia jabatan dengan baik": "Keeps official secrets well",
    "Perlu menjaga nama baik instansi": "Needs to protect the agency's good name",
    "Cepat menyesuaikan diri, pertahankan": "Adapts quickly, keep it up",
    "Perlu lebih proaktif menghadapi perubahan": "Needs to be more proactive in facing change",
    "Kerja sama tim sangat baik": "Very good teamwork",
    "Perlu lebih terbuka untuk bekerja sama": "Needs to be more open to working together",
}
