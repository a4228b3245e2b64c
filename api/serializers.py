"""What the API shows of each object. Read serializers are flat: relations as ids plus a few names,
loaded by the selectors' select_related/prefetch_related so a page costs a fixed number of queries."""
from rest_framework import serializers

from harian.models import KegiatanHarian
from pegawai.models import Instansi, Pegawai, UnitKerja
from pelatihan.models import RiwayatPengembangan
from penilaian.models import IndikatorKinerja, Penilaian, Periode, Realisasi, RencanaAksi, RencanaHasilKerja, Skp


class InstansiSerializer(serializers.ModelSerializer):
    class Meta:
        model = Instansi
        fields = ["id", "kode", "nama", "jenis", "kota"]


class UnitKerjaSerializer(serializers.ModelSerializer):
    class Meta:
        model = UnitKerja
        fields = ["id", "instansi", "parent", "kode", "nama", "level", "kepala", "aktif"]


class PegawaiSerializer(serializers.ModelSerializer):
    unit_kerja_nama = serializers.CharField(source="unit_kerja.nama", read_only=True)
    jabatan_nama = serializers.CharField(source="jabatan.nama", read_only=True, allow_null=True, default=None)
    golongan_kode = serializers.CharField(source="golongan.kode", read_only=True, allow_null=True, default=None)
    instansi = serializers.IntegerField(source="unit_kerja.instansi_id", read_only=True)

    class Meta:
        model = Pegawai
        fields = ["id", "nip", "nama", "gelar_depan", "gelar_belakang", "status", "jenis_kelamin", "instansi",
                  "unit_kerja", "unit_kerja_nama", "jabatan", "jabatan_nama", "golongan", "golongan_kode",
                  "atasan", "email", "aktif"]


class IkiSerializer(serializers.ModelSerializer):
    class Meta:
        model = IndikatorKinerja
        fields = ["id", "teks", "aspek", "target_angka", "satuan", "target_teks", "urutan"]


class RhkSerializer(serializers.ModelSerializer):
    iki = IkiSerializer(many=True, read_only=True)

    class Meta:
        model = RencanaHasilKerja
        fields = ["id", "jenis", "klasifikasi", "teks", "urutan", "perspektif", "iki"]


class SkpSerializer(serializers.ModelSerializer):
    rhk = RhkSerializer(many=True, read_only=True)
    pegawai_nip = serializers.CharField(source="pegawai.nip", read_only=True)
    pegawai_nama = serializers.CharField(source="pegawai.nama", read_only=True)

    class Meta:
        model = Skp
        fields = ["id", "pegawai", "pegawai_nip", "pegawai_nama", "tahun", "tanggal_mulai", "tanggal_selesai",
                  "pendekatan", "bentuk", "status", "pejabat_penilai", "atasan_penilai", "versi", "rhk"]


class PeriodeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Periode
        fields = ["id", "instansi", "tahun", "jenis", "nama", "tanggal_mulai", "tanggal_selesai", "batas_pengisian"]


class RealisasiSerializer(serializers.ModelSerializer):
    class Meta:
        model = Realisasi
        fields = ["id", "iki", "nilai", "teks"]


class PenilaianSerializer(serializers.ModelSerializer):
    """Ratings and predikat as the evaluation pages show them; peer input (masukan rekan) is not part of it."""

    pegawai = serializers.IntegerField(source="skp.pegawai_id", read_only=True)
    pegawai_nip = serializers.CharField(source="skp.pegawai.nip", read_only=True)
    realisasi = RealisasiSerializer(many=True, read_only=True)

    class Meta:
        model = Penilaian
        fields = ["id", "skp", "pegawai", "pegawai_nip", "periode", "status", "rating_hasil", "rating_perilaku",
                  "predikat", "capaian_organisasi", "versi", "diajukan_pada", "final_pada", "realisasi"]


class PredikatTahunanSerializer(serializers.ModelSerializer):
    pegawai = serializers.IntegerField(source="skp.pegawai_id", read_only=True)
    pegawai_nip = serializers.CharField(source="skp.pegawai.nip", read_only=True)
    pegawai_nama = serializers.CharField(source="skp.pegawai.nama", read_only=True)
    tahun = serializers.IntegerField(source="periode.tahun", read_only=True)

    class Meta:
        model = Penilaian
        fields = ["id", "pegawai", "pegawai_nip", "pegawai_nama", "tahun", "rating_hasil", "rating_perilaku",
                  "predikat", "status", "final_pada"]


class RiwayatSerializer(serializers.ModelSerializer):
    tahun = serializers.IntegerField(read_only=True)

    class Meta:
        model = RiwayatPengembangan
        fields = ["id", "pegawai", "nama_kegiatan", "penyelenggara", "jalur", "bentuk", "jenis", "rumpun",
                  "tanggal_mulai", "tanggal_selesai", "tahun", "jp", "nomor_sertifikat", "status", "alasan_tolak"]


class RiwayatWriteSerializer(serializers.ModelSerializer):
    """Shape only; the rules (dates, JP, certificate) are the service's, with its messages."""

    sertifikat = serializers.FileField(required=False)

    class Meta:
        model = RiwayatPengembangan
        fields = ["nama_kegiatan", "penyelenggara", "jalur", "bentuk", "jenis", "rumpun", "tanggal_mulai",
                  "tanggal_selesai", "jp", "nomor_sertifikat", "sertifikat"]
        extra_kwargs = {"jp": {"validators": []}}


class KegiatanSerializer(serializers.ModelSerializer):
    pegawai_nip = serializers.CharField(source="pegawai.nip", read_only=True)
    durasi_menit = serializers.IntegerField(read_only=True, allow_null=True,
                                            help_text="Dari jam mulai sampai jam selesai.")

    class Meta:
        model = KegiatanHarian
        fields = ["id", "pegawai", "pegawai_nip", "tanggal", "jam_mulai", "jam_selesai", "durasi_menit",
                  "rencana_aksi", "uraian", "kuantitas", "satuan", "iki", "bukti_url", "status", "catatan_atasan",
                  "dibuat_pada", "diubah_pada"]
        read_only_fields = ["pegawai", "status", "catatan_atasan", "dibuat_pada", "diubah_pada"]
        # Range rules come from the service with the pages' messages; the field keeps the shape.
        extra_kwargs = {"kuantitas": {"validators": []}, "satuan": {"required": False},
                        "iki": {"queryset": IndikatorKinerja.objects.all()},
                        "rencana_aksi": {"queryset": RencanaAksi.objects.select_related("penilaian__periode",
                                                                                        "penilaian__skp")}}


class RealisasiWriteSerializer(serializers.Serializer):
    versi = serializers.IntegerField(help_text="Versi penilaian yang dibaca (penguncian optimistis).")
    iki = serializers.IntegerField()
    nilai = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True, required=False)
    teks = serializers.CharField(allow_blank=True, required=False, default="")


class BuktiSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    iki = serializers.IntegerField()
    url = serializers.URLField(max_length=500)
    keterangan = serializers.CharField(max_length=255, allow_blank=True, required=False, default="")


class BarisAgregatSerializer(serializers.Serializer):
    perilaku = serializers.CharField(source="perilaku.kode")
    nama = serializers.CharField(source="perilaku.nama")
    jumlah = serializers.DictField(child=serializers.IntegerField(), help_text="Rating → jumlah jawaban")


class AgregatRekanSerializer(serializers.Serializer):
    """The released peer aggregate (counts and comments, never an answer or its author)."""

    dirilis = serializers.BooleanField()
    jumlah_jawaban = serializers.IntegerField()
    baris = BarisAgregatSerializer(many=True)
    komentar = serializers.ListField(child=serializers.CharField())
