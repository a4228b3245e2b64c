"""The three writes of the year-end peak, timed and profiled in-process: the penilai's rating (htmx),
the penilai's feedback autosave (htmx) and the pegawai's realisasi save.

``targets()`` picks one evaluation per write from the bench instansi (current quarter: to rate, to
comment on, to fill); ``post()`` builds the request the page sends, reading the current ``versi`` first.
``manage.py bench --profil`` prints the server time and queries of each and the top of a cProfile.
"""
import cProfile
import io
import pstats
import statistics
import time
from dataclasses import dataclass

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from pegawai.models import Instansi, Pegawai
from penilaian.models import Penilaian

S = Penilaian.Status
HX = {"HTTP_HX_REQUEST": "true"}


@dataclass
class Target:
    nama: str
    user_id: int
    penilaian_id: int


def current(instansi: Instansi):
    today = timezone.localdate()
    return Penilaian.objects.filter(skp__pegawai__unit_kerja__instansi=instansi, periode__tanggal_mulai__lte=today,
                                    periode__tanggal_selesai__gte=today, periode__jenis="TRIWULANAN")


def targets(instansi: Instansi, atasan: Pegawai | None = None) -> list[Target]:
    """Rating and feedback by ``atasan`` (default: one with staff to rate), realisasi by one of their staff."""
    qs = current(instansi).order_by("pk")
    rate = qs.filter(status__in=[S.DIAJUKAN, S.DINILAI], **({"skp__pejabat_penilai": atasan} if atasan else {}))
    rate = rate.select_related("skp__pejabat_penilai").first()
    penilai = rate.skp.pejabat_penilai
    isi = qs.filter(status=S.DRAFT, skp__pejabat_penilai=penilai).select_related("skp__pegawai").first()
    return [Target("rating", penilai.user_id, rate.pk), Target("umpan_balik", penilai.user_id, rate.pk),
            Target("realisasi", isi.skp.pegawai.user_id, isi.pk)]


def form_data(nama: str, penilaian: Penilaian, n: int) -> tuple[str, dict, dict]:
    """(url, POST data, extra headers) of one write; ``n`` varies the values so every save changes something."""
    if nama == "rating":
        nilai = ["SESUAI", "DI_ATAS"][n % 2]
        return (reverse("penilaian:evaluasi-rating", args=[penilaian.pk]),
                {"versi": penilaian.versi, "rating_hasil": nilai, "rating_perilaku": "SESUAI"}, HX)
    rhk = list(penilaian.skp.rhk.order_by("urutan", "pk"))
    if nama == "umpan_balik":
        return (reverse("penilaian:evaluasi-umpan-balik", args=[penilaian.pk]),
                {"versi": penilaian.versi, "target": f"rhk-{rhk[0].pk}", "teks": f"Catatan ke-{n}"}, HX)
    data = {"versi": penilaian.versi}
    for r in rhk:
        data[f"ra_{r.pk}"] = "Menyusun laporan"
        for iki in r.iki.all():
            data[f"real_{iki.pk}"] = str(3 + n % 5)
    return reverse("penilaian:evaluasi-isian", args=[penilaian.pk]), data, {}


def request(t: Target, n: int) -> tuple[str, dict, dict]:
    return form_data(t.nama, Penilaian.objects.select_related("skp").get(pk=t.penilaian_id), n)


def profile(instansi: Instansi, *, n: int = 20, log=print) -> list[dict]:
    """Median server time and queries of each write over ``n`` saves, then the top of its cProfile."""
    from pegawai.models import User

    rows = []
    for t in targets(instansi):
        client = Client()
        client.force_login(User.objects.get(pk=t.user_id))
        url, data, headers = request(t, 0)
        client.post(url, data, secure=True, **headers)  # warm-up
        times, kueri = [], 0
        prof = cProfile.Profile()
        for i in range(1, n + 1):
            url, data, headers = request(t, i)
            with CaptureQueriesContext(connection) as ctx:
                started = time.perf_counter()
                response = client.post(url, data, secure=True, **headers)
                times.append((time.perf_counter() - started) * 1000)
            assert response.status_code in (200, 302), (t.nama, response.status_code)
            kueri = len(ctx)
        for i in range(n + 1, 2 * n + 1):  # the profile apart: cProfile slows what it watches
            url, data, headers = request(t, i)
            prof.enable()
            client.post(url, data, secure=True, **headers)
            prof.disable()
        rows.append({"tulisan": t.nama, "median_ms": round(statistics.median(times), 1), "kueri": kueri})
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(25)
        log(f"\n== {t.nama}: median {rows[-1]['median_ms']} ms, {kueri} kueri\n"
            + out.getvalue()[-6000:])
    return rows
