"""Progres harian in e-Kinerja's 2026 shape (issue 19 §4; domain.md §11.1): times without overlaps, the rencana
aksi parent, bulk review by the atasan, the weekly hours against the instansi's standard."""
from datetime import time, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from harian import jam
from harian.models import KegiatanHarian, PengaturanHarian
from harian.periksa import KEMBALIKAN, SETUJUI, kegiatan_review_bulk
from harian.services import DataKegiatan, kegiatan_create, kegiatan_delete, kegiatan_update
from kinerja.models import AuditLog
from notifikasi.models import Notifikasi
from pegawai.tests.factories import login_as
from penilaian.models import RencanaAksi
from penilaian.tests.factories import IkiFactory, PenilaianFactory

from .factories import KegiatanFactory, iki_of, periode, skp_aktif, today

pytestmark = pytest.mark.django_db


def t(s: str) -> time:
    return time.fromisoformat(s)


# --- overlaps ---------------------------------------------------------------------------------------------

# (existing entry, new entry, refused?) — half-open intervals: touching ends are fine (harian/jam.py).
OVERLAP = [
    (("08:00", "09:00"), ("09:00", "10:00"), False),   # starts when the other ends
    (("08:00", "09:00"), ("07:00", "08:00"), False),   # ends when the other starts
    (("08:00", "09:00"), ("08:30", "09:30"), True),    # starts inside
    (("08:00", "09:00"), ("07:30", "08:01"), True),    # ends inside, by one minute
    (("08:00", "09:00"), ("08:00", "09:00"), True),    # identical
    (("08:00", "12:00"), ("09:00", "10:00"), True),    # inside
    (("09:00", "10:00"), ("08:00", "12:00"), True),    # around
    (("13:00", "14:00"), ("08:00", "09:00"), False),   # apart
]


@pytest.mark.parametrize(("lama", "baru", "ditolak"), OVERLAP)
def test_overlap_rule_table(lama, baru, ditolak):
    assert jam.bertumpuk((t(lama[0]), t(lama[1])), (t(baru[0]), t(baru[1]))) is ditolak


@pytest.mark.parametrize(("lama", "baru", "ditolak"), OVERLAP)
def test_an_overlapping_entry_of_the_same_day_is_refused_with_a_clear_message(org, lama, baru, ditolak):
    skp_aktif(org.pegawai)
    KegiatanFactory(pegawai=org.pegawai, jam_mulai=t(lama[0]), jam_selesai=t(lama[1]), uraian="Rapat koordinasi")
    data = DataKegiatan(tanggal=today(), uraian="Baru", kuantitas=Decimal(1), jam_mulai=t(baru[0]),
                        jam_selesai=t(baru[1]))
    if not ditolak:
        kegiatan_create(pegawai=org.pegawai, data=data, oleh=org.pegawai.user)
        assert KegiatanHarian.objects.count() == 2
        return
    with pytest.raises(ValidationError) as exc:
        kegiatan_create(pegawai=org.pegawai, data=data, oleh=org.pegawai.user)
    pesan = " ".join(exc.value.message_dict["jam_mulai"])
    assert "bertumpang tindih" in pesan and f"{lama[0]}–{lama[1]}" in pesan and "Rapat koordinasi" in pesan
    assert KegiatanHarian.objects.count() == 1


@pytest.mark.parametrize("siapa, hari", [("rekan", 0), ("pegawai", -1)])
def test_other_pegawai_or_other_day_never_overlaps(org, siapa, hari):
    skp_aktif(org.pegawai)
    skp_aktif(org.rekan)
    KegiatanFactory(pegawai=getattr(org, siapa), tanggal=today() + timedelta(days=hari), jam_mulai=t("08:00"),
                    jam_selesai=t("10:00"))
    kegiatan_create(pegawai=org.pegawai, data=DataKegiatan(
        tanggal=today(), uraian="x", kuantitas=Decimal(1), jam_mulai=t("08:00"), jam_selesai=t("10:00")),
        oleh=org.pegawai.user)


def test_editing_an_entry_does_not_overlap_itself(org):
    skp_aktif(org.pegawai)
    k = KegiatanFactory(pegawai=org.pegawai, jam_mulai=t("08:00"), jam_selesai=t("10:00"))
    kegiatan_update(kegiatan=k, data=DataKegiatan(tanggal=today(), uraian="Diubah", kuantitas=Decimal(1),
                                                  jam_mulai=t("08:30"), jam_selesai=t("10:30")), oleh=org.pegawai.user)
    k.refresh_from_db()
    assert (k.jam_mulai, k.durasi_menit) == (t("08:30"), 120)


# --- stacking used by the migration -----------------------------------------------------------------------

@pytest.mark.parametrize(("durasi", "hasil"), [
    ([60, 90], [("08:00", "09:00"), ("09:00", "10:30")]),
    ([None, 30], [None, ("08:00", "08:30")]),
    ([600, 600], [("04:00", "14:00"), ("14:00", "00:00+")]),   # would pass midnight from 08:00: starts earlier
    ([1440], [("00:00", "00:00+")]),                               # a whole day: to the end of the day
    ([1000, 1000], [("00:00", "16:40"), ("00:00", "16:40")]),      # impossible day: every duration kept
])
def test_stacking_durations_from_eight(durasi, hasil):
    def jadi(x):
        if x is None:
            return None
        return t(x[0]), jam.AKHIR_HARI if x[1] == "00:00+" else t(x[1])

    got = jam.tumpuk_durasi(durasi)
    assert got == [jadi(x) for x in hasil]
    for d, g in zip(durasi, got, strict=True):  # the duration survives as the property reads it
        assert (KegiatanHarian(jam_mulai=g[0], jam_selesai=g[1]).durasi_menit if g else None) == d


# --- rencana aksi -----------------------------------------------------------------------------------------

@pytest.fixture
def ra(org):
    skp = skp_aktif(org.pegawai)
    per = periode(org.instansi, mulai=today() - timedelta(days=20), selesai=today() + timedelta(days=5), nama="TW uji")
    p = PenilaianFactory(skp=skp, periode=per)
    return RencanaAksi.objects.create(penilaian=p, rhk=iki_of(skp).rhk, teks="Menyusun SOP")


def test_an_entry_under_a_rencana_aksi_counts_for_its_rhks_only_iki(org, ra):
    k = kegiatan_create(pegawai=org.pegawai, data=DataKegiatan(
        tanggal=today(), uraian="x", kuantitas=Decimal(2), jam_mulai=t("08:00"), jam_selesai=t("09:00"),
        rencana_aksi=ra), oleh=org.pegawai.user)
    assert (k.rencana_aksi, k.iki, k.satuan) == (ra, ra.rhk.iki.get(), "dokumen")


def test_rencana_aksi_rules(org, ra):
    def buat(**kw):
        return kegiatan_create(pegawai=org.pegawai, data=DataKegiatan(
            uraian="x", kuantitas=Decimal(1), jam_mulai=t("08:00"), jam_selesai=t("09:00"), **kw),
            oleh=org.pegawai.user)

    with pytest.raises(ValidationError) as exc:  # a date outside the rencana aksi's period
        buat(tanggal=today() - timedelta(days=30), rencana_aksi=ra)
    assert "rencana_aksi" in exc.value.message_dict
    lain = iki_of(ra.penilaian.skp, 1)
    with pytest.raises(ValidationError) as exc:  # an IKI of another RHK
        buat(tanggal=today(), rencana_aksi=ra, iki=lain)
    assert "iki" in exc.value.message_dict
    IkiFactory(rhk=ra.rhk)
    with pytest.raises(ValidationError) as exc:  # two IKIs: the pegawai chooses
        buat(tanggal=today(), rencana_aksi=ra)
    assert "beberapa indikator" in " ".join(exc.value.message_dict["iki"])
    rekan_skp = skp_aktif(org.rekan)
    ra_rekan = RencanaAksi.objects.create(penilaian=PenilaianFactory(skp=rekan_skp, periode=ra.penilaian.periode),
                                          rhk=iki_of(rekan_skp).rhk, teks="Milik rekan")
    with pytest.raises(ValidationError):
        buat(tanggal=today(), rencana_aksi=ra_rekan)
    assert not KegiatanHarian.objects.exists()


# --- bulk review ------------------------------------------------------------------------------------------

@pytest.fixture
def entri(org):
    skp_aktif(org.pegawai)
    skp_aktif(org.rekan)
    return {
        "pegawai": [KegiatanFactory(pegawai=org.pegawai, jam_mulai=t(f"0{8 + i}:00"), jam_selesai=t(f"0{8 + i}:30"))
                    for i in range(2)],
        "rekan": [KegiatanFactory(pegawai=org.rekan, jam_mulai=t("08:00"), jam_selesai=t("09:00"))],
        "lain": [KegiatanFactory(pegawai=org.lain)],  # another seksi (atasan2)
    }


def test_bulk_approve_changes_status_audits_and_notifies_each_pegawai_once(client, org, entri):
    ids = [k.pk for k in entri["pegawai"] + entri["rekan"]]
    r = login_as(client, org, "atasan").post(reverse("harian:periksa"), {"ids": ids, "aksi": SETUJUI})
    assert r.status_code == 302
    assert set(KegiatanHarian.objects.filter(pk__in=ids).values_list("status", "diperiksa_oleh")) == {
        (KegiatanHarian.Status.DISETUJUI, org.atasan.pk)}
    assert AuditLog.objects.filter(aksi="harian.approved").count() == 3
    assert Notifikasi.objects.filter(penerima=org.pegawai.user).count() == 1
    assert "2" in Notifikasi.objects.get(penerima=org.pegawai.user).judul
    assert Notifikasi.objects.filter(penerima=org.rekan.user).count() == 1


def test_bulk_return_needs_a_catatan_and_shows_it_to_the_pegawai(client, org, entri):
    c = login_as(client, org, "atasan")
    ids = [k.pk for k in entri["pegawai"]]
    c.post(reverse("harian:periksa"), {"ids": ids, "aksi": KEMBALIKAN, "catatan": ""})
    assert not KegiatanHarian.objects.exclude(status=KegiatanHarian.Status.DIAJUKAN).exists()
    assert not Notifikasi.objects.exists()
    c.post(reverse("harian:periksa"), {"ids": ids, "aksi": KEMBALIKAN, "catatan": "Lampirkan notula"})
    assert set(KegiatanHarian.objects.filter(pk__in=ids).values_list("status", "catatan_atasan")) == {
        (KegiatanHarian.Status.DIKEMBALIKAN, "Lampirkan notula")}
    assert Notifikasi.objects.filter(penerima=org.pegawai.user).count() == 1
    html = login_as(client, org, "pegawai").get(reverse("harian:saya"), {"status": "DIKEMBALIKAN"}).content.decode()
    assert "Lampirkan notula" in html and "Dikembalikan" in html


@pytest.mark.parametrize("actor", ["atasan2", "pegawai", "hr", "hr_other"])
def test_bulk_review_outside_the_own_team_is_404_and_changes_nothing(client, org, entri, actor):
    ids = [entri["pegawai"][0].pk]
    r = login_as(client, org, actor).post(reverse("harian:periksa"), {"ids": ids, "aksi": SETUJUI})
    assert r.status_code in (403, 404)
    assert not KegiatanHarian.objects.exclude(status=KegiatanHarian.Status.DIAJUKAN).exists()
    assert not Notifikasi.objects.exists()


def test_one_foreign_id_in_the_batch_is_404_for_the_whole_batch(client, org, entri):
    ids = [entri["pegawai"][0].pk, entri["lain"][0].pk]
    r = login_as(client, org, "atasan").post(reverse("harian:periksa"), {"ids": ids, "aksi": SETUJUI})
    assert r.status_code == 404
    assert not KegiatanHarian.objects.exclude(status=KegiatanHarian.Status.DIAJUKAN).exists()


@pytest.mark.parametrize("post", [{"aksi": SETUJUI}, {"ids": ["x"], "aksi": SETUJUI}, {"ids": ["1"], "aksi": "hapus"}])
def test_bad_bulk_input_is_a_message_or_404_never_500(client, org, entri, post):
    r = login_as(client, org, "atasan").post(reverse("harian:periksa"), post)
    assert r.status_code in (302, 404)
    assert not KegiatanHarian.objects.exclude(status=KegiatanHarian.Status.DIAJUKAN).exists()


def test_an_approved_entry_is_settled_until_returned(org, entri):
    k = entri["pegawai"][0]
    kegiatan_review_bulk(atasan=org.atasan, ids=[k.pk], aksi=SETUJUI, oleh=org.atasan.user)
    k.refresh_from_db()
    data = DataKegiatan(tanggal=k.tanggal, uraian="Diubah", kuantitas=Decimal(1), jam_mulai=k.jam_mulai,
                        jam_selesai=k.jam_selesai)
    for aksi in (lambda: kegiatan_update(kegiatan=k, data=data, oleh=org.pegawai.user),
                 lambda: kegiatan_delete(kegiatan=k, oleh=org.pegawai.user)):
        with pytest.raises(ValidationError, match="sudah disetujui"):
            aksi()
    kegiatan_review_bulk(atasan=org.atasan, ids=[k.pk], aksi=KEMBALIKAN, catatan="Perbaiki uraian",
                         oleh=org.atasan.user)
    k.refresh_from_db()
    kegiatan_update(kegiatan=k, data=data, oleh=org.pegawai.user)  # editing resubmits it
    k.refresh_from_db()
    assert (k.uraian, k.status) == ("Diubah", KegiatanHarian.Status.DIAJUKAN)


def test_returned_entries_leave_the_rollup(org):
    from harian.selectors import rollup_per_iki

    skp = skp_aktif(org.pegawai)
    per = periode(org.instansi, mulai=today() - timedelta(days=10), selesai=today() + timedelta(days=5))
    KegiatanFactory(pegawai=org.pegawai, iki=iki_of(skp), kuantitas=Decimal(3))
    KegiatanFactory(pegawai=org.pegawai, iki=iki_of(skp), kuantitas=Decimal(4),
                    status=KegiatanHarian.Status.DISETUJUI)
    KegiatanFactory(pegawai=org.pegawai, iki=iki_of(skp), kuantitas=Decimal(5),
                    status=KegiatanHarian.Status.DIKEMBALIKAN)
    assert rollup_per_iki(PenilaianFactory(skp=skp, periode=per))[iki_of(skp).pk].jumlah == Decimal(7)


# --- working hours ----------------------------------------------------------------------------------------

def _minggu_lalu():
    return jam.senin(today()) - timedelta(days=7)


def test_hours_view_totals_and_shortfall_for_the_pegawai(client, org):
    senin = _minggu_lalu()
    skp_aktif(org.pegawai)
    for i, (m, s, status) in enumerate([("08:00", "12:00", "DISETUJUI"), ("13:00", "16:30", "DIAJUKAN"),
                                        ("16:30", "17:00", "DIKEMBALIKAN")]):
        KegiatanFactory(pegawai=org.pegawai, tanggal=senin + timedelta(days=i % 2), jam_mulai=t(m),
                        jam_selesai=t(s), status=status)
    KegiatanFactory(pegawai=org.pegawai, tanggal=senin + timedelta(days=7), jam_mulai=t("08:00"),
                    jam_selesai=t("09:00"))  # next week
    r = login_as(client, org, "pegawai").get(reverse("harian:jam-kerja"), {"minggu": str(senin + timedelta(days=3))})
    w = next(w for w in r.context["rekap"] if w.senin == senin)
    assert (w.total, w.disetujui, w.standar, w.kurang) == (450, 240, 2250, 1800)
    assert w.teks == {"total": "7:30", "disetujui": "4:00", "standar": "37:30", "kurang": "30:00"}
    assert r.context["rekap"][0].senin == senin and r.context["rekap"][0].minggu_sampai == senin + timedelta(days=6)
    assert "30:00" in r.content.decode()


def test_hours_view_uses_the_instansis_standard_and_shows_the_team(client, org, django_assert_max_num_queries):
    senin = _minggu_lalu()
    PengaturanHarian.objects.create(instansi=org.instansi, jam_kerja_menit=40 * 60)
    for p in (org.pegawai, org.rekan):
        skp_aktif(p)
        KegiatanFactory(pegawai=p, tanggal=senin, jam_mulai=t("08:00"), jam_selesai=t("10:00"))
    c = login_as(client, org, "atasan")
    with django_assert_max_num_queries(20):
        r = c.get(reverse("harian:tim-jam-kerja"), {"minggu": str(senin)})
    rows = {p.pk: p.jam for p in r.context["anggota"]}
    assert set(rows) == {org.pegawai.pk, org.rekan.pk}
    assert (rows[org.pegawai.pk].total, rows[org.pegawai.pk].kurang) == (120, 40 * 60 - 120)
    assert PengaturanHarian.jam_kerja_untuk(org.other_instansi.pk) == 2250


@pytest.mark.parametrize("actor, code", [("pegawai", 403), ("atasan2", 200), ("hr", 200), ("anon", 302)])
def test_team_hours_shows_only_the_own_team(client, org, actor, code):
    r = login_as(client, org, actor).get(reverse("harian:tim-jam-kerja"))
    assert r.status_code == code
    if code == 200 and actor == "atasan2":
        assert [p.pk for p in r.context["anggota"]] == [org.lain.pk]


@pytest.mark.parametrize("minggu", ["", "bukan-tanggal", "99999-01-01", "0001-01-01"])
def test_hours_view_survives_bad_weeks(client, org, minggu):
    assert login_as(client, org, "pegawai").get(reverse("harian:jam-kerja"), {"minggu": minggu}).status_code == 200


def test_hr_sets_the_instansis_standard_audited_and_only_for_its_own(client, org):
    c = login_as(client, org, "hr")
    page = c.get(reverse("harian:tim-jam-kerja"))
    assert 'value="37.50"' in page.content.decode()  # never localised in the input
    c.post(reverse("harian:jam-kerja-standar"), {"jam_per_minggu": "37.50"})  # unchanged: nothing stored
    assert not PengaturanHarian.objects.exists()
    c.post(reverse("harian:jam-kerja-standar"), {"jam_per_minggu": "40.5"})
    assert PengaturanHarian.jam_kerja_untuk(org.instansi.pk) == 2430
    assert PengaturanHarian.jam_kerja_untuk(org.other_instansi.pk) == 2250
    assert AuditLog.objects.filter(aksi="harian.jam_kerja_standar").count() == 1
    for bad in ("0", "200", "abc", ""):
        c.post(reverse("harian:jam-kerja-standar"), {"jam_per_minggu": bad})
    assert PengaturanHarian.jam_kerja_untuk(org.instansi.pk) == 2430


@pytest.mark.parametrize("actor", ["pegawai", "atasan"])
def test_only_hr_sets_the_standard(client, org, actor):
    assert login_as(client, org, actor).post(reverse("harian:jam-kerja-standar"), {"jam_per_minggu": "40"}
                                             ).status_code == 403
    assert not PengaturanHarian.objects.exists()
