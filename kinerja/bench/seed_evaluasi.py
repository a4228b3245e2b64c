"""Four quarterly periods and the Akhir period of the year, with an evaluation of every SKP in each period
that has started: past quarters mostly final (rated, predikat derived, accepted or lapsed), the current
quarter a third each to fill, to rate and rated, Akhir being filled. Realisasi for every IKI and feedback
on the first RHK once rated. Statuses rotate with the pegawai, so every team has some of each.
"""
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from pegawai.models import Instansi
from penilaian.evaluasi.periode import periode_create_standard_set
from penilaian.models import Penilaian, Periode, Realisasi, UmpanBalik
from penilaian.predikat import Rating, hitung_predikat

from .seed_skp import Tahun
from .tulis import ids, reset, tulis

S = Penilaian.Status
LALU = [S.DITERIMA, S.DITERIMA, S.FINAL, S.DITERIMA, S.LEWAT_WAKTU, S.DITERIMA, S.DITERIMA, S.DINILAI]
KINI = [S.DRAFT, S.DIAJUKAN, S.DINILAI]
RATINGS = [Rating.SESUAI] * 6 + [Rating.DI_ATAS] * 3 + [Rating.DI_BAWAH]
DINILAI = {S.DINILAI, S.FINAL, S.DITERIMA, S.LEWAT_WAKTU}


def _status(i: int, j: int, periode: Periode, today) -> str | None:
    if periode.tanggal_mulai > today:
        return None
    if periode.is_tahunan:
        return S.DRAFT
    if periode.tanggal_selesai >= today:
        return KINI[i % len(KINI)]
    return LALU[(i + j) % len(LALU)]


def seed_evaluasi(instansi: Instansi, data: Tahun, *, log=print) -> dict[int, dict[int, int]]:
    """Returns pegawai id → {periode id: penilaian id} (read back when the year was seeded already)."""
    periode_create_standard_set(instansi=instansi, tahun=data.tahun, jenis=Periode.Jenis.TRIWULANAN, oleh=None)
    periodes = sorted(Periode.objects.filter(instansi=instansi, tahun=data.tahun,
                                             jenis__in=[Periode.Jenis.TRIWULANAN, Periode.Jenis.TAHUNAN]),
                      key=lambda p: (p.is_tahunan, p.tanggal_mulai))
    skp_owner = {v: k for k, v in data.skp.items()}
    mine = Penilaian.objects.filter(periode__in=periodes)
    if mine.exists():
        out: dict[int, dict[int, int]] = {}
        for pk, skp_id, periode_id in mine.values_list("pk", "skp_id", "periode_id"):
            out.setdefault(skp_owner[skp_id], {})[periode_id] = pk
        return out
    today = timezone.localdate()
    plan = [(pk, periode, status) for i, pk in enumerate(data.pegawai) for j, periode in enumerate(periodes)
            if (status := _status(i, j, periode, today)) is not None]
    keys = ids(Penilaian, len(plan))
    out = {}
    rows = []
    for key, (pk, periode, status) in zip(keys, plan, strict=True):
        out.setdefault(pk, {})[periode.pk] = key
        rows.append(_row(key, data, pk, periode, status, len(rows)))
    tulis(Penilaian, ["id", "skp_id", "periode_id", "status", "rating_hasil", "rating_perilaku", "predikat",
                      "penilai_id", "diajukan_pada", "final_pada", "ditanggapi_pada"], rows)
    n_real = tulis(Realisasi, ["penilaian_id", "iki_id", "nilai"],
                   ((key, iki, Decimal(3)) for key, (pk, _p, _s) in zip(keys, plan, strict=True)
                    for iki in data.iki[pk]))
    n_ub = tulis(UmpanBalik, ["penilaian_id", "rhk_id", "teks", "oleh_id"],
                 ((key, data.rhk[pk][0], "Pertahankan ketepatan waktu pelaporan.", data.atasan[pk])
                  for key, (pk, _p, status) in zip(keys, plan, strict=True) if status in DINILAI))
    reset(Penilaian, Realisasi, UmpanBalik)
    log(f"{len(periodes)} periode, {len(plan):,} penilaian, {n_real:,} realisasi, {n_ub:,} umpan balik.")
    return out


def _row(key: int, data: Tahun, pk: int, periode: Periode, status: str, n: int) -> tuple:
    hasil = perilaku = predikat = ""
    diajukan = final = ditanggapi = penilai = None
    akhir = timezone.make_aware(datetime.combine(periode.tanggal_selesai, time(9)))
    if status != S.DRAFT:
        diajukan = min(akhir, timezone.now()) - timedelta(days=3)
    if status in DINILAI:
        hasil, perilaku = RATINGS[n % len(RATINGS)], RATINGS[(n // 3) % len(RATINGS)]
        predikat = hitung_predikat(hasil, perilaku).value
        penilai = data.atasan[pk]
    if status in DINILAI - {S.DINILAI}:
        final = akhir + timedelta(days=5)
    if status == S.DITERIMA:
        ditanggapi = final + timedelta(days=2)
    return (key, data.skp[pk], periode.pk, status, hasil, perilaku, predikat, penilai, diajukan, final, ditanggapi)
