"""Penilaian models, split by sub-domain (style.md §1): reference data, SKP, periods, evaluations,
peer input, organisation predikat and keberatan."""
from .dialog import (
    AksiTindakLanjut,
    Bimbingan,
    CheckIn,
    EvaluasiKompetensi,
    TanggapanUmpanBalik,
    UmpanBalikBimbingan,
    UmpanBalikEntri,
)
from .evaluasi import BuktiDukung, Penilaian, Realisasi, RencanaAksi, UmpanBalik
from .keberatan import Keberatan, PermintaanPenjelasan
from .organisasi import CapaianOrganisasi, FinalisasiUnit, PengecualianUrutan
from .periode import BukaKunci, Periode
from .referensi import FrasaEkspektasi, FrasaUmpanBalik, IndikatorPerilaku, PerilakuKerja
from .rekan import MasukanRekan, MasukanRekanTersegel, RilisMasukanRekan, UndanganRekan
from .ringkasan import RingkasanKotor, RingkasanPenuh, RingkasanSkpUnit, RingkasanUnit
from .skp import EkspektasiPerilaku, IndikatorKinerja, RencanaHasilKerja, Skp, SkpVersi

__all__ = [
    "BukaKunci", "BuktiDukung", "CapaianOrganisasi", "EkspektasiPerilaku", "FinalisasiUnit", "FrasaEkspektasi",
    "FrasaUmpanBalik", "IndikatorKinerja", "IndikatorPerilaku", "Keberatan", "MasukanRekan", "Penilaian",
    "PerilakuKerja", "Periode", "Realisasi", "RencanaAksi", "RencanaHasilKerja", "Skp", "SkpVersi", "UmpanBalik",
    "UndanganRekan",
    "MasukanRekanTersegel", "RilisMasukanRekan", "PengecualianUrutan", "PermintaanPenjelasan",
    "AksiTindakLanjut", "Bimbingan", "CheckIn", "EvaluasiKompetensi", "TanggapanUmpanBalik", "UmpanBalikBimbingan",
    "UmpanBalikEntri", "RingkasanKotor", "RingkasanPenuh", "RingkasanSkpUnit", "RingkasanUnit",
]
