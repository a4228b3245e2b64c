"""Organisation predikat, the unit's distribution page and finalisation (domain.md §3.5, §4), and the
HR follow-up lists (§5.2)."""
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kinerja.models import AuditLog
from pegawai.tests.factories import PegawaiFactory, login_as
from penilaian.models import CapaianOrganisasi, FinalisasiUnit, Periode
from penilaian.predikat import Rating
from penilaian.rekan.selectors import distribusi_unit
from penilaian.rekan.services import capaian_organisasi_set, unit_finalize

from .rekan_factories import final, penilaian_of, periode_terbuka

pytestmark = pytest.mark.django_db


@pytest.fixture
def periode(org):
    return periode_terbuka(org.instansi)


def staff_with_predikat(org, periode, ratings):
    """Finalised evaluations in org.seksi (penilai org.atasan) with the given (hasil, perilaku) pairs."""
    for hasil, perilaku in ratings:
        final(penilaian_of(PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan), periode), hasil, perilaku)


def test_distribution_counts_evaluations_whose_skp_belongs_to_the_unit(org, periode):
    """domain.md §11.2 rule 4: the population is the SKP's unit in the period."""
    staff_with_predikat(org, periode, [(Rating.SESUAI, Rating.SESUAI)] * 2 + [(Rating.DI_BAWAH, Rating.SESUAI)])
    final(penilaian_of(org.lain, periode))  # SKP of seksi2
    penilaian_of(org.pegawai, periode)  # not rated yet
    dist = distribusi_unit(org.seksi, periode)
    # org.pegawai (opened, not rated), org.rekan and the head org.atasan (no evaluation yet) are "belum dinilai".
    assert dist.total == 3 and dist.belum_dinilai == 3
    assert dist.jumlah["BAIK"] == 2 and dist.jumlah["BUTUH_PERBAIKAN"] == 1


def test_page_shows_warnings_against_the_organisation_predikat(client, org, periode):
    staff_with_predikat(org, periode, [(Rating.SESUAI, Rating.SESUAI)] * 3)
    capaian_organisasi_set(unit=org.seksi, periode=periode, predikat="ISTIMEWA", catatan="", oleh=org.hr)
    client.force_login(org.atasan.user)
    page = client.get(reverse("penilaian:unit-distribusi", args=[org.seksi.pk, periode.pk])).content.decode()
    assert 'data-kode="SB_BUKAN_MAYORITAS"' in page and "chart-distribusi" in page and "chart.umd.min.js" in page


def test_compliant_distribution_shows_no_warning(client, org, periode):
    staff_with_predikat(org, periode, [(Rating.SESUAI, Rating.SESUAI)] * 2 + [(Rating.DI_ATAS, Rating.DI_ATAS)])
    capaian_organisasi_set(unit=org.seksi, periode=periode, predikat="BAIK", catatan="", oleh=org.hr)
    client.force_login(org.atasan.user)
    page = client.get(reverse("penilaian:unit-distribusi", args=[org.seksi.pk, periode.pk])).content.decode()
    assert 'id="distribusi-sesuai"' in page and "peringatan-distribusi" not in page


def test_parent_head_or_hr_set_organisation_predikat_audited(client, org, periode):
    client.force_login(org.kabid.user)  # head of the parent unit (bidang)
    client.post(reverse("penilaian:unit-capaian", args=[org.seksi.pk, periode.pk]), {"predikat": "BAIK"})
    assert CapaianOrganisasi.objects.get(unit_kerja=org.seksi).predikat == "BAIK"
    client.force_login(org.hr)
    client.post(reverse("penilaian:unit-capaian", args=[org.seksi.pk, periode.pk]), {"predikat": "ISTIMEWA"})
    assert CapaianOrganisasi.objects.get(unit_kerja=org.seksi).predikat == "ISTIMEWA"
    entries = AuditLog.objects.filter(aksi="organisasi.capaian_ditetapkan").order_by("pk")
    assert [e.data["ke"] for e in entries] == ["BAIK", "ISTIMEWA"]


def test_unit_head_cannot_set_own_organisation_predikat(client, org, periode):
    client.force_login(org.atasan.user)
    r = client.post(reverse("penilaian:unit-capaian", args=[org.seksi.pk, periode.pk]), {"predikat": "ISTIMEWA"})
    assert r.status_code == 403 and not CapaianOrganisasi.objects.exists()


def test_finalise_despite_warning_needs_justification_and_is_audited(org, periode):
    staff_with_predikat(org, periode, [(Rating.SESUAI, Rating.SESUAI)] * 3)
    capaian_organisasi_set(unit=org.seksi, periode=periode, predikat="ISTIMEWA", catatan="", oleh=org.hr)
    with pytest.raises(ValidationError, match="justifikasi"):
        unit_finalize(unit=org.seksi, periode=periode, justifikasi="", oleh=org.atasan.user)
    fin = unit_finalize(unit=org.seksi, periode=periode, justifikasi="Semua staf baru, target belum relevan.",
                        oleh=org.atasan.user)
    assert [p["kode"] for p in fin.pelanggaran] == ["SB_BUKAN_MAYORITAS"]
    entry = AuditLog.objects.get(aksi="organisasi.unit_difinalisasi")
    assert entry.catatan.startswith("Semua staf baru") and entry.data["pelanggaran"] == ["SB_BUKAN_MAYORITAS"]
    with pytest.raises(ValidationError, match="sudah difinalisasi"):
        unit_finalize(unit=org.seksi, periode=periode, justifikasi="lagi lagi lagi", oleh=org.atasan.user)
    with pytest.raises(ValidationError, match="sudah difinalisasi"):
        capaian_organisasi_set(unit=org.seksi, periode=periode, predikat="BAIK", catatan="", oleh=org.hr)


def test_compliant_unit_finalises_without_justification(org, periode):
    staff_with_predikat(org, periode, [(Rating.SESUAI, Rating.SESUAI)] * 2 + [(Rating.DI_ATAS, Rating.DI_ATAS)])
    capaian_organisasi_set(unit=org.seksi, periode=periode, predikat="BAIK", catatan="", oleh=org.hr)
    assert unit_finalize(unit=org.seksi, periode=periode, justifikasi="", oleh=org.atasan.user).pelanggaran == []


def test_finalise_needs_organisation_predikat_first(org, periode):
    with pytest.raises(ValidationError, match="capaian kinerja organisasi"):
        unit_finalize(unit=org.seksi, periode=periode, justifikasi="", oleh=org.atasan.user)


def test_only_the_unit_head_finalises(client, org, periode):
    capaian_organisasi_set(unit=org.seksi, periode=periode, predikat="BAIK", catatan="", oleh=org.hr)
    for user in (org.hr, org.kabid.user):
        client.force_login(user)
        r = client.post(reverse("penilaian:unit-final", args=[org.seksi.pk, periode.pk]), {"justifikasi": "x" * 20})
        assert r.status_code == 403
    assert not FinalisasiUnit.objects.exists()


@pytest.mark.parametrize("actor,status", [
    ("pegawai", 404), ("atasan", 200), ("kabid", 200), ("atasan2", 404), ("lain", 404), ("hr", 200), ("hr_other", 404),
])
def test_distribution_page_permissions(client, org, periode, actor, status):
    login_as(client, org, actor)
    assert client.get(reverse("penilaian:unit-distribusi", args=[org.seksi.pk, periode.pk])).status_code == status


def test_distribution_page_query_count_does_not_grow(client, org, periode, django_assert_max_num_queries):
    staff_with_predikat(org, periode, [(Rating.SESUAI, Rating.SESUAI)] * 12)
    client.force_login(org.atasan.user)
    # 15: includes the SE 3/2023 order exception, read while no capaian is set (domain.md §11.2 rule 5).
    with django_assert_max_num_queries(15):
        client.get(reverse("penilaian:unit-distribusi", args=[org.seksi.pk, periode.pk]))


# ---------------------------------------------------------------- HR follow-up (§5.2)

def annual(org, tahun):
    return periode_terbuka(org.instansi, tahun=tahun, jenis=Periode.Jenis.TAHUNAN, nama=f"Akhir {tahun}")


def test_follow_up_lists(client, org):
    p24, p25 = annual(org, 2024), annual(org, 2025)
    sb, b, bp = (PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan) for _ in range(3))
    for periode in (p24, p25):
        final(penilaian_of(sb, periode), Rating.DI_ATAS, Rating.DI_ATAS)
        final(penilaian_of(b, periode), Rating.SESUAI, Rating.SESUAI)
    final(penilaian_of(bp, p24), Rating.DI_ATAS, Rating.DI_ATAS)
    final(penilaian_of(bp, p25), Rating.DI_BAWAH, Rating.SESUAI)
    final(penilaian_of(org.lain, p25), Rating.DI_BAWAH, Rating.DI_BAWAH)  # seksi2, outside the chosen unit
    client.force_login(org.hr)
    base = reverse("penilaian:tindak-lanjut") + f"?unit={org.seksi.pk}&tahun=2025"

    def names(daftar):
        return {p.pk for p in client.get(base + f"&daftar={daftar}").context["page_obj"]}

    assert names("talent") == {sb.pk}
    assert names("kompetensi") == {b.pk}
    assert names("perbaikan") == {bp.pk}
    dist = client.get(base).context["hasil"].distribusi
    assert (dist["SANGAT_BAIK"], dist["BAIK"], dist["BUTUH_PERBAIKAN"], dist["SANGAT_KURANG"]) == (1, 1, 1, 0)
    # the bidang includes its seksi
    r = client.get(reverse("penilaian:tindak-lanjut") + f"?unit={org.bidang.pk}&tahun=2025&daftar=perbaikan")
    assert {p.pk for p in r.context["page_obj"]} == {bp.pk, org.lain.pk}


def test_follow_up_only_counts_final_annual_evaluations(client, org):
    periodik = periode_terbuka(org.instansi, tahun=2025, nama="Triwulan IV")
    final(penilaian_of(org.pegawai, periodik), Rating.DI_BAWAH, Rating.SESUAI)
    penilaian_of(org.rekan, annual(org, 2025))  # annual but not final
    client.force_login(org.hr)
    r = client.get(reverse("penilaian:tindak-lanjut") + f"?unit={org.seksi.pk}&tahun=2025")
    assert sum(r.context["hasil"].distribusi.values()) == 0


@pytest.mark.parametrize("actor,status", [("pegawai", 403), ("atasan", 403), ("hr", 200), ("hr_other", 200)])
def test_follow_up_is_for_hr_of_own_instansi(client, org, actor, status):
    login_as(client, org, actor)
    r = client.get(reverse("penilaian:tindak-lanjut") + f"?unit={org.seksi.pk}")
    assert r.status_code == status
    if actor == "hr_other":
        assert r.context["unit"] != org.seksi  # another instansi's unit is not selectable


def _follow_up_queries(client, org, periodes, n):
    """Add ``n`` pegawai with Sangat Baik in 2024 and 2025; the number of queries of the talent list."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(n):
        x = PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan)
        for periode in periodes:
            final(penilaian_of(x, periode), Rating.DI_ATAS, Rating.DI_ATAS)
    client.force_login(org.hr)
    with CaptureQueriesContext(connection) as ctx:
        r = client.get(reverse("penilaian:tindak-lanjut") + f"?unit={org.bidang.pk}&tahun=2025&daftar=talent")
    return len(ctx.captured_queries), len(r.context["page_obj"])


def test_follow_up_query_count_is_bounded_and_does_not_grow(client, org):
    periodes = annual(org, 2024), annual(org, 2025)
    small, shown = _follow_up_queries(client, org, periodes, 2)
    assert shown == 2
    # Page chrome (session, user, notifications) + unit tree + one predikat_tahunan query + the list.
    assert small <= 14
    assert _follow_up_queries(client, org, periodes, 10) == (small, 12)
