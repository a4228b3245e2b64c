"""SKP content: RHK/IKI editing rules, ordering, the intervened RHK (domain.md §1.3, §1.4)."""
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from kinerja.audit import audit_for
from pegawai.tests.factories import actor_user
from penilaian.models import IndikatorKinerja, RencanaHasilKerja, Skp
from penilaian.skp import services_isi
from penilaian.tests.factories import IkiFactory, RhkFactory, SkpFactory

pytestmark = pytest.mark.django_db
S, A = Skp.Status, IndikatorKinerja.Aspek


def rhk(skp, **kw):
    return RencanaHasilKerja(teks=kw.pop("teks", "Tersusunnya laporan"), **kw)


@pytest.mark.parametrize(
    "status,ok", [(S.DRAFT, True), (S.DIKEMBALIKAN, True), (S.DIAJUKAN, False), (S.DISETUJUI, False)]
)
def test_owner_edits_only_draft_or_returned(org, status, ok):
    skp = SkpFactory(pegawai=org.pegawai, status=status)
    if ok:
        assert services_isi.rhk_save(skp=skp, rhk=rhk(skp), oleh=org.pegawai.user).pk
    else:
        with pytest.raises(ValidationError):
            services_isi.rhk_save(skp=skp, rhk=rhk(skp), oleh=org.pegawai.user)


@pytest.mark.parametrize("actor", ["atasan", "rekan", "hr"])
def test_nobody_but_the_owner_edits(org, actor):
    skp = SkpFactory(pegawai=org.pegawai)
    user = actor_user(org, actor)
    with pytest.raises(ValidationError):
        services_isi.rhk_save(skp=skp, rhk=rhk(skp), oleh=user)
    r = RhkFactory(skp=skp)
    with pytest.raises(ValidationError):
        services_isi.rhk_delete(rhk=r, oleh=user)


@pytest.mark.parametrize(
    "pendekatan,data,ok",
    [
        # domain.md §1.3 Pendekatan: kuantitatif = number + satuan, kualitatif = narrative target
        (Skp.Pendekatan.KUANTITATIF, {"target_angka": Decimal(12), "satuan": "dokumen"}, True),
        (Skp.Pendekatan.KUANTITATIF, {"target_angka": Decimal(12), "satuan": ""}, False),
        (Skp.Pendekatan.KUANTITATIF, {"target_teks": "Laporan lengkap"}, False),
        (Skp.Pendekatan.KUALITATIF, {"target_teks": "Laporan diterima tanpa revisi"}, True),
        (Skp.Pendekatan.KUALITATIF, {"target_angka": Decimal(3), "satuan": "laporan"}, False),
    ],
)
def test_iki_target_shape_follows_pendekatan(org, pendekatan, data, ok):
    skp = SkpFactory(pegawai=org.pegawai, pendekatan=pendekatan)
    r = RhkFactory(skp=skp)
    iki = IndikatorKinerja(teks="Jumlah laporan", aspek=A.KUANTITAS, **data)
    if ok:
        assert services_isi.iki_save(rhk=r, iki=iki, oleh=org.pegawai.user).target_display
    else:
        with pytest.raises(ValidationError):
            services_isi.iki_save(rhk=r, iki=iki, oleh=org.pegawai.user)


def test_ja_jf_iki_needs_aspek_and_jpt_rhk_needs_perspektif(org):
    skp = SkpFactory(pegawai=org.pegawai)
    with pytest.raises(ValidationError):
        services_isi.iki_save(
            rhk=RhkFactory(skp=skp), oleh=org.pegawai.user, iki=IndikatorKinerja(teks="x", target_angka=1, satuan="dok")
        )
    jpt = SkpFactory(pegawai=org.rekan, bentuk=Skp.Bentuk.JPT)
    with pytest.raises(ValidationError):
        services_isi.rhk_save(skp=jpt, rhk=rhk(jpt), oleh=org.rekan.user)
    ok = services_isi.rhk_save(skp=jpt, rhk=rhk(jpt, perspektif="PROSES_BISNIS"), oleh=org.rekan.user)
    assert ok.perspektif == "PROSES_BISNIS"


def test_link_only_to_the_actual_penilais_rhk_of_the_same_year(org):
    skp = SkpFactory(pegawai=org.pegawai)
    mine = RhkFactory(skp=skp)
    boss = RhkFactory(skp=SkpFactory(pegawai=org.atasan))
    for wrong in (
        RhkFactory(skp=SkpFactory(pegawai=org.atasan2)),  # a supervisor, but not mine
        RhkFactory(skp=SkpFactory(pegawai=org.kabid)),  # my supervisor's supervisor
        RhkFactory(skp=SkpFactory(pegawai=org.atasan, tahun=2025)),  # last year
        RhkFactory(skp=SkpFactory(pegawai=org.rekan)),  # a colleague
    ):
        with pytest.raises(ValidationError):
            services_isi.rhk_link(rhk=mine, induk=wrong, oleh=org.pegawai.user)
    services_isi.rhk_link(rhk=mine, induk=boss, oleh=org.pegawai.user)
    mine.refresh_from_db()
    assert mine.induk == boss


def test_draft_before_the_supervisor_has_an_skp_and_link_later(org):
    skp = SkpFactory(pegawai=org.pegawai)
    mine = services_isi.rhk_save(skp=skp, rhk=rhk(skp), oleh=org.pegawai.user)
    assert mine.induk is None
    boss = RhkFactory(skp=SkpFactory(pegawai=org.atasan))
    services_isi.rhk_link(rhk=mine, induk=boss, oleh=org.pegawai.user)
    assert RencanaHasilKerja.objects.get(pk=mine.pk).induk == boss


def test_reorder_swaps_neighbours_within_jenis(org):
    skp = SkpFactory(pegawai=org.pegawai)
    a, _b, c = (services_isi.rhk_save(skp=skp, rhk=rhk(skp, teks=t), oleh=org.pegawai.user) for t in "abc")
    services_isi.rhk_move(rhk=c, naik=True, oleh=org.pegawai.user)
    assert list(skp.rhk.order_by("urutan").values_list("teks", flat=True)) == ["a", "c", "b"]
    services_isi.rhk_move(rhk=a, naik=True, oleh=org.pegawai.user)  # already first: no change
    assert list(skp.rhk.order_by("urutan").values_list("teks", flat=True)) == ["a", "c", "b"]
    i1, i2 = IkiFactory(rhk=a, urutan=1), IkiFactory(rhk=a, urutan=2)
    services_isi.iki_move(iki=i1, naik=False, oleh=org.pegawai.user)
    assert list(a.iki.order_by("urutan")) == [i2, i1]


def test_changes_after_submission_are_audited_with_before_and_after(org):
    skp = SkpFactory(pegawai=org.pegawai)
    r = services_isi.rhk_save(skp=skp, rhk=rhk(skp, teks="Lama"), oleh=org.pegawai.user)
    assert not audit_for(skp).exists()  # a first draft is not noise in the history
    skp.status, skp.diajukan_pada = S.DIKEMBALIKAN, "2026-01-10T09:00+07:00"
    skp.save()
    r.teks = "Baru"
    services_isi.rhk_save(skp=skp, rhk=r, oleh=org.pegawai.user)
    services_isi.skp_update_lampiran(skp=skp, data={"konsekuensi": "TPP dipotong"}, oleh=org.pegawai.user)
    entries = list(audit_for(skp))
    assert entries[1].aksi == "skp.rhk_changed" and entries[1].data["teks"] == ["Lama", "Baru"]
    assert entries[0].aksi == "skp.lampiran_changed" and entries[0].data["konsekuensi"] == ["", "TPP dipotong"]
