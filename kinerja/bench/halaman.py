"""Time every list and dashboard page of every role, interleaved, with Django's test client.

The pages are every URL without arguments of the apps' ``urls.py`` (minus forms, exports and actions,
``LEWATI``) plus a few with a query string; each role keeps the pages that answer it 200. Rounds go
round-robin over all (role, page) pairs, so a slow minute of a shared machine spreads over every page
instead of landing on one. Per page: median and p95 server time, queries and HTML size of the last
answer, and the slowest SELECT seen (for ``EXPLAIN ANALYZE``).
"""
import statistics
import time
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from pegawai.access import HR_GROUP
from pegawai.models import Instansi, Pegawai, UnitKerja, User

APPS = ("pegawai", "penilaian", "pelatihan", "harian", "kontrak", "notifikasi", "laporan", "siasn")
# Name parts of URLs that are forms, files, actions or pollers, not pages to read.
LEWATI = ("create", "tambah", "impor", "import", "ekspor", "csv", "templat", "bulk", "setujui", "baca-semua",
          "job-start", "tutup", "konfirmasi", "massal", "bell", "set", "cari", "standar", "periksa")
HR_USER = "bench-hr"
TARGET_MS, TARGET_KUERI, TARGET_KB = 150, 15, 100


@dataclass
class Hasil:
    peran: str
    halaman: str
    url: str
    ms: list[float] = field(default_factory=list)
    kueri: int = 0
    kb: float = 0.0
    awal: float = 0.0  # the warm-up, the only figure with ``rounds=0`` (the test's smoke run)

    def ringkas(self) -> dict:
        ms = sorted(self.ms) or [self.awal]
        p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
        return {"peran": self.peran, "halaman": self.halaman, "url": self.url,
                "median_ms": round(statistics.median(ms), 1), "p95_ms": round(p95, 1), "kueri": self.kueri,
                "kb": round(self.kb, 1),
                "lulus": p95 < TARGET_MS and self.kueri <= TARGET_KUERI and self.kb <= TARGET_KB}


def page_urls() -> list[tuple[str, str]]:
    """(name, path) of every page without arguments of the apps, in urls.py order."""
    out = []

    def walk(resolver, ns=""):
        for p in resolver.url_patterns:
            if isinstance(p, URLResolver):
                walk(p, p.namespace or ns)
            elif isinstance(p, URLPattern) and p.name and ns in APPS and not p.pattern.converters:
                name = f"{ns}:{p.name}"
                if not any(w in p.name for w in LEWATI):
                    out.append((name, reverse(name)))

    walk(get_resolver())
    return [("home", reverse("home")), *out]


def actors(instansi: Instansi) -> dict[str, User]:
    """HR of the instansi, the Sekda (top of the tree), the atasan with most staff, and one of that staff."""
    hr, _ = User.objects.get_or_create(username=HR_USER, defaults={"instansi": instansi})
    hr.groups.add(Group.objects.get_or_create(name=HR_GROUP)[0])
    mine = Pegawai.objects.filter(unit_kerja__instansi=instansi, user__isnull=False)
    top = UnitKerja.objects.filter(instansi=instansi, parent=None).order_by("kode").first()
    atasan = (mine.filter(jabatan__jenis="PENGAWAS").annotate(n=Count("bawahan")).order_by("-n", "pk").first())
    staf = mine.filter(atasan=atasan).order_by("pk").first()
    return {"HR": hr, "Sekda": top.kepala.user, f"Atasan ({atasan.n} bawahan)": atasan.user,
            "Pegawai": staf.user}


def extras(instansi: Instansi) -> list[tuple[str, str]]:
    daftar = reverse("pegawai:list")
    nip = Pegawai.objects.filter(unit_kerja__instansi=instansi).order_by("nip").values_list("nip", flat=True)
    return [("pegawai:list page 100", f"{daftar}?page=100"), ("pegawai:list q=siti", f"{daftar}?q=siti"),
            ("pegawai:list q=NIP", f"{daftar}?q={nip[len(nip) // 2][:10]}")]


def measure(instansi: Instansi, *, rounds: int, log=print) -> tuple[list[dict], list[tuple[float, str, str]]]:
    """Returns the rows (one per role and page) and the slowest SELECTs seen, one per page (ms, page, sql)."""
    pages = page_urls() + extras(instansi)
    todo: list[tuple[Client, Hasil]] = []
    for peran, user in actors(instansi).items():
        client = Client()
        client.force_login(user)
        for name, url in pages:
            with CaptureQueriesContext(connection) as ctx:
                started = time.perf_counter()
                response = client.get(url, secure=True)  # warm-up; keeps the pages this role has
            if response.status_code == 200:
                todo.append((client, Hasil(peran, name, url, awal=(time.perf_counter() - started) * 1000,
                                           kueri=len(ctx), kb=len(response.content) / 1024)))
    log(f"{len(todo)} halaman (peran × halaman) × {rounds} putaran, berselang-seling.")
    worst: dict[str, tuple[float, str, str]] = {}
    for _ in range(rounds):
        for client, hasil in todo:
            with CaptureQueriesContext(connection) as ctx:
                started = time.perf_counter()
                response = client.get(hasil.url, secure=True)
                hasil.ms.append((time.perf_counter() - started) * 1000)
            hasil.kueri, hasil.kb = len(ctx), len(response.content) / 1024
            for q in ctx.captured_queries:
                ms = float(q["time"]) * 1000
                key = f"{hasil.peran}: {hasil.halaman}"
                if ms > worst.get(key, (0,))[0] and q["sql"].lstrip().upper().startswith(("SELECT", "WITH")):
                    worst[key] = (ms, key, q["sql"])
    return [h.ringkas() for _, h in todo], sorted(worst.values(), reverse=True)


def explain(worst: list[tuple[float, str, str]], *, n: int = 3, log=print) -> None:
    """The ``n`` slowest queries of the run (on different pages) with their plans (PostgreSQL only)."""
    for ms, page, sql in worst[:n]:
        log(f"\nKueri terlambat ({ms:.1f} ms, {page}):\n{sql[:1500]}")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
                log("\n".join(row[0] for row in cursor.fetchall()))
