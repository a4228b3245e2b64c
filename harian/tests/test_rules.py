"""What may be recorded when (issue 8; domain.md §3.1 periods and their lock, §9.2 Progres Harian)."""
import io
import zipfile
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from harian.models import KegiatanHarian
from harian.services import (
    DataKegiatan,
    kegiatan_create,
    kegiatan_delete,
    kegiatan_update,
)
from penilaian.models import BukaKunci, Skp, SkpVersi

from .factories import KegiatanFactory, iki_of, periode, skp_aktif, today

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def data(tanggal=None, **kw):
    return DataKegiatan(tanggal=tanggal or today(), uraian="Memverifikasi berkas usulan", kuantitas=Decimal(2), **kw)


def error_of(exc: pytest.ExceptionInfo, field: str) -> str:
    return " ".join(exc.value.message_dict[field])


def test_entry_on_today_within_skp_is_saved_with_iki_satuan(org):
    skp = skp_aktif(org.pegawai)
    k = kegiatan_create(pegawai=org.pegawai, data=data(iki=iki_of(skp)), oleh=org.pegawai.user)
    assert k.pk and k.satuan == "dokumen" and k.iki == iki_of(skp)


@pytest.mark.parametrize("hari, pesan", [
    (1, "belum terjadi"),           # future
    (-200, "di luar masa SKP"),     # before the SKP starts (SKP = today-90 .. today+30)
])
def test_future_and_outside_skp_dates_are_refused(org, hari, pesan):
    skp_aktif(org.pegawai)
    with pytest.raises(ValidationError) as exc:
        kegiatan_create(pegawai=org.pegawai, data=data(today() + timedelta(days=hari)), oleh=org.pegawai.user)
    assert pesan in error_of(exc, "tanggal")
    assert not KegiatanHarian.objects.exists()


def test_no_skp_at_all_is_refused(org):
    with pytest.raises(ValidationError) as exc:
        kegiatan_create(pegawai=org.pegawai, data=data(), oleh=org.pegawai.user)
    assert "di luar masa SKP" in error_of(exc, "tanggal")


@pytest.fixture
def terkunci(org):
    """A period 60..31 days ago whose deadline passed 25 days ago."""
    t = today()
    return periode(
        org.instansi, mulai=t - timedelta(days=60), selesai=t - timedelta(days=31), batas=t - timedelta(days=25)
    )


def test_locked_period_refuses_new_entries(org, terkunci):
    skp_aktif(org.pegawai)
    with pytest.raises(ValidationError) as exc:
        kegiatan_create(pegawai=org.pegawai, data=data(today() - timedelta(days=40)), oleh=org.pegawai.user)
    assert "sudah terkunci" in error_of(exc, "tanggal")


def test_locked_period_of_another_instansi_does_not_matter(org):
    skp_aktif(org.pegawai)
    t = today()
    periode(
        org.other_instansi, mulai=t - timedelta(days=60), selesai=t - timedelta(days=31), batas=t - timedelta(days=25)
    )
    assert kegiatan_create(pegawai=org.pegawai, data=data(t - timedelta(days=40)), oleh=org.pegawai.user).pk


@pytest.mark.parametrize("berlaku_jam, boleh", [(24, True), (-1, False)])
def test_buka_kunci_for_the_pegawai_reopens_the_period(org, terkunci, berlaku_jam, boleh):
    skp_aktif(org.pegawai)
    BukaKunci.objects.create(
        periode=terkunci,
        pegawai=org.pegawai,
        alasan="Sakit",
        berlaku_sampai=timezone.now() + timedelta(hours=berlaku_jam),
    )
    def call():
        return kegiatan_create(pegawai=org.pegawai, data=data(today() - timedelta(days=40)), oleh=org.pegawai.user)
    if boleh:
        assert call().pk
    else:
        with pytest.raises(ValidationError):
            call()


def test_buka_kunci_for_someone_else_does_not_reopen(org, terkunci):
    skp_aktif(org.pegawai)
    BukaKunci.objects.create(
        periode=terkunci, pegawai=org.rekan, alasan="x", berlaku_sampai=timezone.now() + timedelta(days=1)
    )
    with pytest.raises(ValidationError):
        kegiatan_create(pegawai=org.pegawai, data=data(today() - timedelta(days=40)), oleh=org.pegawai.user)


def test_entries_in_a_locked_period_can_be_neither_edited_nor_deleted(org, terkunci):
    skp_aktif(org.pegawai)
    k = KegiatanFactory(pegawai=org.pegawai, tanggal=today() - timedelta(days=40))
    with pytest.raises(ValidationError):
        kegiatan_update(kegiatan=k, data=data(), oleh=org.pegawai.user)  # moving it out of the lock is no escape
    with pytest.raises(ValidationError):
        kegiatan_delete(kegiatan=k, oleh=org.pegawai.user)
    assert KegiatanHarian.objects.get(pk=k.pk).tanggal == today() - timedelta(days=40)


def test_moving_an_open_entry_into_a_locked_period_is_refused(org, terkunci):
    skp_aktif(org.pegawai)
    k = KegiatanFactory(pegawai=org.pegawai)
    with pytest.raises(ValidationError):
        kegiatan_update(kegiatan=k, data=data(today() - timedelta(days=40)), oleh=org.pegawai.user)


def test_iki_of_someone_elses_skp_is_refused(org):
    skp_aktif(org.pegawai)
    skp_rekan = skp_aktif(org.rekan)
    with pytest.raises(ValidationError) as exc:
        kegiatan_create(pegawai=org.pegawai, data=data(iki=iki_of(skp_rekan)), oleh=org.pegawai.user)
    assert "bukan bagian dari SKP Anda" in error_of(exc, "iki")


@pytest.mark.parametrize(
    "status, versi_lama, boleh",
    [
        (Skp.Status.DISETUJUI, False, True),
        (Skp.Status.DRAFT, False, False),  # never approved
        (Skp.Status.DIAJUKAN, False, False),
        (Skp.Status.DRAFT, True, True),  # approved earlier, now under revision: RHK kept, still linkable
    ],
)
def test_iki_must_come_from_an_approved_skp(org, status, versi_lama, boleh):
    skp = skp_aktif(org.pegawai, status=status)
    if versi_lama:
        SkpVersi.objects.create(skp=skp, versi=1, data={}, disetujui_pada=timezone.now())
    def call():
        return kegiatan_create(pegawai=org.pegawai, data=data(iki=iki_of(skp)), oleh=org.pegawai.user)
    if boleh:
        assert call().iki_id
    else:
        with pytest.raises(ValidationError):
            call()


def test_iki_of_own_skp_not_covering_the_date_is_refused(org):
    t = today()
    skp_aktif(org.pegawai, mulai=t - timedelta(days=90), selesai=t - timedelta(days=31))
    baru = skp_aktif(org.pegawai, mulai=t - timedelta(days=30), selesai=t + timedelta(days=30))
    lama = Skp.objects.exclude(pk=baru.pk).get(pegawai=org.pegawai)
    with pytest.raises(ValidationError):
        kegiatan_create(pegawai=org.pegawai, data=data(t, iki=iki_of(lama)), oleh=org.pegawai.user)


def _docx_bytes():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w/>")
    return buf.getvalue()


@pytest.mark.parametrize(
    "nama, isi, pesan",
    [
        ("kosong.pdf", b"", "kosong"),
        ("laporan.pdf", b"MZ\x90\x00 this is an exe", "bukan jenis yang diizinkan"),  # disguised type
        ("foto.png", b"GIF89a......", "bukan jenis yang diizinkan"),
    ],
)
def test_bad_uploads_are_refused(org, nama, isi, pesan):
    skp_aktif(org.pegawai)
    with pytest.raises(ValidationError) as exc:
        kegiatan_create(pegawai=org.pegawai, data=data(), berkas=SimpleUploadedFile(nama, isi), oleh=org.pegawai.user)
    assert pesan in error_of(exc, "berkas")
    assert not KegiatanHarian.objects.exists()


def test_oversize_upload_is_refused(org, settings):
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    skp_aktif(org.pegawai)
    with pytest.raises(ValidationError) as exc:
        kegiatan_create(
            pegawai=org.pegawai,
            data=data(),
            berkas=SimpleUploadedFile("besar.pdf", PDF + b"0" * 1_100_000),
            oleh=org.pegawai.user,
        )
    assert "terlalu besar" in error_of(exc, "berkas")


@pytest.mark.parametrize(
    "nama, isi, content_type",
    [
        ("bukti.pdf", PDF, "application/pdf"),
        ("notula.docx", _docx_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ],
)
def test_valid_uploads_are_stored_with_their_sniffed_type(org, nama, isi, content_type):
    skp_aktif(org.pegawai)
    k = kegiatan_create(pegawai=org.pegawai, data=data(), berkas=SimpleUploadedFile(nama, isi), oleh=org.pegawai.user)
    assert k.content_type == content_type and k.nama_berkas == nama and k.ukuran == len(isi)
    assert nama not in k.berkas.name  # random storage name


def test_negative_quantity_is_refused(org):
    skp_aktif(org.pegawai)
    d = data()
    d.kuantitas = Decimal(-1)
    with pytest.raises(ValidationError):
        kegiatan_create(pegawai=org.pegawai, data=d, oleh=org.pegawai.user)
