"""seed_demo step: SKP 2026 in every status, RHK cascaded from the unit heads down (domain.md §1.4).

Bulk inserts only, level by level (a subordinate's RHK needs its supervisor's RHK id). For a large
instansi only one perangkat daerah and at most ``MAX_PEGAWAI`` pegawai get SKPs, so ``--pegawai 50000``
stays fast. The demo ``pegawai`` gets an approved SKP (and last year's, to try copying); the demo
``atasan`` has an approved SKP of their own and subordinates waiting in the queue.
"""
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from kinerja.models import AuditLog
from pegawai.identitas import identitas_pegawai
from pegawai.models import Pegawai, UnitKerja
from pegawai.selectors import descendant_ids

from ..models import (
    EkspektasiPerilaku,
    FrasaEkspektasi,
    IndikatorKinerja,
    PerilakuKerja,
    RencanaHasilKerja,
    Skp,
    SkpVersi,
)
from .services import skp_content

TAHUN = 2026
MAX_PEGAWAI = 1500
S, J, A = Skp.Status, RencanaHasilKerja.Jenis, IndikatorKinerja.Aspek
P = RencanaHasilKerja.Perspektif

# (teks, perspektif, [(iki, aspek, angka, satuan)]) — {u} is the unit name.
RHK_JPT = [
    ("Meningkatnya kualitas layanan publik {u}", P.PENERIMA_LAYANAN,
     [("Indeks Kepuasan Masyarakat terhadap layanan {u}", "", 82, "indeks")]),
    ("Meningkatnya akuntabilitas kinerja {u}", P.PROSES_BISNIS,
     [("Nilai evaluasi SAKIP {u}", "", 75, "nilai")]),
    ("Terwujudnya pengelolaan anggaran {u} yang efektif", P.ANGGARAN,
     [("Persentase realisasi anggaran", "", 95, "persen")]),
    ("Meningkatnya kapasitas sumber daya aparatur {u}", P.PENGUATAN_INTERNAL,
     [("Persentase pegawai yang memenuhi 20 JP pengembangan kompetensi", "", 80, "persen")]),
]
RHK_BIDANG = [
    "Tersusunnya perencanaan program {u} yang selaras dengan Renstra",
    "Terlaksananya program {u} sesuai target kinerja",
    "Tersedianya laporan evaluasi kinerja {u} yang akurat dan tepat waktu",
]
RHK_SEKSI = [
    "Terlaksananya kegiatan {u} sesuai rencana",
    "Tersusunnya laporan capaian kegiatan {u} setiap triwulan",
    "Meningkatnya kualitas data dan dokumen pendukung {u}",
]
RHK_STAF = {
    "Analis": ["Tersusunnya kajian dan rekomendasi kebijakan {u}", "Tersedianya bahan analisis data kinerja {u}"],
    "Perencana": ["Tersusunnya dokumen Rencana Kerja {u}", "Tersedianya rekomendasi perencanaan anggaran {u}"],
    "Pranata": ["Terpeliharanya aplikasi dan jaringan {u}", "Tersedianya layanan dukungan teknologi informasi {u}"],
    "Arsiparis": ["Tertatanya arsip dinamis {u}", "Tersusunnya daftar arsip aktif dan inaktif {u}"],
    "Pengelola": ["Terlaksananya pengadaan barang/jasa {u} sesuai ketentuan", "Tersusunnya dokumen pemilihan penyedia"],
    "Auditor": ["Terlaksananya reviu dan audit kinerja {u}", "Tersusunnya laporan hasil pengawasan"],
    "default": ["Terselesaikannya administrasi persuratan {u} tepat waktu", "Tersedianya data dan bahan laporan {u}"],
}
IKI_JA = [
    ("Jumlah dokumen yang diselesaikan", A.KUANTITAS, 12, "dokumen"),
    ("Persentase dokumen yang diterima tanpa revisi", A.KUALITAS, 90, "persen"),
    ("Waktu penyelesaian dokumen", A.WAKTU, 12, "bulan"),
    ("Jumlah laporan yang disampaikan", A.KUANTITAS, 4, "laporan"),
]
CATATAN_KEMBALI = "Target IKI kedua belum terukur; sesuaikan dengan RHK pimpinan yang diintervensi."


def _aware(d: date, jam: int = 9):
    return timezone.make_aware(datetime.combine(d, time(jam)))


def _demo_people(instansi):
    atasan = (Pegawai.objects.filter(unit_kerja__instansi=instansi, jabatan__jenis="PENGAWAS", bawahan__isnull=False,
                                     user__isnull=False).order_by("unit_kerja__kode").first())
    staf = list(atasan.bawahan.filter(user__isnull=False).order_by("pk")) if atasan else []
    return atasan, staf


def _scope(instansi, atasan) -> list[Pegawai]:
    """Pegawai that get SKPs: all of a small instansi; else the demo atasan's perangkat daerah, bounded."""
    qs = Pegawai.objects.filter(unit_kerja__instansi=instansi, aktif=True).select_related(
        "jabatan", "golongan", "unit_kerja__instansi", "user")
    if qs.count() > MAX_PEGAWAI and atasan is not None:
        pd = atasan.unit_kerja
        while pd.parent_id and pd.level > UnitKerja.Level.PERANGKAT_DAERAH:
            pd = pd.parent
        qs = qs.filter(unit_kerja_id__in=descendant_ids(pd))
    people = sorted(qs, key=lambda p: (p.unit_kerja.level, p.unit_kerja.kode, p.pk))
    heads = set(UnitKerja.objects.filter(instansi=instansi).values_list("kepala_id", flat=True))
    keep = [p for p in people if p.pk in heads]
    staff = [p for p in people if p.pk not in heads]
    return keep + staff[: max(MAX_PEGAWAI - len(keep), 0)]


def _status_for(p, i, heads, atasan, staf) -> str | None:
    if p.pk == atasan.pk or (staf and p.pk == staf[0].pk):
        return S.DISETUJUI
    if len(staf) > 1 and p.pk == staf[1].pk:
        return S.DIAJUKAN
    if len(staf) > 2 and p.pk == staf[2].pk:
        return S.DIKEMBALIKAN
    if p.pk in heads:
        return [S.DISETUJUI, S.DISETUJUI, S.DISETUJUI, S.DIAJUKAN][i % 4] if p.unit_kerja.level >= 4 else S.DISETUJUI
    return [
        S.DISETUJUI,
        S.DIAJUKAN,
        S.DISETUJUI,
        S.DRAFT,
        S.DIKEMBALIKAN,
        S.DISETUJUI,
        None,
        S.DIAJUKAN,
        S.DRAFT,
        S.DISETUJUI,
    ][i % 10]


def seed(instansi, *, rng, log=print) -> None:
    if Skp.objects.filter(pegawai__unit_kerja__instansi=instansi, tahun=TAHUN).exists():
        log("SKP demo sudah ada; dilewati.")
        return
    atasan, staf = _demo_people(instansi)
    if atasan is None:
        log("Tidak ada atasan demo; SKP demo tidak dibuat.")
        return
    people = _scope(instansi, atasan)
    heads = set(UnitKerja.objects.filter(instansi=instansi).values_list("kepala_id", flat=True))
    by_pk = {p.pk: p for p in people}
    status = {p.pk: _status_for(p, i, heads, atasan, staf) for i, p in enumerate(people)}
    skps = _create_skps(people, by_pk, status, rng)
    rhk_of = _create_rhk(people, skps, heads, rng)
    _finish(skps, rhk_of, by_pk, rng)
    _last_year(atasan, staf[:1], rng)
    log(f"{len(skps)} SKP {TAHUN} dibuat ({sum(1 for s in skps.values() if s.status == S.DISETUJUI)} disetujui).")


def _create_skps(people, by_pk, status, rng) -> dict[int, Skp]:
    rows = []
    for p in people:
        st = status[p.pk]
        if st is None:
            continue  # shows up as "belum punya SKP" in monitoring
        atasan = by_pk.get(p.atasan_id) or (Pegawai.objects.filter(pk=p.atasan_id).first() if p.atasan_id else None)
        aju = date(TAHUN, 1, rng.randint(5, 20))
        skp = Skp(
            pegawai=p,
            tahun=TAHUN,
            tanggal_mulai=date(TAHUN, 1, 1),
            tanggal_selesai=date(TAHUN, 12, 31),
            bentuk=Skp.Bentuk.JPT if p.jabatan and p.jabatan.is_jpt else Skp.Bentuk.JA_JF,
            status=st,
            pejabat_penilai_id=p.atasan_id,
            atasan_penilai_id=atasan.atasan_id if atasan else None,
            jabatan=p.jabatan,
            unit_kerja=p.unit_kerja,
            versi=1,
            dukungan_sumber_daya="Anggaran DPA tahun berjalan, sarana kerja dan aplikasi pendukung.",
            skema_pertanggungjawaban="Laporan kinerja triwulanan kepada pejabat penilai.",
            konsekuensi="Capaian kinerja menjadi dasar pemberian tambahan penghasilan pegawai.",
        )
        if st != S.DRAFT:
            skp.diajukan_pada = _aware(aju)
            skp.snapshot = {
                "pegawai": identitas_pegawai(p),
                "penilai": identitas_pegawai(atasan),
                "atasan_penilai": identitas_pegawai(by_pk.get(atasan.atasan_id)) if atasan else {},
            }
        if st == S.DISETUJUI:
            skp.disetujui_pada = _aware(aju + timedelta(days=rng.randint(1, 7)), 14)
        if st == S.DIKEMBALIKAN:
            skp.catatan_pengembalian = CATATAN_KEMBALI
        rows.append(skp)
    Skp.objects.bulk_create(rows, batch_size=1000)
    return {s.pegawai_id: s for s in rows}


def _fmt(teks: str, p: Pegawai) -> str:
    return teks.format(u=p.unit_kerja.nama)


def _rhk_texts(p: Pegawai) -> list[str]:
    if p.unit_kerja.level <= UnitKerja.Level.BIDANG:
        return RHK_BIDANG
    if p.unit_kerja.kepala_id == p.pk:
        return RHK_SEKSI
    key = next((k for k in RHK_STAF if p.jabatan and p.jabatan.nama.startswith(k)), "default")
    return RHK_STAF[key]


def _create_rhk(people, skps, heads, rng) -> dict[int, list[RencanaHasilKerja]]:
    """RHK level by level; JA/JF RHK point at one of the penilai's RHK (domain.md §1.4)."""
    rhk_of: dict[int, list[RencanaHasilKerja]] = {}
    iki_rows = []
    levels = sorted({(p.unit_kerja.level, p.pk not in heads) for p in people})
    for level in levels:
        batch = []
        for p in people:
            if (p.unit_kerja.level, p.pk not in heads) != level or p.pk not in skps:
                continue
            skp = skps[p.pk]
            parent_rhk = [r for r in rhk_of.get(p.atasan_id, []) if r.jenis == J.UTAMA]
            if skp.is_jpt:
                items = [(_fmt(t, p), persp, None, ikis) for t, persp, ikis in RHK_JPT]
            else:
                items = [(_fmt(t, p), "", rng.choice(parent_rhk) if parent_rhk else None, None) for t in _rhk_texts(p)]
            for n, (teks, persp, induk, ikis) in enumerate(items, start=1):
                r = RencanaHasilKerja(
                    skp=skp,
                    jenis=J.UTAMA,
                    klasifikasi="ORGANISASI" if p.pk in heads else "INDIVIDU",
                    teks=teks,
                    urutan=n,
                    perspektif=persp,
                    induk=induk,
                )
                r._ikis = [(_fmt(t, p), a, v, s) for t, a, v, s in ikis] if ikis else rng.sample(IKI_JA, 2)
                batch.append(r)
            if not skp.is_jpt and rng.random() < 0.3:
                r = RencanaHasilKerja(
                    skp=skp,
                    jenis=J.TAMBAHAN,
                    klasifikasi="INDIVIDU",
                    urutan=1,
                    teks="Terlaksananya tugas tambahan sebagai anggota tim kerja lintas bidang",
                    penugasan_dari="Kepala Perangkat Daerah",
                )
                r._ikis = [("Jumlah rapat koordinasi yang diikuti", A.KUANTITAS, 6, "kegiatan")]
                batch.append(r)
        RencanaHasilKerja.objects.bulk_create(batch, batch_size=2000)
        for r in batch:
            rhk_of.setdefault(r.skp.pegawai_id, []).append(r)
            iki_rows += [
                IndikatorKinerja(rhk=r, teks=t, aspek=a, target_angka=Decimal(v), satuan=s, urutan=k)
                for k, (t, a, v, s) in enumerate(r._ikis, start=1)
            ]
    IndikatorKinerja.objects.bulk_create(iki_rows, batch_size=5000)
    return rhk_of


def _finish(skps, rhk_of, by_pk, rng) -> None:
    """Ekspektasi (approved SKPs get picklist phrases), SkpVersi and audit entries."""
    perilaku = list(PerilakuKerja.objects.all())
    frasa = {}
    for f in FrasaEkspektasi.objects.filter(aktif=True):
        frasa.setdefault(f.perilaku_id, []).append(f.teks)
    eks, versi, audit = [], [], []
    ct = ContentType.objects.get_for_model(Skp)
    for pegawai_id, skp in skps.items():
        ok = skp.status == S.DISETUJUI
        teks = {p.pk: (rng.choice(frasa.get(p.pk, [""])) if ok and rng.random() < 0.6 else "") for p in perilaku}
        eks += [EkspektasiPerilaku(skp=skp, perilaku=p, teks=teks[p.pk]) for p in perilaku]
        owner = by_pk[pegawai_id]
        penilai = by_pk.get(skp.pejabat_penilai_id)
        if skp.diajukan_pada:
            audit.append(
                AuditLog(
                    aktor_id=owner.user_id,
                    aksi="skp.submitted",
                    content_type=ct,
                    object_id=str(skp.pk),
                    objek_repr=f"SKP {TAHUN} — {owner.nama}",
                    data={"dari": S.DRAFT, "ke": S.DIAJUKAN},
                )
            )
        if skp.status in (S.DISETUJUI, S.DIKEMBALIKAN):
            aksi = "skp.approved" if ok else "skp.returned"
            audit.append(
                AuditLog(
                    aktor_id=penilai.user_id if penilai else None,
                    aksi=aksi,
                    content_type=ct,
                    object_id=str(skp.pk),
                    objek_repr=f"SKP {TAHUN} — {owner.nama}",
                    data={"dari": S.DIAJUKAN, "ke": skp.status},
                    catatan="" if ok else CATATAN_KEMBALI,
                )
            )
        if ok:
            versi.append(
                SkpVersi(
                    skp=skp,
                    versi=1,
                    disetujui_pada=skp.disetujui_pada,
                    disetujui_oleh_id=penilai.user_id if penilai else None,
                    data=_content(skp, rhk_of.get(pegawai_id, []), perilaku, teks),
                )
            )
    EkspektasiPerilaku.objects.bulk_create(eks, batch_size=5000)
    SkpVersi.objects.bulk_create(versi, batch_size=1000)
    AuditLog.objects.bulk_create(audit, batch_size=2000)


def _content(skp, rhk, perilaku, teks) -> dict:
    """Same shape as ``services.skp_content``, built from memory to avoid per-SKP queries."""
    return {
        "tahun": skp.tahun,
        "bentuk": skp.bentuk,
        "pendekatan": skp.pendekatan,
        "tanggal_mulai": skp.tanggal_mulai.isoformat(),
        "tanggal_selesai": skp.tanggal_selesai.isoformat(),
        "identitas": skp.snapshot,
        "rhk": [
            {
                "id": r.pk,
                "jenis": r.jenis,
                "jenis_display": r.get_jenis_display(),
                "teks": r.teks,
                "klasifikasi": r.klasifikasi,
                "perspektif": r.get_perspektif_display() if r.perspektif else "",
                "induk": r.induk.teks if r.induk else "",
                "iki": [
                    {"teks": t, "aspek": str(A(a).label) if a else "", "target": f"{v} {s}"} for t, a, v, s in r._ikis
                ],
            }
            for r in rhk
        ],
        "perilaku": [{"nama": p.nama, "ekspektasi": teks[p.pk]} for p in perilaku],
        "lampiran": {
            "dukungan_sumber_daya": skp.dukungan_sumber_daya,
            "skema_pertanggungjawaban": skp.skema_pertanggungjawaban,
            "konsekuensi": skp.konsekuensi,
        },
    }


def _last_year(atasan, staf, rng) -> None:
    """Approved SKP of last year for the demo logins, so "salin dari tahun lalu" has something to copy."""
    for p in [atasan, *staf]:
        skp = Skp.objects.create(
            pegawai=p,
            tahun=TAHUN - 1,
            tanggal_mulai=date(TAHUN - 1, 1, 1),
            tanggal_selesai=date(TAHUN - 1, 12, 31),
            bentuk=Skp.Bentuk.JA_JF,
            status=S.DISETUJUI,
            pejabat_penilai_id=p.atasan_id,
            jabatan=p.jabatan,
            unit_kerja=p.unit_kerja,
            diajukan_pada=_aware(date(TAHUN - 1, 1, 10)),
            disetujui_pada=_aware(date(TAHUN - 1, 1, 15)),
        )
        for n, teks in enumerate(_rhk_texts(p), start=1):
            r = RencanaHasilKerja.objects.create(skp=skp, jenis=J.UTAMA, teks=_fmt(teks, p), urutan=n)
            t, a, v, s = rng.choice(IKI_JA)
            IndikatorKinerja.objects.create(rhk=r, teks=t, aspek=a, target_angka=v, satuan=s, urutan=1)
        SkpVersi.objects.create(skp=skp, versi=1, data=skp_content(skp), disetujui_pada=skp.disetujui_pada)
