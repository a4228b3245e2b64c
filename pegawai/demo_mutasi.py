"""seed_demo step "pegawai.demo_mutasi:seed_mutasi" (after the SKPs, before the evaluations): a July transfer and
an April promotion in the demo year, recorded the way HR records them."""
import random
from datetime import date

from .models import Golongan, Instansi, Jabatan, Pegawai, UnitKerja, User

TAHUN_MUTASI = 2026


def seed_mutasi(instansi: Instansi, *, rng: random.Random, log=print) -> None:
    """A mutasi on 1 July (two SKPs in the year) and a JF promoted one jenjang up on 1 April, recorded
    through ``pegawai_move`` as of their TMT (domain.md §11.2). Idempotent: skipped once recorded.

    The pegawai chosen are outside the demo atasan's team, so the other demo journeys are unchanged.
    Evaluations of the old SKP for periods after the TMT (none on a fresh seed: the evaluation step runs
    next and keeps to each SKP's dates) are removed first: the move is shown as HR recorded it on its TMT.
    """
    from penilaian.evaluasi.periode import periode_create_standard_set
    from penilaian.models import Penilaian, Periode, Skp

    from .models_riwayat import RiwayatJabatan as R
    from .mutasi import pegawai_move

    if R.objects.filter(pegawai__unit_kerja__instansi=instansi, jenis__in=[R.Jenis.MUTASI, R.Jenis.PROMOSI]).exists():
        log("Mutasi/promosi demo sudah ada; dilewati.")
        return
    atasan = (Pegawai.objects.filter(unit_kerja__instansi=instansi, jabatan__jenis="PENGAWAS", bawahan__isnull=False,
                                     user__isnull=False).order_by("unit_kerja__kode").first())
    jauh = {atasan.pk, atasan.atasan_id} - {None} if atasan else set()
    skps = (Skp.objects.filter(pegawai__unit_kerja__instansi=instansi, tahun=TAHUN_MUTASI, status=Skp.Status.DISETUJUI,
                               tanggal_mulai=date(TAHUN_MUTASI, 1, 1), tanggal_selesai=date(TAHUN_MUTASI, 12, 31),
                               pegawai__aktif=True, pegawai__unit_dipimpin__isnull=True)
            .exclude(pegawai_id__in=jauh).exclude(pegawai__atasan_id__in=jauh)
            .select_related("pegawai__jabatan", "pegawai__unit_kerja__parent")
            .order_by("pegawai__unit_kerja__kode", "pk"))
    hr = User.objects.filter(username="hr").first()
    # The evaluation periods of the year (the evaluation step asks for the same set): the move opens the
    # closed SKP's Akhir evaluation.
    periode_create_standard_set(instansi=instansi, tahun=TAHUN_MUTASI, jenis=Periode.Jenis.TRIWULANAN, oleh=None)
    dicatat = []
    pindah = next((s for s in skps if s.pegawai.jabatan.jenjang != "AHLI_PERTAMA" and _seksi_lain(s.pegawai, jauh)),
                  None)
    if pindah is not None:
        tmt = date(TAHUN_MUTASI, 7, 1)
        Penilaian.objects.filter(skp=pindah, periode__tanggal_mulai__gte=tmt).delete()
        pegawai_move(pegawai=pindah.pegawai, oleh=hr, hari_ini=tmt, jenis=R.Jenis.MUTASI, tmt=tmt,
                     unit=_seksi_lain(pindah.pegawai, jauh), jabatan=pindah.pegawai.jabatan,
                     nomor_sk="800/412/BKPSDM/2026")
        dicatat.append(f"mutasi {pindah.pegawai.nip}")
    naik = next((s for s in skps if s.pegawai.jabatan.jenjang == "AHLI_PERTAMA" and s.pegawai.status == "PNS"), None)
    if naik is not None:
        tmt, lama = date(TAHUN_MUTASI, 4, 1), naik.pegawai.jabatan
        baru, _ = Jabatan.objects.get_or_create(nama=lama.nama.replace("Ahli Pertama", "Ahli Muda"),
                                                defaults={"jenis": "FUNGSIONAL", "jenjang": "AHLI_MUDA"})
        Penilaian.objects.filter(skp=naik, periode__tanggal_mulai__gte=tmt).delete()
        pegawai_move(pegawai=naik.pegawai, oleh=hr, hari_ini=tmt, jenis=R.Jenis.PROMOSI, tmt=tmt,
                     unit=naik.pegawai.unit_kerja, jabatan=baru, nomor_sk="800/233/BKPSDM/2026",
                     golongan=Golongan.objects.get(jenis="PNS", kode="III/c"))
        dicatat.append(f"promosi {naik.pegawai.nip}")
    log(f"Mutasi/promosi demo: {', '.join(dicatat) or 'tidak ada pegawai yang cocok'}.")


def _seksi_lain(pegawai: Pegawai, jauh: set) -> UnitKerja | None:
    """Another unit under the same parent with a head outside ``jauh`` (the transfer's destination)."""
    unit = pegawai.unit_kerja
    if not unit.parent_id:
        return None
    return (UnitKerja.objects.filter(parent_id=unit.parent_id, aktif=True, kepala__isnull=False)
            .exclude(pk=unit.pk).exclude(kepala_id__in=jauh).order_by("kode").first())
