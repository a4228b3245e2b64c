"""Training records: submitting with a certificate, refused uploads, verification and who may see what."""
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from pegawai.tests.factories import login_as
from pelatihan.models import RiwayatPengembangan
from pelatihan.selectors import jp_per_tahun, jp_terverifikasi

from .factories import PDF, PNG, RiwayatFactory, form_data, pdf_upload

Status = RiwayatPengembangan.Status
CREATE = reverse("pelatihan:riwayat-create")


def _post(client, user, **overrides):
    client.force_login(user)
    berkas = overrides.pop("sertifikat", None) or pdf_upload()
    return client.post(CREATE, {**form_data(**overrides), "sertifikat": berkas})


def test_pegawai_mengajukan_riwayat_dengan_sertifikat(client, org):
    resp = _post(client, org.pegawai.user)
    assert resp.status_code == 302
    r = RiwayatPengembangan.objects.get()
    assert (r.pegawai, r.status, r.jp, r.content_type) == (org.pegawai, Status.DIAJUKAN, 16, "application/pdf")
    assert r.sertifikat.read().startswith(b"%PDF")
    assert "sertifikat" not in r.sertifikat.name.rsplit("/", 1)[-1]  # random stored name
    assert jp_terverifikasi(org.pegawai, 2026) == 0  # not verified yet → does not count


def test_png_diterima(client, org):
    assert _post(client, org.pegawai.user, sertifikat=SimpleUploadedFile("s.png", PNG)).status_code == 302


@pytest.mark.parametrize(
    ("berkas", "pesan"),
    [
        (SimpleUploadedFile("kosong.pdf", b""), "kosong"),
        (SimpleUploadedFile("virus.pdf", b"MZ\x90\x00" + b"\x00" * 100, content_type="application/pdf"), "bukan jenis"),
        (
            SimpleUploadedFile("s.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf"),
            "bukan jenis",
        ),
        (SimpleUploadedFile("dok.pdf", b"PK\x03\x04" + b"\x00" * 50), "bukan jenis"),
    ],
)
def test_unggahan_ditolak(client, org, berkas, pesan):
    resp = _post(client, org.pegawai.user, sertifikat=berkas)
    assert resp.status_code == 200
    assert pesan in resp.content.decode()
    assert not RiwayatPengembangan.objects.exists()


def test_unggahan_lebih_dari_10_mb_ditolak(client, org):
    besar = SimpleUploadedFile("besar.pdf", PDF + b"0" * (10 * 1024 * 1024))
    resp = _post(client, org.pegawai.user, sertifikat=besar)
    assert resp.status_code == 200 and "terlalu besar" in resp.content.decode()
    assert not RiwayatPengembangan.objects.exists()


def test_sertifikat_wajib(client, org):
    client.force_login(org.pegawai.user)
    resp = client.post(CREATE, form_data())
    assert resp.status_code == 200 and not RiwayatPengembangan.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field_text"),
    [
        ({"tanggal_selesai": "2026-03-01"}, "sebelum tanggal mulai"),
        ({"tanggal_mulai": "2030-01-01", "tanggal_selesai": "2030-01-02"}, "masa depan"),
        ({"jp": 0}, ""),
        ({"jp": 5000}, "paling banyak"),
    ],
)
def test_tanggal_dan_jp_divalidasi(client, org, overrides, field_text):
    resp = _post(client, org.pegawai.user, **overrides)
    assert resp.status_code == 200
    assert field_text in resp.content.decode()
    assert not RiwayatPengembangan.objects.exists()


def test_jenis_harus_sesuai_jalur(client, org):
    from pelatihan.models import Jalur

    resp = _post(client, org.pegawai.user, jalur=Jalur.objects.get(kode="PENDIDIKAN").pk)
    assert resp.status_code == 200 and "tidak termasuk jalur" in resp.content.decode()


# --- who may see what (style.md §4) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("actor", "status"),
    [
        ("pegawai", 200),
        ("atasan", 200),
        ("hr", 200),
        ("kabid", 404),  # access.py: direct subordinates only
        ("rekan", 404),
        ("lain", 404),
        ("atasan2", 404),
        ("hr_other", 404),
        ("asing", 404),
    ],
)
@pytest.mark.parametrize("url_name", ["pelatihan:riwayat-detail", "pelatihan:sertifikat"])
def test_riwayat_dan_sertifikat_hanya_untuk_yang_berhak(client, org, actor, status, url_name):
    r = RiwayatFactory(pegawai=org.pegawai)
    login_as(client, org, actor)
    resp = client.get(reverse(url_name, args=[r.pk]))
    assert resp.status_code == status
    if status == 200 and url_name == "pelatihan:sertifikat":
        assert b"".join(resp.streaming_content).startswith(b"%PDF")
        assert resp["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize(
    ("actor", "status"), [("pegawai", 200), ("atasan", 200), ("hr", 200), ("rekan", 404), ("hr_other", 404)]
)
def test_halaman_pelatihan_pegawai(client, org, actor, status):
    login_as(client, org, actor)
    assert client.get(reverse("pelatihan:pegawai", args=[org.pegawai.pk])).status_code == status


def test_pegawai_tidak_dapat_memverifikasi(client, org):
    r = RiwayatFactory(pegawai=org.pegawai)
    client.force_login(org.pegawai.user)
    assert client.post(reverse("pelatihan:riwayat-verify", args=[r.pk])).status_code == 403
    client.force_login(org.atasan.user)  # the supervisor is not HR either
    assert client.post(reverse("pelatihan:riwayat-verify", args=[r.pk])).status_code == 403
    r.refresh_from_db()
    assert r.status == Status.DIAJUKAN


def test_hr_yang_juga_pegawai_tidak_memverifikasi_riwayat_sendiri(client, org):
    org.atasan.user.groups.add(Group.objects.get_or_create(name="HR")[0])
    own = RiwayatFactory(pegawai=org.atasan)
    other = RiwayatFactory(pegawai=org.pegawai)
    client.force_login(org.atasan.user)
    assert client.post(reverse("pelatihan:riwayat-verify", args=[own.pk])).status_code == 404
    assert client.post(reverse("pelatihan:riwayat-verify", args=[other.pk])).status_code == 302
    own.refresh_from_db(), other.refresh_from_db()
    assert (own.status, other.status) == (Status.DIAJUKAN, Status.DIVERIFIKASI)


def test_hr_memverifikasi_dan_jp_bertambah(client, org):
    r = RiwayatFactory(pegawai=org.pegawai, jp=12)
    RiwayatFactory(pegawai=org.pegawai, jp=30, status=Status.DITOLAK, alasan_tolak="x")
    client.force_login(org.hr)
    assert client.post(reverse("pelatihan:riwayat-verify", args=[r.pk])).status_code == 302
    r.refresh_from_db()
    assert r.status == Status.DIVERIFIKASI and r.diverifikasi_oleh == org.hr
    assert jp_terverifikasi(org.pegawai, 2026) == 12
    # verifying twice is refused, the record stays as it is
    client.post(reverse("pelatihan:riwayat-verify", args=[r.pk]))
    assert RiwayatPengembangan.objects.get(pk=r.pk).diverifikasi_oleh == org.hr


def test_hr_instansi_lain_tidak_dapat_memverifikasi(client, org):
    r = RiwayatFactory(pegawai=org.pegawai)
    client.force_login(org.hr_other)
    assert client.post(reverse("pelatihan:riwayat-verify", args=[r.pk])).status_code == 404


def test_penolakan_wajib_beralasan_lalu_pegawai_memperbaiki(client, org):
    r = RiwayatFactory(pegawai=org.pegawai)
    client.force_login(org.hr)
    client.post(reverse("pelatihan:riwayat-reject", args=[r.pk]), {"alasan": ""})
    r.refresh_from_db()
    assert r.status == Status.DIAJUKAN
    client.post(reverse("pelatihan:riwayat-reject", args=[r.pk]), {"alasan": "Sertifikat buram"})
    r.refresh_from_db()
    assert (r.status, r.alasan_tolak) == (Status.DITOLAK, "Sertifikat buram")
    client.force_login(org.pegawai.user)
    resp = client.post(reverse("pelatihan:riwayat-update", args=[r.pk]), form_data(jp=10))
    assert resp.status_code == 302
    r.refresh_from_db()
    assert (r.status, r.alasan_tolak, r.jp) == (Status.DIAJUKAN, "", 10)


def test_riwayat_terverifikasi_tidak_dapat_diubah_atau_dihapus(client, org):
    r = RiwayatFactory(pegawai=org.pegawai, status=Status.DIVERIFIKASI)
    client.force_login(org.pegawai.user)
    client.post(reverse("pelatihan:riwayat-update", args=[r.pk]), form_data(jp=99))
    client.post(reverse("pelatihan:riwayat-delete", args=[r.pk]))
    r.refresh_from_db()
    assert r.jp == 8


def test_orang_lain_tidak_dapat_mengubah(client, org):
    r = RiwayatFactory(pegawai=org.pegawai)
    client.force_login(org.atasan.user)
    assert client.post(reverse("pelatihan:riwayat-update", args=[r.pk]), form_data()).status_code == 404
    assert client.post(reverse("pelatihan:riwayat-delete", args=[r.pk])).status_code == 404


def test_verifikasi_massal_hanya_dalam_lingkup(client, org):
    mine = RiwayatFactory.create_batch(3, pegawai=org.pegawai)
    asing = RiwayatFactory(pegawai=org.asing)
    client.force_login(org.hr)
    resp = client.post(reverse("pelatihan:antrean-verifikasi"), {"ids": [r.pk for r in mine] + [asing.pk]})
    assert resp.status_code == 302
    assert set(RiwayatPengembangan.objects.filter(status=Status.DIVERIFIKASI)) == set(mine)
    asing.refresh_from_db()
    assert asing.status == Status.DIAJUKAN


def test_antrean_hanya_berisi_yang_diajukan_di_instansi(client, org):
    waiting = RiwayatFactory(pegawai=org.lain, nama_kegiatan="Menunggu A")
    RiwayatFactory(pegawai=org.lain, nama_kegiatan="Sudah B", status=Status.DIVERIFIKASI)
    RiwayatFactory(pegawai=org.asing, nama_kegiatan="Asing C")
    client.force_login(org.hr)
    html = client.get(reverse("pelatihan:antrean")).content.decode()
    assert waiting.nama_kegiatan in html and "Sudah B" not in html and "Asing C" not in html
    client.force_login(org.pegawai.user)
    assert client.get(reverse("pelatihan:antrean")).status_code == 403


def test_jp_per_tahun_hanya_terverifikasi_menurut_tanggal_selesai(org):
    V = Status.DIVERIFIKASI
    RiwayatFactory(
        pegawai=org.pegawai, jp=10, status=V, tanggal_mulai=date(2025, 12, 30), tanggal_selesai=date(2026, 1, 2)
    )
    RiwayatFactory(
        pegawai=org.pegawai, jp=6, status=V, tanggal_mulai=date(2025, 5, 1), tanggal_selesai=date(2025, 5, 2)
    )
    RiwayatFactory(pegawai=org.pegawai, jp=40, status=Status.DIAJUKAN)
    RiwayatFactory(pegawai=org.pegawai, jp=40, status=Status.DITOLAK)
    RiwayatFactory(pegawai=org.rekan, jp=99, status=V)
    assert jp_per_tahun(org.pegawai) == {2026: 10, 2025: 6}


def test_halaman_saya_menampilkan_batas_pppk_bukan_target(client, org):
    org.pegawai.status = "PPPK"
    org.pegawai.save()
    RiwayatFactory(
        pegawai=org.pegawai,
        jp=30,
        status=Status.DIVERIFIKASI,
        tanggal_selesai=timezone.localdate() - timedelta(days=1),
        tanggal_mulai=timezone.localdate() - timedelta(days=3),
    )
    client.force_login(org.pegawai.user)
    html = client.get(reverse("pelatihan:saya")).content.decode()
    assert "batas maksimal 24 JP" in html and "melebihi batas" in html
    assert "target minimal" not in html


def test_png_bernama_pdf_disajikan_sebagai_png(client, org):
    _post(client, org.pegawai.user, sertifikat=SimpleUploadedFile("scan.pdf", PNG))
    r = RiwayatPengembangan.objects.get()
    assert r.nama_berkas == "scan.png"
    resp = client.get(reverse("pelatihan:sertifikat", args=[r.pk]))
    assert resp["Content-Type"] == "image/png" and resp["X-Content-Type-Options"] == "nosniff"
