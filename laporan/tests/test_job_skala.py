"""A report job on the scaled-out shape: its sheets are read inside ``baca_replika()`` (the read replica
when there is one) while its status rows are written to default, and past the soft time limit it is
marked failed with a message the page shows instead of waiting forever."""
import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.urls import reverse

from kinerja import db_router
from laporan import isi
from laporan.models import LaporanJob
from laporan.services import laporan_job_run
from pegawai.models import Pegawai


def _job(org, jenis="jp"):
    return LaporanJob.objects.create(instansi=org.instansi, jenis=jenis, params={"tahun": 2026}, total=1,
                                     dibuat_oleh=org.hr)


def test_past_the_soft_time_limit_the_job_fails_with_a_message(client, data, monkeypatch):
    def lambat(lk):
        raise SoftTimeLimitExceeded()

    monkeypatch.setitem(isi.LAPORAN, "jp", lambat)
    job = _job(data.org)
    assert laporan_job_run(job_id=job.pk).status == LaporanJob.Status.GAGAL
    client.force_login(data.org.hr)
    html = client.get(reverse("laporan:job-detail", args=[job.pk])).content.decode()
    assert "Laporan gagal disusun." in html and "Waktu menyusun laporan habis" in html


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_with_a_replica_the_sheets_are_read_there_and_the_status_written_to_default(data, monkeypatch, settings):
    settings.DATABASES = {**settings.DATABASES, "replica": {**settings.DATABASES["default"]}}
    seen = []

    def builder(lk):  # records where its reads would go; the replica is never connected in tests
        seen.append(Pegawai.objects.all().db)
        raise RuntimeError("berhenti di sini")

    monkeypatch.setitem(isi.LAPORAN, "jp", builder)
    job = _job(data.org)
    assert laporan_job_run(job_id=job.pk).status == LaporanJob.Status.GAGAL
    assert seen == ["replica"] and Pegawai.objects.all().db == "default"
    assert LaporanJob.objects.get(pk=job.pk).pesan_galat == "berhenti di sini"


def test_report_reads_inside_the_replica_block(client, data, monkeypatch):
    """Without a replica the block changes nothing (the download works on default), but the hint is given:
    the HR download of a report, and the job that compiles the stored SIASN validation report (its page
    reads only the stored rows)."""
    from siasn import laporan as siasn_laporan
    from siasn.models import EksporSiasn, LaporanSiasn

    seen = []

    def hint() -> None:
        seen.append(db_router._baca_replika.get())

    asli = isi.LAPORAN["jp"]
    monkeypatch.setitem(isi.LAPORAN, "jp", lambda lk: hint() or asli(lk))
    client.force_login(data.org.hr)
    assert client.get(reverse("laporan:unduh", args=["jp"]), {"tahun": 2026}).status_code == 200
    asli_siasn = siasn_laporan.ek.laporan
    monkeypatch.setattr(siasn_laporan.ek, "laporan", lambda *a: hint() or asli_siasn(*a))
    lap = LaporanSiasn.objects.create(instansi=data.org.instansi, tahun=2026, jenis=EksporSiasn.Jenis.SKP22,
                                      status=LaporanSiasn.Status.MENUNGGU)
    assert siasn_laporan.laporan_siasn_run(laporan_id=lap.pk).status == LaporanSiasn.Status.SELESAI
    assert seen == [True, True]
