"""Locust scenario of ``manage.py bench``: penilai rate and comment (htmx), pegawai save their realisasi.

Not imported by the application: ``kinerja.bench.beban`` runs ``locust -f`` on this file against gunicorn,
with ``KINERJA_BENCH_BEBAN`` naming a JSON file of accounts and evaluations (one account per simulated
user, so no two users write the same evaluation and a version conflict means a bug). Each user logs in
through the login form, opens each evaluation once to read its version, then keeps the version from the
answers, as the page does.
"""
import itertools
import json
import os
import random
import re

from locust import HttpUser, between, task

DATA = json.loads(open(os.environ["KINERJA_BENCH_BEBAN"]).read())  # noqa: SIM115 (read once at import)
LOGIN = bool(os.environ.get("KINERJA_BENCH_LOGIN"))
JEDA = tuple(float(x) for x in os.environ.get("KINERJA_BENCH_JEDA", "1,3").split(","))
VERSI = re.compile(r'name="versi" value="(\d+)"')
VERSI_UB = re.compile(r'id="versi-penilaian" value="(\d+)"')
FIELD = re.compile(r'name="((?:ra|real)_\d+)"')
_atasan = itertools.cycle(DATA["atasan"])
_pegawai = itertools.cycle(DATA["pegawai"])
HX = {"HX-Request": "true"}


class _Masuk(HttpUser):
    abstract = True
    wait_time = between(*JEDA)

    def masuk(self, akun: dict) -> None:
        """Through the login form with ``--login``; otherwise on the session the bench made beforehand."""
        if LOGIN:
            self.client.get("/masuk/", name="login (form)")
            self.client.post("/masuk/", {"username": akun["username"], "password": DATA["password"],
                                         "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", "")},
                             name="login", allow_redirects=False)
        else:
            self.client.cookies.set(DATA["cookie"], akun["sesi"])

    @property
    def csrf(self) -> dict:
        return {"X-CSRFToken": self.client.cookies.get("csrftoken", "")}

    def buka(self, pk: int) -> str:
        return self.client.get(f"/evaluasi/{pk}/", name="evaluasi (halaman)").text


class Penilai(_Masuk):
    weight = 3

    def on_start(self):
        akun = next(_atasan)
        self.masuk(akun)
        self.items = akun["penilaian"]  # [[penilaian id, first RHK id], ...]
        self.versi: dict[int, int] = {}
        self.n = 0

    def _versi(self, pk: int) -> int:
        if pk not in self.versi:
            m = VERSI.search(self.buka(pk))
            self.versi[pk] = int(m.group(1)) if m else 0
        return self.versi[pk]

    @task(3)
    def rating(self):
        pk, _rhk = random.choice(self.items)
        self.n += 1
        with self.client.post(f"/evaluasi/{pk}/rating/", {"versi": self._versi(pk), "rating_perilaku": "SESUAI",
                                                           "rating_hasil": ["SESUAI", "DI_ATAS"][self.n % 2]},
                              headers={**HX, **self.csrf}, name="rating (htmx)", catch_response=True) as r:
            m = VERSI.search(r.text)
            if r.status_code != 200 or m is None or "alert-danger" in r.text:
                r.failure(f"{r.status_code}: rating tidak tersimpan")
                self.versi.pop(pk, None)
            else:
                self.versi[pk] = int(m.group(1))

    @task(3)
    def umpan_balik(self):
        pk, rhk = random.choice(self.items)
        self.n += 1
        with self.client.post(f"/evaluasi/{pk}/umpan-balik/", {"versi": self._versi(pk), "target": f"rhk-{rhk}",
                                                                "teks": f"Catatan ke-{self.n}"},
                              headers={**HX, **self.csrf}, name="umpan balik (htmx)", catch_response=True) as r:
            m = VERSI_UB.search(r.text)
            if r.status_code != 200 or m is None or "text-danger" in r.text:
                r.failure(f"{r.status_code}: umpan balik tidak tersimpan")
                self.versi.pop(pk, None)
            else:
                self.versi[pk] = int(m.group(1))


class Pegawai(_Masuk):
    weight = 1

    def on_start(self):
        akun = next(_pegawai)
        self.masuk(akun)
        self.pk = akun["penilaian"]
        self.versi = None
        self.n = 0

    @task
    def realisasi(self):
        if self.versi is None:
            html = self.buka(self.pk)
            m = VERSI.search(html)
            self.versi, self.fields = (int(m.group(1)) if m else 0), sorted(set(FIELD.findall(html)))
        self.n += 1
        data = {f: (str(3 + self.n % 5) if f.startswith("real_") else "Menyusun laporan") for f in self.fields}
        with self.client.post(f"/evaluasi/{self.pk}/isian/", {"versi": self.versi, **data, **{
                "csrfmiddlewaretoken": self.csrf["X-CSRFToken"]}}, name="realisasi (simpan)",
                allow_redirects=False, catch_response=True) as r:
            if r.status_code != 302 or f"/evaluasi/{self.pk}/" not in r.headers.get("Location", ""):
                r.failure(f"{r.status_code}: isian tidak tersimpan")
                self.versi = None
                return
        # As the browser does: follow the redirect to the page, which shows (and so consumes) the flash
        # message and carries the new version.
        m = VERSI.search(self.buka(self.pk))
        self.versi = int(m.group(1)) if m else None
