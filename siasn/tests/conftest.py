"""Fixtures of the SIASN tests: a year with a final, a pending and a contested evaluation; the recompute."""
import pytest
from django.urls import reverse

from pegawai.tests.factories import JabatanFactory
from penilaian.models import Penilaian
from penilaian.predikat import Rating as R
from penilaian.tests.factories import PenilaianFactory, finalkan
from siasn.models import PegawaiSiasn

from . import bahan
from .bahan import TAHUN


@pytest.fixture
def tahun(org):
    """pegawai: final Akhir (Di atas / Sesuai → Baik) and a final Triwulan I as JF Ahli Muda;
    rekan: Akhir still DIAJUKAN; lain: Akhir under keberatan."""
    muda = JabatanFactory(nama="Analis Kebijakan Ahli Muda", jenis="FUNGSIONAL", jenjang="AHLI_MUDA")
    akhir, tw1 = bahan.akhir(org.instansi), bahan.tw1(org.instansi)
    skp = bahan.skp(org.pegawai, jabatan=muda)
    p_akhir = finalkan(PenilaianFactory(skp=skp, periode=akhir), hasil=R.DI_ATAS, perilaku=R.SESUAI)
    p_tw1 = finalkan(PenilaianFactory(skp=skp, periode=tw1), hasil=R.DI_ATAS, perilaku=R.DI_ATAS)
    PenilaianFactory(skp=bahan.skp(org.rekan), periode=akhir, status=Penilaian.Status.DIAJUKAN)
    keb = finalkan(PenilaianFactory(skp=bahan.skp(org.lain), periode=akhir))
    Penilaian.objects.filter(pk=keb.pk).update(status=Penilaian.Status.KEBERATAN)
    PegawaiSiasn.objects.create(pegawai=org.pegawai, pns_id="A1B2C3")
    return {"akhir": p_akhir, "tw1": p_tw1, "periode_akhir": akhir}


@pytest.fixture
def susun(django_capture_on_commit_callbacks):
    """Recompute the stored report as the button does (eager Celery: the run happens in the callback)."""
    def susun(client, jenis="skp22", **extra):
        with django_capture_on_commit_callbacks(execute=True):
            r = client.post(reverse("siasn:susun"), {"tahun": TAHUN, "jenis": jenis, **extra})
        assert r.status_code == 302
        return r

    return susun
