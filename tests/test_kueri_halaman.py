"""What every page asks (the user's roles, the bell) costs one query each, and the pages of issue 18 keep a
fixed number of queries at two data sizes while showing the right figures."""
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from harian.tests.factories import KegiatanFactory
from notifikasi.models import Notifikasi
from notifikasi.views import BELL_JUMLAH, bell_context
from pegawai import access
from pegawai.backends import AkunBackend
from pegawai.models import PenugasanPlt
from pegawai.services import pegawai_set_atasan
from pegawai.services_akun import akun_issue_password
from pegawai.tests.factories import PegawaiFactory, UnitKerjaFactory, login_as
from pelatihan.models import RiwayatPengembangan
from pelatihan.tests.factories import RiwayatFactory
from penilaian.tests.evaluasi_helpers import periode_terbuka, skp_disetujui

pytestmark = pytest.mark.django_db


def _muat(user):
    return AkunBackend().get_user(user.pk)


def test_the_session_user_carries_its_roles_and_pegawai(org, django_assert_num_queries):
    with django_assert_num_queries(3):  # one per user
        atasan, pegawai, hr = _muat(org.atasan.user), _muat(org.pegawai.user), _muat(org.hr)
    with django_assert_num_queries(0):
        r, p, h = access.peran(atasan), access.peran(pegawai), access.peran(hr)
        assert access.instansi_peran(hr) == org.instansi
    assert (r.is_atasan, r.is_hr, r.pegawai, r.instansi_id) == (True, False, org.atasan, org.instansi.pk)
    assert (p.is_atasan, p.pegawai, p.labels) == (False, org.pegawai, ["pegawai"])
    assert (h.is_hr, h.is_atasan, h.pegawai, h.instansi_id) == (True, False, None, org.instansi.pk)


def test_a_user_not_loaded_by_the_backend_gets_the_same_roles_in_one_query(org, django_assert_num_queries):
    user = type(org.atasan.user).objects.get(pk=org.atasan.user.pk)
    with django_assert_num_queries(1):
        r = access.peran(user)
    assert r.is_atasan and r.pegawai == org.atasan


def test_an_acting_head_without_direct_staff_is_still_atasan(org):
    plt = PegawaiFactory(unit_kerja=org.seksi2)  # nobody's atasan
    PenugasanPlt.objects.create(pegawai=plt, unit_kerja=org.seksi2, jenis="PLT",
                                tanggal_mulai=timezone.localdate() - timedelta(days=1), nomor_sk="1")
    r = access.peran(_muat(plt.user))
    assert r.is_atasan and org.lain in access.bawahan_of(r.pegawai)
    assert not access.peran(_muat(org.rekan.user)).is_atasan


def test_a_deactivated_pegawai_keeps_no_role(org):
    org.atasan.aktif = False
    org.atasan.save()
    r = access.peran(_muat(org.atasan.user))
    assert (r.is_atasan, r.pegawai, r.labels) == (False, None, [])


def test_bell_counts_unread_and_lists_the_latest_in_one_query(org, django_assert_num_queries):
    user = org.pegawai.user
    with django_assert_num_queries(1):
        assert bell_context(user) == {"belum_dibaca": 0, "terbaru": []}
    for i in range(BELL_JUMLAH + 3):
        Notifikasi.objects.create(penerima=user, judul=f"N{i}", dibaca_pada=timezone.now() if i < 4 else None)
    Notifikasi.objects.create(penerima=org.rekan.user, judul="lain")
    with django_assert_num_queries(1):
        ctx = bell_context(user)
        assert ctx["belum_dibaca"] == BELL_JUMLAH + 3 - 4 and len(ctx["terbaru"]) == BELL_JUMLAH


# --- pages at two sizes ------------------------------------------------------------------------------

def _tambah(org, n: int) -> None:
    """More of what the pages list or count: pegawai, daily entries, training records."""
    skp = org.pegawai.skp.filter(status="DISETUJUI").first()
    iki = skp.rhk.first().iki.first() if skp else None
    for i in range(n):
        PegawaiFactory(unit_kerja=(org.seksi, org.seksi2)[i % 2], atasan=org.atasan, user=None)
        KegiatanFactory(pegawai=org.pegawai, tanggal=timezone.localdate() - timedelta(days=i + n), iki=iki)
        hari = date(timezone.localdate().year, 1, 2 + i + n)
        RiwayatFactory(pegawai=org.pegawai, status=RiwayatPengembangan.Status.DIVERIFIKASI, jp=2,
                       tanggal_mulai=hari, tanggal_selesai=hari)
        UnitKerjaFactory(instansi=org.instansi, parent=org.seksi2, kode=f"T{n}{i:02d}")


# (actor, page): the most queries it may make on SQLite (the session is read from the database there; with
# Redis it is not): session, user with roles, the bell, and the page's own.
PAGES = {
    ("pegawai", "home"): 9,
    ("atasan", "home"): 11,
    ("hr", "home"): 9,
    ("pegawai", "harian:saya"): 12,
    ("atasan", "harian:saya"): 12,
    ("pegawai", "pelatihan:saya"): 10,
    ("hr", "laporan:tpp"): 11,
    ("hr", "pegawai:hr-home"): 7,
}


@pytest.mark.parametrize("actor, name", PAGES)
def test_page_queries_do_not_grow_with_data(client, org, actor, name, django_assert_max_num_queries):
    periode_terbuka(org.instansi)
    skp_disetujui(org.pegawai)
    _tambah(org, 2)
    login_as(client, org, actor)
    url = reverse(name)
    client.get(url)  # builds the summary rows of the year, warms per-process caches
    with django_assert_max_num_queries(PAGES[(actor, name)]) as small:
        assert client.get(url).status_code == 200
    n = len(small.captured_queries)  # read now: the next request clears the connection's query log
    _tambah(org, 8)
    client.get(url)
    with django_assert_max_num_queries(n):
        assert client.get(url).status_code == 200


def _hr_home(client) -> dict[str, str]:
    html = client.get(reverse("pegawai:hr-home")).content.decode()
    kartu = html.split('id="jumlah-aktif">')[1]
    angka = [kartu.split("<")[0]] + [c.split("</div>")[0].rsplit(">", 1)[-1]
                                     for c in kartu.split('<div class="fs-3')[1:4]]
    return dict(zip(["aktif", "pppk", "tanpa_atasan", "tanpa_akun"], angka, strict=True))


def test_hr_home_counts_follow_the_services_that_change_atasan_and_accounts(client, org):
    baru = PegawaiFactory(unit_kerja=org.seksi, atasan=None, user=None)
    login_as(client, org, "hr")
    assert _hr_home(client) == {"aktif": "7", "pppk": "0", "tanpa_atasan": "2", "tanpa_akun": "1"}  # + kabid
    pegawai_set_atasan(pegawai=baru, atasan=org.atasan, oleh=org.hr, alasan="Penempatan")
    assert _hr_home(client)["tanpa_atasan"] == "1"
    akun_issue_password(pegawai=baru, oleh=org.hr)
    assert _hr_home(client)["tanpa_akun"] == "0"
