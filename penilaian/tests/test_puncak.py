"""The gaps at the edges of the chain (issue 14, "What to build" 4 and 5): a Plt/Plh for a vacant post,
and a non-ASN penilai at the top (domain.md §1.2, §1.3, §3.5, §7.5, §11.1 Pejabat Penilai Kinerja).

Every scenario runs through the services, as the users' clicks do.
"""
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from kinerja.models import AuditLog
from pegawai.models import Jabatan, PejabatNonAsn, PenugasanPlt, UnitKerja
from pegawai.tests.factories import JabatanFactory, PegawaiFactory, UnitKerjaFactory, UserFactory
from penilaian import pdf
from penilaian.access import get_skp_for, is_penilai_of, skp_to_approve
from penilaian.evaluasi import services as evaluasi
from penilaian.models import CapaianOrganisasi, Penilaian, Periode, Skp
from penilaian.skp import services as skp_services
from penilaian.skp.services_puncak import skp_assign_non_asn
from penilaian.tests.evaluasi_helpers import periode_terbuka
from penilaian.tests.factories import IkiFactory, RhkFactory, SkpFactory
from penilaian.tests.test_pdf import teks

pytestmark = pytest.mark.django_db


def _user(pegawai):
    pegawai.user = UserFactory(username=pegawai.nip)
    pegawai.save()
    return pegawai.user


def _isi(skp):
    IkiFactory(rhk=RhkFactory(skp=skp))
    return skp


def _skp_baru(pegawai):
    today = timezone.localdate()
    return _isi(skp_services.skp_create(pegawai=pegawai, tahun=today.year, tanggal_mulai=today.replace(month=1, day=1),
                                        tanggal_selesai=today.replace(month=12, day=31), oleh=pegawai.user))


def _nilai_sampai_final(skp, periode, *, pegawai_user, penilai_user):
    """Open → isian + submit (the pegawai) → capaian organisasi (SE 3/2023 order, §3.5) → finalise (the
    penilai): domain.md §3.2."""
    CapaianOrganisasi.objects.get_or_create(unit_kerja=skp.unit_kerja, periode=periode,
                                            defaults={"predikat": "BAIK", "catatan": "Sesuai laporan"})
    p = evaluasi.penilaian_open(skp=skp, periode=periode, oleh=pegawai_user)
    iki = skp.rhk.first().iki.first()
    evaluasi.penilaian_submit(penilaian=p, versi=p.versi, oleh=pegawai_user, rencana_aksi={},
                              realisasi={iki.pk: (Decimal("12"), "")})
    evaluasi.penilaian_finalize(penilaian=p, versi=p.versi, oleh=penilai_user, rating_hasil="SESUAI",
                                rating_perilaku="SESUAI")
    p.refresh_from_db()
    return p


# ---------------------------------------------------------------- Plt/Plh of a vacant post (§7.5, §11.1)

@pytest.fixture
def kosong(org):
    """Seksi Tiga has no kepala; its staff have no atasan; Kepala Seksi Dua is its Plt since 10 days."""
    seksi3 = UnitKerjaFactory(instansi=org.instansi, parent=org.bidang, kode="S3", nama="Seksi Tiga")
    staf = PegawaiFactory(unit_kerja=seksi3, atasan=None)
    today = timezone.localdate()
    plt = PenugasanPlt.objects.create(pegawai=org.atasan2, unit_kerja=seksi3, tanggal_mulai=today - timedelta(days=10),
                                      tanggal_selesai=today + timedelta(days=60), nomor_sk="800/7/2026")
    return seksi3, staf, plt


def test_vacant_unit_plt_approves_and_finalises_and_the_snapshot_names_the_plt(org, kosong):
    """domain.md §7.5 (PLT/PLH override) and §11.1: the acting head is the Pejabat Penilai Kinerja."""
    seksi3, staf, _plt = kosong
    skp = _skp_baru(staf)
    assert skp.pejabat_penilai == org.atasan2  # the Plt is recorded as penilai of the new SKP
    assert skp.atasan_penilai == org.kabid  # the head above the vacant unit
    skp_services.skp_submit(skp=skp, oleh=staf.user)
    skp.refresh_from_db()
    assert skp.snapshot["penilai"]["jabatan"] == "Plt. Kepala Seksi Tiga"
    assert skp in skp_to_approve(org.atasan2.user)
    skp_services.skp_approve(skp=skp, oleh=org.atasan2.user)
    skp.refresh_from_db()
    assert skp.status == Skp.Status.DISETUJUI

    p = _nilai_sampai_final(skp, periode_terbuka(org.instansi), pegawai_user=staf.user, penilai_user=org.atasan2.user)
    assert p.status == Penilaian.Status.FINAL and p.predikat == "BAIK"
    penilai = p.snapshot["penilai"]
    assert penilai["nama"] == org.atasan2.nama_lengkap and penilai["nip"] == org.atasan2.nip
    assert penilai["jabatan"] == "Plt. Kepala Seksi Tiga" and penilai["unit"] == "Seksi Tiga"
    assert penilai["plt_plh"] == "PLT" and penilai["jabatan_definitif"] == "Kepala Seksi"
    assert penilai["status_asn"] == "ASN"
    audit = AuditLog.objects.filter(aksi="penilaian.finalized", object_id=p.pk).get()
    assert "Plt. Kepala Seksi Tiga" in audit.catatan and "800/7/2026" in audit.catatan
    assert "Plt. Kepala Seksi Tiga" in teks(pdf.render_dokumen_evaluasi(p))


def test_plt_acts_on_an_skp_recorded_without_a_penilai(org, kosong):
    """An SKP made before the Plt was appointed (no penilai): the Plt appraises it all the same, and
    submitting records the Plt (bug 5 of issue 14: penilaian/access.py required a recorded kepala)."""
    _seksi3, staf, _plt = kosong
    skp = _isi(SkpFactory(pegawai=staf, tahun=timezone.localdate().year, pejabat_penilai=None, atasan_penilai=None))
    assert is_penilai_of(org.atasan2.user, skp)
    assert get_skp_for(org.atasan2.user, skp.pk, approve=True) == skp
    _user(staf)
    skp_services.skp_submit(skp=skp, oleh=staf.user)
    skp.refresh_from_db()
    assert skp.pejabat_penilai == org.atasan2


def test_kepala_who_left_is_a_vacancy_too(org, kosong):
    """The unit records a kepala who is no longer active: their staff go to the Plt (the vacancy)."""
    seksi3, staf, _plt = kosong
    lama = PegawaiFactory(unit_kerja=seksi3, aktif=False)
    seksi3.kepala = lama
    seksi3.save()
    staf.atasan = lama
    staf.save()
    skp = _isi(SkpFactory(pegawai=staf, tahun=timezone.localdate().year))
    assert skp.pejabat_penilai == lama
    assert is_penilai_of(org.atasan2.user, skp)


@pytest.mark.parametrize("mulai, selesai", [(-30, -1), (1, 30)], ids=["berakhir", "belum-mulai"])
def test_plt_outside_the_assignment_dates_gets_404(client, org, kosong, mulai, selesai):
    _seksi3, staf, plt = kosong
    today = timezone.localdate()
    PenugasanPlt.objects.filter(pk=plt.pk).update(tanggal_mulai=today + timedelta(days=mulai),
                                                  tanggal_selesai=today + timedelta(days=selesai))
    skp = _isi(SkpFactory(pegawai=staf, tahun=today.year, pejabat_penilai=None, atasan_penilai=None,
                          status=Skp.Status.DIAJUKAN))
    assert not is_penilai_of(org.atasan2.user, skp)
    with pytest.raises(Http404):
        get_skp_for(org.atasan2.user, skp.pk, approve=True)
    client.force_login(org.atasan2.user)
    assert client.get(reverse("penilaian:skp-detail", args=[skp.pk])).status_code == 404
    assert client.post(reverse("penilaian:skp-approve", args=[skp.pk])).status_code == 404


def test_plt_of_a_unit_with_a_kepala_still_acts_for_that_kepala(org):
    """Unchanged behaviour (pegawai/tests/test_plt.py): the Plt of a unit whose kepala is away."""
    PenugasanPlt.objects.create(pegawai=org.rekan, unit_kerja=org.seksi, tanggal_mulai=timezone.localdate())
    skp = SkpFactory(pegawai=org.pegawai, tahun=timezone.localdate().year)
    assert is_penilai_of(org.rekan.user, skp)
    assert not is_penilai_of(org.lain.user, skp)


# ---------------------------------------------------------------- non-ASN penilai at the top (§1.3, §11.1)

@pytest.fixture
def puncak(org):
    """The Sekda heads the Setda (top unit, no atasan); the Bupati (non-ASN) is recorded for the instansi."""
    setda = UnitKerjaFactory(instansi=org.instansi, kode="SETDA", nama="Sekretariat Daerah",
                             level=UnitKerja.Level.INSTANSI)
    sekda = PegawaiFactory(unit_kerja=setda, atasan=None, jabatan=JabatanFactory(
        nama="Sekretaris Daerah", jenis=Jabatan.Jenis.JPT_PRATAMA))
    setda.kepala = sekda
    setda.save()
    bupati = PejabatNonAsn.objects.create(instansi=org.instansi, nama="H. Arif Santoso, S.H.",
                                          jabatan="Bupati Contoh")
    return sekda, bupati


def test_sekda_with_a_non_asn_penilai_from_draft_to_dokumen_evaluasi(org, puncak):
    """domain.md §11.1: the Sekda's penilai is the Kepala Daerah, not an ASN; HR records the approval and
    the evaluation on the official's behalf; the Dokumen Evaluasi (§3.5) prints the official, NIP "-"."""
    sekda, bupati = puncak
    skp = _skp_baru(sekda)
    assert skp.bentuk == Skp.Bentuk.JPT and skp.pejabat_penilai is None
    with pytest.raises(ValidationError, match="Pejabat penilai belum ditetapkan"):
        skp_services.skp_submit(skp=skp, oleh=sekda.user)
    skp_assign_non_asn(skp=skp, peran="penilai", pejabat=bupati, oleh=org.hr, alasan="Puncak rantai")
    skp_services.skp_submit(skp=skp, oleh=sekda.user)
    skp.refresh_from_db()
    assert skp.status == Skp.Status.DIAJUKAN
    assert skp.snapshot["penilai"] == {
        "id": None, "nama": "H. Arif Santoso, S.H.", "nip": "", "pangkat_golongan": "", "jabatan": "Bupati Contoh",
        "unit": org.instansi.nama, "instansi": org.instansi.nama, "status_asn": "NON ASN", "non_asn_id": bupati.pk,
    }
    assert skp.snapshot["pegawai"]["status_asn"] == "ASN"
    # Nobody in the ASN chain approves it; HR of the instansi records the official's approval.
    assert not is_penilai_of(org.kabid.user, skp) and not is_penilai_of(sekda.user, skp)
    assert is_penilai_of(org.hr, skp) and not is_penilai_of(org.hr_other, skp)
    skp_services.skp_approve(skp=skp, oleh=org.hr)
    skp.refresh_from_db()
    assert skp.status == Skp.Status.DISETUJUI
    disetujui = AuditLog.objects.get(aksi="skp.approved", object_id=skp.pk)
    assert "atas nama H. Arif Santoso, S.H., Bupati Contoh" in disetujui.catatan

    periode = periode_terbuka(org.instansi, nama="Akhir", jenis=Periode.Jenis.TAHUNAN)
    p = _nilai_sampai_final(skp, periode, pegawai_user=sekda.user, penilai_user=org.hr)
    assert p.status == Penilaian.Status.FINAL and p.predikat == "BAIK"
    assert p.penilai is None  # no pegawai decided: the official did, recorded by HR
    assert p.snapshot["penilai"]["nama"] == "H. Arif Santoso, S.H." and p.snapshot["penilai"]["nip"] == ""
    assert p.snapshot["penilai"]["status_asn"] == "NON ASN"
    final = AuditLog.objects.get(aksi="penilaian.finalized", object_id=p.pk)
    assert "Dicatat oleh HR" in final.catatan and "atas nama H. Arif Santoso" in final.catatan

    dokumen = pdf.render_dokumen_evaluasi(p)
    assert dokumen.startswith(b"%PDF")
    isi = teks(dokumen)
    assert "H. Arif Santoso, S.H." in isi and "Bupati Contoh" in isi
    assert sekda.nip in isi
    bagian_penilai = isi.split("PEJABAT PENILAI KINERJA", 1)[1].split("ATASAN PEJABAT PENILAI", 1)[0]
    assert "NIP : -" in bagian_penilai.replace(" :", " :")


def test_atasan_penilai_may_be_non_asn(org, puncak):
    """The kepala OPD's atasan penilai is the Kepala Daerah: printed without NIP on the documents."""
    sekda, bupati = puncak
    kadis = PegawaiFactory(unit_kerja=org.bidang, atasan=sekda)
    skp = _isi(SkpFactory(pegawai=kadis, tahun=timezone.localdate().year))
    skp_assign_non_asn(skp=skp, peran="atasan_penilai", pejabat=bupati, oleh=org.hr)
    skp.refresh_from_db()
    assert skp.atasan_penilai is None and skp.atasan_penilai_non_asn == bupati
    blok = skp_services.snapshot_of(skp)
    assert blok["penilai"]["nip"] == sekda.nip and blok["atasan_penilai"]["status_asn"] == "NON ASN"


def test_db_allows_at_most_one_penilai_of_each_pair(org, puncak):
    _sekda, bupati = puncak
    skp = SkpFactory(pegawai=org.pegawai)
    for field in ("pejabat_penilai_non_asn", "atasan_penilai_non_asn"):
        with pytest.raises(IntegrityError), transaction.atomic():
            Skp.objects.filter(pk=skp.pk).update(**{field: bupati})


@pytest.mark.parametrize("masalah, pesan", [("lain", "instansi pegawai"), ("nonaktif", "harus aktif"),
                                            ("peran", "Peran tidak dikenal")])
def test_assigning_a_bad_non_asn_official_is_refused_without_change(org, puncak, masalah, pesan):
    sekda, bupati = puncak
    skp = SkpFactory(pegawai=sekda, pejabat_penilai=None)
    peran = "penilai"
    if masalah == "lain":
        bupati = PejabatNonAsn.objects.create(instansi=org.other_instansi, nama="X", jabatan="Wali Kota Lain")
    elif masalah == "nonaktif":
        PejabatNonAsn.objects.filter(pk=bupati.pk).update(aktif=False)
        bupati.refresh_from_db()
    else:
        peran = "pegawai"
    with pytest.raises(ValidationError, match=pesan):
        skp_assign_non_asn(skp=skp, peran=peran, pejabat=bupati, oleh=org.hr)
    skp.refresh_from_db()
    assert skp.pejabat_penilai_non_asn is None


def test_reassigning_an_asn_penilai_clears_the_non_asn_one(org, puncak):
    sekda, bupati = puncak
    skp = SkpFactory(pegawai=sekda, pejabat_penilai=None)
    skp_assign_non_asn(skp=skp, peran="penilai", pejabat=bupati, oleh=org.hr)
    skp_services.skp_reassign_penilai(skp=skp, penilai=org.kabid, oleh=org.hr, alasan="Koreksi")
    skp.refresh_from_db()
    assert skp.pejabat_penilai == org.kabid and skp.pejabat_penilai_non_asn is None


# ---------------------------------------------------------------- pages and permissions (style.md §4)

def test_hr_sets_the_non_asn_penilai_on_the_skp_page_and_records_the_approval(client, org, puncak):
    sekda, bupati = puncak
    skp = _isi(SkpFactory(pegawai=sekda, pejabat_penilai=None, tahun=timezone.localdate().year))
    client.force_login(org.hr)
    url = reverse("penilaian:skp-non-asn", args=[skp.pk])
    assert client.get(url).status_code == 200
    r = client.post(url, {"peran": "penilai", "pejabat": bupati.pk, "alasan": "Puncak rantai"})
    assert r.status_code == 302
    skp.refresh_from_db()
    assert skp.pejabat_penilai_non_asn == bupati
    skp_services.skp_submit(skp=skp, oleh=sekda.user)
    page = client.get(reverse("penilaian:skp-detail", args=[skp.pk])).content.decode()
    assert 'id="hr-mencatat"' in page and "Bupati Contoh" in page
    assert client.post(reverse("penilaian:skp-approve", args=[skp.pk])).status_code == 302
    skp.refresh_from_db()
    assert skp.status == Skp.Status.DISETUJUI
    antrian = client.get(reverse("penilaian:skp-non-asn-antrian")).content.decode()
    assert sekda.nama_lengkap in antrian


@pytest.mark.parametrize("actor, status", [("hr_other", 404), ("pegawai", 403), ("kabid", 403)])
def test_others_cannot_set_or_record_for_the_non_asn_penilai(client, org, puncak, actor, status):
    sekda, bupati = puncak
    skp = _isi(SkpFactory(pegawai=sekda, pejabat_penilai=None, pejabat_penilai_non_asn=bupati,
                          status=Skp.Status.DIAJUKAN, tahun=timezone.localdate().year))
    user = getattr(org, actor)
    client.force_login(user if actor.startswith("hr") else user.user)
    assert client.get(reverse("penilaian:skp-non-asn", args=[skp.pk])).status_code == status
    assert client.post(reverse("penilaian:skp-approve", args=[skp.pk])).status_code == 404
    skp.refresh_from_db()
    assert skp.status == Skp.Status.DIAJUKAN


def test_hr_of_another_instansi_cannot_open_the_evaluation(client, org, puncak):
    sekda, bupati = puncak
    skp = _isi(SkpFactory(pegawai=sekda, pejabat_penilai=None, pejabat_penilai_non_asn=bupati,
                          status=Skp.Status.DISETUJUI, tahun=timezone.localdate().year))
    p = Penilaian.objects.create(skp=skp, periode=periode_terbuka(org.instansi), status=Penilaian.Status.DIAJUKAN)
    client.force_login(org.hr_other)
    assert client.get(reverse("penilaian:evaluasi-detail", args=[p.pk])).status_code == 404
    client.force_login(org.hr)
    assert client.get(reverse("penilaian:evaluasi-detail", args=[p.pk])).status_code == 200


def test_keberatan_under_a_non_asn_atasan_penilai_goes_to_hr(org, puncak):
    """PP 30/2019 Pasal 59 (domain.md §11.1): the atasan of the penilai decides; a non-ASN one has no
    login, so no ASN pemutus is named and HR of the instansi records the decision."""
    from penilaian.rekan.selectors import atasan_penilai_of

    _sekda, bupati = puncak
    skp = SkpFactory(pegawai=org.pegawai, atasan_penilai=None, atasan_penilai_non_asn=bupati,
                     status=Skp.Status.DISETUJUI)
    p = Penilaian.objects.create(skp=skp, periode=periode_terbuka(org.instansi))
    assert atasan_penilai_of(p) is None  # not the penilai's own ASN atasan (the kepala bidang)
