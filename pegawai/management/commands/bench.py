"""``manage.py bench``: seed an instansi of ``--pegawai`` pegawai with a year of data, time every list and
dashboard page of every role, profile the three peak writes, load-test them through gunicorn with locust,
time the PDFs, and print one table with the targets beside the figures (``kinerja/bench/``).

Run it against a database of its own: the bench instansi is kept between runs of the same size.
"""
import json
import os
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand

from kinerja.bench import beban, halaman, pdf, seed, tabel, tulisan


class Command(BaseCommand):
    help = "Ukur kinerja aplikasi pada instansi besar: halaman semua peran, beban tulis, PDF."

    def add_arguments(self, parser):
        parser.add_argument("--pegawai", type=int, default=50_000, help="Jumlah pegawai (bawaan 50.000)")
        parser.add_argument("--hari", type=int, default=20, help="Hari kerja kegiatan harian per pegawai")
        parser.add_argument("--putaran", type=int, default=5, help="Putaran permintaan per halaman")
        parser.add_argument("--pengguna", type=int, default=100, help="Pengguna serentak uji beban (locust)")
        parser.add_argument("--detik", type=int, default=60, help="Lama uji beban")
        parser.add_argument("--jeda", default="1,3", help="Jeda antar-aksi tiap pengguna, detik (min,maks)")
        parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="Worker gunicorn")
        parser.add_argument("--cetak", type=int, default=1000, help="Dokumen cetak massal lewat Celery")
        parser.add_argument("--login", action="store_true", help="Uji beban juga masuk lewat formulir login")
        parser.add_argument("--tanpa-beban", action="store_true", help="Lewati uji beban locust")
        parser.add_argument("--tanpa-pdf", action="store_true", help="Lewati pengukuran PDF")
        parser.add_argument("--tulis", type=int, default=10, help="Ulangan tiap aksi tulis yang diprofil")
        parser.add_argument("--profil", action="store_true", help="Cetak cProfile tiga aksi tulis")
        parser.add_argument("--explain", type=int, default=3, help="EXPLAIN ANALYZE kueri terlambat (PostgreSQL)")
        parser.add_argument("--json", dest="json_path", help="Simpan hasil juga sebagai JSON")

    def handle(self, *args, **o):
        log = self.stdout.write
        instansi, _data, detik = seed.seed(o["pegawai"], hari=o["hari"], tahun=date.today().year, log=log)
        h: dict = {"pegawai": o["pegawai"], "pengguna": o["pengguna"], "tanggal": date.today().isoformat()}
        if detik:
            h["seed_detik"] = round(detik, 1)
            log(f"Seed selesai: {detik:.1f} detik.")
        h["halaman"], worst = halaman.measure(instansi, rounds=o["putaran"], log=log)
        tabel.halaman(h["halaman"], log=log)
        halaman.explain(worst, n=o["explain"], log=log)
        h["tulisan"] = tulisan.profile(instansi, n=o["tulis"], log=log if o["profil"] else lambda *a: None)
        if o["tanpa_beban"]:
            h["beban_lewati"] = "--tanpa-beban"
        else:
            h["beban"] = beban.run(instansi, users=o["pengguna"], detik=o["detik"], workers=o["workers"],
                                   jeda=o["jeda"], login=o["login"], log=log)
        if not o["tanpa_pdf"]:
            h["pdf_satu"] = pdf.satu(instansi)
            h["pdf_massal"] = pdf.massal(instansi, jumlah=o["cetak"], log=log)
        tabel.ringkasan(h, log=log)
        if o["json_path"]:
            Path(o["json_path"]).write_text(json.dumps(h, indent=2, ensure_ascii=False))
