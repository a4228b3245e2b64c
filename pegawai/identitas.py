"""The identity block of a pegawai: one shape for the SKP and evaluation snapshots and every document.

domain.md §1.3 / §3.5: NAMA, NIP, PANGKAT/GOL. RUANG, JABATAN, UNIT KERJA for the pegawai, the pejabat
penilai and the atasan pejabat penilai. §7.3 / §7.6: a PNS prints pangkat and golongan/ruang
("Penata, III/c"); a PPPK has a golongan and no pangkat ("IX").

Keys (stable: snapshots are stored as JSON): ``id, nama, nip, pangkat_golongan, jabatan, unit, instansi``.
"""
from .models import Golongan, Pegawai

# What to select_related on a Pegawai so ``identitas_pegawai`` makes no query.
RELASI = ("golongan", "jabatan", "unit_kerja__instansi")
PERAN = ("pegawai", "penilai", "atasan_penilai")
# (key, label) in the order of the official forms; every PDF prints these rows (pdf/_identitas*.html).
BARIS = [
    ("nama", "NAMA"), ("nip", "NIP"), ("pangkat_golongan", "PANGKAT/GOL. RUANG"), ("jabatan", "JABATAN"),
    ("unit", "UNIT KERJA"),
]


def pangkat_golongan(golongan: Golongan | None) -> str:
    """'Penata, III/c' (PNS), 'IX' (PPPK: no pangkat), '' without a golongan (domain.md §7.3)."""
    if golongan is None:
        return ""
    return f"{golongan.pangkat}, {golongan.kode}" if golongan.pangkat else golongan.kode


def identitas_pegawai(pegawai: Pegawai | None) -> dict:
    """The identity of one pegawai from the live records; {} for nobody. Reads only loaded relations
    when the pegawai was fetched with ``select_related(*RELASI)``."""
    if pegawai is None:
        return {}
    unit = pegawai.unit_kerja if pegawai.unit_kerja_id else None
    return {
        "id": pegawai.pk, "nama": pegawai.nama_lengkap, "nip": pegawai.nip,
        "pangkat_golongan": pangkat_golongan(pegawai.golongan if pegawai.golongan_id else None),
        "jabatan": pegawai.jabatan.nama if pegawai.jabatan_id else "",
        "unit": unit.nama if unit else "", "instansi": unit.instansi.nama if unit else "",
    }


def identitas_dokumen(*, pegawai_id: int | None, penilai_id: int | None, atasan_penilai_id: int | None) -> dict:
    """{"pegawai", "penilai", "atasan_penilai"}: the block an SKP or evaluation freezes, in one query."""
    ids = [pk for pk in (pegawai_id, penilai_id, atasan_penilai_id) if pk]
    orang = {p.pk: p for p in Pegawai.objects.select_related(*RELASI).filter(pk__in=ids)} if ids else {}
    pks = (pegawai_id, penilai_id, atasan_penilai_id)
    return {peran: identitas_pegawai(orang.get(pk)) for peran, pk in zip(PERAN, pks, strict=True)}


def baris(identitas: dict | None) -> list[tuple[str, str]]:
    """[(label, value)] for one person, '-' when a value is missing: what the PDFs print."""
    identitas = identitas or {}
    return [(label, identitas.get(key) or "-") for key, label in BARIS]
