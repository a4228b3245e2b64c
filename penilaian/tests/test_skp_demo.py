"""seed_demo step penilaian.skp.demo: every status, cascaded RHK, data for the demo logins, idempotent."""
import random

import pytest

from pegawai.demo import seed_org
from penilaian.access import skp_to_approve
from penilaian.models import RencanaHasilKerja, Skp, SkpVersi
from penilaian.skp import demo

pytestmark = pytest.mark.django_db


def test_demo_skp_for_every_status_and_the_demo_logins():
    logins = seed_org(n_pegawai=120, password="x", rng=random.Random(1), log=lambda *a: None)
    demo.seed(logins.instansi, rng=random.Random(2), log=lambda *a: None)
    skp = Skp.objects.filter(tahun=2026)
    assert set(skp.values_list("status", flat=True)) == set(Skp.Status.values)
    atasan, staf = demo._demo_people(logins.instansi)
    assert skp.get(pegawai=staf[0]).status == Skp.Status.DISETUJUI
    assert skp.get(pegawai=atasan).status == Skp.Status.DISETUJUI
    assert skp_to_approve(atasan.user).filter(status=Skp.Status.DIAJUKAN).exists()
    assert (
        SkpVersi.objects.filter(skp__status=Skp.Status.DISETUJUI).count()
        == skp.filter(status=Skp.Status.DISETUJUI).count() + 2
    )
    # cascade: every JA/JF RHK of a pegawai whose penilai has an SKP points at that penilai's RHK
    linked = RencanaHasilKerja.objects.filter(skp__tahun=2026, induk__isnull=False).select_related("skp", "induk__skp")
    assert linked.count() > 100
    assert all(r.induk.skp.pegawai_id == r.skp.pejabat_penilai_id for r in linked)
    n = skp.count()
    demo.seed(logins.instansi, rng=random.Random(2), log=lambda *a: None)
    assert Skp.objects.filter(tahun=2026).count() == n
