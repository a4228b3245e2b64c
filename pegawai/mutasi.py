"""Mutasi and promosi as one HR action (domain.md §1.5, §3.2, §7.5, §11.2).

``pegawai_move`` records a move with its TMT, atomically:
1. the current riwayat jabatan row ends on the day before the TMT and the new one opens on it;
2. the master data (unit, jabatan, golongan, atasan) become the new post;
3. the SKP of that year running on the TMT ends the day before (its status is kept: an approved SKP
   stays approved and is evaluated for the dates it covered);
4. the evaluation of what was done so far: the SKP's annual *Akhir* evaluation is opened at once when
   the instansi has the Akhir period of that year and the SKP is approved. This follows how periods
   already work: every period overlapping an SKP's dates can be evaluated for it
   (``penilaian_open``), the Akhir period too, so each SKP of the year has its own Akhir evaluation and
   ``predikat_tahunan`` lets the last SKP's decide (§11.2 rule 1). Periodic evaluations of periods
   overlapping the closed dates stay available as before;
5. a new DRAFT SKP for the new post runs from the TMT to 31 December, the new atasan as pejabat penilai.
It is audited and the pegawai (and the old SKP's penilai) are told. Bad input changes nothing.

``pegawai_move_plan`` checks everything and says what will happen (the confirmation page, the CSV
preview) without writing.
"""
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.audit import audit_log
from notifikasi.pesan import gabung, kalimat, pilihan_teks
from notifikasi.services import notify

from .models import Golongan, Jabatan, Pegawai, RiwayatAtasan, RiwayatJabatan, UnitKerja, creates_loop
from .nip import golongan_jenis_untuk

ATASAN_BAWAAN = object()  # "the head of the new unit" (see atasan_bawaan)


@dataclass
class RencanaPindah:
    """What ``pegawai_move`` will do, for the confirmation step."""

    pegawai: Pegawai
    jenis: str
    tmt: date
    unit: UnitKerja
    jabatan: Jabatan
    golongan: Golongan | None
    atasan: Pegawai | None
    nomor_sk: str
    entri_lama: RiwayatJabatan | None
    skp_lama: object | None  # penilaian.Skp closed on ``tutup_pada``
    periode_akhir: object | None  # penilaian.Periode whose evaluation of skp_lama is opened
    peringatan: list[str] = field(default_factory=list)

    @property
    def tutup_pada(self) -> date:
        return self.tmt - timedelta(days=1)

    @property
    def akhir_tahun(self) -> date:
        return date(self.tmt.year, 12, 31)

    @property
    def jenis_label(self) -> str:
        return RiwayatJabatan.Jenis(self.jenis).label


def atasan_bawaan(pegawai: Pegawai, unit: UnitKerja) -> Pegawai | None:
    """The head of ``unit``, or of the nearest unit above it when the pegawai heads it or it is vacant."""
    node, seen = unit, set()
    while node is not None and node.pk not in seen:
        seen.add(node.pk)
        kepala = node.kepala if node.kepala_id else None
        if kepala is not None and kepala.pk != pegawai.pk and kepala.aktif:
            return kepala
        node = node.parent if node.parent_id else None
    return None


def _fmt(d: date) -> str:
    return d.strftime("%d-%m-%Y")


def pegawai_move_plan(  # noqa: C901 (one check per refusal, in the order the form shows them)
    *, pegawai: Pegawai, jenis: str, tmt: date, unit: UnitKerja, jabatan: Jabatan | None,
    golongan: Golongan | None = None, atasan=ATASAN_BAWAAN, nomor_sk: str = "", hari_ini: date | None = None,
) -> RencanaPindah:
    """Validate a move and describe it; raises ValidationError (Indonesian messages) and writes nothing.

    ``golongan`` None keeps the current one; ``atasan`` left out takes ``atasan_bawaan``. ``hari_ini`` is
    the day the move is recorded (default today): the TMT lies in that year and not after it.
    """
    from penilaian.models import Penilaian, Periode, Skp

    hari_ini = hari_ini or timezone.localdate()
    errors: list[str] = []
    if not pegawai.aktif:
        errors.append(_("Pegawai ini nonaktif; mutasi atau promosi tidak dapat dicatat."))
    if jenis not in RiwayatJabatan.JENIS_PINDAH:
        errors.append(_("Jenis perpindahan tidak dikenal (mutasi, promosi atau pengangkatan awal)."))
    if tmt.year != hari_ini.year:
        errors.append(_("TMT harus berada di tahun berjalan (%(tahun)s).") % {"tahun": hari_ini.year})
    elif tmt > hari_ini:
        errors.append(_("TMT tidak boleh setelah hari ini (%(hari)s): catat perpindahan pada atau setelah TMT.")
                      % {"hari": _fmt(hari_ini)})
    if jabatan is None:
        errors.append(_("Jabatan tujuan wajib diisi."))
    instansi_id = pegawai.unit_kerja.instansi_id
    if unit.instansi_id != instansi_id:
        errors.append(_("Unit kerja tujuan berada di instansi lain; mutasi antarinstansi tidak dicatat di sini."))
    elif not unit.aktif:
        errors.append(_("Unit kerja tujuan %(unit)s tidak aktif.") % {"unit": unit.nama})
    if jabatan is not None and unit.pk == pegawai.unit_kerja_id and jabatan.pk == pegawai.jabatan_id:
        errors.append(_("Jabatan dan unit kerja tujuan sama dengan jabatan sekarang. Untuk mengganti atasan saja, "
                        "gunakan Ganti atasan."))
    golongan = golongan or (pegawai.golongan if pegawai.golongan_id else None)
    if golongan is not None and golongan.jenis != golongan_jenis_untuk(pegawai.status):
        errors.append(_("Golongan %(g)s tidak sesuai dengan status %(s)s.")
                      % {"g": golongan.kode, "s": pegawai.get_status_display()})
    if atasan is ATASAN_BAWAAN:
        atasan = atasan_bawaan(pegawai, unit)
    if atasan is not None:
        if atasan.pk == pegawai.pk:
            errors.append(_("Pegawai tidak boleh menjadi atasan dirinya sendiri."))
        elif not atasan.aktif or atasan.unit_kerja.instansi_id != instansi_id:
            errors.append(_("Atasan baru harus pegawai aktif di instansi yang sama."))
        elif creates_loop(pegawai.pk, atasan.pk):
            errors.append(_("Atasan ini membuat lingkaran pada rantai atasan."))
    entri = RiwayatJabatan.objects.filter(pegawai=pegawai, tanggal_selesai__isnull=True).first()
    if entri is not None and tmt <= entri.tmt:
        errors.append(_("TMT harus setelah TMT jabatan sekarang (%(tmt)s).") % {"tmt": _fmt(entri.tmt)})
    skps = list(Skp.objects.filter(pegawai=pegawai, tahun=tmt.year, tanggal_selesai__gte=tmt).order_by("tanggal_mulai"))
    skp_lama = next((s for s in skps if s.tanggal_mulai < tmt), None)
    sesudah = [s for s in skps if s.tanggal_mulai >= tmt]
    if sesudah:
        errors.append(_("SKP %(awal)s s.d. %(akhir)s sudah dimulai pada atau setelah TMT; SKP jabatan baru tidak "
                        "dapat dibuat di atasnya.")
                      % {"awal": _fmt(sesudah[0].tanggal_mulai), "akhir": _fmt(sesudah[0].tanggal_selesai)})
    if skp_lama is not None:
        lewat = (Penilaian.objects.filter(skp=skp_lama, periode__tanggal_mulai__gte=tmt)
                 .select_related("periode").order_by("periode__tanggal_mulai").first())
        if lewat is not None:
            errors.append(_("SKP lama sudah memiliki penilaian periode %(periode)s yang dimulai pada atau setelah "
                            "TMT; perpindahan dengan TMT ini tidak dapat dicatat.") % {"periode": lewat.periode})
    if errors:
        raise ValidationError(errors)
    akhir = None
    if skp_lama is not None and skp_lama.status == Skp.Status.DISETUJUI:
        akhir = Periode.objects.filter(instansi_id=instansi_id, tahun=tmt.year, jenis=Periode.Jenis.TAHUNAN,
                                       tanggal_mulai__lte=tmt - timedelta(days=1)).order_by("tanggal_mulai").first()
    plan = RencanaPindah(pegawai=pegawai, jenis=jenis, tmt=tmt, unit=unit, jabatan=jabatan, golongan=golongan,
                         atasan=atasan, nomor_sk=nomor_sk.strip(), entri_lama=entri, skp_lama=skp_lama,
                         periode_akhir=akhir)
    if atasan is None:
        plan.peringatan.append(_("Unit tujuan belum memiliki kepala: SKP baru belum memiliki pejabat penilai."))
    if n := pegawai.bawahan.filter(aktif=True).count():
        plan.peringatan.append(_("%(n)s pegawai masih tercatat dengan atasan %(nama)s; tetapkan atasan baru bagi "
                                 "mereka setelah perpindahan ini.") % {"n": n, "nama": pegawai.nama})
    return plan


@dataclass
class HasilPindah:
    entri: RiwayatJabatan
    skp_lama: object | None
    skp_baru: object
    penilaian_akhir: object | None


@transaction.atomic
def pegawai_move(*, pegawai: Pegawai, oleh, hari_ini: date | None = None, **data) -> HasilPindah:
    """Record a mutasi/promosi with its TMT as one action (module docstring); all or nothing.

    Keyword arguments as ``pegawai_move_plan``: jenis, tmt, unit, jabatan, golongan, atasan, nomor_sk.
    """
    from penilaian.evaluasi.services import penilaian_open
    from penilaian.models import Skp
    from penilaian.ringkasan import tandai_pegawai
    from penilaian.skp.services import skp_create

    pegawai = Pegawai.objects.select_for_update(of=("self",)).select_related(
        "unit_kerja", "jabatan", "golongan", "atasan", "user").get(pk=pegawai.pk)
    plan = pegawai_move_plan(pegawai=pegawai, hari_ini=hari_ini, **data)
    tutup, tmt = plan.tutup_pada, plan.tmt
    # The row closed is the post held until now as the master data show it (edits since it opened included).
    dijabat = {"jabatan": pegawai.jabatan, "jenjang": pegawai.jabatan.jenjang if pegawai.jabatan_id else "",
               "unit_kerja": pegawai.unit_kerja, "golongan": pegawai.golongan, "atasan": pegawai.atasan,
               "tanggal_selesai": tutup}
    if plan.entri_lama is not None:
        RiwayatJabatan.objects.filter(pk=plan.entri_lama.pk).update(**dijabat)
    else:  # no history yet: the post held so far, up to the day before the TMT
        mulai = min(date(tmt.year, 1, 1), tutup, plan.skp_lama.tanggal_mulai if plan.skp_lama else tutup)
        RiwayatJabatan.objects.create(pegawai=pegawai, jenis=RiwayatJabatan.Jenis.DATA_AWAL, tmt=mulai,
                                      dicatat_oleh=oleh, **dijabat)
    entri = RiwayatJabatan.objects.create(
        pegawai=pegawai, jenis=plan.jenis, jabatan=plan.jabatan, jenjang=plan.jabatan.jenjang, unit_kerja=plan.unit,
        golongan=plan.golongan, atasan=plan.atasan, tmt=tmt, nomor_sk=plan.nomor_sk, dicatat_oleh=oleh,
    )
    lama = {"unit": pegawai.unit_kerja.kode, "jabatan": pegawai.jabatan.nama if pegawai.jabatan_id else "",
            "golongan": pegawai.golongan.kode if pegawai.golongan_id else "", "atasan": pegawai.atasan_id}
    atasan_lama = pegawai.atasan
    unit_lama = pegawai.unit_kerja
    pegawai.unit_kerja, pegawai.jabatan, pegawai.golongan, pegawai.atasan = (
        plan.unit, plan.jabatan, plan.golongan, plan.atasan)
    pegawai.full_clean()
    pegawai.save(update_fields=["unit_kerja", "jabatan", "golongan", "atasan"])
    if unit_lama.kepala_id == pegawai.pk and unit_lama.pk != plan.unit.pk:
        # The post left is vacant now (a Plt/Plh or a new head is HR's next step).
        UnitKerja.objects.filter(pk=unit_lama.pk).update(kepala=None)
    if (atasan_lama.pk if atasan_lama else None) != (plan.atasan.pk if plan.atasan else None):
        RiwayatAtasan.objects.create(pegawai=pegawai, atasan_lama=atasan_lama, atasan_baru=plan.atasan,
                                     diubah_oleh=oleh, alasan=f"{plan.jenis_label} TMT {_fmt(tmt)}"[:255])
    skp_lama, penilaian_akhir = plan.skp_lama, None
    if skp_lama is not None:
        selesai_lama = skp_lama.tanggal_selesai
        Skp.objects.filter(pk=skp_lama.pk).update(tanggal_selesai=tutup, diubah_pada=timezone.now())
        skp_lama.tanggal_selesai = tutup
        audit_log(aktor=oleh, aksi="skp.closed_by_move", objek=skp_lama,
                  data={"dari": str(selesai_lama), "ke": str(tutup), "status": skp_lama.status})
        if plan.periode_akhir is not None:
            penilaian_akhir = penilaian_open(skp=skp_lama, periode=plan.periode_akhir, oleh=oleh)
    skp_baru = skp_create(
        pegawai=pegawai, tahun=tmt.year, tanggal_mulai=tmt, tanggal_selesai=plan.akhir_tahun, oleh=oleh,
        **({"pendekatan": skp_lama.pendekatan} if skp_lama is not None else {}),
    )
    audit_log(
        aktor=oleh, aksi="pegawai.moved", objek=pegawai, catatan=plan.nomor_sk,
        data={"jenis": plan.jenis, "tmt": str(tmt), "dari": lama,
              "ke": {"unit": plan.unit.kode, "jabatan": plan.jabatan.nama,
                     "golongan": plan.golongan.kode if plan.golongan else "", "atasan": pegawai.atasan_id},
              "skp_lama": skp_lama.pk if skp_lama else None, "skp_baru": skp_baru.pk},
    )
    tandai_pegawai(pegawai.pk, unit_lain=[unit_lama.pk])  # counted by the unit of today: both units change
    _beri_tahu(plan, skp_baru, penilaian_akhir)
    return HasilPindah(entri=entri, skp_lama=skp_lama, skp_baru=skp_baru, penilaian_akhir=penilaian_akhir)


def _beri_tahu(plan: RencanaPindah, skp_baru, penilaian_akhir) -> None:
    pegawai = plan.pegawai
    jenis = pilihan_teks(RiwayatJabatan, "jenis", plan.jenis)
    pesan = kalimat("%(jenis)s TMT %(tmt)s: %(jabatan)s, %(unit)s. SKP baru (draf) berlaku %(tmt)s s.d. %(akhir)s.",
                    jenis=jenis, tmt=_fmt(plan.tmt), jabatan=plan.jabatan.nama, unit=plan.unit.nama,
                    akhir=_fmt(plan.akhir_tahun))
    if plan.skp_lama is not None:
        pesan = gabung(pesan, kalimat("SKP sebelumnya ditutup pada %(tanggal)s.", tanggal=_fmt(plan.tutup_pada)))
    notify(penerima=pegawai.user if pegawai.user_id else None, judul=kalimat("Perpindahan jabatan dicatat"),
           pesan=pesan,
           url=reverse("penilaian:skp-detail", args=[skp_baru.pk]), objek=skp_baru)
    penilai = plan.skp_lama.pejabat_penilai if plan.skp_lama is not None else None
    if penilaian_akhir is not None and penilai is not None and penilai.user_id:
        notify(penerima=penilai.user, judul=kalimat("Evaluasi akhir SKP yang ditutup"),
               url=reverse("penilaian:evaluasi-detail", args=[penilaian_akhir.pk]), objek=penilaian_akhir,
               pesan=kalimat("SKP %(nama)s ditutup pada %(tanggal)s karena %(jenis)s; evaluasi akhirnya dapat diisi "
                             "dan dinilai.", nama=pegawai.nama_lengkap, tanggal=_fmt(plan.tutup_pada),
                             jenis=pilihan_teks(RiwayatJabatan, "jenis", plan.jenis)))


def riwayat_jabatan_of(pegawai: Pegawai, limit: int = 20) -> list[RiwayatJabatan]:
    """The latest posts held, newest first (one query); the open row shows the master data (the post now)."""
    rows = list(pegawai.riwayat_jabatan.select_related("jabatan", "unit_kerja", "golongan", "atasan")[:limit])
    for r in rows:
        if r.tanggal_selesai is None:
            r.jabatan, r.unit_kerja, r.golongan, r.atasan = pegawai.jabatan, pegawai.unit_kerja, pegawai.golongan, \
                pegawai.atasan
    return rows
