"""Summary rows for HR's per-unit counts (issue: pages that do not grow with the instansi).

Written only by ``penilaian.ringkasan`` (recomputed per unit when a service marks it, fully by the periodic
rebuild); pages read them instead of aggregating the year on every request.
"""
from django.db import models
from django.utils.translation import gettext_lazy as _


class RingkasanUnit(models.Model):
    """One unit × one period: evaluable SKPs by evaluation status (by the pegawai's unit today, as the
    completion recap counts) and evaluations by predikat (by the SKP's unit, the distribution population)."""

    unit_kerja = models.ForeignKey("pegawai.UnitKerja", on_delete=models.CASCADE, related_name="+")
    periode = models.ForeignKey("penilaian.Periode", on_delete=models.CASCADE, related_name="+")
    total = models.PositiveIntegerField(default=0)
    belum_dibuka = models.PositiveIntegerField(default=0)
    draft = models.PositiveIntegerField(default=0)
    diajukan = models.PositiveIntegerField(default=0)
    dinilai = models.PositiveIntegerField(default=0)
    final = models.PositiveIntegerField(default=0)
    diterima = models.PositiveIntegerField(default=0)
    keberatan = models.PositiveIntegerField(default=0)
    diputus = models.PositiveIntegerField(default=0)
    lewat = models.PositiveIntegerField(default=0)
    sangat_baik = models.PositiveIntegerField(default=0)
    baik = models.PositiveIntegerField(default=0)
    butuh_perbaikan = models.PositiveIntegerField(default=0)
    kurang = models.PositiveIntegerField(default=0)
    sangat_kurang = models.PositiveIntegerField(default=0)
    # The first response window of a FINAL counted here to close: from then on it counts as LEWAT.
    batas_final_awal = models.DateTimeField(null=True, blank=True, db_index=True)
    dihitung_pada = models.DateTimeField()

    class Meta:
        verbose_name = _("ringkasan unit per periode")
        verbose_name_plural = _("ringkasan unit per periode")
        constraints = [models.UniqueConstraint(fields=["unit_kerja", "periode"], name="ringkasan_unit_periode_unik")]
        indexes = [models.Index(fields=["periode", "unit_kerja"])]

    def __str__(self):
        return f"{self.unit_kerja_id} / {self.periode_id}"


class RingkasanSkpUnit(models.Model):
    """One unit × one year: active pegawai (with HR's counts of them: PNS/CPNS, PPPK, without an atasan,
    without an account; the same in every year's row), those without an SKP of the year, SKPs by status."""

    unit_kerja = models.ForeignKey("pegawai.UnitKerja", on_delete=models.CASCADE, related_name="+")
    tahun = models.PositiveSmallIntegerField()
    pegawai_aktif = models.PositiveIntegerField(default=0)
    pegawai_pns = models.PositiveIntegerField(default=0)
    pegawai_pppk = models.PositiveIntegerField(default=0)
    tanpa_atasan = models.PositiveIntegerField(default=0)
    tanpa_akun = models.PositiveIntegerField(default=0)
    tanpa_skp = models.PositiveIntegerField(default=0)
    skp_draft = models.PositiveIntegerField(default=0)
    skp_diajukan = models.PositiveIntegerField(default=0)
    skp_dikembalikan = models.PositiveIntegerField(default=0)
    skp_disetujui = models.PositiveIntegerField(default=0)
    dihitung_pada = models.DateTimeField()

    class Meta:
        verbose_name = _("ringkasan SKP unit per tahun")
        verbose_name_plural = _("ringkasan SKP unit per tahun")
        constraints = [models.UniqueConstraint(fields=["unit_kerja", "tahun"], name="ringkasan_skp_unit_tahun_unik")]
        indexes = [models.Index(fields=["tahun", "unit_kerja"])]

    def __str__(self):
        return f"{self.unit_kerja_id} / {self.tahun}"


class RingkasanKotor(models.Model):
    """A unit whose summary rows are out of date: a row inserted by a service in its transaction (a unit may
    have several; never updated, so writers never wait on one another), deleted by key by the recompute
    that read it (a mark made meanwhile is another row and stays)."""

    unit_kerja = models.ForeignKey("pegawai.UnitKerja", on_delete=models.CASCADE, related_name="+")
    ditandai_pada = models.DateTimeField()

    def __str__(self):
        return f"{self.unit_kerja_id} @ {self.ditandai_pada}"


class RingkasanPenuh(models.Model):
    """The last full rebuild of one instansi's year; no row = not built yet (built on first read)."""

    instansi = models.ForeignKey("pegawai.Instansi", on_delete=models.CASCADE, related_name="+")
    tahun = models.PositiveSmallIntegerField()
    dihitung_pada = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["instansi", "tahun"], name="ringkasan_penuh_unik")]

    def __str__(self):
        return f"{self.instansi_id} / {self.tahun} @ {self.dihitung_pada}"
