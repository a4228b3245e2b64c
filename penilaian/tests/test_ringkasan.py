"""Summary rows behind HR's counts: after the real services run, every row equals the live count."""
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from pegawai.models import Pegawai, RiwayatJabatan, UnitKerja
from pegawai.mutasi import pegawai_move
from pegawai.tests.factories import PegawaiFactory
from penilaian import ringkasan
from penilaian.evaluasi import selectors as live
from penilaian.evaluasi.periode import periode_create_standard_set
from penilaian.evaluasi.services import penilaian_open, penilaian_rate, penilaian_submit
from penilaian.models import IndikatorKinerja, Penilaian, Periode, RingkasanKotor, RingkasanPenuh, Skp
from penilaian.predikat import Predikat, Rating
from penilaian.rekan.keberatan import penilaian_acknowledge
from penilaian.rekan.selectors import populasi_distribusi
from penilaian.skp import services as skp_services
from penilaian.tests.factories import finalkan, skp_with_rhk

pytestmark = pytest.mark.django_db
S = Penilaian.Status
TAHUN = 2026


@pytest.fixture(autouse=True)
def _hari_ini():
    with time_machine.travel(datetime(2026, 8, 10, 9), tick=False):
        yield


@pytest.fixture
def periodes(org):
    periode_create_standard_set(instansi=org.instansi, tahun=TAHUN, jenis=Periode.Jenis.TRIWULANAN, oleh=None)
    return {p.nama: p for p in Periode.objects.filter(instansi=org.instansi, tahun=TAHUN)}


def _live_skp(unit_ids, tahun):
    aktif = Pegawai.objects.filter(unit_kerja_id__in=unit_ids, aktif=True)
    hasil = {u: {"pegawai_aktif": 0, "tanpa_skp": 0, **dict.fromkeys(ringkasan.KOLOM_SKP.values(), 0)}
             for u in unit_ids}
    for u, n in aktif.values_list("unit_kerja_id").annotate(n=Count("pk")):
        hasil[u]["pegawai_aktif"] = n
    tanpa = aktif.exclude(Exists(Skp.objects.filter(pegawai=OuterRef("pk"), tahun=tahun)))
    for u, n in tanpa.values_list("unit_kerja_id").annotate(n=Count("pk")):
        hasil[u]["tanpa_skp"] = n
    for u, st, n in Skp.objects.filter(tahun=tahun, pegawai__unit_kerja_id__in=unit_ids).values_list(
            "pegawai__unit_kerja_id", "status").annotate(n=Count("pk")):
        hasil[u][ringkasan.KOLOM_SKP[st]] = n
    return hasil


def assert_sama(org):
    """Summary == live aggregate for every unit and period of the instansi (and the instansi totals)."""
    units = list(UnitKerja.objects.filter(instansi=org.instansi))
    for periode in Periode.objects.filter(instansi=org.instansi):
        per_unit = ringkasan.distribusi_per_unit([u.pk for u in units], periode)
        assert ringkasan.completion_per_unit(org.instansi.pk, periode) == live.completion_per_unit(
            org.instansi.pk, periode), periode.nama
        for unit in units:
            rows = dict(populasi_distribusi(unit, periode).exclude(predikat="").values_list("predikat").annotate(
                n=Count("pk")))
            want = {p: rows.get(p.value, 0) for p in Predikat}
            assert ringkasan.distribusi([unit.pk], periode) == want == per_unit[unit.pk], (periode.nama, unit.kode)
    ids = [u.pk for u in units]
    rows = ringkasan.skp_per_unit(units, TAHUN)
    for u, want in _live_skp(ids, TAHUN).items():
        got = rows.get(u)
        assert {k: getattr(got, k) for k in want} == want, u
    aktif = Pegawai.objects.filter(unit_kerja__instansi=org.instansi, aktif=True)
    assert ringkasan.jumlah_pegawai(org.instansi.pk, TAHUN) == (
        aktif.count(), aktif.exclude(Exists(Skp.objects.filter(pegawai=OuterRef("pk"), tahun=TAHUN))).count())


def _skp(pegawai, status=Skp.Status.DISETUJUI, **kw):
    return skp_with_rhk(pegawai, tahun=TAHUN, status=status, tanggal_mulai=date(TAHUN, 1, 1),
                        tanggal_selesai=date(TAHUN, 12, 31), **kw)


def _ajukan(p, pg):
    iki = IndikatorKinerja.objects.filter(rhk__skp_id=p.skp_id).first()
    penilaian_submit(penilaian=p, versi=p.versi, oleh=pg.user, realisasi={iki.pk: (Decimal("1"), "selesai")})


def test_summary_equals_live_counts_after_every_service(org, periodes):
    q2, q3, akhir = periodes["Triwulan II"], periodes["Triwulan III"], periodes["Akhir"]
    staf = [PegawaiFactory(unit_kerja=org.seksi2, atasan=org.atasan2) for _ in range(3)]
    skp = {p.pk: _skp(p) for p in [org.pegawai, org.rekan, org.lain, *staf]}
    draf = _skp(PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan), status=Skp.Status.DRAFT)
    PegawaiFactory(unit_kerja=org.seksi2, atasan=org.atasan2, aktif=False)
    assert_sama(org)  # first read builds the year
    assert RingkasanPenuh.objects.filter(instansi=org.instansi, tahun=TAHUN).exists()

    # Open, submit, rate (the predikat is counted while DINILAI), finalise, acknowledge.
    p = {pk: penilaian_open(skp=s, periode=q3, oleh=None) for pk, s in skp.items()}
    assert RingkasanKotor.objects.exists()
    assert_sama(org)
    assert not RingkasanKotor.objects.exists()  # the read recomputed the marked units and cleared them
    for pg in [org.pegawai, org.rekan, staf[0], staf[1]]:
        _ajukan(p[pg.pk], pg)
    penilaian_rate(penilaian=p[org.pegawai.pk], versi=p[org.pegawai.pk].versi, rating_hasil=Rating.DI_ATAS,
                   rating_perilaku=Rating.SESUAI, oleh=org.atasan.user)
    assert_sama(org)
    finalkan(p[org.rekan.pk], hasil=Rating.DI_BAWAH)
    finalkan(p[staf[0].pk])
    penilaian_acknowledge(penilaian=p[staf[0].pk], oleh=staf[0].user)
    assert_sama(org)

    # A Q2 result finalised long ago: past its response window it counts as LEWAT with no write at all.
    lama = penilaian_open(skp=skp[staf[2].pk], periode=q2, oleh=None)
    finalkan(lama, pada=timezone.make_aware(datetime(TAHUN, 6, 30, 12)))
    assert_sama(org)
    with time_machine.travel(timezone.now() + timedelta(days=60), tick=False):
        assert_sama(org)
        rows = {r["pegawai__unit_kerja_id"]: r for r in ringkasan.completion_per_unit(org.instansi.pk, q2)}
        assert (rows[org.seksi2.pk][S.LEWAT_WAKTU], rows[org.seksi2.pk][S.FINAL]) == (1, 0)

    # SKP workflow: submit and approve the draft, reopen an approved one.
    skp_services.skp_submit(skp=draf, oleh=draf.pegawai.user)
    assert_sama(org)
    skp_services.skp_approve(skp=draf, oleh=org.atasan.user)
    skp_services.skp_open_revision(skp=skp[org.lain.pk], oleh=org.lain.user)
    assert_sama(org)

    # A move: the old SKP closes in S1, the pegawai counts in S2 now, the Akhir of the old SKP stays in S1.
    penilaian_open(skp=skp[org.pegawai.pk], periode=akhir, oleh=None)
    pegawai_move(pegawai=org.pegawai, oleh=org.hr, jenis=RiwayatJabatan.Jenis.MUTASI, tmt=date(TAHUN, 8, 1),
                 unit=org.seksi2, jabatan=org.pegawai.jabatan, nomor_sk="821/1/2026")
    assert_sama(org)
    assert RingkasanKotor.objects.count() == 0


def test_rebuild_command_records_the_time_and_the_pages_show_it(org, periodes, client):
    from django.core.management import call_command

    _skp(org.pegawai)
    # Rows written behind the services' back (as a bulk import does) are counted after the rebuild.
    call_command("rebuild_ringkasan")
    Skp.objects.filter(pegawai=org.pegawai).update(status=Skp.Status.DRAFT)
    assert ringkasan.skp_per_unit([org.seksi], TAHUN)[org.seksi.pk].skp_disetujui == 1  # not marked: stale
    call_command("rebuild_ringkasan", instansi=org.instansi.pk)
    assert ringkasan.skp_per_unit([org.seksi], TAHUN)[org.seksi.pk].skp_disetujui == 0
    client.force_login(org.hr)
    for url in (reverse("penilaian:evaluasi-rekap") + f"?tahun={TAHUN}", reverse("penilaian:skp-monitoring"),
                reverse("home")):
        html = client.get(url).content.decode()
        assert 'id="ringkasan-diperbarui"' in html and "Diperbarui 10 Agu 2026" in html, url


def test_rebuild_task_and_beat_entries():
    from kinerja import settings as production
    from penilaian.tasks import rebuild_ringkasan_task, refresh_ringkasan_task

    tasks = {v["task"] for v in production.CELERY_BEAT_SCHEDULE.values()}
    assert {rebuild_ringkasan_task.name, refresh_ringkasan_task.name} <= tasks
    assert rebuild_ringkasan_task.delay().get() == 0 and refresh_ringkasan_task.delay().get() == 0


def _unit_penuh(org, n):
    """``n`` more pegawai in S2, each with an approved SKP and an evaluation of Q3 moved by the services."""
    q3 = Periode.objects.get(instansi=org.instansi, nama="Triwulan III")
    for _ in range(n):
        pg = PegawaiFactory(unit_kerja=org.seksi2, atasan=org.atasan2)
        p = penilaian_open(skp=_skp(pg), periode=q3, oleh=None)
        _ajukan(p, pg)


@pytest.mark.parametrize("url", ["penilaian:evaluasi-rekap", "penilaian:skp-monitoring", "home"])
def test_hr_pages_queries_do_not_grow_with_the_instansi(org, periodes, client, url, django_assert_max_num_queries):
    client.force_login(org.hr)
    target = reverse(url) + f"?tahun={TAHUN}"
    _unit_penuh(org, 2)
    client.get(target)  # builds the year once
    _unit_penuh(org, 1)  # marked units recomputed on the next read: a fixed number of queries too
    with django_assert_max_num_queries(60) as kecil:
        assert client.get(target).status_code == 200
    _unit_penuh(org, 12)
    with django_assert_max_num_queries(len(kecil.captured_queries)):
        html = client.get(target).content.decode()
    assert "16" in html or url == "home"  # 2 + 1 + 12 + lain in S2
