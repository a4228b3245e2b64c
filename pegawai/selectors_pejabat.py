"""Reads for the Pasal 1 check of the Pejabat Penilai Kinerja (PermenPANRB 6/2022; ``syarat_penilai``)."""
from datetime import date

from django.db.models import F

from .models import DelegasiPenilai, Pegawai, PenugasanPlt
from .syarat_penilai import penilai_memenuhi_syarat


def pengecualian_ids(ids, tanggal: date | None = None) -> tuple[set[int], set[int]]:
    """(ids with an active delegation recorded by their own instansi, ids holding an active Plt/Plh)."""
    delegasi = set(DelegasiPenilai.aktif_pada(tanggal).filter(
        pegawai_id__in=ids, instansi_id=F("pegawai__unit_kerja__instansi_id")).values_list("pegawai_id", flat=True))
    plt = set(PenugasanPlt.aktif_pada(tanggal).filter(pegawai_id__in=ids).values_list("pegawai_id", flat=True))
    return delegasi, plt


def penilai_di_bawah_pengawas(penilai: list[Pegawai | None], tanggal: date | None = None) -> set[int]:
    """Ids of those in ``penilai`` (loaded with their jabatan) who may not appraise: below pengawas, no
    Plt/Plh post and no recorded delegation. Two queries for any number of people."""
    orang = [p for p in penilai if p is not None]
    if not orang:
        return set()
    delegasi, plt = pengecualian_ids({p.pk for p in orang}, tanggal)
    return {p.pk for p in orang if not penilai_memenuhi_syarat(
        jenis_jabatan=p.jabatan.jenis if p.jabatan_id else "", plt=p.pk in plt, delegasi=p.pk in delegasi)}
