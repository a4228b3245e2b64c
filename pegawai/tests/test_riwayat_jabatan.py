"""The post held on a date (domain.md §11.2 rule 2) and the initial riwayat rows of the data migration."""
import importlib
from datetime import date

import pytest
from django.apps import apps

from pegawai.identitas import identitas_dokumen_pada, identitas_pada, tanggal_acuan
from pegawai.models import Golongan, RiwayatJabatan
from pegawai.tests.factories import JabatanFactory, PegawaiFactory
from penilaian.tests.factories import PeriodeFactory, SkpFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dipindah(org):
    """org.pegawai held Seksi Satu / III/a until 30 June, then Seksi Dua / III/b as Analis."""
    lama = org.pegawai.jabatan
    RiwayatJabatan.objects.create(pegawai=org.pegawai, jenis="DATA_AWAL", jabatan=lama, unit_kerja=org.seksi,
                                  golongan=org.pegawai.golongan, atasan=org.atasan, tmt=date(2026, 1, 1),
                                  tanggal_selesai=date(2026, 6, 30))
    baru = JabatanFactory(nama="Analis Data", jenis="PELAKSANA")
    RiwayatJabatan.objects.create(pegawai=org.pegawai, jenis="MUTASI", jabatan=baru, unit_kerja=org.seksi2,
                                  tmt=date(2026, 7, 1))
    org.pegawai.jabatan, org.pegawai.unit_kerja, org.pegawai.atasan = baru, org.seksi2, org.atasan2
    org.pegawai.golongan = Golongan.objects.get(jenis="PNS", kode="III/b")
    org.pegawai.save()
    return org.pegawai


@pytest.mark.parametrize("tanggal, unit, golongan", [
    (date(2026, 1, 1), "Seksi Satu", "Penata Muda, III/a"),   # first day of the closed row
    (date(2026, 6, 30), "Seksi Satu", "Penata Muda, III/a"),  # last day of the closed row
    (date(2026, 7, 1), "Seksi Dua", "Penata Muda Tingkat I, III/b"),  # the open row: the master data
    (date(2027, 3, 1), "Seksi Dua", "Penata Muda Tingkat I, III/b"),
    (date(2025, 6, 1), "Seksi Dua", "Penata Muda Tingkat I, III/b"),  # before any row, no SKP: master data
])
def test_identitas_pada_reads_the_row_valid_on_the_date(dipindah, tanggal, unit, golongan):
    ident = identitas_pada(dipindah, tanggal)
    assert (ident["unit"], ident["pangkat_golongan"]) == (unit, golongan)
    assert set(ident) == {"id", "nama", "nip", "pangkat_golongan", "jabatan", "unit", "instansi", "status_asn"}


def test_before_the_history_the_skp_own_post_is_used(org, dipindah):
    skp = SkpFactory(pegawai=dipindah, tahun=2025, jabatan=JabatanFactory(nama="Pengadministrasi Umum"),
                     unit_kerja=org.seksi)
    ident = identitas_pada(dipindah, date(2025, 12, 31), skp=skp)
    assert (ident["jabatan"], ident["unit"]) == ("Pengadministrasi Umum", "Seksi Satu")


def test_the_three_parties_as_they_were(org, dipindah, django_assert_num_queries):
    with django_assert_num_queries(2):
        blok = identitas_dokumen_pada(tanggal=date(2026, 5, 1), pegawai_id=dipindah.pk, penilai_id=org.atasan.pk,
                                      atasan_penilai_id=None)
    assert blok["pegawai"]["unit"] == "Seksi Satu" and blok["penilai"]["id"] == org.atasan.pk
    assert blok["atasan_penilai"] == {}


@pytest.mark.parametrize("skp_dates, periode_dates, expected", [
    ((date(2026, 1, 1), date(2026, 6, 30)), None, date(2026, 6, 30)),
    ((date(2026, 1, 1), date(2026, 6, 30)), (date(2026, 1, 1), date(2026, 12, 31)), date(2026, 6, 30)),
    ((date(2026, 1, 1), date(2026, 12, 31)), (date(2026, 4, 1), date(2026, 6, 30)), date(2026, 6, 30)),
    ((date(2026, 7, 1), date(2026, 12, 31)), (date(2026, 7, 1), date(2026, 9, 30)), date(2026, 9, 30)),
])
def test_tanggal_acuan_is_the_last_day_of_the_skp_within_the_period(org, skp_dates, periode_dates, expected):
    skp = SkpFactory(pegawai=org.pegawai, tanggal_mulai=skp_dates[0], tanggal_selesai=skp_dates[1])
    periode = PeriodeFactory(instansi=org.instansi, tanggal_mulai=periode_dates[0], tanggal_selesai=periode_dates[1],
                             batas_pengisian=periode_dates[1]) if periode_dates else None
    assert tanggal_acuan(skp, periode) == expected


def test_data_migration_creates_one_current_row_per_pegawai_once(org):
    migration = importlib.import_module("pegawai.migrations.0006_riwayat_jabatan_data_awal")
    jf = PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan,
                        jabatan=JabatanFactory(nama="Pranata Komputer Mahir", jenis="FUNGSIONAL", jenjang="MAHIR"))
    migration.forwards(apps, None)
    migration.forwards(apps, None)
    rows = RiwayatJabatan.objects.filter(tanggal_selesai__isnull=True)
    assert rows.count() == 8  # the 7 pegawai of build_org() plus the JF, once each
    row = rows.get(pegawai=jf)
    assert (row.jenis, row.jabatan, row.jenjang, row.unit_kerja, row.golongan, row.atasan) == (
        "DATA_AWAL", jf.jabatan, "MAHIR", org.seksi, jf.golongan, org.atasan)
    assert row.tmt.month == 1 and row.tmt.day == 1
