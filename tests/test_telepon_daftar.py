"""The list of the pegawai's pages walked at 390 px (tests/telepon.py) stays complete: every named URL is either
in it or excluded with a reason, every listed page opens for the pegawai, and pages said to be for another role
refuse the pegawai."""
import pytest
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from tests.telepon import DIKECUALIKAN, HALAMAN, PERAN_LAIN, data_pegawai


def _names(patterns, ns=None):
    for p in patterns:
        if isinstance(p, URLResolver):
            inner = ":".join(x for x in (ns, p.namespace) if x) or None
            yield from _names(p.url_patterns, inner)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{ns}:{p.name}" if ns else p.name


def _tentang_dia(name: str):
    return lambda d: reverse(name, args=[d.org.pegawai.pk])


# The pegawai's own objects for the pages of another role that take them (refused by scope, not by a missing row).
ARGUMEN = {
    "penilaian:rekan-kelola": lambda d: reverse("penilaian:rekan-kelola", args=[d.evaluasi.pk]),
    "penilaian:dialog-checkin-baru": lambda d: reverse("penilaian:dialog-checkin-baru", args=[d.evaluasi.pk]),
    "penilaian:dialog-checkin-ubah": lambda d: reverse("penilaian:dialog-checkin-ubah", args=[d.checkin.pk]),
    "penilaian:dialog-bimbingan-baru": lambda d: reverse("penilaian:dialog-bimbingan-baru", args=[d.skp.pk]),
    "penilaian:dialog-bimbingan-ubah": lambda d: reverse("penilaian:dialog-bimbingan-ubah", args=[d.bimbingan.pk]),
    "penilaian:dialog-bimbingan-evaluasi": lambda d: reverse("penilaian:dialog-bimbingan-evaluasi",
                                                             args=[d.bimbingan.pk]),
    "penilaian:unit-distribusi": lambda d: reverse("penilaian:unit-distribusi",
                                                   args=[d.org.seksi.pk, d.evaluasi.periode_id]),
    "pegawai:unit-tree-anak": lambda d: reverse("pegawai:unit-tree-anak", args=[d.org.seksi.pk]),
    "pegawai:unit-update": lambda d: reverse("pegawai:unit-update", args=[d.org.seksi.pk]),
    "penilaian:skp-reassign": lambda d: reverse("penilaian:skp-reassign", args=[d.skp.pk]),
    "penilaian:skp-non-asn": lambda d: reverse("penilaian:skp-non-asn", args=[d.skp.pk]),
    "penilaian:evaluasi-periode-ubah": lambda d: reverse("penilaian:evaluasi-periode-ubah",
                                                         args=[d.evaluasi.periode_id]),
    "penilaian:evaluasi-buka-kunci": lambda d: reverse("penilaian:evaluasi-buka-kunci", args=[d.evaluasi.periode_id]),
    **{n: _tentang_dia(n) for n in (
        "pegawai:mutasi", "pegawai:update", "pegawai:ganti-atasan", "pegawai:akun", "kontrak:pegawai")},
}


def _reverse(name: str) -> str:
    """The address of a page refused by role before any lookup: any id will do."""
    for n in range(4):
        try:
            return reverse(name, args=[1] * n)
        except NoReverseMatch:
            continue
    raise AssertionError(f"{name}: give its arguments in ARGUMEN")


def test_every_named_url_is_walked_at_390px_or_excluded_with_a_reason():
    names = {n for n in _names(get_resolver().url_patterns) if not n.startswith("admin:")}
    both = sorted(set(HALAMAN) & set(DIKECUALIKAN))
    assert not both, "listed and excluded at once: " + ", ".join(both)
    missing = sorted(names - set(HALAMAN) - set(DIKECUALIKAN))
    assert not missing, ("a new page: add it to HALAMAN (the pegawai opens it) or DIKECUALIKAN (why not): "
                         + ", ".join(missing))
    stale = sorted((set(HALAMAN) | set(DIKECUALIKAN)) - names)
    assert not stale, "no such URL name any more: " + ", ".join(stale)
    assert all(reason.strip() for reason in DIKECUALIKAN.values())


@pytest.mark.django_db
def test_every_listed_page_opens_for_the_pegawai_and_other_roles_pages_refuse_them(client):
    d = data_pegawai()
    client.force_login(d.org.pegawai.user)
    gagal = []
    for name, url in ((n, u) for n, fs in HALAMAN.items() for u in (fs if isinstance(fs, tuple) else (fs,))):
        r = client.get(url(d))
        if r.status_code != 200 or "text/html" not in r["Content-Type"]:
            gagal.append(f"{name} {url(d)}: {r.status_code}")
    for name in (n for n, reason in DIKECUALIKAN.items() if reason in PERAN_LAIN):
        url = ARGUMEN[name](d) if name in ARGUMEN else _reverse(name)
        if client.get(url).status_code not in (403, 404):
            gagal.append(f"{name} {url} opens for the pegawai: list it in HALAMAN")
    assert not gagal, "\n".join(gagal)
