"""The PPPK JP cap where HR and the employee act on a record: at submission and at verification.

A record that would take its PPPK past 24 verified JP in the year of its ``tanggal_selesai`` is flagged
(``jp.melewati_batas_pppk``); verification is still allowed (the cap binds the agency's spending, the
training happened), but nobody does it unaware.
"""
from django.db.models import Sum
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from .jp import BATAS_PPPK, STATUS_PPPK, melewati_batas_pppk
from .models import RiwayatPengembangan

Status = RiwayatPengembangan.Status


def tandai_batas(riwayat_list) -> list:
    """Set ``jp_setelah`` (verified JP of the year once this record counts) and ``melewati_batas`` on each
    record not yet verified; one query for the whole list."""
    riwayat_list = list(riwayat_list)
    pppk = [r for r in riwayat_list if r.pegawai.status in STATUS_PPPK and r.tanggal_selesai]
    for r in riwayat_list:
        r.jp_setelah, r.melewati_batas = None, False
    if not riwayat_list:
        return riwayat_list
    # Asked even when no PPPK is on the list, so a page's query count does not depend on who is on it.
    rows = (RiwayatPengembangan.objects
            .filter(pegawai_id__in={r.pegawai_id for r in riwayat_list}, status=Status.DIVERIFIKASI,
                    pegawai__status__in=STATUS_PPPK,
                    tanggal_selesai__year__in={r.tanggal_selesai.year for r in riwayat_list if r.tanggal_selesai})
            .annotate(tahun=ExtractYear("tanggal_selesai")).order_by()
            .values("pegawai_id", "tahun").annotate(jp=Sum("jp")))
    verified = {(row["pegawai_id"], row["tahun"]): row["jp"] or 0 for row in rows}
    for r in pppk:
        if r.status == Status.DIVERIFIKASI:
            continue
        sudah = verified.get((r.pegawai_id, r.tanggal_selesai.year), 0)
        r.jp_setelah = sudah + (r.jp or 0)
        r.melewati_batas = melewati_batas_pppk(r.pegawai.status, sudah, r.jp)
    return riwayat_list


def pesan_batas(r) -> str:
    """The warning sentence for a flagged record, or ""."""
    if not getattr(r, "melewati_batas", False):
        return ""
    return _("JP terverifikasi %(nama)s pada tahun %(tahun)d akan menjadi %(jp)d bila kegiatan ini diverifikasi, "
             "melebihi batas %(batas)d JP setahun untuk PPPK.") % {
        "nama": r.pegawai.nama_lengkap, "tahun": r.tanggal_selesai.year, "jp": r.jp_setelah, "batas": BATAS_PPPK}
