"""The stored JP per pegawai and year (``RekapJp``) always equals the live aggregate (``with_jp``): after
real service calls, after a contract year moves overnight, and after a bulk rebuild."""
from datetime import date

import pytest
from django.core.management import call_command

from kontrak.services import perjanjian_cancel, perjanjian_create
from kontrak.tests.factories import pppk
from pegawai.models import Pegawai
from pegawai.tests.factories import PegawaiFactory
from pelatihan import services
from pelatihan.models import RekapJp, RiwayatPengembangan, RumpunKompetensi
from pelatihan.rekap import rekap_jp_rebuild, rekap_jp_refresh
from pelatihan.selectors import with_jp, with_jp_rekap

from .factories import RiwayatFactory, jenis, pdf_upload

pytestmark = pytest.mark.django_db
TAHUN = (2024, 2025, 2026)


def _sama(org, ids):
    """Stored and live JP agree for every pegawai and year (the live query is the rule, jp_kontrak.py)."""
    for tahun in TAHUN:
        qs = Pegawai.objects.filter(pk__in=ids).order_by("pk")
        assert list(with_jp_rekap(qs, tahun).values_list("pk", "jp")) == list(
            with_jp(qs, tahun).values_list("pk", "jp")), tahun


def _ajukan(p, selesai, jp):
    j = jenis()
    data = {"nama_kegiatan": "Bimtek", "penyelenggara": "BKPSDM", "jalur": j.jalur, "bentuk": j.bentuk, "jenis": j,
            "rumpun": RumpunKompetensi.objects.get(kode="TEKNIS"), "tanggal_mulai": selesai,
            "tanggal_selesai": selesai, "jp": jp}
    return services.riwayat_create(pegawai=p, data=data, berkas=pdf_upload(), oleh=p.user)


def test_rekap_sama_dengan_hitungan_langsung_setelah_layanan(org, time_machine):
    time_machine.move_to(date(2026, 4, 1))
    pw = pppk(unit_kerja=org.seksi)
    pns = org.rekan
    ids = [pw.pk, pns.pk, org.pegawai.pk]
    # A contract year straddling two calendar years: a 2026 record also counts for 2025's contract year.
    k = perjanjian_create(pegawai=pw, nomor="PK-1", tanggal_mulai=date(2025, 7, 1), tanggal_selesai=date(2026, 6, 30),
                          target_kinerja="Target", oleh=org.hr)
    langkah = [(pw, date(2025, 11, 14), 16, "verify"), (pw, date(2026, 3, 4), 10, "verify"),
               (pw, date(2025, 6, 20), 6, "verify"), (pns, date(2026, 2, 2), 12, "verify"),
               (pns, date(2026, 2, 9), 20, "reject"), (pns, date(2025, 2, 9), 4, "verify"),
               (org.pegawai, date(2026, 1, 5), 8, "delete"), (org.pegawai, date(2026, 1, 6), 9, None)]
    for p, selesai, jp, aksi in langkah:
        r = _ajukan(p, selesai, jp)
        if aksi == "verify":
            services.riwayat_verify(riwayat=r, oleh=org.hr)
        elif aksi == "reject":
            services.riwayat_reject(riwayat=r, oleh=org.hr, alasan="Sertifikat tidak terbaca")
        elif aksi == "delete":
            services.riwayat_delete(riwayat=r, oleh=p.user)
        _sama(org, ids)
    assert RekapJp.objects.get(pegawai=pw, tahun=2026).jp_kontrak == 26  # Nov 2025 + Mar 2026
    assert with_jp_rekap(Pegawai.objects.filter(pk=pw.pk), 2025).get().jp == 26
    assert RekapJp.objects.get(pegawai=pns, tahun=2026).n_kegiatan == 1  # the rejected one does not count
    assert not RekapJp.objects.filter(pegawai=org.pegawai).exists()  # nothing verified: no row, 0 JP
    perjanjian_cancel(perjanjian=k, alasan="Salah catat", oleh=org.hr)
    _sama(org, ids)
    assert with_jp_rekap(Pegawai.objects.filter(pk=pw.pk), 2026).get().jp == 10  # calendar year again


def test_verifikasi_massal_memperbarui_rekap(org, time_machine):
    time_machine.move_to(date(2026, 4, 1))
    rows = [_ajukan(p, date(2026, 3, d), 7) for p in (org.pegawai, org.rekan) for d in (2, 3)]
    assert services.riwayat_verify_bulk(riwayat_list=rows, oleh=org.hr) == 4
    _sama(org, [org.pegawai.pk, org.rekan.pk])
    assert RekapJp.objects.get(pegawai=org.rekan, tahun=2026).jp_kalender == 14


def test_tahun_kontrak_berganti_disegarkan_tugas_harian(org, time_machine):
    time_machine.move_to(date(2026, 4, 1))
    pw = pppk(unit_kerja=org.seksi)
    for mulai, selesai in [(date(2025, 7, 1), date(2026, 6, 30)), (date(2026, 7, 1), date(2027, 6, 30))]:
        perjanjian_create(pegawai=pw, nomor=f"PK-{mulai.year}", tanggal_mulai=mulai, tanggal_selesai=selesai,
                          target_kinerja="Target", oleh=org.hr)
    for selesai, jp in [(date(2025, 11, 14), 16), (date(2026, 3, 4), 10)]:
        RiwayatFactory(pegawai=pw, tanggal_mulai=selesai, tanggal_selesai=selesai, jp=jp,
                       status=RiwayatPengembangan.Status.DIVERIFIKASI)
    assert with_jp_rekap(Pegawai.objects.filter(pk=pw.pk), 2026).get().jp == 26
    time_machine.move_to(date(2026, 7, 2))  # the renewal's contract year: nothing verified in it yet
    assert rekap_jp_refresh() == 1
    _sama(org, [pw.pk])
    assert with_jp_rekap(Pegawai.objects.filter(pk=pw.pk), 2026).get().jp == 0
    assert rekap_jp_refresh() == 0  # up to date: nothing to do the second time


def test_rebuild_setelah_isian_massal(org, time_machine):
    time_machine.move_to(date(2026, 4, 1))
    ps = [PegawaiFactory(unit_kerja=org.seksi) for _ in range(4)]
    RiwayatPengembangan.objects.bulk_create([  # a bulk path: no service, no factory hook
        RiwayatFactory.build(pegawai=p, jp=5 + i, status=RiwayatPengembangan.Status.DIVERIFIKASI)
        for i, p in enumerate(ps)])
    assert not RekapJp.objects.filter(pegawai__in=ps).exists()
    call_command("rekap_jp", instansi=org.instansi.pk, stdout=open("/dev/null", "w"))
    _sama(org, [p.pk for p in ps])
    assert rekap_jp_rebuild() == RekapJp.objects.count()
