from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pegawai.importer import COLUMNS, ImportFileError, import_file
from pegawai.models import Instansi


class Command(BaseCommand):
    help = "Impor pegawai dari berkas CSV (semua atau tidak sama sekali). Kolom: " + ", ".join(COLUMNS)

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--instansi", help="Kode instansi (wajib bila ada lebih dari satu)")
        parser.add_argument("--dry-run", action="store_true", help="Periksa saja, jangan simpan")

    def handle(self, *args, file, instansi=None, dry_run=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Berkas tidak ditemukan: {file}")
        if instansi:
            inst = Instansi.objects.filter(kode=instansi).first()
            if inst is None:
                raise CommandError(f"Instansi dengan kode {instansi} tidak ditemukan.")
        else:
            all_inst = list(Instansi.objects.all()[:2])
            if len(all_inst) != 1:
                raise CommandError("Sebutkan --instansi KODE (ada nol atau lebih dari satu instansi).")
            inst = all_inst[0]
        try:
            result = import_file(path.read_bytes(), instansi=inst, dry_run=dry_run)
        except ImportFileError as exc:
            raise CommandError(str(exc)) from None
        if result.errors:
            for err in result.errors:
                self.stderr.write(str(err))
            raise CommandError(f"{len(result.errors)} kesalahan pada {len({e.baris for e in result.errors})} baris; tidak ada yang disimpan.")
        if dry_run:
            self.stdout.write(self.style.SUCCESS(f"{len(result.rows)} baris valid (dry-run: tidak ada yang disimpan)."))
        else:
            self.stdout.write(self.style.SUCCESS(f"{result.created} pegawai diimpor ke {inst.nama}."))
