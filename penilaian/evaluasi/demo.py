"""seed_demo step: a year of quarterly evaluations (plus the annual "Akhir" period) in every state.

Runs after ``penilaian.skp.demo``. Uses the approved SKPs of the year, at most ``MAX_SKP`` of them, so a
large instansi stays fast; bulk inserts only; idempotent (existing evaluations are left alone).
The demo ``pegawai`` gets earlier quarters final, the previous quarter waiting for the atasan (reopened
by HR when its deadline has passed) and the current quarter to fill; the demo ``atasan`` has something
to rate. Without approved SKPs the step only creates the periods and says so.
"""
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from pegawai.identitas import identitas_pegawai
from pegawai.models import Pegawai
from penilaian.models import (
    BukaKunci,
    FrasaUmpanBalik,
    IndikatorKinerja,
    Penilaian,
    PerilakuKerja,
    Periode,
    Realisasi,
    RencanaAksi,
    RencanaHasilKerja,
    Skp,
    UmpanBalik,
)
from penilaian.predikat import Rating, hitung_predikat

from .periode import periode_create_standard_set

TAHUN = 2026
MAX_SKP = 300
S = Penilaian.Status
LOCKED = [S.FINAL, S.FINAL, S.FINAL, S.DITERIMA, S.DINILAI, S.DIAJUKAN, S.DRAFT, None]
CURRENT = [S.DRAFT, S.DIAJUKAN, S.DINILAI, S.DRAFT, None, S.DIAJUKAN]
RATINGS = [Rating.SESUAI] * 6 + [Rating.DI_ATAS] * 3 + [Rating.DI_BAWAH]


def seed(instansi, *, rng, log=print) -> None:
    periode_create_standard_set(instansi=instansi, tahun=TAHUN, jenis=Periode.Jenis.TRIWULANAN, oleh=None)
    periodes = sorted(Periode.objects.filter(instansi=instansi, tahun=TAHUN, jenis__in=["TRIWULANAN", "TAHUNAN"]),
                      key=lambda p: (p.is_tahunan, p.tanggal_mulai))
    atasan, staf = _demo_people(instansi)
    skps = list(
        Skp.objects.filter(pegawai__unit_kerja__instansi=instansi, tahun=TAHUN, status=Skp.Status.DISETUJUI)
        .select_related(
            "pegawai__golongan",
            "pegawai__jabatan",
            "pegawai__unit_kerja__instansi",
            "pejabat_penilai__golongan",
            "pejabat_penilai__jabatan",
            "pejabat_penilai__unit_kerja__instansi",
        )
        .order_by("pegawai__unit_kerja__kode", "pegawai_id")
    )
    if not skps:
        log("Tidak ada SKP 2026 yang disetujui; hanya periode evaluasi yang dibuat.")
        return
    demo_ids = {p.pk for p in [atasan, *staf] if p is not None}
    skps = [s for s in skps if s.pegawai_id in demo_ids] + [s for s in skps if s.pegawai_id not in demo_ids]
    skps = skps[:MAX_SKP]
    ada = set(Penilaian.objects.filter(skp__in=skps).values_list("skp_id", "periode_id"))
    now = timezone.now()
    plan = []
    for i, skp in enumerate(skps):
        for j, periode in enumerate(periodes):
            if ((skp.pk, periode.pk) in ada or periode.tanggal_mulai > timezone.localdate()
                    or periode.tanggal_mulai > skp.tanggal_selesai or periode.tanggal_selesai < skp.tanggal_mulai):
                continue
            status = _status(i, j, skp, periode, periodes, staf, now)
            if status is not None:
                plan.append((skp, periode, status))
    rows = _create(plan, rng, now)
    _bukaan(instansi, periodes, staf, now)
    log(
        f"{len(periodes)} periode {TAHUN} dan {len(rows)} penilaian demo dibuat "
        f"({', '.join(f'{s}: {n}' for s in S.values if (n := sum(1 for r in rows if r.status == s)))})."
    )


def _demo_people(instansi) -> tuple[Pegawai | None, list[Pegawai]]:
    atasan = (
        Pegawai.objects.filter(
            unit_kerja__instansi=instansi, jabatan__jenis="PENGAWAS", bawahan__isnull=False, user__isnull=False
        )
        .order_by("unit_kerja__kode")
        .first()
    )
    return atasan, list(atasan.bawahan.filter(user__isnull=False).order_by("pk")) if atasan else []


def _current(periodes, now):
    return next((p for p in periodes if not p.is_tahunan and not p.terkunci(now)), None)


def _status(i, j, skp, periode, periodes, staf, now):
    current = _current(periodes, now)
    if periode.is_tahunan:
        return S.DRAFT if i % 10 == 0 else None
    if staf and skp.pegawai_id == staf[0].pk:
        # The demo pegawai: earlier quarters final, the previous one waiting, the current one to fill.
        if periode == current or current is None and j == len(periodes) - 2:
            return S.DRAFT
        idx = periodes.index(current) if current else len(periodes) - 2
        return S.DIAJUKAN if j == idx - 1 else S.FINAL
    if periode == current:
        return CURRENT[i % len(CURRENT)]
    return LOCKED[(i + j) % len(LOCKED)]


def _bukaan(instansi, periodes, staf, now) -> None:
    """Reopen the demo pegawai's waiting quarter when its deadline has passed, so the atasan can rate it."""
    if not staf:
        return
    waiting = Penilaian.objects.filter(skp__pegawai=staf[0], status=S.DIAJUKAN, periode__in=periodes).select_related(
        "periode"
    )
    for p in waiting:
        if (
            p.periode.terkunci(now)
            and not BukaKunci.objects.filter(periode=p.periode, pegawai=staf[0], berlaku_sampai__gt=now).exists()
        ):
            BukaKunci.objects.create(
                periode=p.periode,
                pegawai=staf[0],
                berlaku_sampai=now + timedelta(days=30),
                alasan="Demo: penilaian terlambat karena pejabat penilai bertugas luar",
            )


def _create(plan, rng, now) -> list[Penilaian]:
    rows = []
    for skp, periode, status in plan:
        p = Penilaian(skp=skp, periode=periode, status=status)
        if status != S.DRAFT:
            p.diajukan_pada = now - timedelta(days=rng.randint(5, 60))
        if status in {S.DINILAI, S.FINAL, S.DITERIMA}:
            p.rating_hasil, p.rating_perilaku = rng.choice(RATINGS), rng.choice(RATINGS)
            p.predikat = hitung_predikat(p.rating_hasil, p.rating_perilaku)
        if status in {S.FINAL, S.DITERIMA}:
            p.final_pada, p.penilai = p.diajukan_pada + timedelta(days=3), skp.pejabat_penilai
            # The post held in the SKP's dates (its own snapshot), not today's (domain.md §11.2 rule 2).
            p.snapshot = {"pegawai": skp.snapshot.get("pegawai") or identitas_pegawai(skp.pegawai),
                          "penilai": identitas_pegawai(skp.pejabat_penilai)}
        if status == S.DITERIMA:
            p.ditanggapi_pada = p.final_pada + timedelta(days=2)
        rows.append(p)
    Penilaian.objects.bulk_create(rows, batch_size=500)
    _content(rows, rng)
    return rows


def _content(rows, rng) -> None:
    """Rencana aksi, realisasi for every IKI and, once rated, feedback per RHK and some values."""
    skp_ids = {r.skp_id for r in rows}
    rhks: dict[int, list] = {}
    for rhk in RencanaHasilKerja.objects.filter(skp_id__in=skp_ids).order_by("pk"):
        rhks.setdefault(rhk.skp_id, []).append(rhk)
    ikis: dict[int, list] = {}
    for iki in IndikatorKinerja.objects.filter(rhk__skp_id__in=skp_ids).order_by("pk"):
        ikis.setdefault(iki.rhk_id, []).append(iki)
    frasa_hasil = list(FrasaUmpanBalik.objects.filter(perilaku__isnull=True, aktif=True).values_list("teks", flat=True))
    frasa_perilaku = {}
    for pid, teks in FrasaUmpanBalik.objects.filter(perilaku__isnull=False, aktif=True).values_list(
        "perilaku_id", "teks"
    ):
        frasa_perilaku.setdefault(pid, []).append(teks)
    perilaku = list(PerilakuKerja.objects.all())
    aksi, real, ub = [], [], []
    for p in rows:
        partial = p.status == S.DRAFT
        for rhk in rhks.get(p.skp_id, []):
            aksi.append(
                RencanaAksi(penilaian=p, rhk=rhk, teks=f"Melaksanakan tahapan {p.periode.nama}: {rhk.teks[:80]}")
            )
            for k, iki in enumerate(ikis.get(rhk.pk, [])):
                if partial and k > 0:
                    continue
                if iki.target_angka is not None:
                    share = Decimal(1) if p.periode.is_tahunan else Decimal("0.25")
                    nilai = (iki.target_angka * share * Decimal(rng.choice([80, 95, 100, 105, 120])) / 100).quantize(
                        Decimal("0.01")
                    )
                    real.append(Realisasi(penilaian=p, iki=iki, nilai=nilai))
                else:
                    real.append(Realisasi(penilaian=p, iki=iki, teks="Telah dilaksanakan sesuai rencana aksi."))
            if p.rating_hasil:
                ub.append(
                    UmpanBalik(
                        penilaian=p,
                        rhk=rhk,
                        frasa=rng.choice(frasa_hasil) if frasa_hasil else "",
                        teks="Pertahankan ketepatan waktu pelaporan.",
                        oleh=p.skp.pejabat_penilai,
                    )
                )
        if p.rating_perilaku:
            for pk in rng.sample(perilaku, k=min(2, len(perilaku))):
                opsi = frasa_perilaku.get(pk.pk, [])
                ub.append(
                    UmpanBalik(
                        penilaian=p,
                        perilaku=pk,
                        frasa=rng.choice(opsi) if opsi else "",
                        teks="" if opsi else "Sesuai ekspektasi.",
                        oleh=p.skp.pejabat_penilai,
                    )
                )
    RencanaAksi.objects.bulk_create(aksi, batch_size=1000)
    Realisasi.objects.bulk_create(real, batch_size=1000)
    UmpanBalik.objects.bulk_create(ub, batch_size=1000)
