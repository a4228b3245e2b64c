"""Recording and cancelling perjanjian kerja through the services (domain.md §7.6, §11.1)."""
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from kinerja.models import AuditLog
from kontrak.models import PerjanjianKerja
from kontrak.services import perjanjian_cancel, perjanjian_create
from kontrak.tests.factories import PerjanjianFactory, pppk

pytestmark = pytest.mark.django_db


def _create(pegawai, oleh=None, **kw):
    data = {"nomor": "800/1/PK/2026", "tanggal_mulai": date(2026, 1, 1), "tanggal_selesai": date(2026, 12, 31),
            "target_kinerja": "Target layanan"}
    data.update(kw)
    return perjanjian_create(pegawai=pegawai, oleh=oleh, **data)


# (status pegawai, existing contract (mulai, selesai) or None, new contract fields, error field or None, message)
TABEL = [
    ("PPPK_PW", None, {}, None, ""),
    ("PPPK", None, {"tanggal_selesai": date(2028, 12, 31)}, None, ""),
    ("PPPK_PW", None, {"tanggal_selesai": date(2026, 6, 30)}, "tanggal_selesai", "berlaku 1 tahun"),
    ("PPPK", None, {"tanggal_selesai": date(2026, 6, 30)}, "tanggal_selesai", "paling singkat 1 tahun"),
    ("PNS", None, {}, "tanggal_selesai", "hanya untuk pegawai berstatus PPPK"),
    ("PPPK_PW", None, {"nomor": "  "}, "nomor", "wajib diisi"),
    ("PPPK_PW", None, {"target_kinerja": ""}, "target_kinerja", "wajib diisi"),
    ("PPPK_PW", (date(2025, 7, 1), date(2026, 6, 30)), {}, "tanggal_mulai", "bertumpang tindih"),
    ("PPPK_PW", (date(2026, 12, 31), date(2027, 12, 30)), {}, "tanggal_mulai", "bertumpang tindih"),
    ("PPPK_PW", (date(2025, 1, 1), date(2025, 12, 31)), {}, None, ""),  # renewal right after
    ("PPPK_PW", (date(2025, 1, 1), date(2025, 12, 31)), {"nomor": "LAMA"}, "nomor", "sudah dipakai"),
]


@pytest.mark.parametrize(("status", "ada", "data", "field", "pesan"), TABEL)
def test_validasi_perjanjian_kerja(org, status, ada, data, field, pesan):
    from pegawai.tests.factories import PegawaiFactory

    p = pppk(status=status, unit_kerja=org.seksi) if status != "PNS" else PegawaiFactory(unit_kerja=org.seksi)
    if ada:
        PerjanjianFactory(pegawai=p, nomor="LAMA", tanggal_mulai=ada[0], tanggal_selesai=ada[1])
    sebelum = PerjanjianKerja.objects.count()
    if field is None:
        k = _create(p, oleh=org.hr, **data)
        assert PerjanjianKerja.objects.count() == sebelum + 1
        assert k.jenis == (PerjanjianKerja.Jenis.PERPANJANGAN if ada else PerjanjianKerja.Jenis.AWAL)
        assert AuditLog.objects.filter(aksi="perjanjian_kerja.created", object_id=str(p.pk)).exists()
        return
    with pytest.raises(ValidationError) as exc:
        _create(p, oleh=org.hr, **data)
    assert pesan in " ".join(exc.value.message_dict[field])
    assert PerjanjianKerja.objects.count() == sebelum


def test_kontrak_dibatalkan_tidak_dihitung_lagi(org, pw):
    k = PerjanjianFactory(pegawai=pw)
    with pytest.raises(ValidationError):
        perjanjian_cancel(perjanjian=k, alasan=" ", oleh=org.hr)
    perjanjian_cancel(perjanjian=k, alasan="Salah tanggal", oleh=org.hr)
    k.refresh_from_db()
    assert k.status == PerjanjianKerja.Status.DIBATALKAN and k.alasan_batal == "Salah tanggal"
    baru = _create(pw, oleh=org.hr, nomor="800/2/PK/2026")  # the same dates are free again
    assert baru.jenis == PerjanjianKerja.Jenis.AWAL
    with pytest.raises(ValidationError, match="sudah dibatalkan"):
        perjanjian_cancel(perjanjian=k, alasan="lagi", oleh=org.hr)
