"""PPPK Paruh Waktu follows the PPPK rules: NIP format, golongan without pangkat (domain.md §7.2, §7.6, §11.1);
its pages link to the perjanjian kerja; the instansi's periods give it quarterly and annual evaluation."""
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from kontrak.rules import akhir_satu_tahun
from kontrak.selectors import periode_pppk_pw_kurang
from kontrak.tests.factories import PerjanjianFactory, pppk
from pegawai.identitas import pangkat_golongan
from pegawai.models import Golongan, Pegawai
from pegawai.nip import golongan_jenis_untuk, ketidaksesuaian, parse_nip
from pegawai.tests.factories import PegawaiFactory, login_as, make_nip
from penilaian.evaluasi.periode import periode_create_standard_set
from penilaian.models import Periode, Skp

NIP_PPPK = "200012312024211001"
NIP_PNS = "198505172010031001"

# (status, NIP, golongan family, error fields)
TABEL = [
    ("PPPK_PW", NIP_PPPK, "PPPK", set()),
    ("PPPK", NIP_PPPK, "PPPK", set()),
    ("PPPK_PW", NIP_PNS, "PPPK", {"status"}),
    ("PPPK_PW", NIP_PPPK, "PNS", {"golongan"}),
    ("PNS", NIP_PPPK, "PNS", {"status"}),
]


@pytest.mark.parametrize(("status", "nip", "gol", "salah"), TABEL)
def test_pppk_paruh_waktu_mengikuti_aturan_pppk(status, nip, gol, salah):
    errors = ketidaksesuaian(parse_nip(nip), status=status, golongan_jenis=gol, golongan_kode="V")
    assert set(errors) == salah


def test_golongan_dan_status_pppk():
    assert golongan_jenis_untuk("PPPK_PW") == golongan_jenis_untuk("PPPK") == "PPPK"
    assert Pegawai(status="PPPK_PW").is_pppk and Pegawai(status="PPPK").is_pppk and not Pegawai(status="PNS").is_pppk


@pytest.mark.django_db
def test_model_menolak_nip_pns_untuk_pppk_paruh_waktu(org):
    p = PegawaiFactory.build(nip=make_nip(), status="PPPK_PW", unit_kerja=org.seksi, jabatan=None, user=None,
                             golongan=Golongan.objects.get(jenis="PPPK", kode="V"))
    with pytest.raises(ValidationError) as exc:
        p.full_clean()
    assert "status" in exc.value.message_dict
    p = pppk(unit_kerja=org.seksi)
    p.full_clean()
    assert p.get_status_display() == "PPPK Paruh Waktu" and pangkat_golongan(p.golongan) == "V"


@pytest.mark.django_db
def test_halaman_pegawai_menautkan_perjanjian_kerja(client, org, pw):
    login_as(client, org, "hr")
    html = client.get(reverse("pegawai:detail", args=[pw.pk])).content.decode()
    assert reverse("kontrak:pegawai", args=[pw.pk]) in html
    html = client.get(reverse("pegawai:detail", args=[org.pegawai.pk])).content.decode()
    assert 'id="tautan-perjanjian-kerja"' not in html


@pytest.mark.django_db
def test_periode_triwulan_dan_akhir_untuk_pppk_paruh_waktu(client, org, pw):
    tahun = timezone.localdate().year
    assert periode_pppk_pw_kurang(org.instansi.pk, tahun) == ["Triwulanan", "Tahunan (akhir)"]
    login_as(client, org, "hr")
    assert 'id="periode-kurang"' in client.get(reverse("kontrak:berakhir")).content.decode()
    periode_create_standard_set(instansi=org.instansi, tahun=tahun, jenis=Periode.Jenis.TRIWULANAN, oleh=None)
    assert periode_pppk_pw_kurang(org.instansi.pk, tahun) == []
    assert 'id="periode-kurang"' not in client.get(reverse("kontrak:berakhir")).content.decode()


@pytest.mark.django_db
def test_formulir_skp_menolak_periode_di_luar_kontrak(client, pw):
    tahun = timezone.localdate().year
    PerjanjianFactory(pegawai=pw, nomor="PK-X", tanggal_mulai=date(tahun, 3, 1),
                      tanggal_selesai=akhir_satu_tahun(date(tahun, 3, 1)))
    client.force_login(pw.user)
    data = {"tahun": tahun, "tanggal_mulai": f"{tahun}-01-01", "tanggal_selesai": f"{tahun}-12-31",
            "pendekatan": "KUANTITATIF"}
    r = client.post(reverse("penilaian:skp-create"), data)
    assert r.status_code == 200 and "harus berada di dalam perjanjian kerja PK-X" in r.content.decode()
    assert not Skp.objects.filter(pegawai=pw).exists()
    data["tanggal_mulai"] = f"{tahun}-03-01"
    assert client.post(reverse("penilaian:skp-create"), data).status_code == 302
    assert Skp.objects.filter(pegawai=pw, tanggal_mulai=date(tahun, 3, 1)).exists()
