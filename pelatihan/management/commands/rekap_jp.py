"""Rebuild the stored JP per pegawai and year after a bulk load (``pelatihan.rekap.rekap_jp_rebuild``)."""
from django.core.management.base import BaseCommand

from pelatihan.rekap import rekap_jp_rebuild


class Command(BaseCommand):
    help = "Hitung ulang rekap JP per pegawai per tahun (setelah impor atau pengisian data massal)."

    def add_arguments(self, parser):
        parser.add_argument("--instansi", type=int, default=None, help="Hanya pegawai instansi dengan id ini")

    def handle(self, *args, instansi=None, **options):
        n = rekap_jp_rebuild(instansi_id=instansi, log=self.stdout.write)
        self.stdout.write(f"Rekap JP selesai: {n} baris.")
