"""The TPP file for the finance office: one row per pegawai, the rule in force on every row (CSV) and
on its own sheet (XLSX)."""
from decimal import Decimal

from django.utils.translation import gettext as _

from penilaian.predikat import Predikat

from . import berkas
from .isi import Lembar


def _angka(s: str):
    return Decimal(s) if s not in ("", None) else None


def kolom() -> list[str]:
    return ["No", _("NIP"), _("Nama"), _("Status"), _("Golongan"), _("Jabatan"), _("Kode unit"), _("Unit kerja"),
            _("Periode"), _("Predikat"), _("Keterangan"), _("Hari kerja"), _("Lapor tepat waktu"),
            _("Lapor terlambat"), _("Tidak lapor"), _("% kepatuhan harian"), _("% menurut predikat"),
            _("Potongan laporan harian (%)"), _("% TPP kinerja"), _("Aturan berlaku mulai"), _("Status bulan")]


def baris(rows: list[dict], aturan: dict | None, ditutup: bool) -> list[list]:
    status = _("Ditutup") if ditutup else _("Sementara (belum ditutup)")
    mulai = aturan["berlaku_mulai"] if aturan else ""
    return [[i, r["nip"], r["nama"], r["status"], r["golongan"], r["jabatan"], r["unit_kode"], r["unit"], r["periode"],
             r["predikat_label"], r["keterangan"], r["hari_kerja"], r["tepat_waktu"], r["terlambat"], r["tidak_lapor"],
             _angka(r["persen_patuh"]), _angka(r["persen_predikat"]), _angka(r["potongan"]),
             _angka(r["persen_kinerja"]), mulai, status] for i, r in enumerate(rows, start=1)]


def aturan_baris(aturan: dict) -> list[list]:
    """The rule in words and numbers (page and file)."""
    rows = [[_("Berlaku mulai"), aturan["berlaku_mulai"]], [_("Dasar hukum"), aturan["dasar_hukum"] or "-"]]
    rows += [[_("%% TPP kinerja untuk predikat %(p)s") % {"p": Predikat(k).label}, Decimal(v)]
             for k, v in aturan["persen"].items()]
    rows += [
        [_("% TPP kinerja tanpa predikat final"), Decimal(aturan["persen_belum_dinilai"])],
        [_("Potongan per hari laporan harian terlambat (%)"), Decimal(aturan["potongan_terlambat"])],
        [_("Potongan per hari tanpa laporan harian (%)"), Decimal(aturan["potongan_tidak_lapor"])],
        [_("Batas potongan laporan harian (%)"), Decimal(aturan["batas_potongan"])],
        [_("Toleransi keterlambatan (hari)"), aturan["toleransi_hari"]],
        [_("Catatan"), _("Persentase ini konfigurasi instansi (Perkada TPP), bukan aturan nasional.")],
    ]
    return rows


def xlsx(rows, aturan, ditutup, keterangan) -> bytes:
    lembar = [Lembar(_("TPP"), kolom(), baris(rows, aturan, ditutup))]
    if aturan:
        lembar.append(Lembar(_("Aturan TPP"), [_("Ketentuan"), _("Nilai")], aturan_baris(aturan)))
    return berkas.xlsx(lembar, keterangan)


def csv_text(rows, aturan, ditutup) -> str:
    return berkas.csv_text(kolom(), baris(rows, aturan, ditutup))
