"""Who may see and change what. Every view asks this module (style.md §4).

Roles:
- superuser (admin): everything;
- HR: member of the group ``HR``, scoped to ``user.instansi`` (or the instansi of their own pegawai);
- atasan (supervisor): derived, someone is the pejabat penilai of others, directly or as Plt/Plh;
- pegawai (employee): a user linked to a Pegawai.
Objects outside a user's scope answer 404, never 403, so their existence is not revealed.
Every role needs an active pegawai: a user linked to an inactive pegawai (retired, moved out) has none
of them, and an inactive atasan or Plt/Plh appraises no one.
"""
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from .models import Instansi, Pegawai, PenugasanPlt, UnitKerja

HR_GROUP = "HR"


@dataclass
class Peran:
    is_admin: bool = False
    is_hr: bool = False
    is_atasan: bool = False
    pegawai: Pegawai | None = None
    instansi_id: int | None = None
    labels: list[str] = field(default_factory=list)

    @property
    def is_pegawai(self) -> bool:
        return self.pegawai is not None


def dengan_peran(users: QuerySet) -> QuerySet:
    """``users`` loading in the same query what every request asks of its user (``peran``): the pegawai
    with unit, jabatan and golongan, HR membership, and whether the pegawai has active direct subordinates
    or an acting post (Plt/Plh) today. The authentication backend loads the request's user with it."""
    through = get_user_model().groups.through
    pegawai = OuterRef("pegawai__id")
    return users.select_related("instansi", "pegawai__unit_kerja__instansi", "pegawai__jabatan",
                                "pegawai__golongan").annotate(
        kinerja_hr=Exists(through.objects.filter(user_id=OuterRef("pk"), group__name=HR_GROUP)),
        kinerja_bawahan=Exists(Pegawai.objects.filter(atasan_id=pegawai, aktif=True).exclude(pk=pegawai)),
        kinerja_plt=Exists(PenugasanPlt.aktif_pada().filter(pegawai_id=pegawai)),
    )


def _muat(user) -> tuple[bool, bool, bool]:
    """(HR, direct subordinates, acting post today) of ``user``; one query unless loaded by ``dengan_peran``."""
    if not hasattr(user, "kinerja_hr"):
        loaded = dengan_peran(get_user_model().objects.filter(pk=user.pk)).first()
        if loaded is None:  # not saved, or deleted meanwhile: no role
            user.kinerja_hr = user.kinerja_bawahan = user.kinerja_plt = False
            user._kinerja_pegawai = getattr(user, "_kinerja_pegawai", None)
            return False, False, False
        user.kinerja_hr, user.kinerja_bawahan, user.kinerja_plt = (
            loaded.kinerja_hr, loaded.kinerja_bawahan, loaded.kinerja_plt)
        if not hasattr(user, "_kinerja_pegawai"):
            user._kinerja_pegawai = getattr(loaded, "pegawai", None)
    if not hasattr(user, "_kinerja_pegawai"):
        user._kinerja_pegawai = getattr(user, "pegawai", None)  # loaded with the user: no query
    if user._kinerja_pegawai is not None and not user.kinerja_plt:
        user._kinerja_pegawai._kinerja_penugasan_plt = []  # no acting post: the access checks need no query
    return user.kinerja_hr, user.kinerja_bawahan, user.kinerja_plt


def _pegawai_record(user) -> Pegawai | None:
    """The pegawai linked to ``user``, active or not (no query once ``peran`` has loaded the user)."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_kinerja_pegawai"):
        _muat(user)
    return user._kinerja_pegawai


def pegawai_of(user) -> Pegawai | None:
    """The user's own pegawai while it is active; an inactive one grants nothing."""
    p = _pegawai_record(user)
    return p if p is not None and p.aktif else None


def peran(user) -> Peran:
    """The roles of ``user``, computed once per request object (no query for a user the authentication
    backend loaded, one otherwise; two more only for a Plt/Plh without direct subordinates)."""
    cached = getattr(user, "_kinerja_peran", None)
    if cached is not None:
        return cached
    hr, ada_bawahan, ada_plt = _muat(user) if user.is_authenticated else (False, False, False)
    p = pegawai_of(user)
    # A user whose pegawai was deactivated keeps no role, HR and admin included (joiner–mover–leaver).
    berhenti = not user.is_active or (_pegawai_record(user) is not None and p is None)
    is_hr = user.is_authenticated and not berhenti and hr
    instansi_id = user.instansi_id or (p.unit_kerja.instansi_id if p else None)
    result = Peran(
        is_admin=user.is_superuser and not berhenti,
        is_hr=bool(is_hr and instansi_id),
        is_atasan=bool(p and (ada_bawahan or (ada_plt and bawahan_of(p).exists()))),
        pegawai=p,
        instansi_id=instansi_id,
    )
    result.labels = [
        label
        for flag, label in (
            (result.is_admin, "admin"),
            (result.is_hr, "hr"),
            (result.is_atasan, "atasan"),
            (result.is_pegawai, "pegawai"),
        )
        if flag
    ]
    user._kinerja_peran = result
    return result


def instansi_peran(user):
    """The Instansi of ``peran(user).instansi_id`` (loaded with the request's user: no query then)."""
    r = peran(user)
    if r.instansi_id is None:
        return None
    if isinstance(user, get_user_model()) and user.instansi_id == r.instansi_id:
        return user.instansi
    if r.pegawai is not None and r.pegawai.unit_kerja.instansi_id == r.instansi_id:
        return r.pegawai.unit_kerja.instansi
    return Instansi.objects.get(pk=r.instansi_id)


def is_hr(user) -> bool:
    r = peran(user)
    return r.is_admin or r.is_hr


def penugasan_hari_ini(pegawai: Pegawai) -> list[PenugasanPlt]:
    """Today's Plt/Plh assignments of ``pegawai`` (with their unit), kept on the (per-request) pegawai
    object: every access check of a request shares one query, none when ``peran`` saw no acting post."""
    cached = getattr(pegawai, "_kinerja_penugasan_plt", None)
    if cached is None:
        cached = list(PenugasanPlt.aktif_pada().filter(pegawai=pegawai).select_related("unit_kerja")
                      ) if pegawai.aktif else []
        pegawai._kinerja_penugasan_plt = cached
    return cached


def _acting_units(pegawai: Pegawai, tanggal: date | None) -> list[tuple[int, int | None]]:
    if tanggal is None:
        return list({(pen.unit_kerja_id, pen.unit_kerja.kepala_id) for pen in penugasan_hari_ini(pegawai)})
    return list(
        UnitKerja.objects.filter(
            pk__in=PenugasanPlt.aktif_pada(tanggal).filter(pegawai=pegawai).values("unit_kerja_id")
        ).values_list("pk", "kepala_id")
    )


def bawahan_of(pegawai: Pegawai, tanggal: date | None = None) -> QuerySet[Pegawai]:
    """The pegawai whom ``pegawai`` appraises: direct subordinates, plus those of units held as Plt/Plh.

    An acting head stands in for the unit's kepala: everyone whose atasan is that kepala, and, while the
    post is vacant, the unit's staff and the heads of its child units who have no atasan recorded.
    """
    if not pegawai.aktif:
        return Pegawai.objects.none()
    q = Q(atasan=pegawai)
    for unit_id, kepala_id in _acting_units(pegawai, tanggal):
        if kepala_id:
            q |= Q(atasan_id=kepala_id)
        # A vacant post: no atasan recorded, or the recorded one has left (penilaian.pejabat).
        q |= (Q(atasan__isnull=True) | Q(atasan__aktif=False)) & (
            Q(unit_kerja_id=unit_id) | Q(unit_dipimpin__parent_id=unit_id))
    return Pegawai.objects.filter(q, aktif=True).exclude(pk=pegawai.pk).distinct()


def penilai_ids(pegawai: Pegawai, tanggal: date | None = None) -> set[int]:
    """Ids of everyone who may act as pejabat penilai of ``pegawai`` on ``tanggal``."""
    ids = {pegawai.atasan_id} if pegawai.atasan_id and pegawai.atasan.aktif else set()
    acting = PenugasanPlt.aktif_pada(tanggal).filter(pegawai__aktif=True).exclude(pegawai=pegawai)
    if pegawai.atasan_id:
        acting = acting.filter(unit_kerja__kepala_id=pegawai.atasan_id)
    else:
        acting = acting.filter(Q(unit_kerja_id=pegawai.unit_kerja_id) | Q(unit_kerja__children__kepala=pegawai))
    ids.update(acting.values_list("pegawai_id", flat=True))
    return ids


def pegawai_visible_to(user) -> QuerySet[Pegawai]:
    """Pegawai the user may see: all (admin), the instansi (HR), else self and subordinates."""
    qs = Pegawai.objects.with_relations()
    r = peran(user)
    if r.is_admin:
        return qs
    if r.is_hr:
        return qs.filter(unit_kerja__instansi_id=r.instansi_id)
    if r.pegawai is None:
        return qs.none()
    ids = set(bawahan_of(r.pegawai).values_list("pk", flat=True)) | {r.pegawai.pk}
    return qs.filter(pk__in=ids)


def get_pegawai_for(user, pk, *, manage: bool = False) -> Pegawai:
    """One pegawai in the user's scope; ``manage`` asks for HR rights over it. 404 otherwise."""
    qs = pegawai_managed_by(user) if manage else pegawai_visible_to(user)
    try:
        return qs.get(pk=pk)
    except (Pegawai.DoesNotExist, ValueError):
        raise Http404 from None


def pegawai_managed_by(user) -> QuerySet[Pegawai]:
    r = peran(user)
    qs = Pegawai.objects.with_relations()
    if r.is_admin:
        return qs
    if r.is_hr:
        return qs.filter(unit_kerja__instansi_id=r.instansi_id)
    return qs.none()


def units_managed_by(user) -> QuerySet[UnitKerja]:
    r = peran(user)
    if r.is_admin:
        return UnitKerja.objects.all()
    if r.is_hr:
        return UnitKerja.objects.filter(instansi_id=r.instansi_id)
    return UnitKerja.objects.none()


def pegawai_searchable_by(user) -> QuerySet[Pegawai] | None:
    """Whom the person pickers may offer: HR its instansi (admin all); an atasan, choosing peers for an
    evaluation, the active pegawai of its own instansi (as the NIP field there accepts). None: no picker."""
    r = peran(user)
    if r.is_admin or r.is_hr:
        return pegawai_managed_by(user).filter(aktif=True)
    if r.is_atasan and r.instansi_id:
        return Pegawai.objects.filter(unit_kerja__instansi_id=r.instansi_id, aktif=True)
    return None
