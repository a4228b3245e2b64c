"""The identity block of a pegawai: one shape for the SKP and evaluation snapshots and every document.

domain.md §1.3 / §3.5: NAMA, NIP, PANGKAT/GOL. RUANG, JABATAN, UNIT KERJA for the pegawai, the pejabat
penilai and the atasan pejabat penilai. §7.3 / §7.6: a PNS prints pangkat and golongan/ruang
("Penata, III/c"); a PPPK has a golongan and no pangkat ("IX").

Keys (stable: snapshots are stored as JSON): ``id, nama, nip, pangkat_golongan, jabatan, unit, instansi``.

§11.2 rule 2: a snapshot shows the post held in the document's dates, never today's master data:
``identitas_pada`` / ``identitas_skp`` read the riwayat jabatan row valid on that date.

Optional keys, added later (readers use ``.get``):
- ``status_asn``: "ASN" or "NON ASN" (SIASN ``statusPenilai``, domain.md §11.1); a block without it is ASN;
- ``non_asn_id``: the ``PejabatNonAsn`` of a non-ASN penilai (Kepala Daerah, Menteri; no NIP, ``id`` None);
- ``plt_plh`` ("PLT"/"PLH"), ``jabatan_definitif``, ``unit_definitif``, ``nomor_sk``: an acting official; then
  ``jabatan`` reads "Plt. Kepala Bidang X" and ``unit`` is the unit acted for (domain.md §7.5).
"""
from datetime import date

from .models import Golongan, Pegawai, PejabatNonAsn, PenugasanPlt, RiwayatJabatan

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
    return puncak(blok, penilai_non_asn=penilai_non_asn, atasan_non_asn=atasan_non_asn, penilai_plt=penilai_plt)


def puncak(blok: dict, *, penilai_non_asn=None, atasan_non_asn=None, penilai_plt=None) -> dict:
    """The edges of the chain on a block (domain.md §7.5, §11.1): a non-ASN official replaces the pegawai of
    that role; an acting penilai reads "Plt. Kepala ..."."""
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


# --- the post held on a date (domain.md §11.2 rule 2) ------------------------------------------------

def _riwayat_tertutup(ids, tanggal: date) -> dict[int, RiwayatJabatan]:
    """Closed riwayat rows valid on ``tanggal``, per pegawai id (one query). The open row is the post
    held now, which the master data always shows (also after an edit in Django admin), so it is not read."""
    if not ids:
        return {}
    qs = RiwayatJabatan.berlaku_pada(tanggal).filter(pegawai_id__in=ids, tanggal_selesai__isnull=False)
    return {r.pegawai_id: r for r in qs.select_related("jabatan", "golongan", "unit_kerja__instansi").order_by("tmt")}


def _dari_riwayat(pegawai: Pegawai, entri: RiwayatJabatan) -> dict:
    unit = entri.unit_kerja
    return {
        "id": pegawai.pk, "nama": pegawai.nama_lengkap, "nip": pegawai.nip,
        "pangkat_golongan": pangkat_golongan(entri.golongan if entri.golongan_id else None),
        "jabatan": entri.jabatan.nama if entri.jabatan_id else "", "unit": unit.nama, "instansi": unit.instansi.nama,
        "status_asn": ASN,
    }


def _dari_skp(pegawai: Pegawai, skp) -> dict:
    """Live identity with the SKP's own jabatan and unit (the post it was made for), when recorded."""
    hasil = identitas_pegawai(pegawai)
    if getattr(skp, "jabatan_id", None):
        hasil["jabatan"] = skp.jabatan.nama
    if getattr(skp, "unit_kerja_id", None):
        hasil["unit"], hasil["instansi"] = skp.unit_kerja.nama, skp.unit_kerja.instansi.nama
    return hasil


def identitas_pada(pegawai: Pegawai | None, tanggal: date, *, skp=None) -> dict:
    """The identity of ``pegawai`` as held on ``tanggal`` (same keys as ``identitas_pegawai``).

    Source, first that applies: the closed riwayat jabatan row valid on that date; the SKP's own
    jabatan/unit when ``skp`` is given and no row covers the date (history before it was recorded);
    the master data (the post held now).
    """
    if pegawai is None:
        return {}
    entri = _riwayat_tertutup([pegawai.pk], tanggal).get(pegawai.pk)
    if entri is not None:
        return _dari_riwayat(pegawai, entri)
    return _dari_skp(pegawai, skp) if skp is not None else identitas_pegawai(pegawai)


def identitas_dokumen_pada(*, tanggal: date, pegawai_id: int | None, penilai_id: int | None,
                           atasan_penilai_id: int | None, skp=None) -> dict:
    """``identitas_dokumen`` as of ``tanggal``: each of the three as they were then (two queries).
    ``skp`` (the pegawai's) supplies the post when the history has no row for that date."""
    pks = (pegawai_id, penilai_id, atasan_penilai_id)
    ids = [pk for pk in pks if pk]
    orang = {p.pk: p for p in Pegawai.objects.select_related(*RELASI).filter(pk__in=ids)} if ids else {}
    riwayat = _riwayat_tertutup(ids, tanggal)
    hasil = {}
    for peran, pk in zip(PERAN, pks, strict=True):
        p = orang.get(pk)
        if p is None:
            hasil[peran] = {}
        elif pk in riwayat:
            hasil[peran] = _dari_riwayat(p, riwayat[pk])
        elif peran == "pegawai" and skp is not None:
            hasil[peran] = _dari_skp(p, skp)
        else:
            hasil[peran] = identitas_pegawai(p)
    return hasil


def tanggal_acuan(skp, periode=None) -> date:
    """The day whose post a document of ``skp`` (in ``periode``, if given) shows: the last day of the SKP's
    dates (within the period). A pegawai's post never changes inside one SKP: a move closes it (§11.2)."""
    awal, akhir = skp.tanggal_mulai, skp.tanggal_selesai
    if periode is not None and periode.tanggal_mulai <= akhir and periode.tanggal_selesai >= awal:
        awal, akhir = max(awal, periode.tanggal_mulai), min(akhir, periode.tanggal_selesai)
    return max(awal, akhir)


_PENILAI_SKP = object()


def identitas_skp(skp, *, periode=None, penilai_id=_PENILAI_SKP, penilai_plt: PenugasanPlt | None = None) -> dict:
    """The block an SKP (submit) or its evaluation (finalise: ``periode`` and the finalising ``penilai_id``,
    None for nobody) freezes: the three people with the posts they held in the SKP's dates (§11.2 rule 2).
    The SKP's non-ASN penilai / atasan penilai and an acting penilai (``penilai_plt``) are named as such."""
    blok = identitas_dokumen_pada(
        tanggal=tanggal_acuan(skp, periode), pegawai_id=skp.pegawai_id,
        penilai_id=skp.pejabat_penilai_id if penilai_id is _PENILAI_SKP else penilai_id,
        atasan_penilai_id=skp.atasan_penilai_id, skp=skp,
    )
    return puncak(
        blok, penilai_plt=penilai_plt,
        penilai_non_asn=skp.pejabat_penilai_non_asn if getattr(skp, "pejabat_penilai_non_asn_id", None) else None,
        atasan_non_asn=skp.atasan_penilai_non_asn if getattr(skp, "atasan_penilai_non_asn_id", None) else None,
    )
