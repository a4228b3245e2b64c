"""Bimbingan kinerja (domain.md §3.2, §11.1): sessions, agreed actions, formats B.1.8/B.1.9 and their PDFs."""
import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from pelatihan.models import ItemRencana
from penilaian.dialog import pdf, services
from penilaian.dialog.format import KOMPETENSI_B19, PERNYATAAN_B18, skala_valid
from penilaian.models import (
    AksiTindakLanjut,
    Bimbingan,
    EvaluasiKompetensi,
    Periode,
    UmpanBalikBimbingan,
)
from penilaian.predikat import Rating
from penilaian.tests.evaluasi_helpers import penilaian_untuk, periode_terbuka
from penilaian.tests.factories import finalkan

pytestmark = pytest.mark.django_db
ACTORS = ["pegawai", "rekan", "atasan", "atasan2", "hr", "hr_other"]
VIEWER = {"pegawai", "atasan", "hr"}


@pytest.fixture
def p(org):
    return penilaian_untuk(org.pegawai, periode_terbuka(org.instansi))


# --- bimbingan kinerja ------------------------------------------------------------------------------


def _bimbingan(org, p, **kw):
    data = {"tanggal": timezone.localdate(), "topik": "Ketepatan waktu laporan", "pembimbing": org.atasan,
            "peran_pembimbing": Bimbingan.Peran.PIMPINAN, "catatan": "Dibahas kendala data", **kw}
    return services.bimbingan_save(skp=p.skp, oleh=org.atasan.user, data=data,
                                   aksi=[("Pelatihan penulisan laporan", timezone.localdate() + timedelta(days=30))])


def _teks_pdf(data: bytes) -> str:
    assert data.startswith(b"%PDF")
    return " ".join(" ".join(pg.extract_text().split()) for pg in PdfReader(io.BytesIO(data)).pages)


def test_bimbingan_flow_b18_and_b19_filled_and_printed(client, org, p):
    client.force_login(org.atasan.user)
    r = client.post(reverse("penilaian:dialog-bimbingan-baru", args=[p.skp_id]), {
        "tanggal": timezone.localdate().isoformat(), "topik": "Ketepatan waktu laporan", "pembimbing": org.atasan.pk,
        "peran_pembimbing": "PIMPINAN", "catatan": "Dibahas kendala data", "terlaksana": "on",
        "aksi-TOTAL_FORMS": "2", "aksi-INITIAL_FORMS": "0", "aksi-0-teks": "Pelatihan penulisan laporan",
        "aksi-0-tenggat": (timezone.localdate() + timedelta(days=30)).isoformat(), "aksi-1-teks": "",
        "aksi-1-tenggat": ""})
    assert r.status_code == 302, r.content.decode()[:2000]
    b = Bimbingan.objects.get()
    assert b.status == Bimbingan.Status.SELESAI and b.aksi.get().teks == "Pelatihan penulisan laporan"
    # B.1.8 by the pegawai: nine statements.
    client.force_login(org.pegawai.user)
    jawaban = {k: "4" for k, _t in PERNYATAAN_B18}
    r = client.post(reverse("penilaian:dialog-bimbingan", args=[b.pk]), {**jawaban, "saran": "Lebih sering"})
    assert r.status_code == 302
    assert UmpanBalikBimbingan.objects.get().jawaban == {k: 4 for k, _t in PERNYATAAN_B18}
    # B.1.9 by the leader.
    client.force_login(org.atasan.user)
    r = client.post(reverse("penilaian:dialog-bimbingan-evaluasi", args=[b.pk]), {
        "skala_TEKNIS": "3", "alasan_TEKNIS": "Menguasai aplikasi, analisis masih lemah",
        "skala_MANAJERIAL": "", "alasan_MANAJERIAL": "", "skala_SOSIAL_KULTURAL": "4",
        "alasan_SOSIAL_KULTURAL": "Komunikatif dengan rekan"})
    assert r.status_code == 302
    assert dict(EvaluasiKompetensi.objects.values_list("kompetensi", "skala")) == {"TEKNIS": 3, "SOSIAL_KULTURAL": 4}
    b18 = _teks_pdf(pdf.render_umpan_balik_bimbingan(b))
    assert "UMPAN BALIK PELAKSANAAN BIMBINGAN KINERJA" in b18 and "Saya merasa diperhatikan dan dipahami" in b18
    assert org.pegawai.nama in b18 and "Lebih sering" in b18
    b19 = _teks_pdf(pdf.render_evaluasi_kompetensi(b))
    assert "EVALUASI KOMPETENSI PEGAWAI" in b19 and "analisis masih lemah" in b19 and org.atasan.nama in b19
    for fmt in ("b18", "b19"):
        r = client.get(reverse("penilaian:dialog-bimbingan-pdf", args=[b.pk, fmt]))
        assert r.status_code == 200 and r["Content-Type"] == "application/pdf"


@pytest.mark.parametrize("data", [
    {"skala_TEKNIS": "7", "alasan_TEKNIS": "Di luar skala"},
    {"skala_TEKNIS": "0", "alasan_TEKNIS": "Di luar skala"},
    {"skala_TEKNIS": "3", "alasan_TEKNIS": "  "},
    {"skala_TEKNIS": "", "alasan_TEKNIS": "Alasan tanpa skala"},
    {},
])
def test_b19_bad_input_is_refused_without_change(client, org, p, data):
    b = _bimbingan(org, p, terlaksana=True)
    EvaluasiKompetensi.objects.create(bimbingan=b, kompetensi="TEKNIS", skala=2, alasan="Awal")
    client.force_login(org.atasan.user)
    r = client.post(reverse("penilaian:dialog-bimbingan-evaluasi", args=[b.pk]), data)
    assert r.status_code == 200
    assert list(EvaluasiKompetensi.objects.values_list("kompetensi", "skala", "alasan")) == [("TEKNIS", 2, "Awal")]


@pytest.mark.parametrize("nilai,ok", [(1, True), (5, True), (0, False), (6, False), (3.0, False), (True, False),
                                      ("3", False)])
def test_skala_is_a_whole_number_from_1_to_5(nilai, ok):
    """B.1.9 "skala 1–5" (domain.md §3.2)."""
    assert skala_valid(nilai) is ok


def test_b18_has_nine_statements_and_b19_the_three_rumpun():
    """domain.md §3.2: nine statements; §8.1: teknis, manajerial, sosial kultural."""
    assert len(PERNYATAAN_B18) == 9 and len({k for k, _t in PERNYATAAN_B18}) == 9
    assert [k for k, _n in KOMPETENSI_B19] == ["TEKNIS", "MANAJERIAL", "SOSIAL_KULTURAL"]


def test_b18_only_after_the_session_once_and_complete(org, p):
    b = _bimbingan(org, p)
    lengkap = {k: 4 for k, _t in PERNYATAAN_B18}
    with pytest.raises(ValidationError):
        services.bimbingan_umpan_balik_submit(bimbingan=b, oleh=org.pegawai.user, jawaban=lengkap)
    b = services.bimbingan_save(skp=p.skp, oleh=org.atasan.user, data={"terlaksana": True}, bimbingan=b)
    with pytest.raises(ValidationError):
        services.bimbingan_umpan_balik_submit(bimbingan=b, oleh=org.pegawai.user, jawaban={**lengkap, "P1": 9})
    services.bimbingan_umpan_balik_submit(bimbingan=b, oleh=org.pegawai.user, jawaban=lengkap)
    with pytest.raises(ValidationError):
        services.bimbingan_umpan_balik_submit(bimbingan=b, oleh=org.pegawai.user, jawaban=lengkap)
    assert UmpanBalikBimbingan.objects.count() == 1


def test_empty_topic_is_refused(org, p):
    with pytest.raises(ValidationError):
        _bimbingan(org, p, topik="  ")
    assert not Bimbingan.objects.exists()


def test_agreed_action_becomes_a_development_plan_item(client, org, p):
    b = _bimbingan(org, p)
    aksi = b.aksi.get()
    client.force_login(org.atasan.user)
    for _ in range(2):  # idempotent
        assert client.post(reverse("penilaian:dialog-aksi-rencana", args=[aksi.pk])).status_code == 302
    item = ItemRencana.objects.get()
    assert item.kompetensi == "Pelatihan penulisan laporan" and item.rencana.pegawai == org.pegawai
    assert item.target_tanggal == aksi.tenggat
    aksi.refresh_from_db()
    assert aksi.item_rencana == item
    # The pegawai cannot push actions into the plan.
    client.force_login(org.pegawai.user)
    baru = AksiTindakLanjut.objects.create(bimbingan=b, teks="Lain")
    assert client.post(reverse("penilaian:dialog-aksi-rencana", args=[baru.pk])).status_code == 404


def test_low_annual_predikat_proposes_a_bimbingan(client, org):
    akhir = periode_terbuka(org.instansi, nama="Akhir", jenis=Periode.Jenis.TAHUNAN)
    p = penilaian_untuk(org.pegawai, akhir)
    finalkan(p, hasil=Rating.DI_BAWAH, perilaku=Rating.DI_BAWAH)
    assert p.predikat == "SANGAT_KURANG"
    baik = penilaian_untuk(org.rekan, akhir)
    finalkan(baik)
    client.force_login(org.atasan.user)
    halaman = client.get(reverse("penilaian:dialog-index")).content.decode()
    assert "usulan-bimbingan" in halaman and org.pegawai.nama in halaman and org.rekan.nama not in halaman
    r = client.get(reverse("penilaian:dialog-bimbingan-baru", args=[p.skp_id]) + f"?usulan={p.pk}")
    assert "Sangat Kurang" in r.content.decode()
    client.post(reverse("penilaian:dialog-bimbingan-baru", args=[p.skp_id]) + f"?usulan={p.pk}", {
        "tanggal": timezone.localdate().isoformat(), "topik": "Perbaikan kinerja", "pembimbing": org.atasan.pk,
        "peran_pembimbing": "PIMPINAN", "aksi-TOTAL_FORMS": "0", "aksi-INITIAL_FORMS": "0"})
    assert Bimbingan.objects.get().penilaian_asal == p
    assert "usulan-bimbingan" not in client.get(reverse("penilaian:dialog-index")).content.decode()


@pytest.mark.parametrize("actor", ACTORS + ["kabid"])
def test_bimbingan_permissions(client, org, p, as_actor, actor):
    b = _bimbingan(org, p, terlaksana=True)
    as_actor(actor)
    lihat = VIEWER | {"kabid"}  # kabid is the atasan pejabat penilai
    assert client.get(reverse("penilaian:dialog-bimbingan", args=[b.pk])).status_code == (
        200 if actor in lihat else 404)
    assert client.get(reverse("penilaian:dialog-bimbingan-pdf", args=[b.pk, "b19"])).status_code == (
        200 if actor in lihat else 404)
    assert client.get(reverse("penilaian:dialog-bimbingan-evaluasi", args=[b.pk])).status_code == (
        200 if actor == "atasan" else 404)
    assert client.get(reverse("penilaian:dialog-bimbingan-baru", args=[p.skp_id])).status_code == (
        200 if actor == "atasan" else 404)


def test_appointed_mentor_sees_and_evaluates(client, org, p):
    b = _bimbingan(org, p, pembimbing=org.atasan2, peran_pembimbing=Bimbingan.Peran.MENTOR, terlaksana=True)
    client.force_login(org.atasan2.user)
    assert client.get(reverse("penilaian:dialog-bimbingan", args=[b.pk])).status_code == 200
    r = client.post(reverse("penilaian:dialog-bimbingan-evaluasi", args=[b.pk]),
                    {"skala_TEKNIS": "5", "alasan_TEKNIS": "Sangat menguasai"})
    assert r.status_code == 302 and EvaluasiKompetensi.objects.get().diisi_oleh == org.atasan2
