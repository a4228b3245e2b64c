"""The command-line bulk print and the demo step."""
import random
import zipfile

import pytest
from django.core.management import call_command

from notifikasi import demo
from notifikasi.models import Notifikasi

from .helpers import penilaian_final, periode, skp_lengkap

pytestmark = pytest.mark.django_db


def test_cetak_command_writes_one_pdf_per_pegawai_with_an_evaluation(org, tmp_path):
    per = periode(org)
    for p in (org.pegawai, org.rekan, org.atasan):
        penilaian_final(skp_lengkap(p), per)
    out = tmp_path / "seksi.zip"
    call_command("cetak", "--unit", "S1", "--instansi", org.instansi.kode, "--periode", str(per.pk), "--out", str(out))
    names = zipfile.ZipFile(out).namelist()
    assert sorted(n.split("_")[0] for n in names) == sorted(p.nip for p in (org.pegawai, org.rekan, org.atasan))


def test_cetak_command_skp_by_year_reports_missing(org, tmp_path, capsys):
    skp_lengkap(org.pegawai)
    out = tmp_path / "skp.zip"
    call_command("cetak", "--unit", "S1", "--instansi", org.instansi.kode, "--tahun", "2026", "--out", str(out))
    assert [n for n in zipfile.ZipFile(out).namelist() if n.endswith(".pdf")] == [
        n for n in zipfile.ZipFile(out).namelist() if n.startswith(org.pegawai.nip)
    ]
    assert org.rekan.nip in capsys.readouterr().err


def test_demo_step_is_idempotent(org):
    demo.seed(org.instansi, rng=random.Random(1), log=lambda m: None)
    n = Notifikasi.objects.count()
    demo.seed(org.instansi, rng=random.Random(1), log=lambda m: None)
    assert Notifikasi.objects.count() == n
