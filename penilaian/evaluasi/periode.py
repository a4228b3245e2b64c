"""Writes on evaluation periods and their unlocks (domain.md §3.1).

HR configures the periods of its instansi per year: bulanan, triwulanan, semesteran, plus the annual
"Akhir" period (the Lampiran form's "TRIWULAN I/II/III/IV-AKHIR"). A period locks input after the end
of its ``batas_pengisian`` day; HR reopens it for one pegawai with a reason and an end time.
"""
import calendar
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.audit import audit_log
from kinerja.format import nama_bulan
from kinerja.once import atomic_unique
from pegawai.models import Instansi, Pegawai
from penilaian.models import BukaKunci, Periode
from penilaian.ringkasan import tandai_instansi

ROMAWI = ["I", "II", "III", "IV"]
NAMA_AKHIR = "Akhir"
HARI_BATAS = 10  # default: input stays open 10 days after a period ends


def _akhir_bulan(tahun: int, bulan: int) -> date:
    return date(tahun, bulan, calendar.monthrange(tahun, bulan)[1])


def standard_set(tahun: int, jenis: str, *, hari_batas: int = HARI_BATAS, akhir: bool = True) -> list[Periode]:
    """Unsaved periods of one standard set for ``tahun`` (12 bulan / 4 triwulan / 2 semester) + Akhir."""
    langkah = {Periode.Jenis.BULANAN: 1, Periode.Jenis.TRIWULANAN: 3, Periode.Jenis.SEMESTERAN: 6}[jenis]
    hasil = []
    for i, bulan in enumerate(range(1, 13, langkah)):
        if jenis == Periode.Jenis.BULANAN:
            nama = nama_bulan(bulan, lang=settings.LANGUAGE_CODE)  # a stored name: Indonesian like "Triwulan I"
        elif jenis == Periode.Jenis.TRIWULANAN:
            nama = f"Triwulan {ROMAWI[i]}"
        else:
            nama = f"Semester {ROMAWI[i]}"
        selesai = _akhir_bulan(tahun, bulan + langkah - 1)
        hasil.append(Periode(tahun=tahun, jenis=jenis, nama=nama, tanggal_mulai=date(tahun, bulan, 1),
                             tanggal_selesai=selesai, batas_pengisian=selesai + timedelta(days=hari_batas)))
    if akhir:
        hasil.append(Periode(tahun=tahun, jenis=Periode.Jenis.TAHUNAN, nama=NAMA_AKHIR, tanggal_mulai=date(tahun, 1, 1),
                             tanggal_selesai=date(tahun, 12, 31), batas_pengisian=date(tahun + 1, 1, 31)))
    return hasil


def periode_validate(periode: Periode) -> None:
    """Dates inside the year, end ≥ start, deadline ≥ start, unique name per instansi and year."""
    errors: dict[str, list[str]] = {}
    tahun = periode.tahun
    for field in ("tanggal_mulai", "tanggal_selesai"):
        value = getattr(periode, field)
        if value and value.year != tahun:
            errors.setdefault(field, []).append(_("Tanggal harus berada di dalam tahun %(tahun)s.") % {"tahun": tahun})
    if periode.tanggal_mulai and periode.tanggal_selesai and periode.tanggal_selesai < periode.tanggal_mulai:
        errors.setdefault("tanggal_selesai", []).append(_("Periode akhir tidak boleh sebelum periode awal."))
    if periode.tanggal_mulai and periode.batas_pengisian and periode.batas_pengisian < periode.tanggal_mulai:
        errors.setdefault("batas_pengisian", []).append(_("Batas pengisian tidak boleh sebelum periode awal."))
    dup = Periode.objects.filter(instansi_id=periode.instansi_id, tahun=tahun, nama__iexact=periode.nama.strip())
    if dup.exclude(pk=periode.pk).exists():
        errors.setdefault("nama", []).append(
            _("Periode bernama %(nama)s sudah ada pada tahun %(tahun)s.") % {"nama": periode.nama, "tahun": tahun}
        )
    if errors:
        raise ValidationError(errors)


@atomic_unique
def periode_save(*, periode: Periode, oleh) -> Periode:
    created = periode.pk is None
    periode.nama = periode.nama.strip()
    periode_validate(periode)
    before = None if created else Periode.objects.filter(pk=periode.pk).values(
        "nama", "tanggal_mulai", "tanggal_selesai", "batas_pengisian", "tahun").first()
    periode.save()
    tandai_instansi(periode.instansi_id, periode.tahun)
    if before and before["tahun"] != periode.tahun:
        tandai_instansi(periode.instansi_id, before["tahun"])
    data = {"ke": {"nama": periode.nama, "mulai": str(periode.tanggal_mulai), "selesai": str(periode.tanggal_selesai),
                   "batas": str(periode.batas_pengisian)}}
    if before:
        data["dari"] = {"nama": before["nama"], "mulai": str(before["tanggal_mulai"]),
                        "selesai": str(before["tanggal_selesai"]), "batas": str(before["batas_pengisian"])}
    audit_log(aktor=oleh, aksi="periode.created" if created else "periode.updated", objek=periode, data=data)
    return periode


@atomic_unique
def periode_create_standard_set(*, instansi: Instansi, tahun: int, jenis: str, oleh, akhir: bool = True,
                                hari_batas: int = HARI_BATAS) -> list[Periode]:
    """One click: the standard periods of a year. Names that already exist are skipped (idempotent)."""
    if not 2000 <= tahun <= 2100:
        raise ValidationError(_("Tahun %(tahun)s tidak valid.") % {"tahun": tahun})
    ada = {n.lower() for n in Periode.objects.filter(instansi=instansi, tahun=tahun).values_list("nama", flat=True)}
    baru = [p for p in standard_set(tahun, jenis, hari_batas=hari_batas, akhir=akhir) if p.nama.lower() not in ada]
    for p in baru:
        p.instansi = instansi
    Periode.objects.bulk_create(baru)
    tandai_instansi(instansi.pk, tahun)
    for p in Periode.objects.filter(instansi=instansi, tahun=tahun, nama__in=[p.nama for p in baru]):
        audit_log(aktor=oleh, aksi="periode.created", objek=p, data={"ke": {"nama": p.nama, "set": jenis}})
    return baru


def bukaan_aktif(*, periode: Periode, pegawai_id: int, now: datetime | None = None) -> BukaKunci | None:
    now = now or timezone.now()
    return BukaKunci.objects.filter(periode=periode, pegawai_id=pegawai_id, berlaku_sampai__gt=now).first()


def cek_terbuka(*, periode: Periode, pegawai_id: int, now: datetime | None = None) -> None:
    """Refuse input after the deadline (end of that day, project time zone) unless HR reopened it."""
    now = now or timezone.now()
    if not periode.terkunci(now) or bukaan_aktif(periode=periode, pegawai_id=pegawai_id, now=now):
        return
    raise ValidationError(
        _("Periode %(periode)s sudah terkunci: batas pengisian %(batas)s telah lewat. Minta HR membuka kunci "
          "periode ini untuk pegawai yang bersangkutan.")
        % {"periode": periode, "batas": periode.batas_pengisian.strftime("%d-%m-%Y")},
        code="terkunci",
    )


@transaction.atomic
def buka_kunci_create(*, periode: Periode, pegawai: Pegawai, alasan: str, berlaku_sampai: datetime, oleh) -> BukaKunci:
    """HR reopens a locked period for one pegawai until ``berlaku_sampai`` (audited)."""
    if pegawai.unit_kerja.instansi_id != periode.instansi_id:
        raise ValidationError({"nip": _("Pegawai ini bukan pegawai instansi periode tersebut.")})
    if not alasan.strip():
        raise ValidationError({"alasan": _("Alasan membuka kunci wajib diisi.")})
    if berlaku_sampai <= timezone.now():
        raise ValidationError({"berlaku_sampai": _("Waktu berakhir harus di masa depan.")})
    bk = BukaKunci.objects.create(periode=periode, pegawai=pegawai, alasan=alasan.strip(),
                                  berlaku_sampai=berlaku_sampai, dibuat_oleh=oleh)
    audit_log(aktor=oleh, aksi="periode.unlocked", objek=periode, catatan=bk.alasan,
              data={"pegawai": pegawai.nip, "sampai": berlaku_sampai.isoformat()})
    return bk
