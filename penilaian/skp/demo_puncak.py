"""seed_demo step: the edges of the chain (domain.md §7.5, §11.1).

- the Kepala Daerah, a non-ASN official, is the penilai of the Sekda (SKP approved, recorded by HR on
  their behalf) and the atasan penilai of the kepala perangkat daerah;
- a vacant seksi ("lowong") whose Plt, the kepala of a sibling seksi, appraises its two staff: one SKP
  approved by the Plt (the snapshot names "Plt. Kepala ..."), one waiting in the Plt's queue.
Idempotent: each part is skipped when it exists.
"""
from datetime import date

from django.contrib.auth import get_user_model

from pegawai.models import Pegawai, PejabatNonAsn, PenugasanPlt, UnitKerja

from ..models import IndikatorKinerja, RencanaHasilKerja, Skp
from . import services
from .demo import TAHUN
from .services_puncak import skp_assign_non_asn

KODE_LOWONG = "LOWONG"


def seed(instansi, *, rng, log=print) -> None:
    hr = get_user_model().objects.filter(username="hr", instansi=instansi).first()
    _kepala_daerah(instansi, hr, log)
    _unit_lowong(instansi, rng, log)


def _kepala_daerah(instansi, hr, log) -> None:
    gelar = "Wali Kota" if "Kota" in instansi.nama else "Bupati"
    bupati, dibuat = PejabatNonAsn.objects.get_or_create(
        instansi=instansi, jabatan=f"{gelar} {instansi.kota or instansi.nama}",
        defaults={"nama": "H. Rahmat Hidayat, S.H., M.Si."})
    sekda = Pegawai.objects.filter(unit_kerja__instansi=instansi, jabatan__nama="Sekretaris Daerah",
                                   aktif=True).select_related("user").first()
    if sekda is None or not dibuat:
        return
    skp = Skp.objects.filter(pegawai=sekda, tahun=TAHUN).order_by("-tanggal_mulai").first()
    if skp is None:
        skp = services.skp_create(pegawai=sekda, tahun=TAHUN, tanggal_mulai=date(TAHUN, 1, 1),
                                  tanggal_selesai=date(TAHUN, 12, 31), oleh=sekda.user)
        _isi(skp, "Meningkatnya kualitas perencanaan dan penganggaran daerah")
    skp_assign_non_asn(skp=skp, peran="penilai", pejabat=bupati, oleh=hr, alasan="Puncak rantai (demo)")
    skp.refresh_from_db()
    if skp.is_editable and sekda.user_id:
        services.skp_submit(skp=skp, oleh=sekda.user)
        skp.refresh_from_db()
    if skp.status == Skp.Status.DIAJUKAN and hr is not None:
        services.skp_approve(skp=skp, oleh=hr)
    # The kepala perangkat daerah: penilai the Sekda, atasan penilai the Kepala Daerah (no NIP on the forms).
    n = Skp.objects.filter(pegawai__atasan=sekda, tahun=TAHUN, atasan_penilai__isnull=True).update(
        atasan_penilai_non_asn=bupati)
    log(f"Pejabat non-ASN {bupati.nama} ({bupati.jabatan}) menilai Sekda; atasan penilai {n} kepala perangkat daerah.")


def _isi(skp, teks: str) -> None:
    rhk = RencanaHasilKerja.objects.create(skp=skp, teks=teks, perspektif=(
        RencanaHasilKerja.Perspektif.PROSES_BISNIS if skp.is_jpt else ""))
    IndikatorKinerja.objects.create(rhk=rhk, teks="Persentase dokumen yang diselesaikan tepat waktu",
                                    aspek="" if skp.is_jpt else IndikatorKinerja.Aspek.KUANTITAS,
                                    target_angka=100, satuan="persen")


def _unit_lowong(instansi, rng, log) -> None:
    if UnitKerja.objects.filter(instansi=instansi, kode=KODE_LOWONG).exists():
        return
    # The Plt: a kepala seksi with staff other than the demo atasan (whose queue other demos describe).
    kepala = list(Pegawai.objects.filter(unit_kerja__instansi=instansi, jabatan__jenis="PENGAWAS", aktif=True,
                                         bawahan__isnull=False, user__isnull=False)
                  .select_related("unit_kerja__parent").distinct().order_by("unit_kerja__kode")[:2])
    if len(kepala) < 2 or kepala[1].unit_kerja.parent_id is None:
        return
    plt = kepala[1]
    contoh = list(plt.bawahan.filter(aktif=True).select_related("jabatan", "golongan").order_by("pk")[:2])
    if len(contoh) < 2:
        return
    unit = UnitKerja.objects.create(instansi=instansi, parent=plt.unit_kerja.parent, kode=KODE_LOWONG,
                                    nama="Seksi Pengembangan Sistem Informasi", level=UnitKerja.Level.SEKSI)
    PenugasanPlt.objects.create(pegawai=plt, unit_kerja=unit, jenis=PenugasanPlt.Jenis.PLT,
                                tanggal_mulai=date(TAHUN, 7, 1), nomor_sk="800/215/BKPSDM/2026")
    User = get_user_model()
    staf = []
    for i, c in enumerate(contoh):
        nip = _nip_baru(c.nip, rng)
        p = Pegawai.objects.create(
            nip=nip, nama=f"{c.nama.split()[0]} Lowongsari {i + 1}", status=c.status, jenis_kelamin=c.jenis_kelamin,
            tanggal_lahir=c.tanggal_lahir, golongan=c.golongan, jabatan=c.jabatan, unit_kerja=unit, atasan=None,
            user=User.objects.create(username=nip, first_name="Staf seksi lowong"))
        p.user.set_unusable_password()
        p.user.save(update_fields=["password"])
        staf.append(p)
    for i, p in enumerate(staf):
        skp = services.skp_create(pegawai=p, tahun=TAHUN, tanggal_mulai=date(TAHUN, 1, 1),
                                  tanggal_selesai=date(TAHUN, 12, 31), oleh=p.user)
        _isi(skp, "Tersedianya layanan aplikasi yang andal bagi pengguna")
        services.skp_submit(skp=skp, oleh=p.user)
        if i == 0:
            services.skp_approve(skp=skp, oleh=plt.user)
    log(f"Unit lowong {unit.nama}: Plt {plt.nama_lengkap} ({plt.nip}) menilai {len(staf)} pegawai.")


def _nip_baru(dasar: str, rng) -> str:
    """A free NIP with ``dasar``'s birth date, TMT and sex (domain.md §7.1), another nomor urut."""
    terpakai = set(Pegawai.objects.filter(nip__startswith=dasar[:15]).values_list("nip", flat=True))
    for _ in range(999):
        nip = f"{dasar[:15]}{rng.randint(1, 999):03d}"
        if nip not in terpakai:
            return nip
    raise RuntimeError("no free NIP")
