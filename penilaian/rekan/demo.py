"""seed_demo step: peer input, organisation predikat, a keberatan in progress and two years of annual
predikat for the follow-up lists (domain.md §3.5, §4, §5.2, §6).

Bounded whatever the instansi's size: only the demo atasan's seksi (periodic data) and bidang (annual
data, at most ``MAX_TAHUNAN`` pegawai) get rows, all with bulk inserts. Reuses periods, SKPs and
evaluations made by earlier steps when they exist and creates bare ones otherwise.

- demo ``atasan``: an evaluation (Triwulan IV) of the demo ``pegawai`` with 4 anonymous peer answers,
  released, so the aggregate shows; the seksi's Triwulan III distribution with organisation predikat Baik.
- demo ``pegawai``: a keberatan in progress on Triwulan III, and an open invitation to give peer input.
- the keberatan is decided by the demo atasan's own atasan (kepala bidang); the log prints the NIP.
- ``hr``: Akhir 2024/2025 predikat for the follow-up lists (talent pool, pengembangan, perbaikan).
"""
from datetime import date, timedelta

from django.utils import timezone

from kinerja.audit import audit_log
from pegawai.models import Pegawai, UnitKerja

from ..models import (
    CapaianOrganisasi,
    Keberatan,
    MasukanRekan,
    Penilaian,
    PerilakuKerja,
    Periode,
    RilisMasukanRekan,
    Skp,
    UndanganRekan,
)
from ..predikat import Rating, hitung_predikat

TAHUN = 2026
MAX_TAHUNAN = 200
S = Penilaian.Status
R = Rating
POLA = [(R.SESUAI, R.SESUAI), (R.DI_ATAS, R.SESUAI), (R.DI_ATAS, R.DI_ATAS), (R.SESUAI, R.DI_ATAS),
        (R.DI_BAWAH, R.SESUAI), (R.SESUAI, R.SESUAI)]
KOMENTAR = ["Selalu siap membantu rekan yang kesulitan.", "Perlu lebih tepat waktu dalam menyampaikan laporan.",
            "Terbuka terhadap masukan dan cepat beradaptasi.", ""]
ALASAN = ("Realisasi RHK kedua sudah mencapai 100% dan bukti dukungnya telah diunggah, "
          "namun rating hasil kerja tercatat Sesuai Ekspektasi.")


def _periode(instansi, tahun, nama, jenis, mulai, selesai, batas) -> Periode:
    return Periode.objects.get_or_create(instansi=instansi, tahun=tahun, nama=nama, defaults={
        "jenis": jenis, "tanggal_mulai": mulai, "tanggal_selesai": selesai, "batas_pengisian": batas})[0]


def _skps(people: list[Pegawai], tahun: int) -> dict[int, Skp]:
    """The approved SKP of ``tahun`` per pegawai; bare approved ones are created where missing."""
    have = {s.pegawai_id: s for s in Skp.objects.filter(pegawai__in=people, tahun=tahun, status=Skp.Status.DISETUJUI)}
    taken = set(Skp.objects.filter(pegawai__in=people, tahun=tahun).values_list("pegawai_id", flat=True))
    atasan_of = dict(
        Pegawai.objects.filter(pk__in={p.atasan_id for p in people if p.atasan_id}).values_list("pk", "atasan_id")
    )
    new = [
        Skp(
            pegawai=p,
            tahun=tahun,
            tanggal_mulai=date(tahun, 1, 1),
            tanggal_selesai=date(tahun, 12, 31),
            bentuk=Skp.Bentuk.JA_JF,
            status=Skp.Status.DISETUJUI,
            pejabat_penilai_id=p.atasan_id,
            atasan_penilai_id=atasan_of.get(p.atasan_id),
            jabatan_id=p.jabatan_id,
            unit_kerja_id=p.unit_kerja_id,
        )
        for p in people
        if p.pk not in taken
    ]
    Skp.objects.bulk_create(new, batch_size=1000)
    have.update({s.pegawai_id: s for s in new})
    return have


def _penilaian(skps: dict[int, Skp], periode: Periode, penilai, ratings, final_pada) -> dict[int, Penilaian]:
    """Final evaluations (existing ones of the period are kept as they are)."""
    existing = {
        p.skp.pegawai_id: p
        for p in Penilaian.objects.filter(periode=periode, skp__in=skps.values()).select_related("skp")
    }
    rows = []
    for i, (pid, skp) in enumerate(skps.items()):
        if pid in existing:
            continue
        hasil, perilaku = ratings(i, pid)
        rows.append(
            Penilaian(
                skp=skp,
                periode=periode,
                status=S.FINAL,
                rating_hasil=hasil,
                rating_perilaku=perilaku,
                predikat=hitung_predikat(hasil, perilaku),
                penilai_id=penilai(skp),
                final_pada=final_pada,
                ditanggapi_pada=None,
            )
        )
    Penilaian.objects.bulk_create(rows, batch_size=1000)
    existing.update({p.skp.pegawai_id: p for p in rows})
    return existing


def seed(instansi, *, rng, log=print) -> None:
    if Keberatan.objects.filter(penilaian__periode__instansi=instansi).exists():
        log("Masukan rekan, capaian organisasi dan keberatan demo sudah ada; dilewati.")
        return
    atasan = (
        Pegawai.objects.filter(
            unit_kerja__instansi=instansi, jabatan__jenis="PENGAWAS", bawahan__isnull=False, user__isnull=False
        )
        .select_related("unit_kerja", "atasan")
        .order_by("unit_kerja__kode")
        .first()
    )
    if atasan is None:
        log("Tidak ada atasan demo; data masukan rekan tidak dibuat.")
        return
    staf = list(atasan.bawahan.filter(user__isnull=False, aktif=True).order_by("pk")[:60])
    if len(staf) < 2:
        log("Seksi demo terlalu kecil untuk masukan rekan; dilewati.")
        return
    pegawai = staf[0]
    now = timezone.now()
    tw3 = _periode(
        instansi,
        TAHUN,
        "Triwulan III",
        Periode.Jenis.TRIWULANAN,
        date(TAHUN, 7, 1),
        date(TAHUN, 9, 30),
        date(TAHUN, 10, 10),
    )
    tw4 = _periode(
        instansi,
        TAHUN,
        "Triwulan IV",
        Periode.Jenis.TRIWULANAN,
        date(TAHUN, 10, 1),
        date(TAHUN, 12, 31),
        date(TAHUN + 1, 1, 10),
    )
    skps = _skps(staf, TAHUN)

    # Triwulan III: the seksi's distribution, organisation predikat Baik, and the keberatan in progress.
    tw3_rows = _penilaian(skps, tw3, lambda s: atasan.pk, lambda i, pid: POLA[i % len(POLA)], now - timedelta(days=3))
    # Also the perangkat daerah above the team and the top of the tree: their distribution page (per
    # perangkat daerah) draws the curve's bands.
    atas = [u for u in _leluhur(atasan.unit_kerja) if u.level <= UnitKerja.Level.PERANGKAT_DAERAH]
    for unit, by in ((atasan.unit_kerja, atasan.atasan), (atasan.unit_kerja.parent, None), *((u, None) for u in atas)):
        if unit is not None:
            for periode in (tw3, tw4):
                CapaianOrganisasi.objects.get_or_create(
                    unit_kerja=unit,
                    periode=periode,
                    defaults={
                        "predikat": "BAIK",
                        "catatan": "Capaian rencana aksi sesuai target periodik (demo).",
                        "ditetapkan_oleh": by.user if by and by.user_id else None,
                    },
                )
    p3 = tw3_rows[pegawai.pk]
    Penilaian.objects.filter(pk=p3.pk).update(
        status=S.KEBERATAN,
        ditanggapi_pada=now - timedelta(days=1),
        rating_hasil=R.SESUAI,
        rating_perilaku=R.SESUAI,
        predikat="BAIK",
        penilai=atasan,
        final_pada=now - timedelta(days=3),
    )
    pemutus = skps[pegawai.pk].atasan_penilai or atasan.atasan
    Keberatan.objects.create(penilaian=p3, alasan=ALASAN, diajukan_oleh=pegawai.user, pemutus=pemutus)
    audit_log(
        aktor=pegawai.user,
        aksi="keberatan.diajukan",
        objek=p3,
        catatan=ALASAN,
        data={"dari": S.FINAL, "ke": S.KEBERATAN, "pemutus": pemutus.nip if pemutus else None},
    )
    kolega = next((p for p in staf[1:] if p.pk in skps), None)  # a colleague with an approved SKP
    if kolega is not None and tw3_rows[kolega.pk].status == S.FINAL:
        Penilaian.objects.filter(pk=tw3_rows[kolega.pk].pk).update(status=S.DITERIMA, ditanggapi_pada=now)

    # Triwulan IV: the demo pegawai's evaluation; its 4 invitees have all answered, so the cohort
    # is released (what masukan_rekan_release leaves behind: shuffled rows and the release record).
    p4 = Penilaian.objects.get_or_create(skp=skps[pegawai.pk], periode=tw4)[0]
    peers = staf[1:5]
    if len(peers) < 4:
        peers += list(
            Pegawai.objects.filter(unit_kerja__instansi=instansi, aktif=True, user__isnull=False)
            .exclude(pk__in=[pegawai.pk, atasan.pk, *[p.pk for p in peers]])
            .order_by("pk")[: 4 - len(peers)]
        )
    UndanganRekan.objects.bulk_create(
        [UndanganRekan(penilaian=p4, rekan=p, sudah_menjawab=True, diundang_oleh=atasan.user) for p in peers]
    )
    kodes = list(PerilakuKerja.objects.order_by("urutan").values_list("kode", flat=True))
    answers = [
        MasukanRekan(
            penilaian=p4, komentar=KOMENTAR[i], jawaban={k: rng.choice([R.SESUAI, R.SESUAI, R.DI_ATAS]) for k in kodes}
        )
        for i in range(len(peers))
    ]
    if len(answers) < 3:
        answers = []  # below 3 a release shows and keeps nothing
    rng.shuffle(answers)
    MasukanRekan.objects.bulk_create(answers)
    RilisMasukanRekan.objects.create(penilaian=p4, jumlah_jawaban=len(answers))
    # ... and the demo pegawai is asked for input on a colleague (their inbox is not empty).
    if kolega is not None:
        p4b = Penilaian.objects.get_or_create(skp=skps[kolega.pk], periode=tw4)[0]
        UndanganRekan.objects.get_or_create(penilaian=p4b, rekan=pegawai, defaults={"diundang_oleh": atasan.user})

    n_tahunan = _tahunan(instansi, atasan)
    log(
        f"Masukan rekan ({len(answers)} jawaban, dirilis), capaian organisasi, keberatan dan {n_tahunan} "
        "predikat tahunan dibuat. "
        f"Keberatan diputus oleh atasan pejabat penilai {pemutus.nama if pemutus else '-'} "
        f"(login NIP {pemutus.nip if pemutus else '-'})."
    )


def _tahunan(instansi, atasan) -> int:
    """Final 'Akhir' predikat of 2024 and 2025 for the demo bidang's staff (follow-up lists, §5.2)."""
    bidang = atasan.unit_kerja.parent or atasan.unit_kerja
    units = [bidang.pk, *UnitKerja.objects.filter(parent=bidang).values_list("pk", flat=True)]
    heads = set(UnitKerja.objects.filter(pk__in=units).values_list("kepala_id", flat=True))
    people = list(
        Pegawai.objects.filter(unit_kerja_id__in=units, aktif=True, atasan__isnull=False)
        .exclude(pk__in=heads)
        .order_by("pk")[:MAX_TAHUNAN]
    )
    # 2024 → 2025 patterns: talent pool (SB, SB), pengembangan (B, B), perbaikan (B, BP), and mixes.
    pola = [
        ((R.DI_ATAS, R.DI_ATAS), (R.DI_ATAS, R.DI_ATAS)),
        ((R.SESUAI, R.SESUAI), (R.SESUAI, R.SESUAI)),
        ((R.SESUAI, R.SESUAI), (R.DI_BAWAH, R.SESUAI)),
        ((R.DI_ATAS, R.SESUAI), (R.DI_ATAS, R.DI_ATAS)),
        ((R.SESUAI, R.DI_ATAS), (R.SESUAI, R.SESUAI)),
    ]
    n = 0
    for k, tahun in enumerate((TAHUN - 2, TAHUN - 1)):
        akhir = _periode(
            instansi,
            tahun,
            "Akhir",
            Periode.Jenis.TAHUNAN,
            date(tahun, 1, 1),
            date(tahun, 12, 31),
            date(tahun + 1, 1, 31),
        )
        skps = _skps(people, tahun)
        final_pada = timezone.make_aware(timezone.datetime(tahun + 1, 1, 20, 10))
        rows = _penilaian(
            skps, akhir, lambda s: s.pejabat_penilai_id, lambda i, pid, k=k: pola[i % len(pola)][k], final_pada
        )
        Penilaian.objects.filter(pk__in=[p.pk for p in rows.values()], status=S.FINAL).update(status=S.DITERIMA)
        n += len(rows)
    return n


def _leluhur(unit: UnitKerja) -> list[UnitKerja]:
    """The units above ``unit``, nearest first."""
    naik = []
    while unit.parent_id is not None:
        unit = unit.parent
        naik.append(unit)
    return naik
