"""The stored SIASN validation report (siasn.laporan): the background run gives the live report's figures
and rows, the page reads only the stored row and a page of rows (queries do not grow), its states (none yet,
running, stalled, failed), the recompute button, the periodic refresh, permissions and both languages."""
from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from kinerja.models import AuditLog
from pegawai.models import Pegawai
from penilaian.models import Penilaian
from siasn import ekspor as ek
from siasn import laporan as lp
from siasn.models import LaporanSiasn, LaporanSiasnBaris

from . import bahan
from .bahan import TAHUN, banyak

pytestmark = pytest.mark.django_db
JENIS = ["skp22", "kinerjaPeriodik"]


def _home(client, **params):
    return client.get(reverse("siasn:home"), {"tahun": TAHUN, **params})


def _polls(body) -> bool:
    return f'data-hx-get="{reverse("siasn:status")}' in (body if isinstance(body, str) else body.decode())


def _stored(instansi, jenis="skp22"):
    return LaporanSiasn.objects.get(instansi=instansi, tahun=TAHUN, jenis=jenis)


@pytest.fixture
def blokir(org, tahun):
    """Besides the fixture's pending and contested rows: a pegawai with an SKP but no Akhir evaluation, and
    a final evaluation whose pegawai has an invalid NIP."""
    bahan.skp(org.atasan2)
    Pegawai.objects.filter(pk=org.pegawai.pk).update(nip="12345")
    return tahun


@pytest.mark.parametrize("jenis", JENIS)
def test_run_stores_the_live_figures_and_rows(org, blokir, as_actor, susun, jenis):
    susun(as_actor("hr"), jenis)
    stored = _stored(org.instansi, jenis)
    live = ek.laporan(org.instansi, TAHUN, jenis)
    assert stored.status == LaporanSiasn.Status.SELESAI and stored.dihitung_pada is not None
    assert {k: getattr(stored, k) for k in lp.ringkasan(live)} == lp.ringkasan(live)
    assert stored.terhalang >= 1 and "nip_salah" in stored.per_alasan
    if jenis == "skp22":
        assert stored.per_alasan == {"tanpa_akhir": 1, "belum_final": 1, "keberatan": 1, "nip_salah": 1}
    rows = list(stored.baris.order_by("urutan").values_list("kategori", "nip", "nama", "alasan"))
    assert rows == [(b.status_ekspor if b.valid else "terhalang", b.nip, b.nama, ",".join(b.alasan))
                    for b in live.baris]


def test_page_shows_the_stored_report(org, tahun, as_actor, susun):
    client = as_actor("hr")
    susun(client)
    r = _home(client)
    body = r.content.decode()
    assert r.status_code == 200 and 'id="laporan-diperbarui"' in body and 'id="tombol-susun"' in body
    assert "Susun ulang" in body and 'id="jumlah-terhalang">2<' in body
    assert "Penilaian belum final" in body and "Keberatan belum diputus" in body
    assert org.rekan.nip in body and org.lain.nip in body
    assert _home(client, tampil="baru").context["page_obj"].object_list[0].nip == org.pegawai.nip


def test_page_reads_no_evaluation(org, tahun, as_actor, susun, django_assert_max_num_queries):
    """The page's queries touch the stored tables only: a new evaluation shows after the next run."""
    client = as_actor("hr")
    susun(client)
    with django_assert_max_num_queries(15) as ctx:
        _home(client, tampil="semua")
    assert not any("penilaian_penilaian" in q["sql"] for q in ctx.captured_queries)


@pytest.mark.parametrize("jenis", JENIS)
def test_page_queries_do_not_grow_with_rows(org, tahun, as_actor, susun, django_assert_max_num_queries, jenis):
    client = as_actor("hr")
    banyak(org, tahun["periode_akhir"], tahun["tw1"].periode, 3)
    susun(client, jenis)
    _home(client, jenis=jenis)
    with django_assert_max_num_queries(15) as ctx:
        _home(client, jenis=jenis, tampil="semua")
    sedikit = len(ctx.captured_queries)
    banyak(org, tahun["periode_akhir"], tahun["tw1"].periode, 12)
    susun(client, jenis)
    _home(client, jenis=jenis)  # shows (and consumes) the "being compiled" message, as the first read did
    with django_assert_max_num_queries(sedikit):
        r = _home(client, jenis=jenis, tampil="semua")
    assert r.context["laporan"].jumlah_baris >= 15


def test_rows_are_paginated(org, tahun, as_actor, susun, monkeypatch):
    monkeypatch.setattr("siasn.views.PER_HALAMAN", 2)
    client = as_actor("hr")
    banyak(org, tahun["periode_akhir"], tahun["tw1"].periode, 3)
    susun(client)
    semua = list(_stored(org.instansi).baris.order_by("urutan").values_list("nip", flat=True))
    p1, p3 = _home(client, tampil="semua").context["page_obj"], _home(client, tampil="semua", page=3).context[
        "page_obj"]
    assert [b.nip for b in p1] == semua[:2] and [b.nip for b in p3] == semua[4:6]
    assert p1.paginator.count == len(semua) == 6 and p1.paginator.num_pages == 3
    baru = list(_stored(org.instansi).baris.filter(kategori="baru").order_by("urutan").values_list("nip", flat=True))
    assert len(baru) == 4 and [b.nip for b in _home(client, tampil="baru", page=2).context["page_obj"]] == baru[2:]
    assert _home(client, tampil="semua", page="x").context["page_obj"].number == 1
    assert _home(client, tampil="semua", page=99).context["page_obj"].number == 3


def test_empty_state_explains_and_offers_the_button(org, tahun, as_actor):
    r = _home(as_actor("hr"))
    body = r.content.decode()
    assert r.status_code == 200 and r.context["laporan"] is None
    assert 'id="laporan-kosong"' in body and "belum disusun" in body and "Susun laporan" in body
    assert 'id="jumlah-baris"' not in body and not LaporanSiasn.objects.exists()
    assert body.count("Tekan Susun laporan") == 1  # once: not repeated by the empty export history


def test_recompute_post_starts_a_job(org, tahun, as_actor):
    client = as_actor("hr")
    r = client.post(reverse("siasn:susun"), {"tahun": TAHUN, "jenis": "kinerjaPeriodik"})
    assert r.status_code == 302 and "jenis=kinerjaPeriodik" in r["Location"] and f"tahun={TAHUN}" in r["Location"]
    stored = _stored(org.instansi, "kinerjaPeriodik")  # queued after commit (the callback never runs here)
    assert stored.status == LaporanSiasn.Status.MENUNGGU and stored.diminta_oleh == org.hr
    assert AuditLog.objects.filter(aksi="siasn.laporan_disusun", object_id=str(stored.pk)).exists()
    body = _home(client, jenis="kinerjaPeriodik").content.decode()
    assert 'id="laporan-berjalan"' in body and _polls(body) and 'id="tombol-susun"' not in body
    # A second click while it runs queues nothing.
    client.post(reverse("siasn:susun"), {"tahun": TAHUN, "jenis": "kinerjaPeriodik"})
    assert AuditLog.objects.filter(aksi="siasn.laporan_disusun").count() == 1


def test_status_partial_reloads_the_page_when_done(org, tahun, as_actor, susun):
    client = as_actor("hr")
    client.post(reverse("siasn:susun"), {"tahun": TAHUN})
    r = client.get(reverse("siasn:status"), {"tahun": TAHUN})
    assert r.status_code == 200 and "HX-Refresh" not in r and _polls(r.content)
    LaporanSiasn.objects.update(status=LaporanSiasn.Status.MENUNGGU, denyut=timezone.now() - timedelta(days=1))
    susun(client)
    r = client.get(reverse("siasn:status"), {"tahun": TAHUN})
    assert r["HX-Refresh"] == "true" and not _polls(r.content)


def test_stalled_run_is_shown_and_started_again(org, tahun, as_actor, susun):
    client = as_actor("hr")
    client.post(reverse("siasn:susun"), {"tahun": TAHUN})
    LaporanSiasn.objects.update(status=LaporanSiasn.Status.BERJALAN, denyut=timezone.now() - timedelta(hours=1))
    body = _home(client).content.decode()
    assert 'id="laporan-terhenti"' in body and "Coba lagi" in body and not _polls(body)
    susun(client)
    assert _stored(org.instansi).status == LaporanSiasn.Status.SELESAI


def test_failed_run_keeps_the_last_figures(org, tahun, as_actor, susun, monkeypatch):
    client = as_actor("hr")
    susun(client)
    sebelum = _stored(org.instansi)

    def gagal(*args):
        raise RuntimeError("basis data tidak terjangkau")

    monkeypatch.setattr(ek, "laporan", gagal)
    susun(client)
    stored = _stored(org.instansi)
    assert stored.status == LaporanSiasn.Status.GAGAL and "tidak terjangkau" in stored.pesan_galat
    assert (stored.dihitung_pada, stored.jumlah_baris) == (sebelum.dihitung_pada, sebelum.jumlah_baris)
    assert stored.baris.count() == sebelum.jumlah_baris
    body = _home(client).content.decode()
    assert 'id="laporan-gagal"' in body and "Coba lagi" in body and 'id="jumlah-baris"' in body


def test_refresh_recomputes_only_what_changed(org, tahun, as_actor, susun, django_capture_on_commit_callbacks,
                                              monkeypatch):
    monkeypatch.setattr(lp.timezone, "localdate", lambda: timezone.datetime(TAHUN, 12, 1).date())
    susun(as_actor("hr"))
    dihitung = _stored(org.instansi).dihitung_pada
    with django_capture_on_commit_callbacks(execute=True):
        assert lp.laporan_siasn_segarkan() == 0  # nothing saved since
    p = Penilaian.objects.get(pk=tahun["akhir"].pk)
    p.status = Penilaian.Status.KEBERATAN
    p.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert lp.laporan_siasn_segarkan() == 1
    stored = _stored(org.instansi)
    assert stored.dihitung_pada > dihitung and stored.siap == 0 and stored.per_alasan["keberatan"] == 2
    # Older than UMUR_MAKS: recomputed even when nothing visible changed (e.g. a NIP corrected by hand).
    assert lp.laporan_siasn_segarkan(now=timezone.now() + lp.UMUR_MAKS + timedelta(minutes=1)) == 1


def test_import_recomputes_the_instansi_reports(org, tahun, as_actor, susun, monkeypatch):
    monkeypatch.setattr(lp.timezone, "localdate", lambda: timezone.datetime(TAHUN, 12, 1).date())
    susun(as_actor("hr"))
    LaporanSiasn.objects.create(instansi=org.instansi, tahun=TAHUN - 3, jenis="skp22",
                                status=LaporanSiasn.Status.SELESAI, dihitung_pada=timezone.now())
    assert lp.mulai_ulang_instansi(org.instansi) == 1  # this year's; not the old year's
    assert _stored(org.instansi).status == LaporanSiasn.Status.MENUNGGU


@pytest.mark.parametrize("actor", ["pegawai", "atasan", "kabid"])
def test_outside_hr_is_refused(org, tahun, as_actor, actor):
    client = as_actor(actor)
    assert _home(client).status_code == 404
    assert client.get(reverse("siasn:status"), {"tahun": TAHUN}).status_code == 404
    assert client.post(reverse("siasn:susun"), {"tahun": TAHUN}).status_code == 404
    assert not LaporanSiasn.objects.exists()


def test_hr_of_another_instansi_sees_and_starts_only_its_own(org, tahun, as_actor, susun):
    susun(as_actor("hr"))
    client = as_actor("hr_other")
    r = _home(client, instansi=org.instansi.pk)
    assert r.context["instansi"] == org.other_instansi and r.context["laporan"] is None
    assert org.pegawai.nip not in r.content.decode()
    client.post(reverse("siasn:susun") + f"?instansi={org.instansi.pk}", {"tahun": TAHUN})
    assert LaporanSiasn.objects.filter(instansi=org.other_instansi).exists()
    assert _stored(org.instansi).diminta_oleh == org.hr


@pytest.mark.parametrize("pilih", ["instansi", "other_instansi"])
def test_admin_starts_the_instansi_picked(org, tahun, as_actor, django_capture_on_commit_callbacks, pilih):
    instansi = getattr(org, pilih)
    with django_capture_on_commit_callbacks(execute=True):
        r = as_actor("admin").post(reverse("siasn:susun") + f"?instansi={instansi.pk}", {"tahun": TAHUN})
    assert list(LaporanSiasn.objects.values_list("instansi_id", "status")) == [(instansi.pk, "SELESAI")]
    assert f"instansi={instansi.pk}" in r["Location"]


@pytest.mark.parametrize("data", [{"tahun": "x"}, {"tahun": TAHUN, "jenis": "lain"}, {}])
def test_bad_recompute_parameters_are_404(org, tahun, as_actor, data):
    assert as_actor("hr").post(reverse("siasn:susun"), data).status_code == 404
    assert not LaporanSiasn.objects.exists()


def test_get_is_not_allowed_to_recompute(org, as_actor):
    assert as_actor("hr").get(reverse("siasn:susun"), {"tahun": TAHUN}).status_code == 405


@pytest.mark.parametrize("bahasa, teks", [("id", ["Diperbarui", "Terhalang", "Susun ulang"]),
                                          ("en", ["Updated", "Blocked", "Recompute"])])
def test_both_languages(org, tahun, as_actor, susun, bahasa, teks):
    client = as_actor("hr")
    susun(client)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = bahasa
    body = _home(client).content.decode()
    assert all(t in body for t in teks), teks
    kosong = _home(client, jenis="kinerjaPeriodik").content.decode()
    assert ("belum disusun" if bahasa == "id" else "not been compiled") in kosong


def test_row_texts_follow_the_codes(org, tahun, as_actor, susun):
    susun(as_actor("hr"))
    baris = {b.nip: b for b in LaporanSiasnBaris.objects.all()}
    assert baris[org.rekan.nip].alasan_teks == ["Penilaian belum final"] and not baris[org.rekan.nip].valid
    assert baris[org.pegawai.nip].status_ekspor_teks == "Belum pernah diekspor" and baris[org.pegawai.nip].valid
