"""The evaluation's status table (issue 13): every status × action allowed or refused, the flags that
templates read, and the places that used to re-derive them (domain.md §3.2, §3.5, §11.1)."""
import ast
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from penilaian.evaluasi import selectors as evaluasi_selectors
from penilaian.models import Keberatan, Penilaian
from penilaian.rekan.keberatan import keberatan_file, penilaian_acknowledge

from .evaluasi_helpers import penilaian_untuk, periode_terbuka, skp_disetujui
from .rekan_factories import final as set_final
from .rekan_factories import penilaian_of
from .rekan_factories import periode_terbuka as periode_rekan

S = Penilaian.Status
AKSI = ["isi", "submit", "feedback", "return", "rate", "finalize", "acknowledge", "file_keberatan",
        "decide_keberatan", "lapse"]
HARI = settings.KINERJA["HARI_KEBERATAN"]


def _row(kasus: str) -> Penilaian:
    """An unsaved evaluation for one case; FINAL in three flavours of its response window."""
    now = timezone.now()
    final_pada = {"FINAL_TERBUKA": now - timedelta(days=1), "FINAL_LEWAT": now - timedelta(days=HARI, hours=1),
                  "FINAL_TANPA_TANGGAL": None}
    if kasus in final_pada:
        return Penilaian(status=S.FINAL, final_pada=final_pada[kasus])
    return Penilaian(status=kasus, final_pada=now - timedelta(days=HARI + 30) if kasus in Penilaian.SELESAI else None)


# Written out by hand (not derived from TRANSISI): what each status allows and where it leads.
HARAPAN = {
    "DRAFT": {"isi": S.DRAFT, "submit": S.DIAJUKAN, "feedback": S.DRAFT},
    "DIAJUKAN": {"feedback": S.DIAJUKAN, "return": S.DRAFT, "rate": S.DINILAI, "finalize": S.FINAL},
    "DINILAI": {"feedback": S.DINILAI, "return": S.DRAFT, "rate": S.DINILAI, "finalize": S.FINAL},
    "FINAL_TERBUKA": {"acknowledge": S.DITERIMA, "file_keberatan": S.KEBERATAN},
    # Past its window a FINAL is closed before the daily task marks it: only the task's "lapse" applies.
    "FINAL_LEWAT": {"lapse": S.LEWAT_WAKTU},
    # No final_pada (rows made outside the finalise service): no known deadline, so still waiting.
    "FINAL_TANPA_TANGGAL": {"acknowledge": S.DITERIMA, "file_keberatan": S.KEBERATAN},
    "DITERIMA": {},
    "KEBERATAN": {"decide_keberatan": S.DIPUTUS},
    "DIPUTUS": {},
    "LEWAT": {},
}


def test_every_status_has_a_row_and_every_listed_action_is_known():
    assert {k for k in HARAPAN if not k.startswith("FINAL_")} | {S.FINAL} == set(S.values)
    assert {aksi for _dari, aksi in Penilaian.TRANSISI} == set(AKSI)


@pytest.mark.parametrize("kasus, aksi", [(k, a) for k in HARAPAN for a in AKSI])
def test_status_times_action_is_allowed_or_refused(kasus, aksi):
    p = _row(kasus)
    assert p.status_setelah(aksi) == HARAPAN[kasus].get(aksi)
    assert p.boleh(aksi) is (aksi in HARAPAN[kasus])


FLAGS = ["can_isi", "can_submit", "can_feedback", "can_return", "can_rate", "can_finalize", "can_acknowledge",
         "can_file_keberatan", "can_decide_keberatan", "menunggu_tanggapan", "menunggu_penilai",
         "predikat_sementara", "is_final"]
# One row per case, in the order of FLAGS (1 = true).
TABEL_FLAGS = {
    "DRAFT":               (1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
    "DIAJUKAN":            (0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0, 0),
    "DINILAI":             (0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 0),
    "FINAL_TERBUKA":       (0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 0, 0, 1),
    "FINAL_LEWAT":         (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1),
    "FINAL_TANPA_TANGGAL": (0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 0, 0, 1),
    "DITERIMA":            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1),
    "KEBERATAN":           (0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1),
    "DIPUTUS":             (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1),
    "LEWAT":               (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1),
}


@pytest.mark.parametrize("kasus", TABEL_FLAGS)
def test_flags_templates_read(kasus):
    p = _row(kasus)
    assert tuple(int(getattr(p, f)) for f in FLAGS) == TABEL_FLAGS[kasus]


@pytest.mark.parametrize("kasus, lewat, label", [
    ("FINAL_TERBUKA", False, "Final, menunggu tanggapan"),
    ("FINAL_LEWAT", True, "Diterima (batas tanggapan lewat)"),
    ("LEWAT", True, "Diterima (batas tanggapan lewat)"),
    ("DITERIMA", False, "Diterima pegawai"),
])
def test_an_expired_final_reads_as_accepted_by_lapse_of_time(kasus, lewat, label):
    p = _row(kasus)
    assert p.is_lewat_waktu() is lewat and str(p.status_tampil) == label


@pytest.mark.django_db
def test_querysets_split_final_rows_as_the_flags_do(org):
    periode = periode_terbuka(org.instansi)
    now = timezone.now()
    terbuka = penilaian_untuk(org.pegawai, periode, status=S.FINAL, final_pada=now - timedelta(days=1))
    lewat = penilaian_untuk(org.rekan, periode, status=S.FINAL, final_pada=now - timedelta(days=HARI, hours=1))
    tanpa = penilaian_untuk(org.lain, periode, status=S.FINAL)
    penilaian_untuk(org.atasan, periode, status=S.DITERIMA, final_pada=now - timedelta(days=HARI + 1))
    qs = Penilaian.objects.all()
    assert set(qs.filter(Penilaian.q_menunggu_tanggapan())) == {terbuka, tanpa}
    assert set(qs.filter(Penilaian.q_tanggapan_lewat())) == {lewat}
    efektif = dict(qs.annotate(st=Penilaian.status_efektif()).values_list("pk", "st"))
    assert efektif == {terbuka.pk: S.FINAL, lewat.pk: S.LEWAT_WAKTU, tanpa.pk: S.FINAL,
                       qs.get(status=S.DITERIMA).pk: S.DITERIMA}
    for p in qs:
        assert p.menunggu_tanggapan is (p in {terbuka, tanpa})


@pytest.mark.django_db
def test_an_expired_final_cannot_be_acknowledged_before_the_task_ran(org):
    p = set_final(penilaian_of(org.pegawai, periode_rekan(org.instansi)), days_ago=0)
    with time_machine.travel(p.final_pada + timedelta(days=HARI, hours=1)):
        with pytest.raises(ValidationError, match="sudah lewat; hasil penilaian ini sudah berlaku"):
            penilaian_acknowledge(penilaian=p, oleh=org.pegawai.user)
        with pytest.raises(ValidationError, match="sudah lewat"):
            keberatan_file(penilaian=p, alasan="Realisasi kedua sudah 100% dan buktinya lengkap.",
                             oleh=org.pegawai.user)
    p.refresh_from_db()
    assert p.status == S.FINAL and p.ditanggapi_pada is None and not Keberatan.objects.exists()
    penilaian_acknowledge(penilaian=p, oleh=org.pegawai.user)  # inside the window it is accepted
    p.refresh_from_db()
    assert p.status == S.DITERIMA


@pytest.mark.django_db
@pytest.mark.parametrize("status", [S.DRAFT, S.DITERIMA, S.LEWAT_WAKTU])
def test_a_decision_needs_a_penilaian_under_keberatan(org, status):
    from penilaian.rekan.keberatan import keberatan_decide

    p = set_final(penilaian_of(org.pegawai, periode_rekan(org.instansi)), days_ago=0)
    kb = Keberatan.objects.create(penilaian=p, alasan="x" * 30, pemutus=org.kabid)
    Penilaian.objects.filter(pk=p.pk).update(status=status)
    kb.penilaian.refresh_from_db()
    with pytest.raises(ValidationError, match="Status penilaian sudah berubah"):
        keberatan_decide(keberatan=kb, ubah=False, keputusan="Penilaian sudah sesuai bukti.", oleh=org.kabid.user)
    kb.refresh_from_db()
    assert kb.status == Keberatan.Status.DIAJUKAN


@pytest.mark.django_db
def test_evaluation_page_offers_the_response_only_while_the_window_is_open(client, org):
    p = set_final(penilaian_of(org.pegawai, periode_rekan(org.instansi)), days_ago=0)
    client.force_login(org.pegawai.user)
    url = reverse("penilaian:evaluasi-detail", args=[p.pk])
    assert "Terima atau ajukan keberatan" in client.get(url).content.decode()
    with time_machine.travel(p.final_pada + timedelta(days=HARI, hours=1)):
        client.force_login(org.pegawai.user)  # a new session: the old one has expired by then
        html = client.get(url).content.decode()
    assert "Terima atau ajukan keberatan" not in html and "Tanggapan dan keberatan" in html
    assert "Diterima (batas tanggapan lewat)" in html


@pytest.mark.django_db
def test_hr_rekap_counts_an_expired_final_as_accepted_not_as_waiting(client, org):
    periode = periode_terbuka(org.instansi)
    now = timezone.now()
    penilaian_untuk(org.pegawai, periode, status=S.FINAL, final_pada=now - timedelta(days=1))
    penilaian_untuk(org.rekan, periode, status=S.FINAL, final_pada=now - timedelta(days=HARI, hours=1))
    penilaian_untuk(org.atasan, periode, status=S.DITERIMA, final_pada=now - timedelta(days=3))
    row = next(u for u in evaluasi_selectors.completion_per_unit(org.instansi.pk, periode)
               if u["pegawai__unit_kerja__nama"] == "Seksi Satu")
    assert (row["total"], row["FINAL"], row["DITERIMA"], row["LEWAT"]) == (3, 1, 1, 1)
    client.force_login(org.hr)
    url = reverse("penilaian:evaluasi-rekap") + f"?tahun={periode.tahun}&periode={periode.pk}"
    html = client.get(url).content.decode()
    cells = html.split("Seksi Satu (Bidang Satu)</td>")[1].split("</tr>")[0]
    # total, belum dibuka, diisi, then keberatan; all three final or past it count as selesai
    angka = [c.split("<")[0] for c in cells.split('<td class="text-end">')[1:5]]
    assert angka == ["3", "0", "0", "0"]
    assert "3 · 100%" in cells


def test_evaluation_selectors_do_not_read_the_daily_log():
    tree = ast.parse(Path(evaluasi_selectors.__file__).read_text())
    modules = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    modules |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not any(m == "harian" or m.startswith("harian.") for m in modules), modules


@pytest.mark.django_db
def test_evaluation_page_still_shows_the_daily_log_roll_up(client, org):
    from harian.tests.factories import KegiatanFactory

    skp = skp_disetujui(org.pegawai)
    p = penilaian_untuk(org.pegawai, periode_terbuka(org.instansi), skp=skp)
    iki = skp.rhk.first().iki.first()
    KegiatanFactory(pegawai=org.pegawai, iki=iki, kuantitas=3, tanggal=timezone.localdate())
    KegiatanFactory(pegawai=org.pegawai, iki=iki, kuantitas=2, tanggal=timezone.localdate())
    client.force_login(org.pegawai.user)
    html = client.get(reverse("penilaian:evaluasi-detail", args=[p.pk])).content.decode()
    rollup = html.split(f'id="iki-{iki.pk}"')[1].split("</tr>")[0]
    assert "Dari kegiatan harian: <strong>5</strong>" in rollup and 'data-value="5' in rollup
