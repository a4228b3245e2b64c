"""Pages of the daily log against every actor (style.md §4) and what each of them sees."""
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from harian.models import KegiatanHarian, TanggapanKegiatan
from kinerja.models import AuditLog
from pegawai.tests.factories import login_as

from .factories import KegiatanFactory, iki_of, skp_aktif, today
from .test_rules import PDF

pytestmark = pytest.mark.django_db


def check(response, expected):
    if expected == "login":
        assert response.status_code == 302 and "/masuk/" in response.url
    else:
        assert response.status_code == expected, (response.status_code, expected)


@pytest.fixture
def entry(org):
    skp_aktif(org.pegawai)
    k = KegiatanFactory(pegawai=org.pegawai, uraian="Memverifikasi usulan kenaikan pangkat")
    k.berkas.save("bukti.pdf", SimpleUploadedFile("bukti.pdf", PDF))
    k.nama_berkas = "bukti.pdf"
    k.save()
    return k


# Only the owner edits or deletes; everyone else gets 404 (the entry's existence is not revealed).
EDIT = {"pegawai": 200, "rekan": 404, "atasan": 404, "atasan2": 404, "lain": 404, "kabid": 404,
        "hr": 403, "hr_other": 403, "admin": 403, "anon": "login"}
# The evidence file: owner, their atasan (the kabid above only through a Plt; otherwise the direct team),
# HR of the instansi, admin.
BERKAS = {
    "pegawai": 200,
    "rekan": 404,
    "atasan": 200,
    "atasan2": 404,
    "lain": 404,
    "kabid": 404,
    "hr": 200,
    "hr_other": 404,
    "admin": 200,
    "anon": "login",
}


@pytest.mark.parametrize("actor", list(EDIT))
def test_only_the_owner_may_open_the_edit_form(client, org, entry, actor):
    check(login_as(client, org, actor).get(reverse("harian:ubah", args=[entry.pk])), EDIT[actor])


@pytest.mark.parametrize("actor", list(EDIT))
def test_only_the_owner_may_delete(client, org, entry, actor):
    r = login_as(client, org, actor).post(reverse("harian:hapus", args=[entry.pk]))
    expected = EDIT[actor]
    if expected == 200:
        assert r.status_code == 302 and not KegiatanHarian.objects.filter(pk=entry.pk).exists()
        assert AuditLog.objects.filter(aksi="harian.deleted").exists()
    else:
        check(r, expected)
        assert KegiatanHarian.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize("actor", list(BERKAS))
def test_evidence_file_is_served_only_after_a_permission_check(client, org, entry, actor):
    r = login_as(client, org, actor).get(reverse("harian:berkas", args=[entry.pk]))
    check(r, BERKAS[actor])
    if BERKAS[actor] == 200:
        assert b"".join(r.streaming_content).startswith(b"%PDF") and r["Cache-Control"] == "private, no-store"


def test_owner_adds_an_entry_through_the_form(client, org):
    skp = skp_aktif(org.pegawai)
    iki = iki_of(skp)
    r = login_as(client, org, "pegawai").post(
        reverse("harian:tambah"),
        {
            "tanggal": today().isoformat(),
            "jam_mulai": "08:00",
            "jam_selesai": "09:15",
            "uraian": "Menyusun draf SOP",
            "kuantitas": "2",
            "satuan": "",
            "iki": iki.pk,
            "berkas": SimpleUploadedFile("sop.pdf", PDF),
        },
    )
    assert r.status_code == 302
    k = KegiatanHarian.objects.get()
    assert (k.pegawai, k.iki, k.kuantitas, k.satuan, k.nama_berkas, k.durasi_menit, k.status) == (
        org.pegawai,
        iki,
        Decimal(2),
        "dokumen",
        "sop.pdf",
        75,
        KegiatanHarian.Status.DIAJUKAN,
    )


def test_form_shows_the_refusal_message_for_a_future_date(client, org):
    skp_aktif(org.pegawai)
    r = login_as(client, org, "pegawai").post(
        reverse("harian:tambah"),
        {"tanggal": (today() + timedelta(days=2)).isoformat(), "uraian": "Rencana", "kuantitas": "1",
         "jam_mulai": "08:00", "jam_selesai": "09:00"},
    )
    assert r.status_code == 200 and "belum terjadi" in r.content.decode()
    assert not KegiatanHarian.objects.exists()


def test_form_lists_only_own_approved_iki(client, org):
    own, rekan = skp_aktif(org.pegawai), skp_aktif(org.rekan)
    html = login_as(client, org, "pegawai").get(reverse("harian:tambah")).content.decode()
    assert iki_of(own).teks[:40] in html and iki_of(rekan).teks[:40] not in html


def test_posting_someone_elses_iki_is_refused(client, org):
    skp_aktif(org.pegawai)
    rekan = skp_aktif(org.rekan)
    r = login_as(client, org, "pegawai").post(
        reverse("harian:tambah"),
        {"tanggal": today().isoformat(), "uraian": "x", "kuantitas": "1", "iki": iki_of(rekan).pk,
         "jam_mulai": "08:00", "jam_selesai": "09:00"},
    )
    assert r.status_code == 200 and not KegiatanHarian.objects.exists()


def test_my_log_shows_only_my_entries_and_the_supervisors_comment(client, org):
    skp_aktif(org.pegawai)
    mine = KegiatanFactory(pegawai=org.pegawai, uraian="Entri milik saya")
    KegiatanFactory(pegawai=org.rekan, uraian="Entri milik rekan")
    TanggapanKegiatan.objects.create(kegiatan=mine, oleh=org.atasan, tanda="PERLU_PERBAIKAN", komentar="Lampirkan foto")
    html = login_as(client, org, "pegawai").get(reverse("harian:saya")).content.decode()
    assert "Entri milik saya" in html and "Entri milik rekan" not in html
    assert "Lampirkan foto" in html and "Perlu perbaikan" in html


# The team feed: atasan see their subordinates, HR its instansi, plain staff have no feed.
FEED = {
    "pegawai": 403,
    "atasan": 200,
    "atasan2": 200,
    "kabid": 200,
    "hr": 200,
    "hr_other": 200,
    "admin": 200,
    "anon": "login",
}
SEES_PEGAWAI = {"atasan": True, "atasan2": False, "kabid": False, "hr": True, "hr_other": False, "admin": True}


@pytest.mark.parametrize("actor", list(FEED))
def test_team_feed_scope(client, org, actor):
    KegiatanFactory(pegawai=org.pegawai, uraian="Kegiatan pegawai seksi satu")
    KegiatanFactory(pegawai=org.lain, uraian="Kegiatan pegawai seksi dua")
    r = login_as(client, org, actor).get(reverse("harian:tim"))
    check(r, FEED[actor])
    if FEED[actor] == 200:
        assert ("Kegiatan pegawai seksi satu" in r.content.decode()) is SEES_PEGAWAI[actor]
    if actor == "atasan":
        assert "Kegiatan pegawai seksi dua" not in r.content.decode()


def test_team_feed_filters_by_person_date_and_rhk(client, org):
    skp = skp_aktif(org.pegawai)
    a, b = iki_of(skp, 0), iki_of(skp, 1)
    t = today()
    KegiatanFactory(pegawai=org.pegawai, iki=a, uraian="AAA-rhk-satu", tanggal=t)
    KegiatanFactory(pegawai=org.pegawai, iki=b, uraian="BBB-rhk-dua", tanggal=t - timedelta(days=3))
    KegiatanFactory(pegawai=org.rekan, uraian="CCC-rekan", tanggal=t)
    c = login_as(client, org, "atasan")
    html = c.get(reverse("harian:tim"), {"rhk": a.rhk_id}).content.decode()
    assert "AAA-rhk-satu" in html and "BBB-rhk-dua" not in html and "CCC-rekan" not in html
    html = c.get(reverse("harian:tim"), {"pegawai": org.rekan.pk}).content.decode()
    assert "CCC-rekan" in html and "AAA-rhk-satu" not in html
    html = c.get(reverse("harian:tim"), {"sampai": (t - timedelta(days=1)).isoformat()}).content.decode()
    assert "BBB-rhk-dua" in html and "AAA-rhk-satu" not in html
    # someone outside the team cannot be picked as a filter value
    assert not c.get(reverse("harian:tim"), {"pegawai": org.lain.pk}).context["page_obj"].object_list


def test_feed_is_newest_first(client, org):
    t = today()
    KegiatanFactory(pegawai=org.pegawai, uraian="lama", tanggal=t - timedelta(days=5))
    KegiatanFactory(pegawai=org.rekan, uraian="baru", tanggal=t)
    page = login_as(client, org, "atasan").get(reverse("harian:tim")).context["page_obj"]
    assert [k.uraian for k in page] == ["baru", "lama"]


def _fill(org, n):
    skp = org.pegawai.skp.first() or skp_aktif(org.pegawai)
    iki = iki_of(skp)
    for i in range(n):
        k = KegiatanFactory(
            pegawai=org.pegawai if i % 2 else org.rekan,
            iki=iki if i % 2 else None,
            tanggal=today() - timedelta(days=i % 10),
        )
        TanggapanKegiatan.objects.create(
            kegiatan=k, oleh=org.atasan, tanda=TanggapanKegiatan.Tanda.SESUAI, komentar="ok"
        )


def test_feed_query_count_does_not_grow_with_entries(client, org, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    c = login_as(client, org, "atasan")
    _fill(org, 2)
    c.get(reverse("harian:tim"))  # warm the session
    with CaptureQueriesContext(connection) as few:
        c.get(reverse("harian:tim"))
    _fill(org, 40)
    with django_assert_max_num_queries(len(few.captured_queries)):
        r = c.get(reverse("harian:tim"))
    assert len(r.context["page_obj"].object_list) == 20 and len(few.captured_queries) <= 20


def test_my_log_query_count_does_not_grow(client, org, django_assert_max_num_queries):
    skp = skp_aktif(org.pegawai)
    for i in range(25):
        k = KegiatanFactory(pegawai=org.pegawai, iki=iki_of(skp), tanggal=today() - timedelta(days=i % 10))
        TanggapanKegiatan.objects.create(kegiatan=k, oleh=org.atasan, komentar="ok")
    c = login_as(client, org, "pegawai")
    with django_assert_max_num_queries(20):
        c.get(reverse("harian:saya"))


def test_silent_members_are_highlighted_with_adjustable_days(client, org):
    from harian.selectors import hari_kerja_terakhir

    hari = hari_kerja_terakhir(5, today())
    KegiatanFactory(pegawai=org.pegawai, tanggal=hari[-1])  # reported on the last working day
    KegiatanFactory(pegawai=org.rekan, tanggal=hari[0])  # reported 5 working days ago only
    c = login_as(client, org, "atasan")
    silent = {p.pk for p in c.get(reverse("harian:tim")).context["belum_melapor"]}  # N = 3
    assert silent == {org.rekan.pk}
    silent = {p.pk for p in c.get(reverse("harian:tim"), {"n": 5}).context["belum_melapor"]}
    assert silent == set()
    assert c.get(reverse("harian:tim"), {"n": "abc"}).status_code == 200


def test_supervisor_reacts_inline_and_the_employee_is_notified(
    client, org, monkeypatch, django_capture_on_commit_callbacks
):
    sent = []
    monkeypatch.setattr("harian.services.notify", lambda **kw: sent.append(kw))
    k = KegiatanFactory(pegawai=org.pegawai)
    c = login_as(client, org, "atasan")
    with django_capture_on_commit_callbacks(execute=True):
        r = c.post(
            reverse("harian:tanggapi", args=[k.pk]),
            {"tanda": TanggapanKegiatan.Tanda.SESUAI, "komentar": "Mantap"},
            HTTP_HX_REQUEST="true",
        )
    assert r.status_code == 200 and "Mantap" in r.content.decode() and "<html" not in r.content.decode()
    t = TanggapanKegiatan.objects.get()
    assert (t.oleh, t.tanda, t.komentar) == (org.atasan, TanggapanKegiatan.Tanda.SESUAI, "Mantap")
    assert sent and sent[0]["penerima"] == org.pegawai.user and "Mantap" in str(sent[0]["pesan"])
    # a second reaction by the same supervisor updates the first
    c.post(
        reverse("harian:tanggapi", args=[k.pk]), {"tanda": "PERLU_PERBAIKAN", "komentar": ""}, HTTP_HX_REQUEST="true"
    )
    assert TanggapanKegiatan.objects.get().tanda == "PERLU_PERBAIKAN"


def test_empty_reaction_is_refused(client, org):
    k = KegiatanFactory(pegawai=org.pegawai)
    r = login_as(client, org, "atasan").post(
        reverse("harian:tanggapi", args=[k.pk]), {"tanda": "", "komentar": " "}, HTTP_HX_REQUEST="true"
    )
    assert "Pilih tanda atau tulis komentar" in r.content.decode() and not TanggapanKegiatan.objects.exists()


REACT = {"atasan": 302, "pegawai": 404, "rekan": 404, "atasan2": 404, "kabid": 404, "hr": 403, "anon": "login"}


@pytest.mark.parametrize("actor", list(REACT))
def test_only_the_supervisor_reacts(client, org, actor):
    k = KegiatanFactory(pegawai=org.pegawai)
    r = login_as(client, org, actor).post(reverse("harian:tanggapi", args=[k.pk]), {"komentar": "hai"})
    check(r, REACT[actor])
    assert TanggapanKegiatan.objects.exists() is (REACT[actor] == 302)


def test_calendar_marks_days_with_entries_and_navigates(client, org):
    t = today()
    KegiatanFactory(pegawai=org.pegawai, tanggal=t)
    KegiatanFactory(pegawai=org.pegawai, tanggal=t)
    KegiatanFactory(pegawai=org.rekan, tanggal=t.replace(day=1))
    c = login_as(client, org, "pegawai")
    r = c.get(reverse("harian:kalender"))
    days = {d: n for week in r.context["minggu"] for d, n in week}
    assert days[t] == 2 and (t.day == 1 or days[t.replace(day=1)] == 0)
    prev = t.replace(day=1) - timedelta(days=1)
    r = c.get(reverse("harian:kalender"), {"bulan": f"{prev:%Y-%m}"})
    assert r.context["awal"] == prev.replace(day=1)
    assert c.get(reverse("harian:kalender"), {"bulan": "bukan-bulan"}).status_code == 200


def test_my_export_csv_and_xlsx(client, org):
    import io

    from openpyxl import load_workbook

    t = today()
    KegiatanFactory(pegawai=org.pegawai, uraian="Menyusun laporan bulanan", tanggal=t)
    KegiatanFactory(pegawai=org.pegawai, uraian="Di luar rentang", tanggal=t - timedelta(days=400))
    KegiatanFactory(pegawai=org.rekan, uraian="Punya rekan", tanggal=t)
    c = login_as(client, org, "pegawai")
    q = {"dari": (t - timedelta(days=7)).isoformat(), "sampai": t.isoformat()}
    csv_text = c.get(reverse("harian:ekspor"), {**q, "format": "csv"}).content.decode("utf-8-sig")
    assert (
        "Menyusun laporan bulanan" in csv_text and "Di luar rentang" not in csv_text and "Punya rekan" not in csv_text
    )
    r = c.get(reverse("harian:ekspor"), {**q, "format": "xlsx"})
    ws = load_workbook(io.BytesIO(r.content)).active
    rows = list(ws.values)
    assert rows[0][0] == "Tanggal" and len(rows) == 2 and rows[1][4] == "Menyusun laporan bulanan"


@pytest.mark.parametrize("actor, sees", [("atasan", True), ("atasan2", False), ("hr", True), ("hr_other", False)])
def test_team_export_is_scoped(client, org, actor, sees):
    KegiatanFactory(pegawai=org.pegawai, uraian="Kegiatan untuk ekspor")
    text = login_as(client, org, actor).get(reverse("harian:tim-ekspor"), {"format": "csv"}).content.decode("utf-8-sig")
    assert ("Kegiatan untuk ekspor" in text) is sees


def test_rekap_per_iki_on_my_log(client, org):
    from .factories import periode

    t = today()
    skp = skp_aktif(org.pegawai)
    per = periode(org.instansi, mulai=t - timedelta(days=20), selesai=t + timedelta(days=5), nama="Rekap uji")
    KegiatanFactory(pegawai=org.pegawai, iki=iki_of(skp), kuantitas=Decimal(4), tanggal=t)
    KegiatanFactory(pegawai=org.pegawai, iki=iki_of(skp), kuantitas=Decimal("1.5"), tanggal=t - timedelta(days=1))
    r = login_as(client, org, "pegawai").get(reverse("harian:saya"), {"periode": per.pk})
    assert r.context["rekap_pilihan"] == per
    baris = {b.iki.pk: b.rollup.jumlah for rek in r.context["rekap"] for b in rek.baris}
    assert baris[iki_of(skp).pk] == Decimal("5.5") and baris[iki_of(skp, 1).pk] == 0
    html = r.content.decode()
    blok = html[html.find(f'id="rekap-iki-{iki_of(skp).pk}"') :]
    assert "5,5" in blok[:1500]  # the sum, localised for reading
    # No realisasi input here (nothing typed on this page could be saved): a link to the form at this IKI.
    rekap = r.context["rekap"][0]
    if rekap.url_realisasi:
        assert f'href="{rekap.url_realisasi}#iki-{iki_of(skp).pk}"' in html
    assert 'id="realisasi-' not in html


def test_export_neutralises_spreadsheet_formulas(client, org):
    import io

    from openpyxl import load_workbook

    KegiatanFactory(pegawai=org.pegawai, uraian='=HYPERLINK("http://contoh.invalid","klik")', tanggal=today())
    c = login_as(client, org, "pegawai")
    csv_text = c.get(reverse("harian:ekspor"), {"format": "csv"}).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in csv_text
    ws = load_workbook(io.BytesIO(c.get(reverse("harian:ekspor"), {"format": "xlsx"}).content)).active
    assert list(ws.values)[1][4].startswith("'=")
