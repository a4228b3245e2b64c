"""Demo data of the SIASN page: SIASN ids for a few pegawai and one recorded export of the demo year's periodic
results, one of whose rows has changed since (so the page shows a row to export again). Idempotent."""
from pegawai.models import Pegawai
from penilaian.evaluasi.demo import TAHUN

from . import ekspor as ek
from .models import EksporSiasn, EksporSiasnBaris, PegawaiSiasn
from .services import ekspor_siasn


def seed(instansi, *, rng, log=print) -> None:
    if EksporSiasn.objects.filter(instansi=instansi).exists():
        return
    for pg in Pegawai.objects.filter(unit_kerja__instansi=instansi, siasn__isnull=True).order_by("pk")[:10]:
        PegawaiSiasn.objects.create(pegawai=pg, pns_id=f"DEMO{pg.nip[-8:]}")
    tahun = TAHUN
    lap = ek.laporan(instansi, tahun, EksporSiasn.Jenis.PERIODIK)
    if not lap.valid:
        return
    ekspor, _isi = ekspor_siasn(laporan=lap, instansi=instansi, tahun=tahun, format=EksporSiasn.Format.XLSX,
                                oleh=None)
    # As if that row had been exported before a correction: its stored content differs from today's.
    EksporSiasnBaris.objects.filter(ekspor=ekspor, kunci=lap.valid[0].kunci).update(hash="0" * 64)
    log(f"SIASN: 1 ekspor demo ({ekspor.jumlah_baris} baris)")
