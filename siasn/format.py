"""The SIASN record shapes Kinerja writes and reads, as data (one place; README "SIASN" documents them).

Field names and types follow the public SIASN client ``kanekescom/laravel-siasn-simpeg``:
- ``skp22``: database/migrations/2024_01_02_000027_create_siasn_simpeg_pns_rw_skp22_table.php
- ``kinerjaPeriodik``: database/migrations/2024_01_02_000017_create_siasn_simpeg_pns_rw_kinerjaperiodik_table.php
- profil pegawai: database/migrations/2024_01_02_000006_create_siasn_simpeg_pns_data_utama_table.php
- riwayat jabatan: database/migrations/2024_01_02_000016_create_siasn_simpeg_pns_rw_jabatan_table.php
- riwayat golongan: database/migrations/2024_01_02_000014_create_siasn_simpeg_pns_rw_golongan_table.php
Every SIASN column there is a string (``$table->string``), so every value is written as a string; the
spelling is SIASN's own, odd cases included (``KuadranKinerjaNilai``, ``PerilakuKerjaNilai`` with a capital
letter in skp22, ``koefisenId`` without the second "i" in kinerjaPeriodik). Columns marked ``tambahan`` are
not in SIASN's table: Kinerja adds them so HR can check a row before uploading (SIASN ignores them).

Each field: (name, source key in the row Kinerja builds, description shown in the README and XLSX note).
"""
from django.utils.translation import gettext_lazy as _

from penilaian.predikat import Predikat, Rating

# (SIASN field, description, tambahan?)
SKP22 = [
    ("pnsDinilaiId", _("ID PNS yang dinilai di SIASN (dari impor profil; kosong bila belum diketahui)"), False),
    ("nipBaru", _("NIP 18 digit pegawai yang dinilai"), True),
    ("nama", _("Nama pegawai yang dinilai"), True),
    ("tahun", _("Tahun penilaian"), False),
    ("hasilKinerja", _("Rating hasil kerja tahunan (teks)"), False),
    ("hasilKinerjaNilai", _("Rating hasil kerja tahunan (kode: 1 di atas, 2 sesuai, 3 di bawah ekspektasi)"), False),
    ("perilakuKerja", _("Rating perilaku kerja tahunan (teks)"), False),
    ("PerilakuKerjaNilai", _("Rating perilaku kerja tahunan (kode seperti hasilKinerjaNilai)"), False),
    ("kuadranKinerja", _("Predikat kinerja tahunan (teks)"), False),
    ("KuadranKinerjaNilai", _("Predikat kinerja tahunan (kode: 1 Sangat Baik … 5 Sangat Kurang)"), False),
    ("statusPenilai", _("ASN atau NON ASN"), False),
    ("nipNrpPenilai", _("NIP pejabat penilai (kosong untuk penilai NON ASN)"), False),
    ("namaPenilai", _("Nama pejabat penilai"), False),
    ("penilaiGolonganId", _("Kode golongan SIASN pejabat penilai (mis. 33 = III/c)"), False),
    ("penilaiJabatanNm", _("Jabatan pejabat penilai"), False),
    ("penilaiUnorNm", _("Unit organisasi pejabat penilai"), False),
]

PERIODIK = [
    ("pnsDinilaiId", _("ID PNS yang dinilai di SIASN (dari impor profil; kosong bila belum diketahui)"), False),
    ("nip", _("NIP 18 digit pegawai yang dinilai"), False),
    ("nama", _("Nama pegawai yang dinilai"), False),
    ("tahun", _("Tahun penilaian"), False),
    ("periodikNama", _("Nama periode (mis. Triwulan I)"), False),
    ("periodeAwal", _("Tanggal awal periode (YYYY-MM-DD)"), True),
    ("periodeAkhir", _("Tanggal akhir periode (YYYY-MM-DD)"), True),
    ("jabatan", _("Jabatan pegawai pada SKP periode ini"), False),
    ("unorNama", _("Unit kerja pegawai pada SKP periode ini"), False),
    ("instansiNama", _("Instansi"), False),
    ("hasilKinerja", _("Rating hasil kerja periode (teks)"), False),
    ("hasilKinerjaNilai", _("Rating hasil kerja periode (kode seperti skp22)"), False),
    ("perilakuKerja", _("Rating perilaku kerja periode (teks)"), False),
    ("perilakuKerjaNilai", _("Rating perilaku kerja periode (kode seperti skp22)"), False),
    ("kuadranKinerjaNilai", _("Predikat kinerja periode (teks)"), False),
    ("kuadranNilai", _("Predikat kinerja periode (kode seperti skp22)"), False),
    ("koefisenId", _("Koefisien angka kredit per tahun jenjang yang dijabat (kosong di luar jabatan fungsional)"),
     False),
    ("persentase", _("Persentase predikat untuk angka kredit (150, 100, 75, 50, 25)"), False),
    ("statusPenilai", _("ASN atau NON ASN"), False),
    ("penilaiNipNrp", _("NIP pejabat penilai (kosong untuk penilai NON ASN)"), False),
    ("namaPenilai", _("Nama pejabat penilai"), False),
    ("penilaiGolonganId", _("Kode golongan SIASN pejabat penilai"), False),
    ("penilaiJabatanNama", _("Jabatan pejabat penilai"), False),
    ("penilaiUnorNm", _("Unit organisasi pejabat penilai"), False),
]

FIELDS = {"skp22": SKP22, "kinerjaPeriodik": PERIODIK}

# SIASN texts and codes of the ratings and predikat (our reading of e-Kinerja's upper-case labels; the codes
# are ordinal, best first — check them against the instansi's SIASN reference before a first upload).
RATING = {
    Rating.DI_ATAS: ("DIATAS EKSPEKTASI", "1"),
    Rating.SESUAI: ("SESUAI EKSPEKTASI", "2"),
    Rating.DI_BAWAH: ("DIBAWAH EKSPEKTASI", "3"),
}
PREDIKAT = {
    Predikat.SANGAT_BAIK: ("SANGAT BAIK", "1"),
    Predikat.BAIK: ("BAIK", "2"),
    Predikat.BUTUH_PERBAIKAN: ("BUTUH PERBAIKAN", "3"),
    Predikat.KURANG: ("KURANG/MISCONDUCT", "4"),
    Predikat.SANGAT_KURANG: ("SANGAT KURANG", "5"),
}

# SIASN's golongan ids (golRuangAkhirId): I/a = 11 … IV/e = 45.
GOLONGAN_ID = {f"{ruang}/{huruf}": f"{i}{j}" for i, ruang in enumerate(("I", "II", "III", "IV"), start=1)
               for j, huruf in enumerate("abcde", start=1) if not (ruang == "I" and huruf == "e")}
GOLONGAN_DARI_ID = {v: k for k, v in GOLONGAN_ID.items()}

STATUS_ASN, STATUS_NON_ASN = "ASN", "NON ASN"


def golongan_id(pangkat_golongan: str) -> str:
    """'Penata, III/c' → '33'; a PPPK golongan ('IX') or an unknown text is written as it is."""
    kode = (pangkat_golongan or "").rsplit(",", 1)[-1].strip()
    return GOLONGAN_ID.get(kode, kode)
