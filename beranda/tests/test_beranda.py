"""Beranda: each role sees its own cards with the right numbers, never a stranger's data, in a bounded
number of queries."""
import re
from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from harian.models import TanggapanKegiatan
from harian.selectors import hari_kerja_terakhir
from harian.tests.factories import KegiatanFactory
from pegawai.tests.factories import PegawaiFactory, UserFactory
from pelatihan.models import RiwayatPengembangan
from pelatihan.tests.factories import RiwayatFactory
from penilaian.models import BukaKunci, Penilaian, Periode, Skp, UndanganRekan
from penilaian.ringkasan import segarkan_semua
from penilaian.tests.evaluasi_helpers import periode_terbuka, periode_terkunci
from penilaian.tests.factories import PenilaianFactory, PeriodeFactory, SkpFactory

pytestmark = pytest.mark.django_db
S = Penilaian.Status


def today() -> date:
    return timezone.localdate()


def skp(pegawai, status=Skp.Status.DISETUJUI, **kw) -> Skp:
    return SkpFactory(pegawai=pegawai, status=status, tahun=today().year, **kw)


def kemarin() -> date:
    return hari_kerja_terakhir(1, today())[0]


def riwayat(pegawai, status=RiwayatPengembangan.Status.DIAJUKAN, jp=8):
    awal = date(today().year, 1, 2)
    return RiwayatFactory(pegawai=pegawai, status=status, jp=jp, tanggal_mulai=awal, tanggal_selesai=awal)


def bereaksi(pegawai, oleh, komentar):
    return TanggapanKegiatan.objects.create(kegiatan=KegiatanFactory(pegawai=pegawai, tanggal=kemarin()), oleh=oleh,
                                            tanda=TanggapanKegiatan.Tanda.SESUAI, komentar=komentar)


def scenario(org) -> SimpleNamespace:
    """atasan appraises pegawai, rekan and ketiga; atasan2 appraises lain and lain2 (the strangers)."""
    periode = periode_terbuka(org.instansi)
    lalu = periode_terkunci(org.instansi)
    ketiga = PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan)
    lain2 = PegawaiFactory(unit_kerja=org.seksi2, atasan=org.atasan2)
    skp_saya = skp(org.pegawai)
    draft = Penilaian.objects.create(skp=skp_saya, periode=periode, status=S.DRAFT)
    # Finalised today, after HR reopened the locked period for the pegawai: waiting for the response.
    BukaKunci.objects.create(periode=lalu, pegawai=org.pegawai, alasan="Terlambat", dibuat_oleh=org.hr,
                             berlaku_sampai=timezone.now() + timedelta(days=1))
    final = PenilaianFactory(skp=skp_saya, periode=lalu, final=True, difinalkan_pada=timezone.now())
    skp(org.rekan, Skp.Status.DIAJUKAN)
    diajukan = Penilaian.objects.create(skp=skp(ketiga), periode=periode, status=S.DIAJUKAN)
    UndanganRekan.objects.create(penilaian=diajukan, rekan=org.pegawai)
    # Strangers of the other seksi: a finalised evaluation, an SKP to approve, a reaction, an answered invitation.
    lain_final = PenilaianFactory(skp=skp(org.lain), periode=periode, final=True)
    UndanganRekan.objects.create(penilaian=lain_final, rekan=org.pegawai, sudah_menjawab=True)
    skp(lain2, Skp.Status.DIAJUKAN)
    bereaksi(org.lain, org.atasan2, "RAHASIA-LAIN")
    for i in range(1, 5):
        bereaksi(org.pegawai, org.atasan, f"Komentar ke-{i}")
    riwayat(org.pegawai, RiwayatPengembangan.Status.DIVERIFIKASI, jp=8)
    riwayat(org.pegawai, jp=16)
    riwayat(org.asing, jp=4)
    return SimpleNamespace(periode=periode, draft=draft, final=final, diajukan=diajukan, ketiga=ketiga, lain2=lain2)


def page(client, user, **params) -> str:
    client.force_login(user)
    response = client.get(reverse("home"), params)
    assert response.status_code == 200
    return response.content.decode()


def angka(html: str, id_: str) -> str:
    return re.search(rf'id="{id_}">([^<]*)<', html).group(1).strip()


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_user_without_role_sees_the_not_linked_message(client):
    html = page(client, UserFactory(username="tanpa-peran"))
    assert "Akun Anda belum terhubung dengan data pegawai" in html
    assert "beranda-pegawai" not in html and "beranda-hr" not in html


def test_pegawai_sees_own_cards_with_numbers(client, org):
    s = scenario(org)
    html = page(client, org.pegawai.user)
    assert reverse("penilaian:skp-detail", args=[s.draft.skp_id]) in html and "tombol-buat-skp" not in html
    assert angka(html, "periode-nama") == f"Periode Berjalan {today().year}"
    assert angka(html, "sisa-hari") == "40 hari lagi"
    assert reverse("penilaian:evaluasi-detail", args=[s.draft.pk]) in html and "Isi penilaian" in html
    assert reverse("penilaian:tanggapan", args=[s.final.pk]) in html
    assert angka(html, "jumlah-undangan-rekan") == "1" and reverse("penilaian:rekan-inbox") in html
    assert 'data-jp="8"' in html and "8 dari target minimal 20 JP" in html
    assert [f"Komentar ke-{i}" in html for i in range(1, 5)] == [False, True, True, True]  # the latest 3
    assert reverse("harian:tambah") in html
    assert "RAHASIA-LAIN" not in html
    assert "beranda-atasan" not in html and "beranda-hr" not in html


def test_pegawai_without_data_gets_calls_to_action_and_empty_states(client, org):
    html = page(client, org.pegawai.user)
    assert f"Buat SKP {today().year}" in html and reverse("penilaian:skp-create") in html
    assert "Belum ada periode penilaian yang sedang terbuka." in html
    assert "Tidak ada hasil penilaian yang menunggu tanggapan." in html
    assert angka(html, "jumlah-undangan-rekan") == "0"
    assert "Belum ada tanggapan atasan." in html and 'data-jp="0"' in html


def test_returned_skp_shows_the_return_note_and_approved_skp_opens_the_evaluation(client, org):
    skp(org.pegawai, Skp.Status.DIKEMBALIKAN, catatan_pengembalian="Target IKI belum terukur",
        tanggal_selesai=today().replace(month=1, day=1) + timedelta(days=1))
    disetujui = skp(org.pegawai, tanggal_mulai=today() - timedelta(days=1))
    periode = periode_terbuka(org.instansi)
    html = page(client, org.pegawai.user)
    assert "Target IKI belum terukur" in html
    assert reverse("penilaian:evaluasi-buka", args=[disetujui.pk, periode.pk]) in html


def test_current_period_is_the_started_open_one_with_the_nearest_deadline(client, org):
    t = today()
    PeriodeFactory(instansi=org.instansi, tahun=t.year, jenis=Periode.Jenis.TAHUNAN, nama="Akhir",
                   tanggal_mulai=t - timedelta(days=60), tanggal_selesai=t + timedelta(days=60),
                   batas_pengisian=t + timedelta(days=90))
    PeriodeFactory(instansi=org.instansi, tahun=t.year, nama="Triwulan Mendesak", tanggal_mulai=t - timedelta(days=40),
                   tanggal_selesai=t - timedelta(days=2), batas_pengisian=t + timedelta(days=2))
    PeriodeFactory(instansi=org.instansi, tahun=t.year, nama="Belum Mulai", tanggal_mulai=t + timedelta(days=1),
                   tanggal_selesai=t + timedelta(days=20), batas_pengisian=t + timedelta(days=1))
    PeriodeFactory(instansi=org.other_instansi, tahun=t.year, nama="Instansi Lain", tanggal_mulai=t,
                   tanggal_selesai=t, batas_pengisian=t)
    html = page(client, org.pegawai.user)
    assert angka(html, "periode-nama") == f"Triwulan Mendesak {t.year}" and angka(html, "sisa-hari") == "2 hari lagi"


def test_atasan_sees_team_section_after_own_section(client, org):
    s = scenario(org)
    html = page(client, org.atasan.user)
    assert html.index('id="beranda-pegawai"') < html.index('id="beranda-atasan"') and "beranda-hr" not in html
    assert angka(html, "atasan-skp-diajukan") == "1"  # rekan's; lain2's goes to atasan2
    assert angka(html, "atasan-penilaian-menunggu") == "1"  # ketiga's
    assert angka(html, "atasan-belum-melapor") == "2"  # rekan and ketiga; pegawai reported yesterday
    assert org.rekan.nama in html and s.ketiga.nama in html
    assert angka(html, "atasan-undangan-belum") == "1"  # pegawai's draft; ketiga's has an invitation
    for name in ("penilaian:skp-queue", "penilaian:evaluasi-bawahan", "harian:tim", "penilaian:rekan-daftar"):
        assert reverse(name) in html


def test_other_atasan_sees_only_their_own_team(client, org):
    s = scenario(org)
    html = page(client, org.atasan2.user)
    assert angka(html, "atasan-skp-diajukan") == "1"  # lain2's
    assert angka(html, "atasan-penilaian-menunggu") == "0"
    assert angka(html, "atasan-belum-melapor") == "1" and s.lain2.nama in html
    assert org.rekan.nama not in html and s.ketiga.nama not in html and "Komentar ke-" not in html


def test_hr_sees_instansi_figures(client, org):
    scenario(org)
    html = page(client, org.hr)
    assert "beranda-pegawai" not in html and "beranda-atasan" not in html
    assert angka(html, "hr-pegawai-aktif") == "8"
    assert angka(html, "hr-tanpa-skp") == "3"  # kabid, atasan, atasan2
    assert angka(html, "hr-persen-penilaian") == "33%" and "1 dari 3 SKP" in html  # lain's final of 3 evaluable
    assert angka(html, "hr-riwayat-menunggu") == "1"  # pegawai's; asing's belongs to the other instansi
    for name in ("pegawai:hr-home", "pegawai:list", "penilaian:skp-monitoring", "pelatihan:antrean"):
        assert reverse(name) in html


def test_hr_of_another_instansi_sees_none_of_it(client, org):
    scenario(org)
    html = page(client, org.hr_other)
    assert angka(html, "hr-pegawai-aktif") == "1" and angka(html, "hr-tanpa-skp") == "1"
    assert angka(html, "hr-riwayat-menunggu") == "1"  # asing's only
    assert "hr-persen-penilaian" not in html and "Belum ada periode penilaian yang sedang terbuka." in html


def test_admin_sees_the_chosen_instansi(client, org):
    scenario(org)
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    html = page(client, admin, instansi=org.instansi.pk)
    assert org.instansi.nama in html and angka(html, "hr-pegawai-aktif") == "8"


def test_user_with_every_role_sees_all_sections_in_order(client, org):
    scenario(org)
    org.atasan.user.groups.add(Group.objects.get_or_create(name="HR")[0])
    html = page(client, org.atasan.user)
    assert html.index('id="beranda-pegawai"') < html.index('id="beranda-atasan"') < html.index('id="beranda-hr"')
    assert angka(html, "hr-pegawai-aktif") == "8"


def tambah_data(org, s, n: int) -> None:
    """More of everything the cards count or list, for both seksi and the other instansi."""
    for i in range(n):
        for unit, atasan in ((org.seksi, org.atasan), (org.seksi2, org.atasan2)):
            p = PegawaiFactory(unit_kerja=unit, atasan=atasan)
            pn = Penilaian.objects.create(skp=skp(p), periode=s.periode, status=S.DIAJUKAN)
            UndanganRekan.objects.create(penilaian=pn, rekan=org.pegawai)
            riwayat(p)
            if i % 2:  # the others stay silent and are listed
                KegiatanFactory(pegawai=p, tanggal=kemarin())
        PenilaianFactory(skp=s.draft.skp, periode=periode_terkunci(org.instansi, nama=f"Lalu {i}"), final=True)
        bereaksi(org.pegawai, org.atasan, "lagi")
        riwayat(PegawaiFactory(unit_kerja=org.other_unit))


# Whole request incl. the session (read from the database on SQLite), the user with its roles (one query),
# the bell (one) and the cards: pegawai 6, atasan 6 + 2, HR 6 (issue 18).
BUDGET = {"pegawai": 9, "atasan": 11, "hr": 9, "hr_other": 9}
ACTOR = {"pegawai": lambda org: org.pegawai.user, "atasan": lambda org: org.atasan.user, "hr": lambda org: org.hr,
         "hr_other": lambda org: org.hr_other}


@pytest.mark.parametrize("role", BUDGET)
def test_query_count_does_not_grow_with_data(client, org, role, django_assert_max_num_queries):
    s = scenario(org)
    client.force_login(ACTOR[role](org))
    client.get(reverse("home"))  # warm caches (content types, reference rows) like any later request
    with django_assert_max_num_queries(BUDGET[role]) as small:
        assert client.get(reverse("home")).status_code == 200
    tambah_data(org, s, 8)
    segarkan_semua()  # the 5-minute task recounts the units the services marked (tested in test_ringkasan)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(reverse("home")).status_code == 200
