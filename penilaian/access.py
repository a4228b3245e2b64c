"""Who may see and act on SKPs and evaluations (style.md §4). Builds on ``pegawai.access``.

- the owner (the appraised pegawai) sees their own;
- the pejabat penilai recorded on the SKP, or whoever acts for them (Plt/Plh of the unit they
  head), sees and acts on the SKPs and evaluations they appraise; so does the Plt/Plh of a vacant post
  for its staff, within the assignment's dates (``penilaian.pejabat``);
- a non-ASN penilai (Kepala Daerah, Menteri) has no login: HR of the instansi records their decisions
  (``penilaian.pejabat.hr_mencatat_untuk``);
- the atasan pejabat penilai sees them too (they decide keberatan), as does whoever a keberatan names
  as its pemutus;
- HR sees every one of its instansi; a superuser sees all.
Everything else answers 404. Every party but HR and admin is the user's own *active* pegawai
(``pegawai_access.pegawai_of``): a deactivated atasan loses the team at once, and one moved to another
instansi no longer appraises in the old one; an inactive Plt/Plh acts for no one.
"""
from django.db.models import Q, QuerySet
from django.http import Http404

from pegawai import access as pegawai_access
from pegawai.models import Pegawai, UnitKerja
from pegawai.selectors import descendant_ids

from .models import Penilaian, RencanaHasilKerja, Skp
from .pejabat import dinilai_plt_q, hr_mencatat_untuk, penugasan_hari_ini, penugasan_kosong


def acting_for_ids(pegawai: Pegawai) -> set[int]:
    """Ids of the kepala whose appraisal duties ``pegawai`` currently holds as Plt/Plh.

    From today's assignments kept on the (per-request) pegawai object: every access check of a request
    asks this, and they share one query."""
    return {pen.unit_kerja.kepala_id for pen in penugasan_hari_ini(pegawai) if pen.unit_kerja.kepala_id}


def _penilai_q(me: Pegawai, prefix: str = "") -> Q:
    ids = {me.pk} | acting_for_ids(me)
    return Q(**{f"{prefix}pejabat_penilai_id__in": ids}) | dinilai_plt_q(me, prefix)


def skp_visible_to(user) -> QuerySet[Skp]:
    qs = Skp.objects.select_related(
        "pegawai", "pegawai__unit_kerja", "pegawai__jabatan", "pejabat_penilai", "atasan_penilai",
        "pejabat_penilai_non_asn", "atasan_penilai_non_asn",
    )
    r = pegawai_access.peran(user)
    if r.is_admin:
        return qs
    if r.is_hr:
        return qs.filter(pegawai__unit_kerja__instansi_id=r.instansi_id)
    if r.pegawai is None:
        return qs.none()
    me = r.pegawai
    sama_instansi = Q(pegawai__unit_kerja__instansi_id=me.unit_kerja.instansi_id)
    return qs.filter(Q(pegawai=me) | (sama_instansi & (_penilai_q(me) | Q(atasan_penilai=me))))


def skp_to_approve(user) -> QuerySet[Skp]:
    """SKPs the user appraises as (acting) pejabat penilai; never their own."""
    r = pegawai_access.peran(user)
    if r.pegawai is None:
        return Skp.objects.none()
    return skp_visible_to(user).filter(_penilai_q(r.pegawai)).exclude(pegawai=r.pegawai)


def is_penilai_of(user, skp: Skp) -> bool:
    r = pegawai_access.peran(user)
    if r.pegawai is not None and skp.pegawai_id == r.pegawai.pk:
        return False
    if skp.pejabat_penilai_non_asn_id:
        return hr_mencatat_untuk(user, skp)
    if r.pegawai is None:
        return False
    if skp.pejabat_penilai_id in ({r.pegawai.pk} | acting_for_ids(r.pegawai)):
        return True
    return penugasan_kosong(r.pegawai, skp.pegawai) is not None


def is_owner(user, skp: Skp) -> bool:
    r = pegawai_access.peran(user)
    return r.pegawai is not None and skp.pegawai_id == r.pegawai.pk


def get_skp_for(user, pk, *, edit: bool = False, approve: bool = False) -> Skp:
    """One SKP in scope. ``edit``: only its owner; ``approve``: only its (acting) penilai. 404 otherwise."""
    try:
        skp = skp_visible_to(user).get(pk=pk)
    except (Skp.DoesNotExist, ValueError):
        raise Http404 from None
    if edit and not is_owner(user, skp):
        raise Http404
    if approve and not is_penilai_of(user, skp):
        raise Http404
    return skp


def penilaian_visible_to(user) -> QuerySet[Penilaian]:
    """Evaluations of visible SKPs, plus those whose keberatan the user decides: the pemutus may be the
    penilai's own atasan when the SKP records no atasan pejabat penilai, and must see the evidence."""
    q = Q(skp__in=skp_visible_to(user).values("pk"))
    r = pegawai_access.peran(user)
    if r.pegawai is not None and not r.is_admin:
        q |= Q(keberatan__pemutus=r.pegawai)
    # The units and jabatan too: the leader rule, the rating card and the page read them (a query each).
    return Penilaian.objects.filter(q).select_related(
        "skp", "skp__unit_kerja", "skp__pegawai", "skp__pegawai__unit_kerja", "skp__pegawai__jabatan",
        "skp__pejabat_penilai", "periode")


def get_penilaian_for(user, pk, *, as_pegawai: bool = False, as_penilai: bool = False) -> Penilaian:
    """One evaluation in scope; ``as_pegawai``/``as_penilai`` narrow it to that party. 404 otherwise."""
    try:
        obj = penilaian_visible_to(user).get(pk=pk)
    except (Penilaian.DoesNotExist, ValueError):
        raise Http404 from None
    if as_pegawai and not is_owner(user, obj.skp):
        raise Http404
    if as_penilai and not is_penilai_of(user, obj.skp):
        raise Http404
    return obj


def get_pegawai_konversi_for(user, pk, tahun: int) -> Pegawai:
    """A pegawai whose angka kredit konversi of ``tahun`` the user may see (domain.md §11.1): whoever sees
    the pegawai (self, current atasan incl. Plt/Plh, HR of the instansi) or is the (acting) pejabat
    penilai of one of their SKPs of that year (e.g. before a mutasi). 404 otherwise."""
    try:
        return pegawai_access.get_pegawai_for(user, pk)
    except Http404:
        if not skp_to_approve(user).filter(pegawai_id=pk, tahun=tahun).exists():
            raise
    return Pegawai.objects.with_relations().get(pk=pk)


def pohon_units_for(user) -> QuerySet[UnitKerja]:
    """Units the pohon kinerja may show: HR its instansi; a unit head the units they head and all below."""
    r = pegawai_access.peran(user)
    if r.is_admin or r.is_hr:
        return pegawai_access.units_managed_by(user)
    if r.pegawai is None:
        return UnitKerja.objects.none()
    ids = set()
    for unit in UnitKerja.objects.filter(kepala=r.pegawai):
        ids.update(descendant_ids(unit))
    return UnitKerja.objects.filter(pk__in=ids)


def pohon_rhk_q(units: QuerySet[UnitKerja], prefix: str = "") -> Q:
    """RHK (through ``prefix``) whose owner works in ``units`` or heads one of them."""
    return Q(**{f"{prefix}skp__pegawai__unit_kerja__in": units.values("pk")}) | Q(
        **{f"{prefix}skp__pegawai_id__in": units.exclude(kepala=None).values("kepala_id")}
    )


def get_rhk_pohon_for(user, pk) -> RencanaHasilKerja:
    """One RHK node of the pohon kinerja in the user's tree scope; 404 otherwise."""
    try:
        return RencanaHasilKerja.objects.select_related("skp").get(pohon_rhk_q(pohon_units_for(user)), pk=pk)
    except (RencanaHasilKerja.DoesNotExist, ValueError):
        raise Http404 from None
