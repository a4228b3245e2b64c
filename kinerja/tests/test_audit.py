"""History lines are words with names, never event codes or NIPs (issue 17, item 4)."""
import re
from pathlib import Path

import pytest
from django.urls import reverse

from kinerja.audit import AKSI_LABEL, label_aksi, nama_orang
from pegawai.tests.factories import UserFactory, login_as
from penilaian.models import Skp
from penilaian.tests.factories import skp_with_rhk

ROOT = Path(__file__).resolve().parents[2]
APPS = ("kinerja", "pegawai", "penilaian", "pelatihan", "harian", "notifikasi")
CODE = re.compile(r'"((?:akun|cetak_massal|harian|keberatan|organisasi|pegawai|pelatihan|penilaian|periode|plt|rekan'
                  r'|rencana_pengembangan|skp|unit)\.[a-z0-9_]+)"')
NOT_ACTIONS = {"urls", "demo", "csv", "xlsx", "zip", "tidak_ada"}


def _codes_in_source() -> set[str]:
    codes = set()
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "tests" in path.parts or "migrations" in path.parts:
                continue
            codes |= {c for c in CODE.findall(path.read_text()) if c.split(".", 1)[1] not in NOT_ACTIONS}
    return codes


def test_every_recorded_action_has_words():
    codes = _codes_in_source() - {"rencana_pengembangan.item_"}  # built as item_ditambah / item_diubah
    assert codes and not codes - AKSI_LABEL.keys(), sorted(codes - AKSI_LABEL.keys())


def test_an_unknown_code_is_never_shown_as_is():
    assert label_aksi("skp.sesuatu_baru") == "Data diubah"


@pytest.mark.django_db
def test_skp_history_reads_approved_by_the_atasan_name(client, org):
    from penilaian.skp import services

    skp = skp_with_rhk(org.pegawai, status=Skp.Status.DIAJUKAN)
    services.skp_approve(skp=skp, oleh=org.atasan.user)
    html = login_as(client, org, "pegawai").get(reverse("penilaian:skp-detail", args=[skp.pk])).content.decode()
    assert f"Disetujui oleh {org.atasan.nama_lengkap}" in html
    assert "skp.approved" not in html and org.atasan.nip not in html.split('id="riwayat"')[1]


@pytest.mark.django_db
def test_a_person_is_named_by_the_pegawai_name_not_the_nip_login(org):
    assert nama_orang(org.atasan.user) == org.atasan.nama_lengkap != org.atasan.user.username
    assert nama_orang(UserFactory(username="root", first_name="", last_name="")) == "root"
    assert nama_orang(None) == "Sistem"
