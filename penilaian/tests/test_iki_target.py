"""IKI target of a kuantitatif SKP must be a number above 0 (issue 11 §8): form, service, submission."""
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from penilaian.models import IndikatorKinerja, Skp
from penilaian.skp import services_isi
from penilaian.skp.services import skp_submit
from penilaian.tests.factories import IkiFactory, RhkFactory, SkpFactory

pytestmark = pytest.mark.django_db
PESAN = "Target IKI harus berupa angka lebih dari 0."


@pytest.mark.parametrize(("target", "ok"), [
    ("-3", False), ("0", False), ("-0.01", False), ("0.00", False), ("0.01", True), ("1", True), ("12.5", True),
])
def test_iki_form_page(client, org, target, ok):
    skp = SkpFactory(pegawai=org.pegawai, status=Skp.Status.DRAFT)
    rhk = RhkFactory(skp=skp)
    client.force_login(org.pegawai.user)
    r = client.post(reverse("penilaian:iki-create", args=[rhk.pk]),
                    {"teks": "Jumlah laporan", "aspek": "KUANTITAS", "target_angka": target, "satuan": "laporan"})
    if ok:
        assert r.status_code == 302 and rhk.iki.get().target_angka == Decimal(target)
    else:
        assert r.status_code == 200 and PESAN in r.content.decode() and not rhk.iki.exists()


@pytest.mark.parametrize("target", [Decimal(-3), Decimal(0)])
def test_service_refuses_it(org, target):
    rhk = RhkFactory(skp=SkpFactory(pegawai=org.pegawai, status=Skp.Status.DRAFT))
    iki = IndikatorKinerja(teks="Jumlah laporan", aspek="KUANTITAS", target_angka=target, satuan="laporan")
    with pytest.raises(ValidationError, match=PESAN):
        services_isi.iki_save(rhk=rhk, iki=iki, oleh=org.pegawai.user)
    assert not IndikatorKinerja.objects.exists()


def test_model_validation_refuses_it(org):
    iki = IkiFactory(rhk=RhkFactory(skp=SkpFactory(pegawai=org.pegawai)), target_angka=Decimal(5), satuan="laporan")
    iki.target_angka = Decimal(0)
    with pytest.raises(ValidationError) as exc:
        iki.full_clean()
    assert exc.value.message_dict["target_angka"] == [PESAN]


def test_an_old_bad_target_blocks_submission(org):
    """A target copied from last year (or entered before the rule) must be fixed before submitting."""
    skp = SkpFactory(pegawai=org.pegawai, status=Skp.Status.DRAFT)
    IkiFactory(rhk=RhkFactory(skp=skp), teks="Jumlah laporan tahunan", target_angka=Decimal(-3), satuan="laporan")
    with pytest.raises(ValidationError, match="Jumlah laporan tahunan.*lebih dari 0"):
        skp_submit(skp=skp, oleh=org.pegawai.user)
    skp.refresh_from_db()
    assert skp.status == Skp.Status.DRAFT
