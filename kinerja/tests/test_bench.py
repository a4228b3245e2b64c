"""``manage.py bench`` at a tiny size, untimed: the machinery (seeding a year of every kind of data, every
page of every role, the three profiled writes, the final table) keeps working as the app changes."""
import json

import pytest
from django.core.management import call_command

from harian.models import KegiatanHarian
from pelatihan.models import RiwayatPengembangan
from penilaian.models import Penilaian, Realisasi, Skp

pytestmark = pytest.mark.django_db


def test_bench_smoke(tmp_path):
    out = tmp_path / "bench.json"
    with open(tmp_path / "log.txt", "w") as log:  # closed (flushed) before the log is read below
        call_command("bench", pegawai=60, hari=2, putaran=0, tulis=1, tanpa_beban=True, tanpa_pdf=True,
                     json_path=str(out), stdout=log)
    h = json.loads(out.read_text())
    assert Skp.objects.count() == 60 and Realisasi.objects.count() == 3 * Penilaian.objects.count() > 0
    assert Penilaian.objects.filter(status=Penilaian.Status.DITERIMA, predikat__gt="").exists()
    assert KegiatanHarian.objects.count() == 120 and RiwayatPengembangan.objects.count() == 120
    peran = {r["peran"].split(" ")[0] for r in h["halaman"]}
    assert peran == {"HR", "Sekda", "Atasan", "Pegawai"}
    assert len(h["halaman"]) > 60 and all(r["kueri"] > 0 for r in h["halaman"])
    assert [t["tulisan"] for t in h["tulisan"]] == ["rating", "umpan_balik", "realisasi"]
    assert "Halaman daftar/dasbor" in (tmp_path / "log.txt").read_text()
