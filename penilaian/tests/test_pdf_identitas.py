"""Every document prints the same identity block, frozen in one shape (domain.md §1.3, §3.5, §7.3, §7.6).

Before issue 13 the evaluation PDFs printed "PANGKAT/GOL RUANG: -" for a PPPK and "Penata" without "III/c".
"""
import importlib

import pytest
from django.apps import apps

from notifikasi.tests.helpers import periode
from pegawai.identitas import identitas_pegawai
from pegawai.models import Golongan
from pegawai.tests.factories import PegawaiFactory, make_nip
from penilaian import pdf
from penilaian.evaluasi import services as evaluasi
from penilaian.models import Skp
from penilaian.skp import services as skp_services
from penilaian.tests.evaluasi_helpers import penilaian_untuk, periode_terbuka
from penilaian.tests.factories import siapkan_urutan
from penilaian.tests.test_pdf import teks

pytestmark = pytest.mark.django_db
KUNCI = ("nama", "nip", "pangkat_golongan", "jabatan", "unit")


@pytest.fixture
def pppk_final(org):
    """A PPPK (golongan IX) rated by a PNS penilai in III/c: both snapshots frozen by the real services."""
    org.atasan.golongan = Golongan.objects.get(jenis="PNS", kode="III/c")
    org.atasan.save()
    pppk = PegawaiFactory(
        nip=make_nip(pppk=True),
        status="PPPK",
        golongan=Golongan.objects.get(jenis="PPPK", kode="IX"),
        unit_kerja=org.seksi,
        atasan=org.atasan,
    )
    p = penilaian_untuk(pppk, periode_terbuka(org.instansi), status="DIAJUKAN")
    siapkan_urutan(p)
    Skp.objects.filter(pk=p.skp_id).update(snapshot=skp_services.snapshot_of(p.skp))
    evaluasi.penilaian_finalize(
        penilaian=p, versi=p.versi, oleh=org.atasan.user, rating_hasil="SESUAI", rating_perilaku="SESUAI"
    )
    p.refresh_from_db()
    return pppk, p


def test_pppk_prints_its_golongan_and_a_pns_penilai_pangkat_and_golongan(org, pppk_final):
    _, p = pppk_final
    dua_kolom = "3 PANGKAT/GOL. RUANG IX 3 PANGKAT/GOL. RUANG Penata, III/c"
    assert dua_kolom in teks(pdf.render_skp(p.skp))
    assert dua_kolom in teks(pdf.render_penilaian(p))
    dokumen = teks(pdf.render_dokumen_evaluasi(p))
    assert "PANGKAT/GOL. RUANG : IX" in dokumen and "PANGKAT/GOL. RUANG : Penata, III/c" in dokumen
    assert "PANGKAT/GOL. RUANG : -" not in dokumen


def test_skp_evaluation_and_dokumen_evaluasi_print_the_same_identity_block(org, pppk_final):
    pppk, p = pppk_final
    assert p.snapshot["pegawai"] == p.skp.snapshot["pegawai"] == identitas_pegawai(pppk)  # one shape, frozen twice
    orang = [identitas_pegawai(pppk), identitas_pegawai(org.atasan)]
    for dokumen in (pdf.render_skp(p.skp), pdf.render_penilaian(p), pdf.render_dokumen_evaluasi(p)):
        t = teks(dokumen)
        for o in orang:
            for kunci in KUNCI:
                assert o[kunci] in t, (kunci, o[kunci])


def test_snapshots_frozen_in_the_old_shapes_are_converted_and_still_print(org):
    """Data migration 0006: the old SKP shape ("Golongan IX" in pangkat) and the old evaluation shape
    (pangkat and golongan apart, pangkat empty for a PPPK) both become pangkat_golongan."""
    migrasi = importlib.import_module("penilaian.migrations.0008_identitas_satu_bentuk")
    pppk = PegawaiFactory(
        nip=make_nip(pppk=True),
        status="PPPK",
        golongan=Golongan.objects.get(jenis="PPPK", kode="IX"),
        unit_kerja=org.seksi,
        atasan=org.atasan,
    )
    p = penilaian_untuk(pppk, periode(org, nama="Akhir", jenis="TAHUNAN"), status="FINAL")
    lama_skp = {
        "id": pppk.pk,
        "nama": "Nama Lama",
        "nip": pppk.nip,
        "pangkat": "Golongan IX",
        "jabatan": "Analis",
        "unit_kerja": "Seksi Lama",
    }
    Skp.objects.filter(pk=p.skp_id).update(
        snapshot={
            "pegawai": lama_skp,
            "penilai": {
                "nama": "Penilai Lama",
                "nip": org.atasan.nip,
                "pangkat": "Penata, III/c",
                "jabatan": "Kepala Seksi",
                "unit_kerja": "Seksi Lama",
            },
        }
    )
    p.snapshot = {
        "pegawai": {
            "id": pppk.pk,
            "nama": "Nama Lama",
            "nip": pppk.nip,
            "golongan": "IX",
            "pangkat": "",
            "jabatan": "Analis",
            "unit_kerja": "Seksi Lama",
        },
        "penilai": {
            "nama": "Penilai Lama",
            "nip": org.atasan.nip,
            "golongan": "III/c",
            "pangkat": "Penata",
            "jabatan": "Kepala Seksi",
            "unit_kerja": "Seksi Lama",
        },
        "jabatan": "Analis",
        "golongan": "IX",
        "unit_kerja": "Seksi Lama",
    }
    p.save()
    migrasi.forwards(apps, None)
    p.refresh_from_db()
    p.skp.refresh_from_db()
    baru = {
        "id": pppk.pk,
        "nama": "Nama Lama",
        "nip": pppk.nip,
        "pangkat_golongan": "IX",
        "jabatan": "Analis",
        "unit": "Seksi Lama",
        "instansi": org.instansi.nama,
    }
    assert p.skp.snapshot["pegawai"] == p.snapshot["pegawai"] == baru
    assert p.skp.snapshot["penilai"]["pangkat_golongan"] == p.snapshot["penilai"]["pangkat_golongan"] == "Penata, III/c"
    assert set(p.snapshot) == {"pegawai", "penilai"}
    dokumen = teks(pdf.render_dokumen_evaluasi(p))
    assert "PANGKAT/GOL. RUANG : IX" in dokumen and "UNIT KERJA : Seksi Lama" in dokumen
    assert "PANGKAT/GOL. RUANG : Penata, III/c" in dokumen
    migrasi.forwards(apps, None)  # running twice changes nothing
    p.refresh_from_db()
    assert p.snapshot["pegawai"] == baru
