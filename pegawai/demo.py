"""Demo organisation for seed_demo: Pemerintah Kota → perangkat daerah → bidang → seksi.

Deterministic (fixed random seed), bulk inserts only, so 50,000 pegawai take a few minutes at most.
"""
import random
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from kinerja.bench.tulis import ids, reset

from .models import Golongan, Instansi, Jabatan, Pegawai, RiwayatAtasan, UnitKerja, User

INSTANSI_KODE = "KOTA-NSA"
INSTANSI_NAMA = "Pemerintah Kota Nusa Asri"

PERANGKAT = [
    ("DISDIK", "Dinas Pendidikan"), ("DINKES", "Dinas Kesehatan"), ("BKPSDM", "Badan Kepegawaian dan Pengembangan SDM"),
    ("BAPPEDA", "Badan Perencanaan Pembangunan Daerah"), ("DISKOMINFO", "Dinas Komunikasi dan Informatika"),
    ("DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang"), ("DINSOS", "Dinas Sosial"),
    ("BKD", "Badan Keuangan Daerah"), ("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil"),
    ("INSPEKTORAT", "Inspektorat Daerah"),
]
BIDANG = ["Sekretariat", "Bidang Perencanaan dan Program", "Bidang Pelayanan", "Bidang Pengembangan"]
SEKSI = {
    "Sekretariat": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan", "Subbagian Program dan Pelaporan"],
    "default": ["Seksi Perencanaan", "Seksi Pelaksanaan", "Seksi Evaluasi dan Pelaporan"],
}

JABATAN = [
    ("Sekretaris Daerah", "JPT_PRATAMA", ""),
    ("Kepala Perangkat Daerah", "JPT_PRATAMA", ""),
    ("Kepala Bidang", "ADMINISTRATOR", ""),
    ("Sekretaris Perangkat Daerah", "ADMINISTRATOR", ""),
    ("Kepala Seksi", "PENGAWAS", ""),
    ("Kepala Subbagian", "PENGAWAS", ""),
    ("Analis Kebijakan Ahli Pertama", "FUNGSIONAL", "AHLI_PERTAMA"),
    ("Analis Kebijakan Ahli Muda", "FUNGSIONAL", "AHLI_MUDA"),
    ("Perencana Ahli Madya", "FUNGSIONAL", "AHLI_MADYA"),
    ("Analis SDM Aparatur Ahli Pertama", "FUNGSIONAL", "AHLI_PERTAMA"),
    ("Pranata Komputer Terampil", "FUNGSIONAL", "TERAMPIL"),
    ("Pranata Komputer Mahir", "FUNGSIONAL", "MAHIR"),
    ("Arsiparis Penyelia", "FUNGSIONAL", "PENYELIA"),
    ("Pengelola Pengadaan Barang/Jasa Pemula", "FUNGSIONAL", "PEMULA"),
    ("Auditor Ahli Utama", "FUNGSIONAL", "AHLI_UTAMA"),
    ("Penata Layanan Operasional", "PELAKSANA", ""),
    ("Pengadministrasi Perkantoran", "PELAKSANA", ""),
    ("Operator Layanan Operasional", "PELAKSANA", ""),
]
STAFF_JABATAN = [j for j in JABATAN if j[1] in ("FUNGSIONAL", "PELAKSANA")]
GOLONGAN_JENJANG = {
    "PEMULA": ["II/a"], "TERAMPIL": ["II/b", "II/c", "II/d"], "MAHIR": ["III/a", "III/b"],
    "PENYELIA": ["III/c", "III/d"], "AHLI_PERTAMA": ["III/a", "III/b"], "AHLI_MUDA": ["III/c", "III/d"],
    "AHLI_MADYA": ["IV/a", "IV/b", "IV/c"], "AHLI_UTAMA": ["IV/d", "IV/e"],
    "JPT_PRATAMA": ["IV/c", "IV/d"], "ADMINISTRATOR": ["IV/a", "IV/b"], "PENGAWAS": ["III/c", "III/d"],
    "PELAKSANA": ["II/b", "II/c", "II/d", "III/a", "III/b"],
}
PPPK_GOLONGAN = {"PEMULA": "V", "TERAMPIL": "VII", "MAHIR": "VII", "AHLI_PERTAMA": "IX", "PELAKSANA": "V"}

DEPAN_L = [
    "Agus",
    "Budi",
    "Dedi",
    "Eko",
    "Fajar",
    "Hendra",
    "Irfan",
    "Joko",
    "Yusuf",
    "Rizky",
    "Wahyu",
    "Arif",
    "Bambang",
    "Dimas",
    "Gilang",
    "Hadi",
    "Imam",
    "Kurniawan",
    "Made",
    "Nyoman",
    "Putu",
    "Teguh",
    "Slamet",
    "Andi",
]
DEPAN_P = [
    "Siti",
    "Dewi",
    "Rina",
    "Sri",
    "Wulan",
    "Ayu",
    "Fitri",
    "Indah",
    "Lestari",
    "Maya",
    "Nur",
    "Putri",
    "Ratna",
    "Sari",
    "Yuni",
    "Intan",
    "Kartika",
    "Melati",
    "Anisa",
    "Dian",
    "Novi",
    "Ketut",
    "Ratih",
    "Ani",
]
BELAKANG = [
    "Santoso",
    "Wijaya",
    "Saputra",
    "Hidayat",
    "Nugroho",
    "Pratama",
    "Lestari",
    "Kusuma",
    "Setiawan",
    "Rahmawati",
    "Siregar",
    "Nasution",
    "Harahap",
    "Simanjuntak",
    "Wibowo",
    "Purnomo",
    "Susanto",
    "Handayani",
    "Permana",
    "Sulistyo",
    "Hutapea",
    "Pangaribuan",
    "Rahman",
    "Syahputra",
    "Gunawan",
    "Utami",
    "Halim",
]
GELAR_BELAKANG = ["S.Kom.", "S.E.", "S.H.", "S.Sos.", "S.T.", "S.Pd.", "M.Si.", "M.M.", "S.A.P.", "A.Md.", "", "", ""]


@dataclass
class DemoLogins:
    password: str
    instansi: Instansi | None = None
    lines: list[tuple[str, str]] = field(default_factory=list)


class _NipGen:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set(Pegawai.objects.values_list("nip", flat=True))

    def make(self, *, pppk: bool, kelamin: str, lahir_min: int, lahir_max: int) -> tuple[str, date]:
        while True:
            year = self.rng.randint(lahir_min, lahir_max)
            lahir = date(year, self.rng.randint(1, 12), self.rng.randint(1, 28))
            g = "1" if kelamin == "L" else "2"
            if pppk:
                prefix = f"{lahir:%Y%m%d}{self.rng.randint(max(year + 19, 2019), 2025)}2{self.rng.randint(1, 3)}{g}"
            else:
                tmt = min(year + self.rng.randint(21, 30), 2024)
                prefix = f"{lahir:%Y%m%d}{tmt}{self.rng.randint(1, 12):02d}{g}"
            for _ in range(5):
                nip = f"{prefix}{self.rng.randint(1, 999):03d}"
                if nip not in self.used:
                    self.used.add(nip)
                    return nip, lahir


def _nama(rng: random.Random, kelamin: str) -> tuple[str, str]:
    depan = rng.choice(DEPAN_L if kelamin == "L" else DEPAN_P)
    return f"{depan} {rng.choice(BELAKANG)}", rng.choice(GELAR_BELAKANG)


def _shape(n: int) -> tuple[int, int, int]:
    """How many perangkat daerah, bidang per perangkat and seksi per bidang for ``n`` pegawai."""
    if n < 150:
        return 3, 3, 2
    if n < 1000:
        return 5, 3, 3
    return len(PERANGKAT), len(BIDANG), 3


def seed_org(
    *,
    n_pegawai: int,
    password: str,
    rng: random.Random,
    log=print,
    kode: str = INSTANSI_KODE,
    nama: str = INSTANSI_NAMA,
    demo_users: bool = True,
) -> DemoLogins:
    """Create the demo instansi, its tree and ``n_pegawai`` pegawai with accounts (idempotent).

    ``kode``/``nama`` build another instansi of the same shape (the benchmark uses its own);
    ``demo_users`` also (re)sets the admin/hr/atasan/pegawai demo logins.
    """
    logins = DemoLogins(password=password)
    instansi, created = Instansi.objects.get_or_create(
        kode=kode, defaults={"nama": nama, "jenis": Instansi.Jenis.DAERAH, "kota": "Nusa Asri"}
    )
    logins.instansi = instansi
    for nama_jabatan, jenis, jenjang in JABATAN:
        Jabatan.objects.get_or_create(nama=nama_jabatan, defaults={"jenis": jenis, "jenjang": jenjang})
    if created or not Pegawai.objects.filter(unit_kerja__instansi=instansi).exists():
        _build(instansi, n_pegawai, password, rng, log)
    else:
        log(f"Instansi {instansi.kode} sudah ada; struktur dan pegawai tidak dibuat ulang.")
    if demo_users:
        _demo_users(instansi, password, logins)
    return logins


def _build(instansi: Instansi, n: int, password: str, rng: random.Random, log) -> None:  # noqa: C901 (one pass)
    n_pd, n_bid, n_sek = _shape(n)
    jab = {j.nama: j for j in Jabatan.objects.all()}
    gol = {(g.jenis, g.kode): g.pk for g in Golongan.objects.all()}
    nipgen = _NipGen(rng)
    pw_hash = make_password(password)

    setda = UnitKerja.objects.create(instansi=instansi, kode="01", nama="Sekretariat Daerah", level=1)
    units_pd = UnitKerja.objects.bulk_create(
        [
            UnitKerja(instansi=instansi, parent=setda, kode=f"01.{i + 1:02d}", nama=nama, level=2)
            for i, (_, nama) in enumerate(PERANGKAT[:n_pd])
        ]
    )
    units_bid = UnitKerja.objects.bulk_create(
        [
            UnitKerja(
                instansi=instansi,
                parent=pd,
                kode=f"{pd.kode}.{j + 1}",
                nama=f"{BIDANG[j]} {pd.nama}" if j else f"Sekretariat {pd.nama}",
                level=3,
            )
            for pd in units_pd
            for j in range(n_bid)
        ]
    )
    units_sek = []
    for bid in units_bid:
        names = SEKSI["Sekretariat"] if bid.nama.startswith("Sekretariat") else SEKSI["default"]
        units_sek += [
            UnitKerja(instansi=instansi, parent=bid, kode=f"{bid.kode}.{k + 1}", nama=names[k], level=4)
            for k in range(n_sek)
        ]
    units_sek = UnitKerja.objects.bulk_create(units_sek)
    # Re-read with pks (SQLite and PostgreSQL both return them, this keeps it portable).
    all_units = {u.kode: u for u in UnitKerja.objects.filter(instansi=instansi)}
    users: list[User] = []
    pegawai: list[Pegawai] = []

    def add(unit, jabatan_nama, *, atasan_idx=None, pppk=False, lahir=(1966, 1985)):
        kelamin = rng.choice("LP")
        nip, tgl = nipgen.make(pppk=pppk, kelamin=kelamin, lahir_min=lahir[0], lahir_max=lahir[1])
        nama, gelar = _nama(rng, kelamin)
        j = jab[jabatan_nama]
        key = j.jenjang or j.jenis
        if pppk:
            g = gol.get(("PPPK", PPPK_GOLONGAN.get(key, "V")))
        else:
            g = gol.get(("PNS", rng.choice(GOLONGAN_JENJANG.get(key, ["III/a"]))))
        users.append(User(username=nip, first_name=nama[:150], password=pw_hash, instansi=None))
        pegawai.append(
            Pegawai(
                nip=nip,
                nama=nama,
                gelar_belakang=gelar,
                status="PPPK" if pppk else "PNS",
                jenis_kelamin=kelamin,
                tanggal_lahir=tgl,
                golongan_id=g,
                jabatan=j,
                unit_kerja=unit,
                email=f"{nip}@mail.nusaasri.go.id",
            )
        )
        pegawai[-1]._atasan_idx = atasan_idx
        return len(pegawai) - 1

    head = {}
    head["01"] = add(all_units["01"], "Sekretaris Daerah", lahir=(1966, 1972))
    for pd in units_pd:
        head[pd.kode] = add(all_units[pd.kode], "Kepala Perangkat Daerah", atasan_idx=head["01"], lahir=(1966, 1975))
    for bid in units_bid:
        jn = "Sekretaris Perangkat Daerah" if bid.nama.startswith("Sekretariat") else "Kepala Bidang"
        head[bid.kode] = add(all_units[bid.kode], jn, atasan_idx=head[bid.kode.rsplit(".", 1)[0]], lahir=(1968, 1980))
    seksi_codes = []
    for sek in units_sek:
        kode = sek.kode
        jn = "Kepala Subbagian" if all_units[kode.rsplit(".", 1)[0]].nama.startswith("Sekretariat") else "Kepala Seksi"
        head[kode] = add(all_units[kode], jn, atasan_idx=head[kode.rsplit(".", 1)[0]], lahir=(1970, 1988))
        seksi_codes.append(kode)
    remaining = max(n - len(pegawai), 0)
    for i in range(remaining):
        kode = seksi_codes[i % len(seksi_codes)]
        jn = STAFF_JABATAN[(i // len(seksi_codes)) % len(STAFF_JABATAN)][0]
        key = jab[jn].jenjang or jab[jn].jenis
        pppk = key in PPPK_GOLONGAN and rng.random() < 0.2
        add(all_units[kode], jn, atasan_idx=head[kode], pppk=pppk, lahir=(1975, 2000))

    # Keys handed out first, so atasan and accounts are set in the one insert (no read-back, no UPDATE);
    # the self-referencing foreign key is checked at commit.
    for u, pk in zip(users, ids(User, len(users)), strict=True):
        u.pk = pk
    for p, pk, u in zip(pegawai, ids(Pegawai, len(pegawai)), users, strict=True):
        p.pk, p.user_id = pk, u.pk
    for p in pegawai:
        if p._atasan_idx is not None:
            p.atasan_id = pegawai[p._atasan_idx].pk
    User.objects.bulk_create(users, batch_size=5000)
    Pegawai.objects.bulk_create(pegawai, batch_size=5000)
    reset(User, Pegawai)
    RiwayatAtasan.objects.bulk_create(
        [
            RiwayatAtasan(pegawai_id=p.pk, atasan_baru_id=p.atasan_id, alasan="Data awal (demo)")
            for p in pegawai
            if p.atasan_id
        ],
        batch_size=2000,
    )
    heads = []
    for kode, idx in head.items():
        unit = all_units[kode]
        unit.kepala_id = pegawai[idx].pk
        heads.append(unit)
    UnitKerja.objects.bulk_update(heads, ["kepala"], batch_size=1000)
    log(f"{len(all_units)} unit kerja dan {len(pegawai)} pegawai dibuat untuk {instansi.nama}.")


def _demo_users(instansi: Instansi, password: str, logins: DemoLogins) -> None:
    admin, _ = User.objects.get_or_create(username="admin", defaults={"is_staff": True, "is_superuser": True})
    admin.is_staff = admin.is_superuser = True
    admin.set_password(password)
    admin.sandi_sementara_sampai = None  # a demo password is not a temporary one
    admin.save()
    hr, _ = User.objects.get_or_create(username="hr", defaults={"first_name": "Admin Kepegawaian"})
    hr.instansi = instansi
    hr.set_password(password)
    hr.sandi_sementara_sampai = None
    hr.save()
    hr.groups.add(Group.objects.get_or_create(name="HR")[0])
    logins.lines += [("admin", "admin"), ("hr", "hr")]
    # The demo supervisor: the first kepala seksi with staff; the demo employee: their first staff member.
    atasan = (
        Pegawai.objects.filter(
            unit_kerja__instansi=instansi, jabatan__jenis="PENGAWAS", bawahan__isnull=False, user__isnull=False
        )
        .order_by("unit_kerja__kode")
        .first()
    )
    if atasan is None:
        return
    staf = atasan.bawahan.filter(user__isnull=False).order_by("pk").first()
    for p in (atasan, staf):
        if p is not None:
            p.user.set_password(password)
            p.user.sandi_sementara_sampai = None
            p.user.save(update_fields=["password", "sandi_sementara_sampai"])
    logins.lines.append(("atasan", atasan.user.username))
    if staf:
        logins.lines.append(("pegawai", staf.user.username))
