"""Who decides for an SKP when the chain has a gap: an acting head (Plt/Plh) of a vacant post, or a
non-ASN official at the top (domain.md §1.2, §7.5, §11.1 "Pejabat Penilai Kinerja").

Design (one rule per case, used by ``penilaian.access`` and the SKP/evaluation services):
- **Vacant post.** A pegawai whose atasan is missing or no longer active, in a unit held by an active
  Plt/Plh (or heading a child unit of it), is appraised by that Plt/Plh within the assignment's dates,
  the same people ``pegawai.access.bawahan_of`` gives the Plt. New SKPs record the Plt as pejabat penilai.
- **Non-ASN penilai** (Kepala Daerah, Menteri). They normally have no account, so HR of the SKP's
  instansi records their approval and evaluation *on their behalf*: HR passes ``is_penilai_of`` for such
  an SKP, the snapshot names the official (no NIP, ``status_asn`` "NON ASN"), ``Penilaian.penilai`` stays
  empty, and every audit entry says "Dicatat oleh HR ... atas nama ...".
- Every acting decision freezes the decider in the snapshot: "Plt. Kepala Bidang X" as jabatan.
"""
from datetime import date

from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils.translation import gettext as _

from pegawai import access as pegawai_access
from pegawai.identitas import identitas_skp, jabatan_plt
from pegawai.models import DelegasiPenilai, Pegawai, PenugasanPlt, UnitKerja
from pegawai.syarat_penilai import PALING_RENDAH_PENGAWAS


def _tanpa_atasan_q(prefix: str = "") -> Q:
    return Q(**{f"{prefix}atasan__isnull": True}) | Q(**{f"{prefix}atasan__aktif": False})


def penugasan_aktif(me: Pegawai, tanggal: date | None = None):
    if me is None or not me.aktif:
        return PenugasanPlt.objects.none()
    return PenugasanPlt.aktif_pada(tanggal).filter(pegawai=me)


def dinilai_plt_q(me: Pegawai, prefix: str = "") -> Q:
    """SKPs (``prefix`` "" ) or evaluations (``prefix`` "skp__") that ``me`` appraises as Plt/Plh of a vacant post.

    Built from today's assignments of the request's pegawai (``penugasan_hari_ini``): without one, a
    condition that matches nothing, so the queries it joins need no subquery over the pegawai table."""
    units = [pen.unit_kerja_id for pen in penugasan_hari_ini(me)] if me is not None and me.aktif else []
    if not units:
        return Q(**{f"{prefix}pegawai_id__in": []})
    staf = Pegawai.objects.filter(_tanpa_atasan_q()).filter(
        Q(unit_kerja_id__in=units) | Q(unit_dipimpin__parent_id__in=units)).exclude(pk=me.pk).values("pk")
    return Q(**{f"{prefix}pegawai_id__in": staf, f"{prefix}pejabat_penilai_non_asn__isnull": True})


def penugasan_kosong(me: Pegawai | None, pegawai: Pegawai, tanggal: date | None = None) -> PenugasanPlt | None:
    """The assignment through which ``me`` heads ``pegawai``'s vacant post today, or None."""
    if me is None or me.pk == pegawai.pk:
        return None
    penugasan = _penugasan_of(me, tanggal)
    if not penugasan:  # the usual case: one cached query per request, nothing else
        return None
    if pegawai.atasan_id is not None and Pegawai.objects.filter(pk=pegawai.atasan_id, aktif=True).exists():
        return None
    dipimpin = set(UnitKerja.objects.filter(kepala=pegawai).values_list("parent_id", flat=True))
    for pen in penugasan:
        if pen.unit_kerja_id == pegawai.unit_kerja_id or pen.unit_kerja_id in dipimpin:
            return pen
    return None


def penugasan_hari_ini(me: Pegawai) -> list[PenugasanPlt]:
    """Today's assignments of ``me`` (with their unit), kept on the (per-request) pegawai object."""
    return pegawai_access.penugasan_hari_ini(me)


def _penugasan_of(me: Pegawai, tanggal: date | None) -> list[PenugasanPlt]:
    if tanggal is not None:
        return list(penugasan_aktif(me, tanggal).select_related("unit_kerja"))
    return penugasan_hari_ini(me)


def penugasan_untuk(penilai: Pegawai | None, skp, tanggal: date | None = None) -> PenugasanPlt | None:
    """The Plt/Plh assignment through which ``penilai`` decides on ``skp``; None when they decide in
    their own (definitive) post or hold no such assignment."""
    if penilai is None:
        return None
    pegawai = skp.pegawai
    if pegawai.atasan_id == penilai.pk:
        return None
    kepala = {k for k in (skp.pejabat_penilai_id, pegawai.atasan_id) if k and k != penilai.pk}
    if kepala:
        pen = penugasan_aktif(penilai, tanggal).filter(unit_kerja__kepala_id__in=kepala).select_related(
            "unit_kerja").first()
        if pen is not None:
            return pen
    return penugasan_kosong(penilai, pegawai, tanggal)


def penilai_plt(pegawai: Pegawai, tanggal: date | None = None) -> tuple[Pegawai | None, Pegawai | None]:
    """(Plt/Plh, the head above the unit) for a pegawai whose post above is vacant; (None, None) when the
    atasan is active or no acting head is assigned (domain.md §7.5)."""
    if pegawai.atasan_id is not None and pegawai.atasan.aktif:
        return None, None
    dipimpin = UnitKerja.objects.filter(kepala=pegawai).values("parent_id")
    pen = (PenugasanPlt.aktif_pada(tanggal).filter(pegawai__aktif=True).exclude(pegawai=pegawai)
           .filter(Q(unit_kerja_id=pegawai.unit_kerja_id) | Q(unit_kerja_id__in=dipimpin))
           .select_related("pegawai__atasan", "unit_kerja__parent__kepala").order_by("-tanggal_mulai").first())
    if pen is None:
        return None, None
    induk = pen.unit_kerja.parent.kepala if pen.unit_kerja.parent_id else None
    return pen.pegawai, induk or pen.pegawai.atasan


def penilai_default(pegawai: Pegawai, tanggal: date | None = None) -> tuple[Pegawai | None, Pegawai | None]:
    """(pejabat penilai, atasan penilai) for a new SKP: the atasan and theirs; for a vacant post, the
    Plt/Plh of the unit and the head above that unit."""
    plt, atasan_plt = penilai_plt(pegawai, tanggal)
    if plt is not None:
        return plt, atasan_plt
    atasan = pegawai.atasan if pegawai.atasan_id else None
    return atasan, atasan.atasan if atasan else None


def hr_mencatat_untuk(user, skp) -> bool:
    """HR of the SKP's instansi (or an admin) records the decisions of its non-ASN penilai."""
    if not skp.pejabat_penilai_non_asn_id:
        return False
    r = pegawai_access.peran(user)
    return r.is_admin or (r.is_hr and r.instansi_id == skp.pegawai.unit_kerja.instansi_id)


def blok_skp(skp) -> dict:
    """The SKP's identity block (posts held in its dates, §11.2 rule 2), naming a non-ASN or acting penilai."""
    return identitas_skp(skp, penilai_plt=penugasan_untuk(skp.pejabat_penilai, skp) if skp.pejabat_penilai_id else None)


def identitas_keputusan(skp, oleh, *, periode=None) -> tuple[dict, Pegawai | None, str]:
    """(snapshot, penilai pegawai, catatan) for a decision ``oleh`` takes on ``skp`` now (in ``periode`` for
    an evaluation): the block names who decides (the non-ASN official HR records for, or the user's pegawai,
    as Plt/Plh when acting); ``catatan`` is the audit note of an acting or on-behalf decision ("" otherwise)."""
    if skp.pejabat_penilai_non_asn_id:
        return identitas_skp(skp, periode=periode, penilai_id=None), None, _catatan(skp, oleh, None)
    me = pegawai_access.pegawai_of(oleh)
    plt = penugasan_untuk(me, skp)
    snap = identitas_skp(skp, periode=periode, penilai_id=me.pk if me else None, penilai_plt=plt)
    return snap, me, _catatan(skp, oleh, plt)


def catatan_keputusan(skp, oleh) -> str:
    """Only the audit note of ``identitas_keputusan`` (a rating saved is audited, not frozen: no snapshot)."""
    if skp.pejabat_penilai_non_asn_id:
        return _catatan(skp, oleh, None)
    return _catatan(skp, oleh, penugasan_untuk(pegawai_access.pegawai_of(oleh), skp))


def _catatan(skp, oleh, plt) -> str:
    if skp.pejabat_penilai_non_asn_id:
        pejabat = skp.pejabat_penilai_non_asn
        return _("Dicatat oleh HR (%(hr)s) atas nama %(nama)s, %(jabatan)s.") % {
            "hr": oleh.get_username(), "nama": pejabat.nama, "jabatan": pejabat.jabatan}
    if plt is None:
        return ""
    return _("Diputuskan sebagai %(jabatan)s (SK %(sk)s).") % {"jabatan": jabatan_plt(plt), "sk": plt.nomor_sk or "-"}


# ---------------------------------------------------------------- pengawas check (PermenPANRB 6/2022 Pasal 1)

def penilai_di_bawah_pengawas_per_skp(skps, tanggal: date | None = None) -> dict[int, int]:
    """``{penilai id: number of SKPs}`` over ``skps`` (a queryset) for the recorded ASN penilai failing the
    Pasal 1 check (``pegawai.syarat_penilai``): below pengawas, no Plt/Plh post, no recorded delegation (by
    their own instansi). One grouped query; the SKPs themselves are then ``pejabat_penilai_id__in`` these ids,
    a read by index the planner estimates right, where one filtered query walked every SKP by name."""
    delegasi = DelegasiPenilai.aktif_pada(tanggal).filter(
        pegawai_id=OuterRef("pejabat_penilai_id"), instansi_id=F("pegawai__unit_kerja__instansi_id"))
    plt = PenugasanPlt.aktif_pada(tanggal).filter(pegawai_id=OuterRef("pejabat_penilai_id"))
    return dict(
        skps.filter(pejabat_penilai__isnull=False).exclude(pejabat_penilai__jabatan__jenis__in=PALING_RENDAH_PENGAWAS)
        .exclude(Exists(delegasi)).exclude(Exists(plt))
        .order_by().values_list("pejabat_penilai_id").annotate(n=Count("pk")))
