"""Demo data of the keberatan explanations (PP 30/2019 Pasal 59(3)) and of an SE 3/2023 order exception;
runs after ``penilaian.rekan.demo`` and is idempotent."""
from datetime import timedelta

from django.utils import timezone

from kinerja.audit import audit_log
from pegawai.models import UnitKerja

from ..models import CapaianOrganisasi, Keberatan, PengecualianUrutan, Periode, PermintaanPenjelasan

P = PermintaanPenjelasan.Pihak


def seed(instansi, *, rng, log=print) -> None:
    kb = (Keberatan.objects.filter(penilaian__periode__instansi=instansi, status=Keberatan.Status.DIAJUKAN)
          .select_related("penilaian__skp__pegawai", "penilaian__penilai", "penilaian__skp__pejabat_penilai",
                          "pemutus").order_by("pk").first())
    if kb is not None and not kb.penjelasan.exists():
        today = timezone.localdate()
        oleh = getattr(kb.pemutus, "user", None)
        penilai = kb.penilaian.penilai or kb.penilaian.skp.pejabat_penilai
        if penilai is not None:
            PermintaanPenjelasan.objects.create(
                keberatan=kb, pihak=P.PENILAI, kepada=penilai, batas=today + timedelta(days=5), diminta_oleh=oleh,
                pertanyaan="Mohon jelaskan dasar rating hasil kerja RHK kedua dan bukti dukung yang dinilai.")
        PermintaanPenjelasan.objects.create(
            keberatan=kb, pihak=P.PEGAWAI, kepada=kb.penilaian.skp.pegawai, batas=today + timedelta(days=5),
            diminta_oleh=oleh, pertanyaan="Mohon lampirkan uraian realisasi RHK kedua beserta tautan bukti.",
            jawaban="Realisasi RHK kedua 100%; bukti dukung diunggah pada tanggal 30 September (tautan di evaluasi).",
            dijawab_pada=timezone.now())
        audit_log(aktor=oleh, aksi="keberatan.penjelasan_diminta", objek=kb.penilaian, data={"pihak": "PENILAI"})
        log("Permintaan penjelasan keberatan demo dibuat.")
    # A unit without its capaian for the latest period gets HR's recorded exception (SE 3/2023 order).
    periode = Periode.objects.filter(instansi=instansi).order_by("-tahun", "-tanggal_mulai").first()
    if periode is None or PengecualianUrutan.objects.filter(periode__instansi=instansi).exists():
        return
    unit = UnitKerja.objects.filter(instansi=instansi).exclude(
        pk__in=CapaianOrganisasi.objects.filter(periode=periode).values("unit_kerja_id")).order_by("kode").first()
    if unit is not None:
        PengecualianUrutan.objects.create(unit_kerja=unit, periode=periode, alasan=(
            "Capaian kinerja organisasi menunggu hasil reviu Inspektorat; predikat pegawai tidak ditunda (demo)."))
        log(f"Pengecualian urutan SE 3/2023 demo: {unit.nama}, {periode}.")
