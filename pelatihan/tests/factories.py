"""Factories for training records; reference rows come from migration 0002."""
from datetime import date

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from pegawai.tests.factories import PegawaiFactory
from pelatihan.models import JenisPengembangan, RiwayatPengembangan, RumpunKompetensi
from pelatihan.rekap import rekap_jp_hitung

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def pdf_upload(nama: str = "sertifikat.pdf", isi: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(nama, isi, content_type="application/pdf")


def jenis(kode: str = "BIMTEK") -> JenisPengembangan:
    return JenisPengembangan.objects.select_related("jalur", "bentuk").get(kode=kode)


class RiwayatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RiwayatPengembangan
        skip_postgeneration_save = True

    pegawai = factory.SubFactory(PegawaiFactory)
    nama_kegiatan = factory.Sequence(lambda n: f"Bimtek Penyusunan SKP angkatan {n}")
    penyelenggara = "BKPSDM"
    jenis = factory.LazyFunction(jenis)
    jalur = factory.LazyAttribute(lambda o: o.jenis.jalur)
    bentuk = factory.LazyAttribute(lambda o: o.jenis.bentuk)
    rumpun = factory.LazyFunction(lambda: RumpunKompetensi.objects.get(kode="TEKNIS"))
    tanggal_mulai = date(2026, 3, 2)
    tanggal_selesai = date(2026, 3, 4)
    jp = 8
    status = RiwayatPengembangan.Status.DIAJUKAN
    sertifikat = factory.django.FileField(filename="s.pdf", data=PDF)
    nama_berkas = "sertifikat.pdf"

    @factory.post_generation
    def rekap(obj, create, extracted, **kwargs):
        # Rows written directly, as a bulk path does: the stored JP is rebuilt for the pegawai afterwards.
        if create:
            rekap_jp_hitung(pegawai_ids=[obj.pegawai_id])


def form_data(**overrides) -> dict:
    j = jenis()
    data = {
        "nama_kegiatan": "Bimtek Penyusunan SKP", "penyelenggara": "BKPSDM Kota", "jalur": j.jalur_id,
        "bentuk": j.bentuk_id, "jenis": j.pk, "rumpun": RumpunKompetensi.objects.get(kode="TEKNIS").pk,
        "tanggal_mulai": "2026-03-02", "tanggal_selesai": "2026-03-04", "jp": 16, "nomor_sertifikat": "123/STTPP/2026",
    }
    data.update(overrides)
    return data
