from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

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
            raise CommandError(_("Berkas tidak ditemukan: %(file)s") % {"file": file})
        if instansi:
            inst = Instansi.objects.filter(kode=instansi).first()
            if inst is None:
                raise CommandError(_("Instansi dengan kode %(kode)s tidak ditemukan.") % {"kode": instansi})
        else:
            all_inst = list(Instansi.objects.all()[:2])
            if len(all_inst) != 1:
                raise CommandError(_("Sebutkan --instansi KODE (ada nol atau lebih dari satu instansi)."))
            inst = all_inst[0]
        try:
            result = import_file(path.read_bytes(), instansi=inst, dry_run=dry_run)
        except ImportFileError as exc:
            raise CommandError(str(exc)) from None
        if result.errors:
            for err in result.errors:
                self.stderr.write(str(err))
            raise CommandError(_("%(n)d kesalahan pada %(baris)d baris; tidak ada yang disimpan.") % {
                "n": len(result.errors), "baris": len({e.baris for e in result.errors})})
        if dry_run:
            self.stdout.write(
                self.style.SUCCESS(_("%(n)d baris valid (dry-run: tidak ada yang disimpan).") % {"n": len(result.rows)})
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    _("%(n)d pegawai diimpor ke %(instansi)s.") % {"n": result.created, "instansi": inst.nama}
                )
            )
