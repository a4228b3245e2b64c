"""SIASN-shaped export (skp22 and kinerjaPeriodik): the validation report, the files' content, the export
record and the re-export flag, permissions, and a query count that does not grow with the pegawai."""
import io
import json

import pytest
from django.urls import reverse

from kinerja.models import AuditLog
from pegawai.models import Pegawai
from penilaian.models import Penilaian, Skp
from penilaian.predikat import Rating as R
from siasn import ekspor as ek
from siasn.models import EksporSiasn, EksporSiasnBaris

from . import bahan
from .bahan import TAHUN, banyak

pytestmark = pytest.mark.django_db


def _ekspor(client, jenis, format, **extra):
    return client.post(reverse("siasn:ekspor"), {"tahun": TAHUN, "jenis": jenis, "format": format, **extra})


def test_report_lists_what_blocks_each_row(org, tahun, as_actor, susun):
    client = as_actor("hr")
    susun(client)
    r = client.get(reverse("siasn:home"), {"tahun": TAHUN})
    assert r.status_code == 200
    lap = r.context["laporan"]
    assert lap.per_alasan == {"belum_final": 1, "keberatan": 1} and lap.siap == 1
    assert {kode: n for kode, _t, n in r.context["per_alasan"]} == lap.per_alasan
    assert [b.nip for b in r.context["page_obj"]] == sorted([org.rekan.nip, org.lain.nip],
                                                              key=lambda nip: Pegawai.objects.get(nip=nip).nama)
    body = r.content.decode()
    assert "Penilaian belum final" in body and "Keberatan belum diputus" in body
    assert org.rekan.nip in body and org.lain.nip in body


@pytest.mark.parametrize("ubah, kode", [
    (lambda pg, p: Pegawai.objects.filter(pk=pg.pk).update(nip="12345"), "nip_salah"),
    (lambda pg, p: Penilaian.objects.filter(pk=p.pk).update(snapshot={**p.snapshot, "penilai": {}}), "penilai"),
    (lambda pg, p: Penilaian.objects.filter(pk=p.pk).update(
        snapshot={**p.snapshot, "penilai": {**p.snapshot["penilai"], "nip": ""}}), "nip_penilai"),
])
def test_each_reason_blocks_the_row(org, tahun, ubah, kode):
    ubah(org.pegawai, tahun["akhir"])
    lap = ek.laporan_skp22(org.instansi, TAHUN)
    baris = next(b for b in lap.baris if b.nama == org.pegawai.nama_lengkap)
    assert kode in baris.alasan and not baris.valid


def test_non_asn_penilai_needs_no_nip(org, tahun):
    p = tahun["akhir"]
    penilai = {**p.snapshot["penilai"], "nip": "", "status_asn": "NON ASN", "nama": "Bupati Contoh"}
    Penilaian.objects.filter(pk=p.pk).update(snapshot={**p.snapshot, "penilai": penilai})
    b = next(b for b in ek.laporan_skp22(org.instansi, TAHUN).baris if b.nip == org.pegawai.nip)
    assert b.valid and b.data["statusPenilai"] == "NON ASN" and b.data["nipNrpPenilai"] == ""


def test_pegawai_without_akhir_evaluation_is_listed(org, tahun):
    bahan.skp(org.atasan2)
    lap = ek.laporan_skp22(org.instansi, TAHUN)
    assert [b.alasan for b in lap.baris if b.nip == org.atasan2.nip] == [["tanpa_akhir"]]


def test_json_skp22_content_and_record(org, tahun, as_actor):
    r = _ekspor(as_actor("hr"), "skp22", "json")
    assert r.status_code == 200 and r["Content-Type"] == "application/json"
    isi = json.loads(b"".join(r.streaming_content) if r.streaming else r.content)
    assert isi["jenis"] == "skp22" and isi["tahun"] == TAHUN and isi["jumlah"] == 1
    row = isi["data"][0]
    penilai = tahun["akhir"].snapshot["penilai"]
    assert row == {
        "pnsDinilaiId": "A1B2C3", "nipBaru": org.pegawai.nip, "nama": org.pegawai.nama_lengkap, "tahun": "2025",
        "hasilKinerja": "DIATAS EKSPEKTASI", "hasilKinerjaNilai": "1",
        "perilakuKerja": "SESUAI EKSPEKTASI", "PerilakuKerjaNilai": "2",
        "kuadranKinerja": "BAIK", "KuadranKinerjaNilai": "2",
        "statusPenilai": "ASN", "nipNrpPenilai": org.atasan.nip, "namaPenilai": org.atasan.nama_lengkap,
        "penilaiGolonganId": "31", "penilaiJabatanNm": "Kepala Seksi", "penilaiUnorNm": penilai["unit"],
    }
    ekspor = EksporSiasn.objects.get()
    assert (ekspor.jenis, ekspor.format, ekspor.jumlah_baris, ekspor.oleh) == ("skp22", "json", 1, org.hr)
    assert list(ekspor.baris.values_list("kunci", flat=True)) == [f"{org.pegawai.nip}/{TAHUN}"]
    assert AuditLog.objects.filter(aksi="siasn.diekspor", object_id=str(ekspor.pk)).exists()


def test_xlsx_periodik_content(org, tahun, as_actor):
    from openpyxl import load_workbook

    r = _ekspor(as_actor("hr"), "kinerjaPeriodik", "xlsx")
    assert r.status_code == 200 and "spreadsheetml" in r["Content-Type"]
    wb = load_workbook(io.BytesIO(r.content))
    ws = wb["kinerjaPeriodik"]
    rows = list(ws.values)
    kolom = rows[0]
    assert "koefisenId" in kolom and "persentase" in kolom and "periodikNama" in kolom
    assert len(rows) == 2
    row = dict(zip(kolom, rows[1], strict=True))
    assert row["nip"] == org.pegawai.nip and row["periodikNama"] == "Triwulan I"
    assert row["kuadranKinerjaNilai"] == "SANGAT BAIK" and row["persentase"] == "150"
    assert row["koefisenId"] == "25" and row["jabatan"] == "Analis Kebijakan Ahli Muda"
    assert row["periodeAwal"] == "2025-01-01" and row["statusPenilai"] == "ASN"
    assert "Keterangan" in wb.sheetnames


def test_formula_text_is_neutralised_in_xlsx(org, tahun, as_actor):
    from openpyxl import load_workbook

    p = tahun["akhir"]
    Penilaian.objects.filter(pk=p.pk).update(
        snapshot={**p.snapshot, "penilai": {**p.snapshot["penilai"], "jabatan": "=HYPERLINK(1)"}})
    r = _ekspor(as_actor("hr"), "skp22", "xlsx")
    rows = list(load_workbook(io.BytesIO(r.content))["skp22"].values)
    assert dict(zip(rows[0], rows[1], strict=True))["penilaiJabatanNm"] == "'=HYPERLINK(1)"


def test_changed_row_is_flagged_for_reexport(org, tahun, as_actor, susun, django_capture_on_commit_callbacks):
    client = as_actor("hr")
    lap = ek.laporan_skp22(org.instansi, TAHUN)
    assert [b.status_ekspor for b in lap.valid] == [ek.BARU]
    with django_capture_on_commit_callbacks(execute=True):  # the export recomputes the stored report
        _ekspor(client, "skp22", "json")
    stored = client.get(reverse("siasn:home"), {"tahun": TAHUN}).context["laporan"]
    assert (stored.status, stored.belum_diekspor, stored.ekspor_ulang, stored.siap) == ("SELESAI", 0, 0, 1)
    assert [b.status_ekspor for b in ek.laporan_skp22(org.instansi, TAHUN).valid] == [ek.SAMA]
    # The annual predikat changes (e.g. a keberatan decided): the row differs from what SIASN got.
    Penilaian.objects.filter(pk=tahun["akhir"].pk).update(predikat="SANGAT_BAIK", rating_perilaku=R.DI_ATAS)
    susun(client)
    r = client.get(reverse("siasn:home"), {"tahun": TAHUN, "tampil": "ulang"})
    assert r.context["laporan"].ekspor_ulang == 1
    assert [b.nip for b in r.context["page_obj"]] == [org.pegawai.nip]
    assert "ekspor ulang" in r.content.decode()
    _ekspor(client, "skp22", "xlsx")
    assert not ek.laporan_skp22(org.instansi, TAHUN).ekspor_ulang
    assert EksporSiasnBaris.objects.count() == 2


@pytest.mark.parametrize("actor, status", [
    ("hr", 200), ("admin", 200), ("hr_other", 200), ("pegawai", 404), ("atasan", 404), ("kabid", 404),
])
def test_page_permissions(org, tahun, as_actor, actor, status):
    r = as_actor(actor).get(reverse("siasn:home"), {"tahun": TAHUN, "instansi": org.instansi.pk})
    assert r.status_code == status
    if actor == "hr_other":  # its own instansi, never the one asked for
        assert r.context["instansi"] == org.other_instansi and r.context["laporan"] is None


@pytest.mark.parametrize("actor", ["pegawai", "atasan"])
def test_export_refused_outside_hr(org, tahun, as_actor, actor):
    assert _ekspor(as_actor(actor), "skp22", "json").status_code == 404
    assert not EksporSiasn.objects.exists()


def test_anonymous_is_sent_to_login(org, client):
    r = client.get(reverse("siasn:home"))
    assert r.status_code == 302 and "masuk" in r["Location"]


def test_admin_exports_the_instansi_picked(org, tahun, as_actor):
    r = as_actor("admin").post(reverse("siasn:ekspor") + f"?instansi={org.instansi.pk}",
                               {"tahun": TAHUN, "jenis": "skp22", "format": "json"})
    assert json.loads(r.content)["jumlah"] == 1


@pytest.mark.parametrize("data", [
    {"tahun": "x", "jenis": "skp22", "format": "json"},
    {"tahun": TAHUN, "jenis": "lain", "format": "json"},
    {"tahun": TAHUN, "jenis": "skp22", "format": "pdf"},
])
def test_bad_export_parameters_are_404(org, tahun, as_actor, data):
    assert as_actor("hr").post(reverse("siasn:ekspor"), data).status_code == 404
    assert not EksporSiasn.objects.exists()


@pytest.mark.parametrize("jenis", ["skp22", "kinerjaPeriodik"])
def test_export_query_count_does_not_grow(org, tahun, as_actor, django_assert_max_num_queries, jenis):
    client = as_actor("hr")
    banyak(org, tahun["periode_akhir"], tahun["tw1"].periode, 3)
    with django_assert_max_num_queries(40) as ctx:
        assert _ekspor(client, jenis, "xlsx").status_code == 200
    sedikit = len(ctx.captured_queries)
    banyak(org, tahun["periode_akhir"], tahun["tw1"].periode, 12)
    with django_assert_max_num_queries(sedikit):
        assert _ekspor(client, jenis, "xlsx").status_code == 200
    assert EksporSiasn.objects.filter(jenis=jenis).order_by("-pk").first().jumlah_baris >= 13


def test_siasn_id_found_whatever_unit_the_skp_records(org, tahun):
    """The SIASN id comes with the row even when the SKP itself records no unit (read by the evaluation)."""
    Skp.objects.filter(pk=tahun["akhir"].skp_id).update(unit_kerja=None)
    b = next(b for b in ek.laporan_skp22(org.instansi, TAHUN).baris if b.nip == org.pegawai.nip)
    assert b.data["pnsDinilaiId"] == "A1B2C3"
