"""Every value an edit form shows can be saved back unchanged (style.md §13), in real Chromium.

For each edit form of each demo role, in Indonesian (the default) and in English:
(a) opening the form and saving it without touching anything leaves the database as it was (audit rows,
    version counters and auto-updated timestamps aside), and the save really happened (success shown);
(b) values typed (a decimal with a fraction, ISO dates, text with typographic characters), saved and
    reloaded are shown again exactly (numbers compared as numbers: 12.5 may come back as 12.50);
and on every page load no number/date input holds a value the browser refused (it would show it empty).
One-shot forms (a new SKP, a set of periods, a Plt, an unlock, a change of atasan, a peer answer, which
can never be read back by design) have nothing to save again: for them (b) checks that what was typed is
what was stored. A new edit form gets a row in FORMULIR (tests/formulir.py).

The data set is built with factories (seed_demo takes far longer than the whole module); each test logs
in by planting a session cookie, so no login page is walked.
"""
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Page, expect

from harian.models import KegiatanHarian, TanggapanKegiatan
from laporan.models import AturanTpp
from pegawai.models import PejabatNonAsn
from pegawai.tests.factories import PegawaiFactory, build_org
from pelatihan.models import (
    Bentuk,
    ItemRencana,
    JenisPengembangan,
    RencanaPengembangan,
    RiwayatPengembangan,
    RumpunKompetensi,
)
from penilaian.models import (
    AksiTindakLanjut,
    Bimbingan,
    CapaianOrganisasi,
    CheckIn,
    EvaluasiKompetensi,
    Penilaian,
    PerilakuKerja,
    Periode,
    Realisasi,
    RencanaAksi,
    Skp,
    UmpanBalik,
    UndanganRekan,
)
from penilaian.predikat import hitung_predikat
from penilaian.rekan.services import masukan_rekan_submit
from penilaian.tests.factories import IkiFactory, RhkFactory, SkpFactory, skp_with_rhk
from tests.formulir import FORMULIR, Formulir

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SNAPSHOT_APPS = ("pegawai", "penilaian", "pelatihan", "harian", "laporan", "auth")
SKIP_FIELDS = {"versi", "last_login", "password"}  # optimistic-lock counter; login bookkeeping
# Derived counts the services keep current (a save marks its unit for a recount even when nothing changed).
SKIP_MODELS = {"penilaian.RingkasanKotor", "penilaian.RingkasanUnit", "penilaian.RingkasanSkpUnit",
               "penilaian.RingkasanPenuh", "pelatihan.RekapJp"}


# ---------------------------------------------------------------------------------------------- data


@pytest.fixture
def d(transactional_db):
    """One instansi with every editable object the demo roles have (factories, about a second)."""
    org = build_org()
    today = timezone.localdate()
    year = today.year
    staf = PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan)
    # An open period inside this year, whatever today is (a period may not cross a year).
    periode = Periode.objects.create(
        instansi=org.instansi, tahun=year, jenis=Periode.Jenis.TRIWULANAN, nama="Periode Berjalan",
        tanggal_mulai=max(date(year, 1, 1), today - timedelta(days=30)),
        tanggal_selesai=min(date(year, 12, 31), today + timedelta(days=30)), batas_pengisian=today + timedelta(days=40))

    # The pegawai: an approved SKP this year (evaluation, daily log) and a draft for next year (RHK/IKI/lampiran).
    skp_atasan_next = skp_with_rhk(org.atasan, n_rhk=1, tahun=year + 1)
    skp = SkpFactory(pegawai=org.pegawai, tahun=year, status=Skp.Status.DISETUJUI)
    rhk = RhkFactory(skp=skp, teks="Terlayaninya permohonan izin")
    iki = IkiFactory(rhk=rhk, target_angka=Decimal("12.5"), satuan="berkas")
    draft = SkpFactory(pegawai=org.pegawai, tahun=year + 1, status=Skp.Status.DRAFT,
                       dukungan_sumber_daya="Anggaran 1,5 juta", skema_pertanggungjawaban="Laporan bulanan",
                       konsekuensi="Teguran")
    draft_rhk = RhkFactory(skp=draft, induk=skp_atasan_next.rhk.first(), teks="Tersusunnya rencana kerja")
    draft_iki = IkiFactory(rhk=draft_rhk, target_angka=Decimal("7.25"), satuan="dokumen")

    eval_pegawai = Penilaian.objects.create(skp=skp, periode=periode)
    rencana_aksi = RencanaAksi.objects.create(penilaian=eval_pegawai, rhk=rhk, teks="Memverifikasi berkas setiap pekan")
    Realisasi.objects.create(penilaian=eval_pegawai, iki=iki, nilai=Decimal("3.75"))

    # The atasan rates another subordinate; the pegawai is invited to give peer input on it.
    skp_staf = skp_with_rhk(staf, n_rhk=1, tahun=year)
    eval_staf = Penilaian.objects.create(skp=skp_staf, periode=periode, status=Penilaian.Status.DINILAI,
                                         rating_hasil="SESUAI", rating_perilaku="DI_ATAS",
                                         predikat=hitung_predikat("SESUAI", "DI_ATAS"))
    rhk_staf = skp_staf.rhk.first()
    UmpanBalik.objects.create(penilaian=eval_staf, rhk=rhk_staf, frasa="", teks="Pertahankan, 2,5 kali lebih cepat",
                              oleh=org.atasan)
    # Three peers; two have answered, so the pegawai's answer completes the cohort (and releases it where
    # answers are sealed until then): what the browser sends becomes a readable MasukanRekan row either way.
    undangan = UndanganRekan.objects.create(penilaian=eval_staf, rekan=org.pegawai)
    for peer in (org.rekan, PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan)):
        masukan_rekan_submit(undangan=UndanganRekan.objects.create(penilaian=eval_staf, rekan=peer),
                             jawaban=dict.fromkeys(PerilakuKerja.objects.values_list("kode", flat=True), "SESUAI"),
                             komentar="", oleh=peer.user)

    riwayat = RiwayatPengembangan.objects.create(
        pegawai=org.pegawai, nama_kegiatan="Pelatihan Analisis Data", penyelenggara="BPSDM Provinsi",
        jalur=(jenis := JenisPengembangan.objects.filter(aktif=True).order_by("pk").first()).jalur,
        bentuk=jenis.bentuk or Bentuk.objects.first(), jenis=jenis,
        rumpun=RumpunKompetensi.objects.order_by("pk").first(),
        tanggal_mulai=today - timedelta(days=20), tanggal_selesai=today - timedelta(days=18), jp=12,
        nomor_sertifikat="001/2026")
    rencana = RencanaPengembangan.objects.create(pegawai=org.pegawai, tahun=year)
    item = ItemRencana.objects.create(rencana=rencana, kompetensi="Analisis kebijakan", target_jp=20,
                                      target_tanggal=date(year, 12, 15))
    item.riwayat.add(riwayat)

    kegiatan = KegiatanHarian.objects.create(pegawai=org.pegawai, tanggal=today, uraian="Memeriksa berkas",
                                             kuantitas=Decimal("2.5"), satuan="berkas", jam_mulai=time(7, 45),
                                             jam_selesai=time(9, 15), iki=iki, rencana_aksi=rencana_aksi)
    TanggapanKegiatan.objects.create(kegiatan=kegiatan, oleh=org.atasan, tanda="SESUAI", komentar="Bagus")
    CapaianOrganisasi.objects.create(unit_kerja=org.seksi, periode=periode, predikat="BAIK", catatan="Sesuai laporan",
                                     ditetapkan_oleh=org.hr)
    AturanTpp.objects.create(instansi=org.instansi, berlaku_mulai=date(year, 1, 1), dasar_hukum="Perkada 3/2026",
                             persen_sangat_baik=100, persen_baik=100, persen_butuh_perbaikan=Decimal("77.5"),
                             persen_kurang=50, persen_sangat_kurang=25, potongan_terlambat=Decimal("0.5"),
                             potongan_tidak_lapor=2, batas_potongan=40, dibuat_oleh=org.hr)

    pejabat = PejabatNonAsn.objects.create(instansi=org.instansi, nama="H. Arif “Santoso”, S.H.",
                                           jabatan="Bupati Contoh — periode 2025-2030")
    # Dialogue (issue 19): a held bimbingan with an action and a B.1.9 row, a check-in held and one scheduled.
    bimbingan = Bimbingan.objects.create(skp=skp_staf, pembimbing=org.atasan, tanggal=today - timedelta(days=3),
                                         topik="Ketepatan “waktu” laporan", catatan="Dibahas 2,5 jam",
                                         status=Bimbingan.Status.SELESAI, dibuat_oleh=org.atasan)
    AksiTindakLanjut.objects.create(bimbingan=bimbingan, teks="Pelatihan 1,5 hari", tenggat=today + timedelta(days=9))
    EvaluasiKompetensi.objects.create(bimbingan=bimbingan, kompetensi="TEKNIS", skala=3, alasan="Cukup, 3,5",
                                      diisi_oleh=org.atasan)
    jam9 = timezone.make_aware(datetime.combine(today + timedelta(days=2), time(9, 0)))
    checkin = CheckIn.objects.create(penilaian=eval_staf, jadwal=jam9, agenda="Capaian 12,5 %", dibuat_oleh=org.atasan)
    checkin_lalu = CheckIn.objects.create(penilaian=eval_staf, jadwal=jam9 - timedelta(days=7), agenda="Awal",
                                          notulen="Sepakat “2,5” berkas", status=CheckIn.Status.SELESAI,
                                          selesai_pada=jam9 - timedelta(days=7), dibuat_oleh=org.atasan)
    AksiTindakLanjut.objects.create(checkin=checkin_lalu, teks="Unggah bukti", tenggat=today + timedelta(days=4))

    return SimpleNamespace(
        bimbingan=bimbingan, checkin=checkin, checkin_lalu=checkin_lalu,
        org=org, today=today, year=year, periode=periode, staf=staf, skp=skp, iki=iki, rhk=rhk, draft=draft,
        draft_rhk=draft_rhk, draft_iki=draft_iki, eval_pegawai=eval_pegawai, eval_staf=eval_staf, rhk_staf=rhk_staf,
        undangan=undangan, riwayat=riwayat, rencana=rencana, item=item, kegiatan=kegiatan, pejabat=pejabat,
        users={"pegawai": org.pegawai.user, "atasan": org.atasan.user, "hr": org.hr},
    )


def snapshot() -> dict:
    """Every row of the project's models (M2M tables included) as plain values, audit and bookkeeping aside."""
    rows = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label not in SNAPSHOT_APPS or model._meta.label in SKIP_MODELS:
            continue
        fields = [f for f in model._meta.concrete_fields
                  if f.name not in SKIP_FIELDS and not getattr(f, "auto_now", False)]
        for obj in model._base_manager.all():
            rows[(model._meta.label, str(obj.pk))] = {f.attname: getattr(obj, f.attname) for f in fields}
    return rows


def diff(before: dict, after: dict) -> list:
    """Rows added, removed or changed, with (before, after) of each changed field."""
    out = []
    for key in sorted(set(before) | set(after)):
        a, b = before.get(key), after.get(key)
        if a is None or b is None:
            out.append((key, "added" if a is None else "removed"))
        elif a != b:
            out.append((key, {k: (a[k], b[k]) for k in a if a[k] != b[k]}))
    return out


# --------------------------------------------------------------------------------------------- test


def masuk(page: Page, live_server, user, bahasa: str):
    """Plant a session cookie (and the language switch's cookie, as the top bar sets it)."""
    client = Client()
    client.force_login(user)
    cookies = [{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url}]
    if bahasa != settings.LANGUAGE_CODE:
        cookies.append({"name": settings.LANGUAGE_COOKIE_NAME, "value": bahasa, "url": live_server.url})
    page.context.add_cookies(cookies)


# Inputs whose value the browser refused (a localised "12,5" in type=number, "17-05-1985" in type=date):
# the page shows them empty, so saving it back would lose the value.
DITOLAK_BROWSER = """() => [...document.querySelectorAll("input")]
    .filter(i => ["number", "date", "datetime-local", "time", "month"].includes(i.type))
    .filter(i => i.getAttribute("value") && i.value !== i.getAttribute("value"))
    .map(i => `${i.name}=${i.getAttribute("value")}`)"""


def buka(page: Page, url: str):
    page.goto(url)
    assert page.evaluate(DITOLAK_BROWSER) == []


def simpan(page: Page, f: Formulir, d):
    submit = page.locator(f.submit(d) if callable(f.submit) else f.submit)
    if f.htmx:
        with page.expect_response(lambda r: r.request.method == "POST"):
            submit.click()
        page.wait_for_load_state("networkidle")
    else:
        with page.expect_navigation():
            submit.click()
    errors = page.locator(".invalid-feedback, .alert-danger, .text-danger, .errorlist").all_inner_texts()
    if not page.locator(f.saved).count():
        pytest.fail(f"{f.key}: not saved; the page says {errors}")


@pytest.mark.parametrize("bahasa", ["id", "en"])
@pytest.mark.parametrize("f", FORMULIR, ids=[f.key for f in FORMULIR])
def test_form_saved_again_changes_nothing_and_shows_what_was_typed(page: Page, live_server, d, f: Formulir, bahasa):
    page.on("dialog", lambda dialog: dialog.accept())
    masuk(page, live_server, d.users[f.role], bahasa)
    url = live_server.url + f.url(d)
    buka(page, url)
    expect(page.locator("html")).to_have_attribute("lang", bahasa)

    if f.stored is None:
        # (a) saved again untouched: nothing changes
        before = snapshot()
        simpan(page, f, d)
        assert diff(before, snapshot()) == []
        buka(page, url)

    # (b) typed, saved, reloaded: shown again exactly (create forms: stored exactly)
    isi = f.isi(d)
    for i in isi:
        i.fill(page)
    simpan(page, f, d)
    if f.stored is not None:
        f.stored(d)
        return
    buka(page, url)
    assert [(i.selector, i.shown(page)) for i in isi] == [(i.selector, i.expected()) for i in isi]
