"""HR's Monitoring SKP at agency scale (issue 18): the two counts come from the summary rows and equal the
live counts, for the instansi and for a unit; the list of those without an SKP reads only the units that
have someone; the penilai-below-pengawas warning counts and lists the same SKPs as the rule; and the page's
queries do not grow with the instansi."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pegawai.models import DelegasiPenilai, Pegawai, PenugasanPlt
from pegawai.tests.factories import JabatanFactory, PegawaiFactory
from penilaian.models import Skp
from penilaian.tests.factories import SkpFactory

pytestmark = pytest.mark.django_db
URL = "penilaian:skp-monitoring"


def _tahun():
    return timezone.localdate().year


def _jf(org, unit=None):
    return PegawaiFactory(unit_kerja=unit or org.seksi, atasan=org.atasan,
                          jabatan=JabatanFactory(nama="Analis", jenis="FUNGSIONAL", jenjang="AHLI_MUDA"))


def _isi(org, n):
    """``n`` more staff in each seksi: a third without an SKP, a third waiting, a third appraised by a JF."""
    jf = _jf(org)
    for i in range(n):
        for unit, atasan in ((org.seksi, org.atasan), (org.seksi2, org.atasan2)):
            p = PegawaiFactory(unit_kerja=unit, atasan=atasan)
            if i % 3 == 1:
                SkpFactory(pegawai=p, tahun=_tahun(), status=Skp.Status.DIAJUKAN, pejabat_penilai=atasan)
            elif i % 3 == 2:
                SkpFactory(pegawai=p, tahun=_tahun(), pejabat_penilai=jf)
    return jf


def _hidup(org, unit_ids):
    aktif = Pegawai.objects.filter(unit_kerja_id__in=unit_ids, aktif=True)
    tahun = Skp.objects.filter(tahun=_tahun(), pegawai__unit_kerja_id__in=unit_ids)
    return (aktif.exclude(skp__tahun=_tahun()).count(), tahun.filter(status=Skp.Status.DIAJUKAN).count())


def test_jumlah_dari_ringkasan_sama_dengan_hitungan_langsung(client, org):
    _isi(org, 6)
    client.force_login(org.hr)
    r = client.get(reverse(URL))
    semua = [org.bidang.pk, org.seksi.pk, org.seksi2.pk]
    assert (r.context["n_tanpa"], r.context["n_menunggu"]) == _hidup(org, semua) != (0, 0)
    assert {p.pk for p in r.context["tanpa"]} == set(
        Pegawai.objects.filter(unit_kerja_id__in=semua, aktif=True).exclude(skp__tahun=_tahun())
        .values_list("pk", flat=True))
    assert org.asing not in list(r.context["tanpa"])  # another instansi
    r = client.get(reverse(URL), {"unit": org.seksi2.pk})
    assert (r.context["n_tanpa"], r.context["n_menunggu"]) == _hidup(org, [org.seksi2.pk])
    assert {p.unit_kerja_id for p in r.context["tanpa"]} == {org.seksi2.pk}
    assert all(s.pegawai.unit_kerja_id == org.seksi2.pk for s in r.context["menunggu"])


def test_tanpa_daftar_bila_semua_sudah_ber_skp(client, org):
    for p in Pegawai.objects.filter(unit_kerja__instansi=org.instansi):
        SkpFactory(pegawai=p, tahun=_tahun())
    client.force_login(org.hr)
    r = client.get(reverse(URL))
    assert r.context["n_tanpa"] == 0 and list(r.context["tanpa"]) == []
    assert "Semua pegawai sudah memiliki SKP." in r.content.decode()


def test_penilai_di_bawah_pengawas_dihitung_dan_dikecualikan(client, org):
    jf = _isi(org, 6)
    lain = _jf(org, org.seksi2)
    s_lain = SkpFactory(pegawai=org.lain, tahun=_tahun(), pejabat_penilai=lain)
    client.force_login(org.hr)
    r = client.get(reverse(URL))
    milik_jf = set(Skp.objects.filter(pejabat_penilai=jf, tahun=_tahun()).values_list("pk", flat=True))
    assert r.context["n_lemah"] == len(milik_jf) + 1 == 5
    assert {s.pk for s in r.context["lemah"]} == milik_jf | {s_lain.pk}
    nama = [s.pegawai.nama for s in r.context["lemah"]]
    assert nama == sorted(nama)
    hari_ini = timezone.localdate()
    # A delegation recorded by another instansi does not count; one by its own does, and so does a Plt post.
    DelegasiPenilai.objects.create(instansi=org.other_instansi, pegawai=jf, dasar="SK", nomor_sk="1",
                                   tanggal_mulai=hari_ini)
    assert client.get(reverse(URL)).context["n_lemah"] == 5
    DelegasiPenilai.objects.create(instansi=org.instansi, pegawai=jf, dasar="SK", nomor_sk="2",
                                   tanggal_mulai=hari_ini - timedelta(days=3))
    PenugasanPlt.objects.create(pegawai=lain, unit_kerja=org.seksi2, tanggal_mulai=hari_ini)
    r = client.get(reverse(URL))
    assert r.context["n_lemah"] == 0 and list(r.context["lemah"]) == []


@pytest.mark.parametrize("n", [3, 30])
def test_kueri_tidak_tumbuh_dengan_instansi(client, org, django_assert_max_num_queries, n):
    _isi(org, n)
    client.force_login(org.hr)
    client.get(reverse(URL))  # builds the year's summary rows once
    # 15 and the session row (the test's sessions live in the database; the cached session of a
    # deployment is not a query). Every list is shown here: nothing is skipped for being empty.
    with django_assert_max_num_queries(16):
        r = client.get(reverse(URL))
    assert r.status_code == 200 and r.context["n_lemah"] and r.context["n_menunggu"] and r.context["n_tanpa"]
