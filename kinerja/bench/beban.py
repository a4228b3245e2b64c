"""The load test of ``manage.py bench``: gunicorn (one worker per CPU) on the bench database, then locust
headless for a fixed time with N users (three penilai to one pegawai), each on an account of its own.

Everything it starts it stops (by process id). Returns per request name: count, failures, median and p95.
"""
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client

from pegawai.models import Instansi, Pegawai

from .seed import PASSWORD
from .tulisan import S, current

LOCUSTFILE = Path(__file__).with_name("locustfile.py")


def accounts(instansi: Instansi, n: int) -> dict:
    """``n`` penilai with evaluations to rate (current quarter) and ``n`` pegawai with one to fill."""
    qs = current(instansi).select_related("skp")
    atasan = (Pegawai.objects.filter(pk__in=qs.filter(status__in=[S.DIAJUKAN, S.DINILAI])
                                     .values("skp__pejabat_penilai"), user__isnull=False)
              .select_related("user").order_by("unit_kerja__kode", "pk")[:n])
    out = {"password": PASSWORD, "cookie": settings.SESSION_COOKIE_NAME, "atasan": [], "pegawai": []}
    for a in atasan:
        items = [(p.pk, p.skp.rhk.order_by("urutan", "pk").values_list("pk", flat=True).first())
                 for p in qs.filter(skp__pejabat_penilai=a, status__in=[S.DIAJUKAN, S.DINILAI]).order_by("pk")[:20]]
        out["atasan"].append({"username": a.user.username, "sesi": _sesi(a.user), "penilaian": items})
    for p in qs.filter(status=S.DRAFT, skp__pegawai__user__isnull=False).select_related("skp__pegawai__user")[:n]:
        out["pegawai"].append({"username": p.skp.pegawai.user.username, "sesi": _sesi(p.skp.pegawai.user),
                               "penilaian": p.pk})
    return out


def _sesi(user) -> str:
    """A logged-in session made here: a login costs a deliberately slow password hash (about a second of
    CPU), and 100 of them at once would measure the hash, not the writes (``--login`` keeps them)."""
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def _env(port: int) -> dict:
    """The environment of gunicorn: this database and SECRET_KEY (the sessions made here must verify).
    Connections are kept as in production (``CONN_MAX_AGE`` 300 behind PgBouncer): a new PostgreSQL
    backend per request would be measured otherwise."""
    db = settings.DATABASES["default"]
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{db['NAME']}"
    return {"CONN_MAX_AGE": "300", **os.environ, "DATABASE_URL": url, "DEBUG": "0", "SECRET_KEY": settings.SECRET_KEY,
            "SECURE_SSL_REDIRECT": "0", "SESSION_COOKIE_SECURE": "0", "CSRF_COOKIE_SECURE": "0",
            "ALLOWED_HOSTS": "127.0.0.1,localhost"}


def run(instansi: Instansi, *, users: int, detik: int, workers: int, port: int = 8765, jeda: str = "1,3",
        login: bool = False, log=print) -> dict[str, dict]:
    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        call_command("collectstatic", "--noinput", verbosity=0)  # DEBUG=0 serves the hashed files
    tmp = Path(tempfile.mkdtemp(prefix="kinerja-bench-"))
    data = tmp / "akun-beban.json"
    data.write_text(json.dumps(accounts(instansi, users)))
    connection.close()  # gunicorn's workers open their own
    bin_dir = Path(sys.executable).parent
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "kinerja.wsgi", "-b", f"127.0.0.1:{port}", "-w", str(workers),
         "--timeout", "120", "--log-level", "warning"], env=_env(port), stdout=subprocess.DEVNULL,
        stderr=open(tmp / "gunicorn.log", "w"))  # noqa: SIM115 (closed with the process)
    try:
        _wait(f"http://127.0.0.1:{port}/healthz/")
        log(f"gunicorn ({workers} worker) siap; locust {users} pengguna, {detik} detik, jeda {jeda} s.")
        subprocess.run(
            [str(bin_dir / "locust"), "-f", str(LOCUSTFILE), "--headless", "-u", str(users),
             "-r", str(max(users // 10, 1)), "-t", f"{detik}s", "--host", f"http://127.0.0.1:{port}",
             "--csv", str(tmp / "hasil"), "--only-summary", "--loglevel", "WARNING"],
            env={**os.environ, "KINERJA_BENCH_BEBAN": str(data), "KINERJA_BENCH_JEDA": jeda,
                 "KINERJA_BENCH_LOGIN": "1" if login else ""},
            stdout=subprocess.DEVNULL, stderr=open(tmp / "locust.log", "w"), timeout=detik + 120, check=False)  # noqa: SIM115
    finally:
        server.terminate()
        server.wait(timeout=30)
    return _read(tmp / "hasil_stats.csv")


def _wait(url: str, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:  # noqa: S310 (our own local server)
                if r.status == 200:
                    return
        except OSError:
            if time.monotonic() > end:
                raise
        time.sleep(0.5)


def _read(path: Path) -> dict[str, dict]:
    if not path.exists():
        return {}
    out = {}
    with path.open() as f:
        for row in csv.DictReader(f):
            out[row["Name"]] = {"n": int(row["Request Count"]), "gagal": int(row["Failure Count"]),
                                "median_ms": float(row["Median Response Time"] or 0),
                                "p95_ms": float(row["95%"] or 0), "rps": float(row["Requests/s"] or 0)}
    return out
