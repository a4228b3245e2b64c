"""Reference lists of domain.md §8.2/§8.3 (Perlan LAN 10/2018, PP 11/2017 Pasal 210).

Loaded by migration 0002 and editable in the admin afterwards; codes are stable, names may change.
"""

JALUR = [("PENDIDIKAN", "Pendidikan"), ("PELATIHAN", "Pelatihan")]
BENTUK = [("KLASIKAL", "Klasikal"), ("NON_KLASIKAL", "Non-klasikal")]
RUMPUN = [("TEKNIS", "Teknis"), ("MANAJERIAL", "Manajerial"), ("SOSIAL_KULTURAL", "Sosial kultural")]

# (kode, nama, jalur, bentuk or None)
JENIS = [
    ("TUGAS_BELAJAR", "Tugas belajar", "PENDIDIKAN", None),
    ("IZIN_BELAJAR", "Izin belajar", "PENDIDIKAN", None),
    ("PELATIHAN_KEPEMIMPINAN", "Pelatihan struktural kepemimpinan (PKN I/II, PKA, PKP)", "PELATIHAN", "KLASIKAL"),
    ("PELATIHAN_MANAJERIAL", "Pelatihan manajerial", "PELATIHAN", "KLASIKAL"),
    ("PELATIHAN_TEKNIS", "Pelatihan teknis", "PELATIHAN", "KLASIKAL"),
    ("PELATIHAN_FUNGSIONAL", "Pelatihan fungsional", "PELATIHAN", "KLASIKAL"),
    ("PELATIHAN_SOSIAL_KULTURAL", "Pelatihan sosial kultural", "PELATIHAN", "KLASIKAL"),
    ("SEMINAR", "Seminar/konferensi/sarasehan", "PELATIHAN", "KLASIKAL"),
    ("WORKSHOP", "Workshop/lokakarya", "PELATIHAN", "KLASIKAL"),
    ("KURSUS", "Kursus", "PELATIHAN", "KLASIKAL"),
    ("PENATARAN", "Penataran", "PELATIHAN", "KLASIKAL"),
    ("BIMTEK", "Bimbingan teknis", "PELATIHAN", "KLASIKAL"),
    ("SOSIALISASI", "Sosialisasi", "PELATIHAN", "KLASIKAL"),
    ("COACHING", "Coaching", "PELATIHAN", "NON_KLASIKAL"),
    ("MENTORING", "Mentoring", "PELATIHAN", "NON_KLASIKAL"),
    ("E_LEARNING", "E-learning", "PELATIHAN", "NON_KLASIKAL"),
    ("PJJ", "Pelatihan jarak jauh", "PELATIHAN", "NON_KLASIKAL"),
    ("DETASERING", "Detasering (secondment)", "PELATIHAN", "NON_KLASIKAL"),
    ("OUTBOUND", "Pembelajaran alam terbuka (outbound)", "PELATIHAN", "NON_KLASIKAL"),
    ("PATOK_BANDING", "Patok banding (benchmarking)", "PELATIHAN", "NON_KLASIKAL"),
    ("PERTUKARAN", "Pertukaran PNS dengan pegawai swasta/BUMN/BUMD", "PELATIHAN", "NON_KLASIKAL"),
    ("BELAJAR_MANDIRI", "Belajar mandiri (self development)", "PELATIHAN", "NON_KLASIKAL"),
    ("KOMUNITAS_BELAJAR", "Komunitas belajar (community of practices)", "PELATIHAN", "NON_KLASIKAL"),
    ("BIMBINGAN_TEMPAT_KERJA", "Bimbingan di tempat kerja", "PELATIHAN", "NON_KLASIKAL"),
    ("MAGANG", "Magang/praktik kerja", "PELATIHAN", "NON_KLASIKAL"),
]


def load(apps) -> None:
    """Create or refresh the reference rows (used by the data migration and by tests)."""
    Jalur = apps.get_model("pelatihan", "Jalur")
    Bentuk = apps.get_model("pelatihan", "Bentuk")
    Rumpun = apps.get_model("pelatihan", "RumpunKompetensi")
    Jenis = apps.get_model("pelatihan", "JenisPengembangan")
    for model, rows in ((Jalur, JALUR), (Bentuk, BENTUK), (Rumpun, RUMPUN)):
        for i, (kode, nama) in enumerate(rows, 1):
            model.objects.update_or_create(kode=kode, defaults={"nama": nama, "urutan": i})
    jalur = {j.kode: j for j in Jalur.objects.all()}
    bentuk = {b.kode: b for b in Bentuk.objects.all()}
    for i, (kode, nama, jalur_kode, bentuk_kode) in enumerate(JENIS, 1):
        Jenis.objects.update_or_create(kode=kode, defaults={
            "nama": nama, "urutan": i, "jalur": jalur[jalur_kode], "bentuk": bentuk.get(bentuk_kode),
        })

# English names by kode, filled into ``nama_en`` by migration 0005 (the admin edits them afterwards).
NAMA_EN = {
    "PENDIDIKAN": "Education", "PELATIHAN": "Training",
    "KLASIKAL": "Classroom", "NON_KLASIKAL": "Non-classroom",
    "TEKNIS": "Technical", "MANAJERIAL": "Managerial", "SOSIAL_KULTURAL": "Socio-cultural",
    "TUGAS_BELAJAR": "Study assignment",
    "IZIN_BELAJAR": "Study permit",
    "PELATIHAN_KEPEMIMPINAN": "Structural leadership training (PKN I/II, PKA, PKP)",
    "PELATIHAN_MANAJERIAL": "Managerial training",
    "PELATIHAN_TEKNIS": "Technical training",
    "PELATIHAN_FUNGSIONAL": "Functional training",
    "PELATIHAN_SOSIAL_KULTURAL": "Socio-cultural training",
    "SEMINAR": "Seminar/conference/forum",
    "WORKSHOP": "Workshop",
    "KURSUS": "Course",
    "PENATARAN": "Upgrading course",
    "BIMTEK": "Technical guidance",
    "SOSIALISASI": "Information session",
    "COACHING": "Coaching",
    "MENTORING": "Mentoring",
    "E_LEARNING": "E-learning",
    "PJJ": "Distance learning",
    "DETASERING": "Secondment",
    "OUTBOUND": "Outdoor learning",
    "PATOK_BANDING": "Benchmarking",
    "PERTUKARAN": "Exchange of civil servants with private-sector or state/regional enterprise staff",
    "BELAJAR_MANDIRI": "Self-development",
    "KOMUNITAS_BELAJAR": "Community of practice",
    "BIMBINGAN_TEMPAT_KERJA": "On-the-job guidance",
    "MAGANG": "Internship/work placement",
}


def load_english(apps) -> None:
    """Fill the empty English names of the reference rows from ``NAMA_EN`` (migration 0005)."""
    for name in ("Jalur", "Bentuk", "RumpunKompetensi", "JenisPengembangan"):
        model = apps.get_model("pelatihan", name)
        for obj in model.objects.filter(nama_en="", kode__in=NAMA_EN):
            obj.nama_en = NAMA_EN[obj.kode]
            obj.save(update_fields=["nama_en"])
