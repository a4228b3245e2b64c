"""The three writes of the year-end peak cost a fixed number of queries, however many RHK and IKI the SKP
has: the penilai's rating and feedback (htmx), the pegawai's realisasi save. Each also changes what the
user expects (the rating, the feedback text, the realisasi), so the budget is not met by doing less."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from penilaian.models import Penilaian, Realisasi, UmpanBalik
from penilaian.tests.evaluasi_helpers import penilaian_untuk, periode_terbuka, skp_disetujui
from penilaian.tests.factories import IkiFactory, siapkan_urutan

pytestmark = pytest.mark.django_db
S = Penilaian.Status
HX = {"HTTP_HX_REQUEST": "true"}
# Session, user, roles and the evaluation in scope come first (about 8); then the write and its audit.
# Before this budget: rating 31, feedback 21, realisasi 36 with 1 RHK and 81 with 6.
BUDGET = {"rating": 12, "umpan_balik": 16, "realisasi": 25}  # one Plt/Plh query per request, not two


def _penilaian(org, pegawai, n_rhk: int, status: str) -> Penilaian:
    skp = skp_disetujui(pegawai, n_rhk=n_rhk)
    for rhk in skp.rhk.all():
        IkiFactory(rhk=rhk)  # two IKI per RHK
    p = penilaian_untuk(pegawai, periode_terbuka(org.instansi, nama=f"P{n_rhk}{status}"), status=status, skp=skp)
    siapkan_urutan(p)
    return p


def _queries(client, url, data, **extra) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as ctx:
        status = client.post(url, data, **extra).status_code
    return len(ctx), status


def _rating(client, p, _n):
    return _queries(client, reverse("penilaian:evaluasi-rating", args=[p.pk]),
                    {"versi": p.versi, "rating_hasil": "DI_ATAS", "rating_perilaku": "SESUAI"}, **HX)


def _umpan_balik(client, p, n):
    rhk = p.skp.rhk.order_by("pk").first()
    return _queries(client, reverse("penilaian:evaluasi-umpan-balik", args=[p.pk]),
                    {"versi": p.versi, "target": f"rhk-{rhk.pk}", "teks": f"Catatan {n}"}, **HX)


def _realisasi(client, p, n):
    data = {"versi": p.versi}
    for rhk in p.skp.rhk.all():
        data[f"ra_{rhk.pk}"] = "Menyusun laporan"
        for iki in rhk.iki.all():
            data[f"real_{iki.pk}"] = str(n)
    return _queries(client, reverse("penilaian:evaluasi-isian", args=[p.pk]), data)


WRITES = [("rating", "atasan", S.DIAJUKAN, _rating), ("umpan_balik", "atasan", S.DIAJUKAN, _umpan_balik),
          ("realisasi", "pegawai", S.DRAFT, _realisasi)]


@pytest.mark.parametrize(("nama", "actor", "status", "write"), WRITES, ids=[w[0] for w in WRITES])
def test_write_costs_the_same_for_1_and_6_rhk(client, org, as_actor, nama, actor, status, write):
    counts = []
    for n_rhk, pegawai in ((1, org.pegawai), (6, org.rekan)):
        p = _penilaian(org, pegawai, n_rhk, status)
        as_actor(actor) if actor == "atasan" else client.force_login(pegawai.user)
        write(client, p, 1)  # first save creates rows; the second (measured) changes them
        p.refresh_from_db()
        n, code = write(client, p, 2)
        assert code in (200, 302), (nama, code)
        counts.append(n)
        p.refresh_from_db()
        if nama == "rating":
            assert (p.status, p.rating_hasil, p.rating_perilaku) == (S.DINILAI, "DI_ATAS", "SESUAI")
        elif nama == "umpan_balik":
            assert UmpanBalik.objects.get(penilaian=p, rhk__isnull=False).teks == "Catatan 2"
        else:
            assert set(Realisasi.objects.filter(penilaian=p).values_list("nilai", flat=True)) == {2}
            assert Realisasi.objects.filter(penilaian=p).count() == 2 * n_rhk
    assert counts[0] == counts[1], f"{nama}: {counts[0]} queries with 1 RHK, {counts[1]} with 6"
    assert counts[0] <= BUDGET[nama], f"{nama}: {counts[0]} queries"


def test_access_check_of_a_penilai_without_an_assignment_reads_no_plt_condition(org):
    """The vacant-post rule adds nothing when the user holds no Plt/Plh today: the check of one evaluation
    then joins no scan of every pegawai without an atasan (it cost every request ~300 ms at 50,000)."""
    from penilaian.access import penilaian_visible_to

    p = penilaian_untuk(org.pegawai, periode_terbuka(org.instansi), status=S.DIAJUKAN)
    qs = penilaian_visible_to(org.atasan.user).filter(pk=p.pk)
    assert "penugasanplt" not in str(qs.query).lower()
    assert list(qs) == [p]
    assert not penilaian_visible_to(org.atasan2.user).filter(pk=p.pk).exists()
