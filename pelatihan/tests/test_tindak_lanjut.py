"""Follow-up of the annual predikat (domain.md §5.2) in pelatihan: automatic plan, talent marks, AK page.

The rule itself (and its table tests) is ``penilaian/tindak_lanjut.py`` / ``penilaian/tests/test_tindak_lanjut.py``."""
from unittest import mock

import pytest

from pelatihan.models import ItemRencana, RencanaPengembangan
from pelatihan.selectors import penanda_per_pegawai
from pelatihan.services import tindak_lanjut_predikat_tahunan
from penilaian.evaluasi.selectors import predikat_tahunan
from penilaian.models import Penilaian, Periode
from penilaian.predikat import Predikat
from penilaian.predikat import Rating as R
from penilaian.tests.factories import PenilaianFactory, PeriodeFactory
from penilaian.tindak_lanjut import Kategori

SB, B, BP, K, SK = (Predikat.SANGAT_BAIK, Predikat.BAIK, Predikat.BUTUH_PERBAIKAN, Predikat.KURANG,
                    Predikat.SANGAT_KURANG)
# One (rating hasil, rating perilaku) that gives each predikat (domain.md §3.4).
RATINGS = {SB: (R.DI_ATAS, R.DI_ATAS), B: (R.SESUAI, R.SESUAI), BP: (R.DI_BAWAH, R.SESUAI),
           K: (R.SESUAI, R.DI_BAWAH), SK: (R.DI_BAWAH, R.DI_BAWAH)}


def _tahunan(pegawai, tahun, predikat, status=Penilaian.Status.FINAL, **kw):
    """The annual evaluation of ``tahun``: finalised through the real service when ``status`` is FINAL."""
    periode = PeriodeFactory(instansi=pegawai.unit_kerja.instansi, tahun=tahun, jenis=Periode.Jenis.TAHUNAN,
                             nama=f"Akhir {tahun}-{pegawai.pk}")
    if status == Penilaian.Status.FINAL:
        hasil, perilaku = kw.pop("rating_hasil", None), kw.pop("rating_perilaku", None)
        if hasil is None:
            hasil, perilaku = RATINGS[predikat]
        p = PenilaianFactory(skp__pegawai=pegawai, skp__tahun=tahun, periode=periode, final=True, hasil=hasil,
                             perilaku=perilaku, **kw)
        assert p.predikat == predikat
        return p
    return PenilaianFactory(skp__pegawai=pegawai, skp__tahun=tahun, periode=periode, predikat=predikat,
                            status=status, penilai=pegawai.atasan, **kw)


@pytest.fixture
def notify():
    with mock.patch("notifikasi.services.notify") as m:
        yield m


def test_predikat_rendah_membuat_rencana_tahun_berikutnya_dan_memberi_tahu_atasan(
    org, notify, django_capture_on_commit_callbacks
):
    p = _tahunan(org.pegawai, 2026, BP, rating_hasil=R.DI_BAWAH, rating_perilaku=R.SESUAI)
    with django_capture_on_commit_callbacks(execute=True):
        rencana = tindak_lanjut_predikat_tahunan(penilaian=p, oleh=org.atasan.user)
    assert rencana.pegawai == org.pegawai and rencana.tahun == 2027
    assert rencana.sumber == RencanaPengembangan.Sumber.OTOMATIS
    item = rencana.items.get()
    assert item.area == ItemRencana.Area.HASIL and item.rumpun.kode == "TEKNIS" and item.target_jp == 20
    assert notify.call_count == 1
    assert notify.call_args.kwargs["penerima"] == org.atasan.user
    assert "/pelatihan/rencana/" in notify.call_args.kwargs["url"]


def test_tindak_lanjut_idempoten(org, notify, django_capture_on_commit_callbacks):
    p = _tahunan(org.pegawai, 2026, K, rating_hasil=R.SESUAI, rating_perilaku=R.DI_BAWAH)
    with django_capture_on_commit_callbacks(execute=True):
        tindak_lanjut_predikat_tahunan(penilaian=p)
        tindak_lanjut_predikat_tahunan(penilaian=p)
    assert RencanaPengembangan.objects.filter(pegawai=org.pegawai).count() == 1
    assert list(ItemRencana.objects.values_list("area", flat=True)) == [ItemRencana.Area.PERILAKU]
    assert notify.call_count == 1


def test_sangat_kurang_mengusulkan_dua_area(org, notify):
    p = _tahunan(org.pegawai, 2026, SK, rating_hasil=R.DI_BAWAH, rating_perilaku=R.DI_BAWAH)
    rencana = tindak_lanjut_predikat_tahunan(penilaian=p)
    assert set(rencana.items.values_list("area", flat=True)) == {ItemRencana.Area.HASIL, ItemRencana.Area.PERILAKU}


@pytest.mark.parametrize("predikat", [SB, B])
def test_predikat_baik_tidak_membuat_rencana(org, notify, predikat):
    p = _tahunan(org.pegawai, 2026, predikat)
    assert tindak_lanjut_predikat_tahunan(penilaian=p) is None
    assert not RencanaPengembangan.objects.exists()
    notify.assert_not_called()


def test_bukan_tahunan_atau_belum_final_diabaikan(org, notify):
    triwulan = PenilaianFactory(skp__pegawai=org.pegawai, final=True, hasil=R.DI_BAWAH, perilaku=R.SESUAI)
    assert triwulan.predikat == BP
    draft = _tahunan(org.pegawai, 2026, BP, status=Penilaian.Status.DINILAI)
    assert tindak_lanjut_predikat_tahunan(penilaian=triwulan) is None
    assert tindak_lanjut_predikat_tahunan(penilaian=draft) is None
    assert not RencanaPengembangan.objects.exists()


def test_predikat_naik_setelah_keberatan_membatalkan_usulan(org, notify):
    p = _tahunan(org.pegawai, 2026, BP, rating_hasil=R.DI_BAWAH, rating_perilaku=R.SESUAI)
    tindak_lanjut_predikat_tahunan(penilaian=p)
    p.predikat, p.status = B, Penilaian.Status.DIPUTUS
    p.save()
    tindak_lanjut_predikat_tahunan(penilaian=p)
    assert ItemRencana.objects.get().status == ItemRencana.Status.BATAL


def test_penanda_dari_penilaian_tahunan_final(org):
    _tahunan(org.pegawai, 2025, SB, status=Penilaian.Status.DITERIMA)
    _tahunan(org.pegawai, 2026, SB)
    _tahunan(org.rekan, 2025, B)
    _tahunan(org.rekan, 2026, B, status=Penilaian.Status.DINILAI)  # not final: does not count
    _tahunan(org.lain, 2025, B, status=Penilaian.Status.KEBERATAN)
    _tahunan(org.lain, 2026, B, status=Penilaian.Status.DIPUTUS)
    ids = [org.pegawai.pk, org.rekan.pk, org.lain.pk]
    assert penanda_per_pegawai(ids, tahun=2026) == {
        org.pegawai.pk: Kategori.TALENT_POOL,
        org.lain.pk: Kategori.PRIORITAS,
    }
    assert predikat_tahunan([org.rekan.pk]) == {org.rekan.pk: {2025: B}}


def test_halaman_pegawai_menampilkan_angka_kredit_dan_penanda(client, org):
    from django.urls import reverse

    from pegawai.tests.factories import JabatanFactory

    org.pegawai.jabatan = JabatanFactory(
        nama="Analis SDM Aparatur Ahli Pertama", jenis="FUNGSIONAL", jenjang="AHLI_PERTAMA"
    )
    org.pegawai.save()
    _tahunan(org.pegawai, 2025, B)
    _tahunan(org.pegawai, 2026, B)
    client.force_login(org.pegawai.user)
    resp = client.get(reverse("pelatihan:saya"), {"tahun": 2026})
    assert [(a.tahun, str(a.total)) for a in resp.context["angka_kredit"]] == [(2026, "12.50"), (2025, "12.50")]
    assert resp.context["penanda"] == Kategori.PRIORITAS
    assert "Prioritas pengembangan" in resp.content.decode()


def test_angka_kredit_tidak_ditampilkan_untuk_pelaksana(client, org):
    from django.urls import reverse

    _tahunan(org.pegawai, 2026, SB)
    client.force_login(org.pegawai.user)
    assert client.get(reverse("pelatihan:saya")).context["angka_kredit"] == []


def _dua_skp(org, awal, akhir_, status_akhir=Penilaian.Status.FINAL):
    """Two SKPs in 2026 (a mid-year move): Jan–Jun with ``awal``, Jul–Dec with ``akhir_``."""
    from datetime import date

    periode = PeriodeFactory(instansi=org.instansi, tahun=2026, jenis=Periode.Jenis.TAHUNAN, nama="Akhir 2026")
    rating = {BP: ("DI_BAWAH", "SESUAI"), B: ("SESUAI", "SESUAI")}
    hasil = []
    for predikat, mulai, selesai, status in (
        (awal, date(2026, 1, 1), date(2026, 6, 30), Penilaian.Status.FINAL),
        (akhir_, date(2026, 7, 1), date(2026, 12, 31), status_akhir),
    ):
        hasil.append(
            PenilaianFactory(
                skp__pegawai=org.pegawai,
                skp__tahun=2026,
                skp__tanggal_mulai=mulai,
                skp__tanggal_selesai=selesai,
                periode=periode,
                predikat=predikat,
                status=status,
                penilai=org.atasan,
                rating_hasil=rating[predikat][0],
                rating_perilaku=rating[predikat][1],
            )
        )
    return hasil


def test_hasil_skp_terakhir_menggantikan_usulan_dari_skp_sebelumnya(org, notify):
    awal, akhir_ = _dua_skp(org, BP, B, status_akhir=Penilaian.Status.DINILAI)
    tindak_lanjut_predikat_tahunan(penilaian=awal)  # for now the year's only final result
    assert ItemRencana.objects.get().status == ItemRencana.Status.DIRENCANAKAN
    akhir_.status = Penilaian.Status.FINAL
    akhir_.save()
    assert tindak_lanjut_predikat_tahunan(penilaian=akhir_) is None
    assert ItemRencana.objects.get().status == ItemRencana.Status.BATAL  # domain.md §11.2: the last SKP decides


def test_skp_sebelumnya_yang_final_belakangan_tidak_membuat_usulan(org, notify):
    awal, _akhir = _dua_skp(org, BP, B)
    assert tindak_lanjut_predikat_tahunan(penilaian=awal) is None
    assert not ItemRencana.objects.exists()
    notify.assert_not_called()


def test_ringkasan_penanda_sama_dengan_penanda_per_pegawai(org, django_assert_max_num_queries):
    from pegawai.models import Pegawai
    from pelatihan.selectors import penanda_ringkas

    for p in (org.pegawai, org.rekan, org.lain):
        _tahunan(p, 2025, SB)
        _tahunan(p, 2026, SB if p != org.lain else B)
    _tahunan(org.atasan, 2025, B)
    _tahunan(org.atasan, 2026, B)
    qs = Pegawai.objects.filter(unit_kerja__instansi=org.instansi)
    marks = penanda_per_pegawai(qs.values("pk"), tahun=2026)
    with django_assert_max_num_queries(4):
        ringkas = penanda_ringkas(qs, tahun=2026, contoh=1)
    for r in ringkas:
        ids = {pid for pid, m in marks.items() if m == r.penanda}
        assert r.jumlah == len(ids) and {p.pk for p in r.contoh} <= ids and len(r.contoh) == 1
    assert [r.jumlah for r in ringkas] == [2, 1]  # talent pool: pegawai, rekan; priority: atasan
