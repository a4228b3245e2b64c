"""Factories for SKP, periods and evaluations (shared by every penilaian test module).

States after a workflow step come from the real services, never from setting a status by hand:
``PenilaianFactory(final=True)`` finalises through ``penilaian_finalize`` (see ``finalkan``).
Periods relative to today: ``PeriodeFactory(terbuka=True)`` (input open), ``PeriodeFactory(terkunci=True)``.
"""
import contextlib
from datetime import date, datetime, time, timedelta

import factory
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from pegawai.tests.factories import InstansiFactory, PegawaiFactory
from penilaian.models import IndikatorKinerja, Penilaian, Periode, RencanaHasilKerja, Skp
from penilaian.predikat import Rating


def _hari(delta: int, *, dalam_tahun: bool = False):
    """``delta`` days from today; ``dalam_tahun`` keeps the date inside this year (a period never spans two)."""
    def hari():
        today = timezone.localdate()
        d = today + timedelta(days=delta)
        return min(max(d, date(today.year, 1, 1)), date(today.year, 12, 31)) if dalam_tahun else d
    return factory.LazyFunction(hari)


class SkpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Skp

    pegawai = factory.SubFactory(PegawaiFactory)
    tahun = 2026
    tanggal_mulai = factory.LazyAttribute(lambda o: date(o.tahun, 1, 1))
    tanggal_selesai = factory.LazyAttribute(lambda o: date(o.tahun, 12, 31))
    bentuk = Skp.Bentuk.JA_JF
    pendekatan = Skp.Pendekatan.KUANTITATIF
    pejabat_penilai = factory.LazyAttribute(lambda o: o.pegawai.atasan)
    atasan_penilai = factory.LazyAttribute(lambda o: o.pegawai.atasan.atasan if o.pegawai.atasan else None)
    jabatan = factory.LazyAttribute(lambda o: o.pegawai.jabatan)
    unit_kerja = factory.LazyAttribute(lambda o: o.pegawai.unit_kerja)


class RhkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RencanaHasilKerja

    skp = factory.SubFactory(SkpFactory)
    jenis = RencanaHasilKerja.Jenis.UTAMA
    teks = factory.Sequence(lambda n: f"Tersusunnya dokumen perencanaan kinerja ke-{n}")
    urutan = factory.Sequence(lambda n: n)


class IkiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndikatorKinerja

    rhk = factory.SubFactory(RhkFactory)
    teks = factory.Sequence(lambda n: f"Jumlah dokumen yang diselesaikan ({n})")
    aspek = IndikatorKinerja.Aspek.KUANTITAS
    target_angka = 12
    satuan = "dokumen"


class PeriodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Periode

    instansi = factory.SubFactory(InstansiFactory)
    tahun = 2026
    jenis = Periode.Jenis.TRIWULANAN
    nama = factory.Sequence(lambda n: f"Triwulan {n}")
    tanggal_mulai = date(2026, 1, 1)
    tanggal_selesai = date(2026, 3, 31)
    batas_pengisian = date(2026, 4, 10)

    class Params:
        # Input open today: started 30 days ago, ends in 30 days (both inside this year), deadline in 40.
        terbuka = factory.Trait(
            tahun=factory.LazyFunction(lambda: timezone.localdate().year),
            tanggal_mulai=_hari(-30, dalam_tahun=True), tanggal_selesai=_hari(30, dalam_tahun=True),
            batas_pengisian=_hari(40))
        # Locked: the deadline was yesterday.
        terkunci = factory.Trait(
            tahun=factory.LazyFunction(lambda: timezone.localdate().year),
            tanggal_mulai=_hari(-90), tanggal_selesai=_hari(-31), batas_pengisian=_hari(-1))


def siapkan_urutan(penilaian: Penilaian) -> None:
    """Make ``penilaian`` finalisable under the SE 3/2023 order (domain.md §11.2 rule 5): HR's exception
    for its unit and period unless the capaian is recorded. Tests not about the order use it (a capaian
    would change a unit head's rating hasil, §3.3)."""
    from penilaian.evaluasi.urutan import unit_skp
    from penilaian.models import CapaianOrganisasi, PengecualianUrutan

    unit = unit_skp(penilaian)
    ada = {"unit_kerja": unit, "periode_id": penilaian.periode_id}
    if unit is not None and not CapaianOrganisasi.objects.filter(**ada).exists():
        PengecualianUrutan.objects.get_or_create(**ada, defaults={"alasan": "Data uji"})


def finalkan(penilaian: Penilaian, *, hasil: str = Rating.SESUAI, perilaku: str = Rating.SESUAI,
             pada: datetime | None = None, oleh=None, urutan: bool = True) -> Penilaian:
    """Finalise ``penilaian`` through the real service (``penilaian_finalize``), as its pejabat penilai
    (``oleh`` overrides). ``urutan=False`` leaves the SE 3/2023 order unprepared (tests of that rule).

    A DRAFT evaluation is first marked submitted (the service's precondition). The clock travels
    (time_machine) to ``pada`` when given, else, when the period is already locked, to noon of its last
    open day: ``final_pada``, snapshot, predikat and the audit entry are what the service leaves.
    """
    from penilaian.evaluasi.services import penilaian_finalize

    if urutan:
        siapkan_urutan(penilaian)
    if penilaian.status == Penilaian.Status.DRAFT:
        Penilaian.objects.filter(pk=penilaian.pk).update(status=Penilaian.Status.DIAJUKAN)
        penilaian.status = Penilaian.Status.DIAJUKAN
    if oleh is None:
        penilai = penilaian.skp.pejabat_penilai
        # No pejabat penilai (the head of the instansi in build_org): finalised by no one, as in the old helpers.
        oleh = penilai.user if penilai is not None and penilai.user_id else AnonymousUser()
    periode = penilaian.periode
    if pada is None and periode.terkunci():
        hari = min(periode.tanggal_selesai, periode.batas_pengisian)
        pada = timezone.make_aware(datetime.combine(hari, time(12)))
    with time_machine.travel(pada, tick=False) if pada is not None else contextlib.nullcontext():
        penilaian_finalize(penilaian=penilaian, versi=penilaian.versi, oleh=oleh,
                           rating_hasil=hasil, rating_perilaku=perilaku)
    return penilaian


class _Finalkan(factory.declarations.PostGenerationDeclaration):
    """With ``final=True``: ``finalkan`` after the row exists (reads the ``hasil``/``perilaku``/``final_pada``
    parameters, which plain ``post_generation`` hooks cannot see)."""

    def call(self, instance, step, context):
        a = step.attributes
        if step.builder.strategy == factory.enums.CREATE_STRATEGY and a.get("final"):
            finalkan(instance, hasil=a["hasil"], perilaku=a["perilaku"], pada=a["difinalkan_pada"])


class PenilaianFactory(factory.django.DjangoModelFactory):
    """``PenilaianFactory(final=True, hasil=Rating.DI_ATAS, perilaku=..., difinalkan_pada=...)`` for a final one."""

    class Meta:
        model = Penilaian
        skip_postgeneration_save = True  # finalkan saves through the service

    class Params:
        final = factory.Trait(status=Penilaian.Status.DIAJUKAN)
        hasil = Rating.SESUAI
        perilaku = Rating.SESUAI
        difinalkan_pada = None

    skp = factory.SubFactory(SkpFactory, status=Skp.Status.DISETUJUI)
    periode = factory.SubFactory(PeriodeFactory, instansi=factory.SelfAttribute("..skp.pegawai.unit_kerja.instansi"))
    _finalkan = _Finalkan()


def skp_with_rhk(pegawai, *, n_rhk: int = 2, status=Skp.Status.DISETUJUI, **kwargs) -> Skp:
    """An SKP of ``pegawai`` with ``n_rhk`` RHK, each with one IKI."""
    skp = SkpFactory(pegawai=pegawai, status=status, **kwargs)
    for _ in range(n_rhk):
        IkiFactory(rhk=RhkFactory(skp=skp))
    return skp
