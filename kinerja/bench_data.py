"""Bulk data for ``manage.py bench``: a year of SKP cascades and a few days of daily activities for every
pegawai of the bench instansi, written with ``bulk_create`` in large batches (no per-row saves).

Each pegawai gets one approved SKP of ``tahun`` with 3 RHK (one IKI each); every RHK intervenes the first
RHK of the atasan's SKP, so the pohon kinerja of the instansi is one cascade from the Sekda down
(domain.md §1.4). Idempotent: an instansi that already has SKPs of ``tahun`` is left as it is.
"""
from datetime import date, timedelta
from decimal import Decimal

from harian.models import KegiatanHarian
from pegawai.models import Instansi, Pegawai
from penilaian.models import IndikatorKinerja, RencanaHasilKerja, Skp
from penilaian.ringkasan import rebuild as rebuild_ringkasan

BATCH = 5000
RHK_PER_SKP = 3


def _levels(rows: dict[int, int | None]) -> list[list[int]]:
    """Pegawai ids grouped by depth below the top (atasan outside the set count as none)."""
    depth: dict[int, int] = {}

    def d(pk: int, seen=()) -> int:
        if pk not in depth:
            up = rows.get(pk)
            depth[pk] = 0 if up is None or up not in rows or up in seen else d(up, (*seen, pk)) + 1
        return depth[pk]

    for pk in rows:
        d(pk)
    out: list[list[int]] = [[] for _ in range(max(depth.values(), default=-1) + 1)]
    for pk, n in depth.items():
        out[n].append(pk)
    return out


def seed_kinerja(instansi: Instansi, *, tahun: int, hari: int, log=print) -> None:
    if Skp.objects.filter(pegawai__unit_kerja__instansi=instansi, tahun=tahun).exists():
        return
    people = {pk: (atasan, unit, jab) for pk, atasan, unit, jab in Pegawai.objects.filter(
        unit_kerja__instansi=instansi).values_list("pk", "atasan_id", "unit_kerja_id", "jabatan_id")}
    first_rhk: dict[int, int] = {}
    iki_of: dict[int, list[int]] = {}
    n_rhk = 0
    for level in _levels({pk: v[0] for pk, v in people.items()}):
        skps = Skp.objects.bulk_create([
            Skp(pegawai_id=pk, tahun=tahun, tanggal_mulai=date(tahun, 1, 1), tanggal_selesai=date(tahun, 12, 31),
                bentuk=Skp.Bentuk.JA_JF, status=Skp.Status.DISETUJUI, pejabat_penilai_id=people[pk][0],
                unit_kerja_id=people[pk][1], jabatan_id=people[pk][2])
            for pk in level
        ], batch_size=BATCH)
        rhk = RencanaHasilKerja.objects.bulk_create([
            RencanaHasilKerja(skp_id=s.pk, teks=f"Terwujudnya hasil kerja {i + 1} unit", urutan=i,
                              induk_id=first_rhk.get(people[s.pegawai_id][0]))
            for s in skps for i in range(RHK_PER_SKP)
        ], batch_size=BATCH)
        owner = {s.pk: s.pegawai_id for s in skps}
        iki = IndikatorKinerja.objects.bulk_create([
            IndikatorKinerja(rhk_id=r.pk, teks="Jumlah dokumen yang diselesaikan", aspek="KUANTITAS",
                             target_angka=Decimal(12), satuan="dokumen")
            for r in rhk
        ], batch_size=BATCH)
        for r, i in zip(rhk, iki, strict=True):
            pk = owner[r.skp_id]
            if r.urutan == 0:
                first_rhk[pk] = r.pk
            iki_of.setdefault(pk, []).append(i.pk)
        n_rhk += len(rhk)
    log(f"SKP {tahun}: {len(people):,}, RHK: {n_rhk:,} (dengan IKI).")
    days = [d for d in (date.today() - timedelta(days=k) for k in range(hari * 2)) if d.weekday() < 5][:hari]
    batch: list[KegiatanHarian] = []
    n = 0
    for pk, ikis in iki_of.items():
        for j, d in enumerate(days):
            batch.append(KegiatanHarian(
                pegawai_id=pk, tanggal=d, uraian="Menyusun laporan pelaksanaan kegiatan", kuantitas=Decimal(1),
                satuan="dokumen", iki_id=ikis[j % len(ikis)]))
        if len(batch) >= BATCH:
            n += len(KegiatanHarian.objects.bulk_create(batch))
            batch = []
    n += len(KegiatanHarian.objects.bulk_create(batch))
    log(f"Kegiatan harian: {n:,} ({len(days)} hari kerja).")
    rebuild_ringkasan(instansi.pk)  # bulk_create bypasses the services that keep the summary rows current
    log("Ringkasan per unit dihitung ulang.")
