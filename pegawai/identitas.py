"""The identity block of a pegawai: one shape for the SKP and evaluation snapshots and every document.

domain.md §1.3 / §3.5: NAMA, NIP, PANGKAT/GOL. RUANG, JABATAN, UNIT KERJA for the pegawai, the pejabat
penilai and the atasan pejabat penilai. §7.3 / §7.6: a PNS prints pangkat and golongan/ruang
("Penata, III/c"); a PPPK has a golongan and no pangkat ("IX").

Keys (stable: snapshots are stored as JSON): ``id, nama, nip, pangkat_golongan, jabatan, unit, instansi``.
Optional keys, added later (readers use ``.get``):
- ``status_asn``: "ASN" or "NON ASN" (SIASN ``statusPenilai``, domain.md §11.1); a block without it is ASN;
- ``non_asn_id``: the ``PejabatNonAsn`` of a non-ASN penilai (Kepala Daerah, Menteri; no NIP, ``id`` None);
- ``plt_plh`` ("PLT"/"PLH"), ``jabatan_definitif``, ``unit_definitif``, ``nomor_sk``: an acting official; then
  ``jabatan`` reads "Plt. Kepala Bidang X" and ``unit`` is the unit acted for (domain.md §7.5).
"""
from .models import Golongan, Pegawai, PejabatNonAsn, PenugasanPlt

ASN, NON_ASN = "ASN", "NON ASN"

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
        "status_asn": ASN,
    }


def identitas_non_asn(pejabat: PejabatNonAsn | None) -> dict:
    """A non-ASN official (domain.md §1.3: NIP optional for a minister or kepala daerah; §11.1): no NIP,
    no pangkat; UNIT KERJA is the instansi, as the forms print it for ministers."""
    if pejabat is None:
        return {}
    instansi = pejabat.instansi.nama
    return {
        "id": None, "nama": pejabat.nama, "nip": "", "pangkat_golongan": "", "jabatan": pejabat.jabatan,
        "unit": instansi, "instansi": instansi, "status_asn": NON_ASN, "non_asn_id": pejabat.pk,
    }


def jabatan_plt(penugasan: PenugasanPlt) -> str:
    """'Plt. Kepala Bidang X' / 'Plh. Kepala Bidang X' for an acting head of that unit."""
    awalan = "Plh." if penugasan.jenis == PenugasanPlt.Jenis.PLH else "Plt."
    return f"{awalan} Kepala {penugasan.unit_kerja.nama}"


def sebagai_plt(identitas: dict, penugasan: PenugasanPlt | None) -> dict:
    """The identity of someone deciding as Plt/Plh through ``penugasan``: the acting jabatan and unit, the
    definitive ones kept in optional keys. Unchanged without a penugasan."""
    if not identitas or penugasan is None:
        return identitas
    return {
        **identitas, "jabatan": jabatan_plt(penugasan), "unit": penugasan.unit_kerja.nama,
        "plt_plh": penugasan.jenis, "jabatan_definitif": identitas.get("jabatan", ""),
        "unit_definitif": identitas.get("unit", ""), "nomor_sk": penugasan.nomor_sk,
    }


def identitas_dokumen(*, pegawai_id: int | None, penilai_id: int | None, atasan_penilai_id: int | None,
                      penilai_non_asn: PejabatNonAsn | None = None, atasan_non_asn: PejabatNonAsn | None = None,
                      penilai_plt: PenugasanPlt | None = None) -> dict:
    """{"pegawai", "penilai", "atasan_penilai"}: the block an SKP or evaluation freezes, in one query.
    A non-ASN official replaces the pegawai of that role; ``penilai_plt`` marks an acting penilai."""
    ids = [pk for pk in (pegawai_id, penilai_id, atasan_penilai_id) if pk]
    orang = {p.pk: p for p in Pegawai.objects.select_related(*RELASI).filter(pk__in=ids)} if ids else {}
    pks = (pegawai_id, penilai_id, atasan_penilai_id)
    blok = {peran: identitas_pegawai(orang.get(pk)) for peran, pk in zip(PERAN, pks, strict=True)}
    if penilai_non_asn is not None:
        blok["penilai"] = identitas_non_asn(penilai_non_asn)
    else:
        blok["penilai"] = sebagai_plt(blok["penilai"], penilai_plt)
    if atasan_non_asn is not None:
        blok["atasan_penilai"] = identitas_non_asn(atasan_non_asn)
    return blok


def baris(identitas: dict | None) -> list[tuple[str, str]]:
    """[(label, value)] for one person, '-' when a value is missing: what the PDFs print."""
    identitas = identitas or {}
    return [(label, identitas.get(key) or "-") for key, label in BARIS]
