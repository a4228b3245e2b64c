"""``manage.py cetak --unit KODE --periode ID --out FILE.zip``: the bulk print from the command line."""
import shutil

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from notifikasi.cetak_massal import cetak_massal_process, cetak_massal_start
from notifikasi.models import CetakMassalItem, DokumenPdf
from pegawai.models import UnitKerja
from penilaian.models import Periode


class Command(BaseCommand):
    help = "Cetak semua dokumen satu unit kerja (dan unit di bawahnya) menjadi satu ZIP."

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="Kode unit kerja")
        parser.add_argument("--instansi", help="Kode instansi (bila kode unit tidak unik)")
        parser.add_argument("--periode", type=int, help="Id periode (evaluasi/Dokumen Evaluasi)")
        parser.add_argument("--tahun", type=int, help="Tahun SKP")
        parser.add_argument("--jenis", default="", choices=["SKP", "PENILAIAN", "DOK_EVAL"],
                            help="Bawaan: DOK_EVAL dengan --periode, SKP dengan --tahun")
        parser.add_argument("--out", required=True, help="Berkas ZIP keluaran")

    def handle(self, *args, unit, instansi, periode, tahun, jenis, out, **opts):
        units = UnitKerja.objects.filter(kode=unit)
        if instansi:
            units = units.filter(instansi__kode=instansi)
        if units.count() != 1:
            raise CommandError(f"Unit '{unit}' tidak ditemukan atau tidak unik (pakai --instansi).")
        jenis = jenis or (DokumenPdf.Jenis.SKP if tahun and not periode else DokumenPdf.Jenis.DOKUMEN_EVALUASI)
        per = Periode.objects.filter(pk=periode).first() if periode else None
        if periode and per is None:
            raise CommandError(f"Periode {periode} tidak ditemukan.")
        try:
            # Rendered in this process, so the command works without a worker.
            job = cetak_massal_start(oleh=None, unit=units[0], jenis=jenis, periode=per, tahun=tahun, antre=False)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        job = cetak_massal_process(job_id=job.pk)
        with job.berkas.open("rb") as src, open(out, "wb") as dst:
            shutil.copyfileobj(src, dst)
        gagal = job.items.filter(status=CetakMassalItem.Status.GAGAL).select_related("pegawai")
        for it in gagal:
            self.stderr.write(f"GAGAL {it.pegawai.nip} {it.pegawai.nama}: {it.alasan}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{job.total - len(gagal)} dicetak, {len(gagal)} gagal dari {job.total} dokumen; ZIP: {out}"
            )
        )
