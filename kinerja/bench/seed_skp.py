"""A year of approved SKPs for every pegawai of the bench instansi: ``RHK_PER_SKP`` RHK with one IKI each.

Every RHK intervenes the first RHK of the atasan's SKP, so the pohon kinerja of the instansi is one cascade
from the Sekda down (domain.md §1.4). Keys are handed out first (``tulis.ids``), so the cascade needs no
reading back; PostgreSQL checks the foreign keys at commit.
"""
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils import timezone

from pegawai.models import Instansi, Pegawai
from penilaian.models import IndikatorKinerja, RencanaHasilKerja, Skp

from .tulis import ids, reset, tulis

RHK_PER_SKP = 3


@dataclass
class Tahun:
    """What the later steps need: per pegawai its atasan, SKP id and IKI/RHK ids (no re-reading)."""

    tahun: int
    pegawai: list[int] = field(default_factory=list)
    atasan: dict[int, int | None] = field(default_factory=dict)
    skp: dict[int, int] = field(default_factory=dict)
    rhk: dict[int, list[int]] = field(default_factory=dict)
    iki: dict[int, list[int]] = field(default_factory=dict)


def seed_skp(instansi: Instansi, *, tahun: int, log=print) -> Tahun:
    """Create the SKPs of ``tahun`` (once; a second run reads what exists)."""
    people = list(Pegawai.objects.filter(unit_kerja__instansi=instansi).order_by("pk")
                  .values_list("pk", "atasan_id", "unit_kerja_id", "jabatan_id"))
    data = Tahun(tahun=tahun, pegawai=[p[0] for p in people], atasan={p[0]: p[1] for p in people})
    if Skp.objects.filter(pegawai__unit_kerja__instansi=instansi, tahun=tahun).exists():
        return _read(data, instansi)
    n = len(people)
    skp_ids, rhk_ids, iki_ids = ids(Skp, n), ids(RencanaHasilKerja, n * RHK_PER_SKP), ids(IndikatorKinerja,
                                                                                          n * RHK_PER_SKP)
    for i, (pk, *_rest) in enumerate(people):
        data.skp[pk] = skp_ids[i]
        data.rhk[pk] = list(rhk_ids[i * RHK_PER_SKP:(i + 1) * RHK_PER_SKP])
        data.iki[pk] = list(iki_ids[i * RHK_PER_SKP:(i + 1) * RHK_PER_SKP])
    now = timezone.now()
    tulis(Skp, ["id", "pegawai_id", "tahun", "tanggal_mulai", "tanggal_selesai", "bentuk", "status",
                "pejabat_penilai_id", "unit_kerja_id", "jabatan_id", "diajukan_pada", "disetujui_pada"],
          ((data.skp[pk], pk, tahun, date(tahun, 1, 1), date(tahun, 12, 31), Skp.Bentuk.JA_JF,
            Skp.Status.DISETUJUI, atasan, unit, jab, now, now) for pk, atasan, unit, jab in people))
    tulis(RencanaHasilKerja, ["id", "skp_id", "teks", "urutan", "induk_id"],
          ((r, data.skp[pk], f"Terwujudnya hasil kerja {k + 1} unit", k,
            data.rhk[up][0] if (up := data.atasan[pk]) in data.rhk else None)
           for pk in data.pegawai for k, r in enumerate(data.rhk[pk])))
    tulis(IndikatorKinerja, ["id", "rhk_id", "teks", "aspek", "target_angka", "satuan"],
          ((i, data.rhk[pk][k], "Jumlah dokumen yang diselesaikan", "KUANTITAS", Decimal(12), "dokumen")
           for pk in data.pegawai for k, i in enumerate(data.iki[pk])))
    reset(Skp, RencanaHasilKerja, IndikatorKinerja)
    log(f"SKP {tahun}: {n:,}, RHK dan IKI: {n * RHK_PER_SKP:,} masing-masing.")
    return data


def _read(data: Tahun, instansi: Instansi) -> Tahun:
    mine = {"pegawai__unit_kerja__instansi": instansi, "tahun": data.tahun}
    for skp_id, pk in Skp.objects.filter(**mine).values_list("pk", "pegawai"):
        data.skp[pk] = skp_id
    owner = {v: k for k, v in data.skp.items()}
    rhk = RencanaHasilKerja.objects.filter(**{f"skp__{k}": v for k, v in mine.items()})
    for rhk_id, skp_id in rhk.order_by("pk").values_list("pk", "skp"):
        data.rhk.setdefault(owner[skp_id], []).append(rhk_id)
    iki = IndikatorKinerja.objects.filter(**{f"rhk__skp__{k}": v for k, v in mine.items()})
    for iki_id, skp_id in iki.order_by("pk").values_list("pk", "rhk__skp"):
        data.iki.setdefault(owner[skp_id], []).append(iki_id)
    return data
