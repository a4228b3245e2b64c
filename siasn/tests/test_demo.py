"""The demo's SIASN step: an export recorded with one row to export again; running it twice adds nothing."""
import random

import pytest
from django.core.management import call_command

from pegawai.models import Instansi
from siasn import ekspor as ek
from siasn.models import EksporSiasn

pytestmark = pytest.mark.django_db


def test_demo_shows_a_row_to_export_again_and_is_idempotent():
    from penilaian.evaluasi.demo import TAHUN
    from siasn.demo import seed

    call_command("seed_demo", stdout=open("/dev/null", "w"))
    instansi = Instansi.objects.get()
    assert EksporSiasn.objects.filter(instansi=instansi).count() == 1
    lap = ek.laporan(instansi, TAHUN, EksporSiasn.Jenis.PERIODIK)
    assert len(lap.ekspor_ulang) == 1
    seed(instansi, rng=random.Random(1), log=lambda *_a: None)
    assert EksporSiasn.objects.count() == 1
