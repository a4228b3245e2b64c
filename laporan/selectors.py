"""Reads for the Laporan and TPP pages: scoped jobs, the rule in force, and the TPP rows of a month
(computed while open, the stored rows once closed), each in a fixed number of queries."""
import calendar
from datetime import date

from django.db.models import Min, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from harian.models import KegiatanHarian
from pegawai import access
from pegawai.models import Instansi, Pegawai, UnitKerja
from pegawai.selectors import descendant_ids
from penilaian.models import Penilaian, Periode
from penilaian.predikat import Predikat

from . import tpp
from .models import AturanTpp, BulanTpp, LaporanJob

# A month's result comes from the shortest period covering it (a monthly one before its quarter).
URUTAN_JENIS = {Periode.Jenis.BULANAN: 0, Periode.Jenis.TRIWULANAN: 1, Periode.Jenis.SEMESTERAN: 2,
                Periode.Jenis.TAHUNAN: 3}
PREDIKAT_FIELD = {
    Predikat.SANGAT_BAIK: "persen_sangat_baik",
    Predikat.BAIK: "persen_baik",
    Predikat.BUTUH_PERBAIKAN: "persen_butuh_perbaikan",
    Predikat.KURANG: "persen_kurang",
    Predikat.SANGAT_KURANG: "persen_sangat_kurang",
}


def jobs_for(user) -> QuerySet[LaporanJob]:
    r = access.peran(user)
    qs = LaporanJob.objects.select_related("dibuat_oleh", "instansi")
    return qs if r.is_admin else qs.filter(instansi_id=r.instansi_id)


def unit_tpp(instansi: Instansi) -> QuerySet[UnitKerja]:
    """The units a TPP month is run for: perangkat daerah (and the top of the tree)."""
    return UnitKerja.objects.filter(instansi=instansi, aktif=True,
                                    level__lte=UnitKerja.Level.PERANGKAT_DAERAH).order_by("kode")


def aturan_berlaku(instansi: Instansi | int, tahun: int, bulan: int) -> AturanTpp | None:
    """The version in force on the first day of the month."""
    pk = instansi if isinstance(instansi, int) else instansi.pk
    return (AturanTpp.objects.filter(instansi_id=pk, berlaku_mulai__lte=date(tahun, bulan, 1))
            .order_by("-berlaku_mulai").first())


def aturan_data(a: AturanTpp) -> dict:
    """The rule as stored with a closed month and shown on the page and in the file (strings: exact)."""
    return {
        "berlaku_mulai": a.berlaku_mulai.isoformat(),
        "dasar_hukum": a.dasar_hukum,
        "persen": {p.value: str(getattr(a, f)) for p, f in PREDIKAT_FIELD.items()},
        "persen_belum_dinilai": str(a.persen_belum_dinilai),
        "potongan_terlambat": str(a.potongan_terlambat),
        "potongan_tidak_lapor": str(a.potongan_tidak_lapor),
        "batas_potongan": str(a.batas_potongan),
        "toleransi_hari": a.toleransi_hari,
    }


def aturan_rule(data: dict) -> tpp.Aturan:
    from decimal import Decimal

    return tpp.Aturan(
        persen={Predikat(k): Decimal(v) for k, v in data["persen"].items()},
        persen_belum_dinilai=Decimal(data["persen_belum_dinilai"]),
        potongan_terlambat=Decimal(data["potongan_terlambat"]),
        potongan_tidak_lapor=Decimal(data["potongan_tidak_lapor"]),
        batas_potongan=Decimal(data["batas_potongan"]),
        toleransi_hari=int(data["toleransi_hari"]),
    )


def bulan_tertutup(unit: UnitKerja, tahun: int, bulan: int) -> BulanTpp | None:
    return BulanTpp.objects.filter(unit_kerja=unit, tahun=tahun, bulan=bulan).select_related(
        "ditutup_oleh", "aturan").first()


def _hasil_bulan(pegawai_ids: list[int], instansi_id: int, tahun: int, bulan: int) -> dict[int, Penilaian]:
    """Per pegawai, the evaluation of the shortest period covering the month's 15th (a final one first)."""
    tengah = date(tahun, bulan, 15)
    qs = (Penilaian.objects.filter(skp__pegawai_id__in=pegawai_ids, periode__instansi_id=instansi_id,
                                   periode__tanggal_mulai__lte=tengah, periode__tanggal_selesai__gte=tengah)
          .select_related("periode", "skp"))
    terbaik: dict[int, Penilaian] = {}

    def kunci(p: Penilaian):
        final = p.status in Penilaian.SELESAI and bool(p.predikat)
        return (final, -URUTAN_JENIS.get(p.periode.jenis, 9), p.skp.tanggal_selesai, p.skp_id, p.pk)

    for p in qs:
        pid = p.skp.pegawai_id
        if pid not in terbaik or kunci(p) > kunci(terbaik[pid]):
            terbaik[pid] = p
    return terbaik


def _scope_tpp(unit: UnitKerja) -> QuerySet[Pegawai]:
    """The pegawai of the unit and its sub-units, in the order of the TPP list."""
    return (Pegawai.objects.filter(unit_kerja_id__in=descendant_ids(unit), aktif=True)
            .select_related("unit_kerja", "jabatan", "golongan").order_by("unit_kerja__kode", "nama", "nip"))


def baris_tpp(unit: UnitKerja, tahun: int, bulan: int, aturan: dict | None, *, hari_ini: date | None = None
              ) -> list[dict]:
    """The month's rows for the unit and its sub-units, computed now (4 queries, whatever the size)."""
    scope = _scope_tpp(unit)
    return _baris(list(scope), scope.values("pk"), unit.instansi_id, tahun, bulan, aturan, hari_ini)


class BarisTppHalaman:
    """The open month's rows as the paginator takes them: counted and sliced in SQL, and computed only for
    the page shown (a perangkat daerah of thousands draws 50 rows, not all of them)."""

    def __init__(self, unit: UnitKerja, tahun: int, bulan: int, aturan: dict | None):
        self.scope, self.args = _scope_tpp(unit), (unit.instansi_id, tahun, bulan, aturan, None)

    def count(self) -> int:
        return self.scope.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, bagian: slice) -> list[dict]:
        pegawai = list(self.scope[bagian])
        return _baris(pegawai, [p.pk for p in pegawai], *self.args)


def _baris(pegawai: list[Pegawai], ids, instansi_id: int, tahun: int, bulan: int, aturan: dict | None,
           hari_ini: date | None) -> list[dict]:
    """Rows of ``pegawai`` (``ids``: their pks, as a subquery or a list)."""
    hari_ini = hari_ini or timezone.localdate()
    hasil = _hasil_bulan(ids, instansi_id, tahun, bulan)
    awal, akhir = date(tahun, bulan, 1), date(tahun, bulan, calendar.monthrange(tahun, bulan)[1])
    pertama: dict[int, dict[date, date]] = {}
    for pid, tgl, dicatat in (KegiatanHarian.objects.filter(pegawai_id__in=ids, tanggal__range=(awal, akhir))
                              .values("pegawai_id", "tanggal").annotate(m=Min("dibuat_pada")).order_by()
                              .values_list("pegawai_id", "tanggal", "m")):
        pertama.setdefault(pid, {})[tgl] = timezone.localdate(dicatat)
    hari = tpp.hari_kerja(tahun, bulan, hari_ini)
    rule = aturan_rule(aturan) if aturan else None
    rows = []
    for p in pegawai:
        pn = hasil.get(p.pk)
        final = pn is not None and pn.status in Penilaian.SELESAI and bool(pn.predikat)
        predikat = Predikat(pn.predikat) if final else None
        k = tpp.kepatuhan(hari, pertama.get(p.pk, {}), rule.toleransi_hari if rule else 1)
        h = tpp.hitung_tpp(rule, predikat, k) if rule else None
        if pn is None:
            ket = _("Belum ada penilaian periode ini")
        elif not final:
            ket = _("Penilaian belum final (%(status)s)") % {"status": pn.get_status_display()}
        else:
            ket = ""
        rows.append({
            "pegawai_id": p.pk, "nip": p.nip, "nama": p.nama_lengkap, "status": p.status,
            "golongan": p.golongan.kode if p.golongan else "", "jabatan": p.jabatan.nama if p.jabatan else "",
            "unit_kode": p.unit_kerja.kode, "unit": p.unit_kerja.nama,
            "periode": str(pn.periode) if pn else "", "predikat": predikat.value if predikat else "",
            "predikat_label": str(predikat.label) if predikat else "", "keterangan": ket,
            "hari_kerja": k.hari_kerja, "tepat_waktu": k.tepat_waktu, "terlambat": k.terlambat,
            "tidak_lapor": k.tidak_lapor, "persen_patuh": str(k.persen_patuh),
            "persen_predikat": str(h.persen_predikat) if h else "", "potongan": str(h.potongan) if h else "",
            "persen_kinerja": str(h.persen_kinerja) if h else "",
        })
    return rows


def baris_bulan(unit: UnitKerja, tahun: int, bulan: int, *, halaman: bool = False
                ) -> tuple[BulanTpp | None, dict | None, list[dict] | QuerySet | BarisTppHalaman]:
    """(closed month or None, rule data, rows): a closed month is read back, never recomputed. With
    ``halaman`` the rows are lazy, for the paginator: only the page shown is read or computed."""
    tutup = bulan_tertutup(unit, tahun, bulan)
    if tutup is not None:
        disimpan = tutup.baris.order_by("urutan").values_list("data", flat=True)
        return tutup, tutup.aturan_data, disimpan if halaman else list(disimpan)
    aturan = aturan_berlaku(unit.instansi_id, tahun, bulan)
    data = aturan_data(aturan) if aturan else None
    return None, data, BarisTppHalaman(unit, tahun, bulan, data) if halaman else baris_tpp(unit, tahun, bulan, data)


def aturan_form_initial(a: AturanTpp) -> dict:
    """The latest version as the form's starting values (a new version usually changes one number)."""
    from .forms import AturanTppForm

    return {f: getattr(a, f) for f in AturanTppForm.Meta.fields}
