"""Who may see and act on dialogue records (style.md §4), built on ``penilaian.access``.

- feedback log and check-ins hang on an evaluation: whoever sees the evaluation sees them (the pegawai,
  the penilai, the atasan penilai, HR of the instansi); the penilai writes, the pegawai replies;
- a bimbingan hangs on an SKP: visible as the SKP is, plus to its appointed pembimbing; the penilai or
  the pembimbing records it and fills B.1.9, the pegawai fills B.1.8.
Everything else answers 404.
"""
from django.db.models import Q, QuerySet
from django.http import Http404

from pegawai.access import peran
from penilaian.access import get_penilaian_for, is_owner, is_penilai_of, penilaian_visible_to, skp_visible_to
from penilaian.models import Bimbingan, CheckIn, UmpanBalikEntri


def bimbingan_visible_to(user) -> QuerySet[Bimbingan]:
    # The pemutus of a keberatan sees the evaluation (not always the SKP): the sessions come with it.
    q = Q(skp__in=skp_visible_to(user).values("pk")) | Q(skp__in=penilaian_visible_to(user).values("skp_id"))
    r = peran(user)
    if r.pegawai is not None and not r.is_admin:
        q |= Q(pembimbing=r.pegawai)
    return Bimbingan.objects.filter(q).select_related(
        "skp", "skp__pegawai", "skp__pegawai__unit_kerja", "skp__pejabat_penilai", "pembimbing")


def is_pembimbing(user, b: Bimbingan) -> bool:
    r = peran(user)
    return r.pegawai is not None and b.pembimbing_id == r.pegawai.pk and b.skp.pegawai_id != r.pegawai.pk


def get_bimbingan_for(user, pk, *, as_pegawai: bool = False, as_pembimbing: bool = False) -> Bimbingan:
    """One session in scope. ``as_pembimbing``: its pembimbing or the SKP's penilai. 404 otherwise."""
    try:
        b = bimbingan_visible_to(user).get(pk=pk)
    except (Bimbingan.DoesNotExist, ValueError):
        raise Http404 from None
    if as_pegawai and not is_owner(user, b.skp):
        raise Http404
    if as_pembimbing and not (is_pembimbing(user, b) or is_penilai_of(user, b.skp)):
        raise Http404
    return b


def checkin_visible_to(user) -> QuerySet[CheckIn]:
    return CheckIn.objects.filter(penilaian__in=penilaian_visible_to(user).values("pk")).select_related(
        "penilaian", "penilaian__skp", "penilaian__skp__pegawai", "penilaian__periode", "dibuat_oleh")


def get_checkin_for(user, pk, *, as_penilai: bool = False) -> CheckIn:
    try:
        c = checkin_visible_to(user).get(pk=pk)
    except (CheckIn.DoesNotExist, ValueError):
        raise Http404 from None
    if as_penilai and not is_penilai_of(user, c.penilaian.skp):
        raise Http404
    return c


def get_entri_for(user, pk, *, as_pegawai: bool = False, as_penilai: bool = False) -> UmpanBalikEntri:
    try:
        e = UmpanBalikEntri.objects.select_related("penilaian", "oleh", "rhk", "iki", "perilaku").get(pk=pk)
    except (UmpanBalikEntri.DoesNotExist, ValueError):
        raise Http404 from None
    e.penilaian = get_penilaian_for(user, e.penilaian_id, as_pegawai=as_pegawai, as_penilai=as_penilai)
    return e
