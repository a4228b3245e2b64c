"""Pejabat Penilai Kinerja: "paling rendah pejabat pengawas atau pejabat lain yang diberi pendelegasian
kewenangan" (PermenPANRB 6/2022 Pasal 1; domain.md §1.2, §7.4, §11.1), and the HR pages that record
delegations and non-ASN officials."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja.models import AuditLog
from pegawai.models import DelegasiPenilai, Jabatan, PejabatNonAsn, PenugasanPlt
from pegawai.selectors_pejabat import penilai_di_bawah_pengawas
from pegawai.syarat_penilai import PALING_RENDAH_PENGAWAS, penilai_memenuhi_syarat
from pegawai.tests.factories import JabatanFactory, PegawaiFactory

J = Jabatan.Jenis


@pytest.mark.parametrize("jenis, non_asn, plt, delegasi, boleh", [
    # §7.4: jabatan manajerial down to pengawas qualify on their own
    (J.JPT_UTAMA, False, False, False, True),
    (J.JPT_MADYA, False, False, False, True),
    (J.JPT_PRATAMA, False, False, False, True),
    (J.ADMINISTRATOR, False, False, False, True),
    (J.PENGAWAS, False, False, False, True),
    # below pengawas: only with a recorded delegation (Pasal 1) or deciding in an acting post (§7.5)
    (J.FUNGSIONAL, False, False, False, False),
    (J.PELAKSANA, False, False, False, False),
    (J.FUNGSIONAL, False, False, True, True),
    (J.PELAKSANA, False, False, True, True),
    (J.PELAKSANA, False, True, False, True),
    # no jabatan recorded: treated as below pengawas
    ("", False, False, False, False),
    (None, False, False, False, False),
    # a non-ASN official at the top (Kepala Daerah, Menteri; §11.1)
    ("", True, False, False, True),
])
def test_penilai_memenuhi_syarat(jenis, non_asn, plt, delegasi, boleh):
    assert penilai_memenuhi_syarat(jenis_jabatan=jenis, non_asn=non_asn, plt=plt, delegasi=delegasi) is boleh


def test_the_levels_are_jabatan_choices():
    assert PALING_RENDAH_PENGAWAS <= set(J.values)
    assert set(J.values) - PALING_RENDAH_PENGAWAS == {J.FUNGSIONAL, J.PELAKSANA}


@pytest.mark.django_db
def test_selector_honours_delegation_plt_and_dates(org, django_assert_max_num_queries):
    today = timezone.localdate()
    jf = [PegawaiFactory(unit_kerja=org.seksi, jabatan=JabatanFactory(nama=f"Analis {i}", jenis="FUNGSIONAL",
                                                                      jenjang="AHLI_MUDA")) for i in range(4)]
    DelegasiPenilai.objects.create(instansi=org.instansi, pegawai=jf[0], dasar="SK Bupati", nomor_sk="1",
                                   tanggal_mulai=today - timedelta(days=5))
    DelegasiPenilai.objects.create(instansi=org.instansi, pegawai=jf[1], dasar="SK Bupati", nomor_sk="2",
                                   tanggal_mulai=today - timedelta(days=30), tanggal_selesai=today - timedelta(days=1))
    DelegasiPenilai.objects.create(instansi=org.other_instansi, pegawai=jf[2], dasar="SK lain", nomor_sk="3",
                                   tanggal_mulai=today - timedelta(days=5))
    PenugasanPlt.objects.create(pegawai=jf[3], unit_kerja=org.seksi2, tanggal_mulai=today)
    with django_assert_max_num_queries(2):
        lemah = penilai_di_bawah_pengawas([*jf, org.atasan, org.kabid, None])
    assert lemah == {jf[1].pk, jf[2].pk}  # expired; recorded by another instansi


@pytest.mark.django_db
def test_hr_sees_the_warning_on_the_pegawai_page_until_a_delegation_is_recorded(client, org):
    jf = PegawaiFactory(unit_kerja=org.seksi, jabatan=JabatanFactory(nama="Pranata Komputer", jenis="FUNGSIONAL",
                                                                     jenjang="AHLI_MUDA"))
    org.pegawai.atasan = jf
    org.pegawai.save()
    client.force_login(org.hr)
    url = reverse("pegawai:detail", args=[org.pegawai.pk])
    assert 'id="peringatan-penilai"' in client.get(url).content.decode()
    r = client.post(reverse("pegawai:delegasi-list"), {
        "nip": jf.nip, "dasar": "Keputusan Bupati", "nomor_sk": "800/1/2026",
        "tanggal_mulai": timezone.localdate().isoformat(), "tanggal_selesai": ""})
    assert r.status_code == 302
    assert DelegasiPenilai.objects.filter(pegawai=jf, instansi=org.instansi).exists()
    assert AuditLog.objects.filter(aksi="delegasi_penilai.created").exists()
    assert 'id="peringatan-penilai"' not in client.get(url).content.decode()


@pytest.mark.django_db
def test_monitoring_lists_skp_with_a_penilai_below_pengawas(client, org):
    from penilaian.tests.factories import SkpFactory

    jf = PegawaiFactory(unit_kerja=org.seksi, jabatan=JabatanFactory(nama="Analis", jenis="FUNGSIONAL",
                                                                     jenjang="AHLI_MUDA"))
    skp = SkpFactory(pegawai=org.pegawai, pejabat_penilai=jf, tahun=timezone.localdate().year)
    SkpFactory(pegawai=org.rekan, tahun=timezone.localdate().year)  # penilai: the kepala seksi
    client.force_login(org.hr)
    page = client.get(reverse("penilaian:skp-monitoring")).content.decode()
    bagian = page.split('id="penilai-di-bawah-pengawas"', 1)[1].split("</ul>", 1)[0]
    assert org.pegawai.nama_lengkap in bagian and org.rekan.nama_lengkap not in bagian
    detail = client.get(reverse("penilaian:skp-detail", args=[skp.pk])).content.decode()
    assert 'id="peringatan-penilai"' in detail
    client.force_login(org.pegawai.user)  # the warning is HR's
    assert 'id="peringatan-penilai"' not in client.get(reverse("penilaian:skp-detail", args=[skp.pk])).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("data, pesan", [
    ({"nip": "199001012015031999"}, "tidak ditemukan"),
    ({"tanggal_selesai": "2000-01-01"}, "tidak boleh sebelum"),
    ({"nomor_sk": ""}, "Bidang ini harus diisi"),
])
def test_bad_delegation_is_refused_with_a_message(client, org, data, pesan):
    client.force_login(org.hr)
    base = {"nip": org.rekan.nip, "dasar": "SK", "nomor_sk": "1", "tanggal_mulai": timezone.localdate().isoformat(),
            "tanggal_selesai": ""}
    r = client.post(reverse("pegawai:delegasi-list"), {**base, **data})
    assert r.status_code == 200 and pesan in r.content.decode()
    assert not DelegasiPenilai.objects.exists()


@pytest.mark.django_db
def test_ending_a_delegation_and_other_instansi_gets_404(client, org):
    d = DelegasiPenilai.objects.create(instansi=org.instansi, pegawai=org.rekan, dasar="SK", nomor_sk="1",
                                       tanggal_mulai=timezone.localdate() - timedelta(days=3))
    client.force_login(org.hr_other)
    assert client.post(reverse("pegawai:delegasi-end", args=[d.pk])).status_code == 404
    client.force_login(org.hr)
    client.post(reverse("pegawai:delegasi-end", args=[d.pk]))
    d.refresh_from_db()
    assert d.tanggal_selesai == timezone.localdate()


@pytest.mark.django_db
def test_hr_manages_non_asn_officials_of_its_instansi(client, org):
    client.force_login(org.hr)
    url = reverse("pegawai:pejabat-list")
    assert "Belum ada pejabat non-ASN" in client.get(url).content.decode()
    r = client.post(url, {"nama": "H. Arif Santoso", "jabatan": "Bupati Sukamaju", "aktif": "on"})
    assert r.status_code == 302
    pejabat = PejabatNonAsn.objects.get()
    assert pejabat.instansi == org.instansi and pejabat.aktif
    r = client.post(reverse("pegawai:pejabat-update", args=[pejabat.pk]),
                    {"nama": "H. Arif Santoso", "jabatan": "Bupati Sukamaju"})
    pejabat.refresh_from_db()
    assert r.status_code == 302 and not pejabat.aktif
    assert "Bupati Sukamaju" in client.get(url).content.decode()
    assert client.post(url, {"nama": "", "jabatan": ""}).status_code == 200
    assert PejabatNonAsn.objects.count() == 1
    client.force_login(org.hr_other)
    assert client.get(reverse("pegawai:pejabat-update", args=[pejabat.pk])).status_code == 404
    assert "Bupati Sukamaju" not in client.get(url).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["pegawai:pejabat-list", "pegawai:delegasi-list"])
@pytest.mark.parametrize("actor", ["pegawai", "atasan"])
def test_only_hr_opens_the_pages(client, org, name, actor):
    client.force_login(getattr(org, actor).user)
    assert client.get(reverse(name)).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["pegawai:pejabat-list", "pegawai:delegasi-list", "penilaian:skp-non-asn-antrian"])
def test_new_lists_use_a_constant_number_of_queries(client, org, name, django_assert_max_num_queries):
    from penilaian.models import Skp
    from penilaian.tests.factories import SkpFactory

    client.force_login(org.hr)
    url = reverse(name)

    def tambah(n):
        for _ in range(n):
            p = PegawaiFactory(unit_kerja=org.seksi, atasan=None)
            pejabat = PejabatNonAsn.objects.create(instansi=org.instansi, nama="Pejabat", jabatan="Bupati")
            DelegasiPenilai.objects.create(instansi=org.instansi, pegawai=p, dasar="SK", nomor_sk="1",
                                           tanggal_mulai=timezone.localdate())
            SkpFactory(pegawai=p, pejabat_penilai=None, pejabat_penilai_non_asn=pejabat, status=Skp.Status.DIAJUKAN,
                       tahun=timezone.localdate().year)

    tambah(1)
    client.get(url)
    with django_assert_max_num_queries(30) as ctx:
        client.get(url)
    sedikit = len(ctx.captured_queries)
    tambah(6)
    with django_assert_max_num_queries(sedikit):
        assert client.get(url).status_code == 200
