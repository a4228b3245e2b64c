"""The content of each HR report: a title, Indonesian column headers and rows, built from a ``Lingkup``
(instansi, unit incl. sub-units, tahun, periode, status) in a fixed number of queries.

Every builder takes the scope already checked by the view or the job (the unit and period belong to
the instansi); none reads the request.
"""
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from pegawai.models import Instansi, Jabatan, Pegawai, UnitKerja
from pegawai.selectors import descendant_ids
from pelatihan.jp import status_jp
from pelatihan.selectors import with_jp
from penilaian.angka_kredit import PeriodeAk, baris_ak
from penilaian.evaluasi.selectors import urut_periode
from penilaian.konversi import predikat_per_skp
from penilaian.kurva import PredikatOrganisasi, periksa_distribusi
from penilaian.models import CapaianOrganisasi, Penilaian, Periode, Skp
from penilaian.predikat import Predikat
from penilaian.ringkasan import completion_per_unit

from .sumber import predikat_tahun

BELUM_ADA_SKP = "BELUM"


@dataclass
class Lingkup:
    instansi: Instansi
    tahun: int
    unit: UnitKerja | None = None
    periode: Periode | None = None
    status_skp: str = ""
    status_penilaian: str = ""
    unit_ids: list[int] | None = field(default=None, repr=False)

    def __post_init__(self):
        if self.unit is not None and self.unit_ids is None:
            self.unit_ids = descendant_ids(self.unit)

    def pegawai(self) -> QuerySet[Pegawai]:
        qs = Pegawai.objects.filter(unit_kerja__instansi=self.instansi, aktif=True)
        if self.unit_ids is not None:
            qs = qs.filter(unit_kerja_id__in=self.unit_ids)
        return qs.select_related("unit_kerja", "jabatan", "golongan").order_by("unit_kerja__kode", "nama", "nip")

    def pegawai_ids(self) -> QuerySet:
        return self.pegawai().order_by().values("pk")

    def units(self) -> QuerySet[UnitKerja]:
        qs = UnitKerja.objects.filter(instansi=self.instansi)
        return qs.filter(pk__in=self.unit_ids) if self.unit_ids is not None else qs

    def keterangan(self) -> list[tuple[str, str]]:
        """The filters in words, for the file's Keterangan sheet."""
        rows = [(_("Instansi"), self.instansi.nama), (_("Tahun"), str(self.tahun)),
                (_("Unit kerja"), f"{self.unit.kode} — {self.unit.nama} " + _("(termasuk sub-unit)")
                 if self.unit else _("Semua unit"))]
        if self.periode:
            rows.append((_("Periode"), str(self.periode)))
        if self.status_skp:
            rows.append((_("Status SKP"), label_status_skp(self.status_skp)))
        if self.status_penilaian:
            rows.append((_("Status penilaian"), str(Penilaian.Status(self.status_penilaian).label)))
        return rows


@dataclass
class Lembar:
    judul: str
    kolom: list[str]
    baris: list[list]


class PeriodeWajib(ValueError):
    """The report needs a period and none was chosen."""


def label_status_skp(kode: str) -> str:
    return _("Belum ada SKP") if kode == BELUM_ADA_SKP else str(Skp.Status(kode).label)


def _masa(mulai, selesai) -> str:
    return f"{mulai:%d-%m-%Y} s.d. {selesai:%d-%m-%Y}"


def _nama(p) -> str:
    return p.nama_lengkap if p else ""


def laporan_skp(lk: Lingkup) -> Lembar:
    """Status of the SKP of the year per pegawai (the latest SKP when a mutasi made several)."""
    pegawai = list(lk.pegawai())
    skp_per: dict[int, list[Skp]] = {}
    # Subqueries, not id lists: an instansi of 50,000 pegawai would pass SQLite's limit on parameters.
    for s in (Skp.objects.filter(tahun=lk.tahun, pegawai__in=lk.pegawai_ids())
              .select_related("pejabat_penilai").order_by("tanggal_mulai", "pk")):
        skp_per.setdefault(s.pegawai_id, []).append(s)
    baris = []
    for p in pegawai:
        skps = skp_per.get(p.pk, [])
        akhir = skps[-1] if skps else None
        kode = akhir.status if akhir else BELUM_ADA_SKP
        if lk.status_skp and kode != lk.status_skp:
            continue
        baris.append([
            len(baris) + 1, p.nip, p.nama_lengkap, p.unit_kerja.kode, p.unit_kerja.nama,
            p.jabatan.nama if p.jabatan else "", len(skps), label_status_skp(kode),
            _masa(akhir.tanggal_mulai, akhir.tanggal_selesai) if akhir else "",
            akhir.pejabat_penilai.nip if akhir and akhir.pejabat_penilai else "",
            _nama(akhir.pejabat_penilai) if akhir else "",
        ])
    kolom = ["No", _("NIP"), _("Nama"), _("Kode unit"), _("Unit kerja"), _("Jabatan"), _("Jumlah SKP"),
             _("Status SKP"), _("Masa SKP"), _("NIP pejabat penilai"), _("Nama pejabat penilai")]
    return Lembar(_("Laporan SKP"), kolom, baris)


def _periodes(lk: Lingkup) -> list[Periode]:
    if lk.periode:
        return [lk.periode]
    return urut_periode(Periode.objects.filter(instansi=lk.instansi, tahun=lk.tahun))


def _sel_penilaian(p: Penilaian | None) -> str:
    if p is None:
        return _("Belum dibuka")
    if p.status in Penilaian.SELESAI and p.predikat:
        return str(Predikat(p.predikat).label)
    return str(p.get_status_display())


def laporan_penilaian(lk: Lingkup) -> Lembar:
    """Predikat per pegawai per period (or the status while not final) and the annual predikat."""
    periodes = _periodes(lk)
    pegawai = list(lk.pegawai())
    ids = lk.pegawai_ids()
    sel: dict[tuple[int, int], Penilaian] = {}
    # Several SKPs in one period (mutasi): the one ending last shows, as for the annual result (§11.2).
    for pn in (Penilaian.objects.filter(periode__in=periodes, skp__pegawai_id__in=ids)
               .select_related("skp").order_by("skp__tanggal_selesai", "skp_id", "pk")):
        sel[(pn.skp.pegawai_id, pn.periode_id)] = pn
    tahunan = predikat_tahun(ids, lk.tahun)
    baris = []
    for p in pegawai:
        if lk.status_penilaian and not any(
            (x := sel.get((p.pk, per.pk))) and x.status == lk.status_penilaian for per in periodes
        ):
            continue
        th = tahunan.get(p.pk)
        baris.append([len(baris) + 1, p.nip, p.nama_lengkap, p.unit_kerja.kode, p.unit_kerja.nama,
                      p.jabatan.nama if p.jabatan else "",
                      *[_sel_penilaian(sel.get((p.pk, per.pk))) for per in periodes],
                      str(th.label) if th else ""])
    kolom = ["No", _("NIP"), _("Nama"), _("Kode unit"), _("Unit kerja"), _("Jabatan"),
             *[str(per) for per in periodes], _("Predikat tahunan")]
    return Lembar(_("Laporan Penilaian"), kolom, baris)


def _persen(x: int, n: int) -> float:
    return round(100 * x / n, 2) if n else 0.0


def laporan_kelengkapan(lk: Lingkup) -> Lembar:
    """Per unit: evaluations of the period by status and the share already final (needs a period)."""
    if lk.periode is None:
        raise PeriodeWajib(_("Pilih periode untuk laporan kelengkapan penilaian."))
    statuses = list(Penilaian.Status)
    baris = []
    for r in completion_per_unit(lk.instansi.pk, lk.periode):
        if lk.unit_ids is not None and r["pegawai__unit_kerja_id"] not in lk.unit_ids:
            continue
        selesai = sum(r[s.value] for s in statuses if s in Penilaian.SELESAI)
        baris.append([r["pegawai__unit_kerja__kode"], r["pegawai__unit_kerja__nama"], r["total"], r["belum_dibuka"],
                      *[r[s.value] for s in statuses], selesai, _persen(selesai, r["total"])])
    kolom = [_("Kode unit"), _("Unit kerja"), _("SKP dinilai"), _("Belum dibuka"), *[str(s.label) for s in statuses],
             _("Selesai (final)"), _("Persentase selesai")]
    return Lembar(_("Kelengkapan per Unit"), kolom, baris)


def laporan_distribusi(lk: Lingkup) -> Lembar:
    """Per unit: final predikat of the period against the curve of its capaian organisasi (domain.md §4;
    population = evaluations of the SKPs that belong to the unit, §11.2 rule 4). A warning, never a block."""
    if lk.periode is None:
        raise PeriodeWajib(_("Pilih periode untuk laporan distribusi predikat."))
    units = {u.pk: u for u in lk.units().order_by("kode")}
    jumlah: dict[int, Counter] = {}
    for unit_id, predikat in (Penilaian.objects.filter(periode=lk.periode, status__in=Penilaian.SELESAI,
                                                       skp__unit_kerja_id__in=list(units))
                              .exclude(predikat="").values_list("skp__unit_kerja_id", "predikat")):
        jumlah.setdefault(unit_id, Counter())[Predikat(predikat)] += 1
    capaian = dict(CapaianOrganisasi.objects.filter(periode=lk.periode, unit_kerja_id__in=list(units))
                   .values_list("unit_kerja_id", "predikat"))
    baris = []
    for pk, u in units.items():
        c, org = jumlah.get(pk, Counter()), capaian.get(pk)
        n = sum(c.values())
        if not n and not org:
            continue
        if org:
            langgar = periksa_distribusi(org, c)
            hasil = _("Tidak sesuai") if langgar else _("Sesuai")
            catatan = " ".join(x.pesan for x in langgar)
        else:
            hasil, catatan = _("Capaian organisasi belum ditetapkan"), ""
        sel = []
        for p in Predikat:
            sel += [c[p], _persen(c[p], n)]
        baris.append([u.kode, u.nama, str(PredikatOrganisasi(org).label) if org else "", n, *sel, hasil, catatan])
    kolom = [_("Kode unit"), _("Unit kerja"), _("Capaian kinerja organisasi"), _("Jumlah dinilai")]
    for p in Predikat:
        kolom += [str(p.label), _("%% %(predikat)s") % {"predikat": p.label}]
    return Lembar(_("Distribusi Predikat"), kolom + [_("Kurva distribusi"), _("Catatan kurva")], baris)


def laporan_jp(lk: Lingkup) -> Lembar:
    """Verified JP of the year per pegawai against 20 JP (PNS) or the 24 JP cap (PPPK), domain.md §8.1."""
    baris = []
    for p in with_jp(lk.pegawai(), lk.tahun):
        s = status_jp(p.status, p.jp)
        if s.is_target:
            ketentuan = _("minimal %(n)d JP") % {"n": s.batas}
            ket = _("tercapai") if s.tercapai else _("kurang %(n)d JP") % {"n": s.kurang}
        else:
            ketentuan = _("maksimal %(n)d JP") % {"n": s.batas}
            ket = _("melebihi batas") if s.melebihi else _("dalam batas")
        baris.append([len(baris) + 1, p.nip, p.nama_lengkap, p.status, p.unit_kerja.kode, p.unit_kerja.nama,
                      p.jabatan.nama if p.jabatan else "", s.jp, ketentuan, ket])
    kolom = ["No", _("NIP"), _("Nama"), _("Status"), _("Kode unit"), _("Unit kerja"), _("Jabatan"),
             _("JP terverifikasi"), _("Ketentuan"), _("Keterangan")]
    return Lembar(_("JP per Pegawai"), kolom, baris)


def laporan_angka_kredit(lk: Lingkup) -> Lembar:
    """Angka kredit of the year per jabatan fungsional: one row per SKP held in a JF, computed as the
    pegawai's konversi document does (``penilaian.konversi``: months of the SKP period/12 × % of that SKP's
    predikat × koefisien of the jenjang held; domain.md §5.1, §11.2 rules 1 and 3)."""
    skps = list(Skp.objects.filter(tahun=lk.tahun, pegawai_id__in=lk.pegawai_ids(),
                                   jabatan__jenis=Jabatan.Jenis.FUNGSIONAL)
                .exclude(jabatan__jenjang="").select_related("pegawai", "jabatan", "unit_kerja")
                .order_by("unit_kerja__kode", "pegawai__nama", "pegawai_id", "tanggal_mulai"))
    penentu = predikat_per_skp(skps)
    baris = []
    for s in skps:
        p = penentu.get(s.pk)
        b = baris_ak(PeriodeAk(s.tanggal_mulai, s.tanggal_selesai, p.predikat if p else "", s.jabatan.jenjang))
        baris.append([
            len(baris) + 1, s.pegawai.nip, s.pegawai.nama_lengkap, s.unit_kerja.nama, s.jabatan.nama,
            str(Jabatan.Jenjang(s.jabatan.jenjang).label), _masa(s.tanggal_mulai, s.tanggal_selesai), b.bulan,
            str(b.predikat.label) if b.predikat else _("Belum ada predikat"),
            float(b.persen * 100) if b.persen is not None else None,
            float(b.koefisien) if b.koefisien is not None else None,
            float(b.ak) if b.ak is not None else None,
        ])
    kolom = ["No", _("NIP"), _("Nama"), _("Unit kerja (SKP)"), _("Jabatan (SKP)"), _("Jenjang"), _("Masa SKP"),
             _("Bulan"), _("Predikat periode SKP"), _("% predikat"), _("Koefisien"), _("Angka kredit")]
    return Lembar(_("Angka Kredit JF"), kolom, baris)


# Order on the page and in the combined workbook.
LAPORAN = {
    "skp": laporan_skp,
    "penilaian": laporan_penilaian,
    "kelengkapan": laporan_kelengkapan,
    "distribusi": laporan_distribusi,
    "jp": laporan_jp,
    "angka_kredit": laporan_angka_kredit,
}
BUTUH_PERIODE = {"kelengkapan", "distribusi"}
SEMUA = "semua"
