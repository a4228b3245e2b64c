"""The list of the pegawai's pages walked at 390 px (tests/telepon.py) stays complete: every named URL is either
in it or excluded with a reason, every listed page opens for the pegawai, and pages said to be for another role
refuse the pegawai."""
import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.telepon import DIKECUALIKAN, HALAMAN, PERAN_LAIN, data_pegawai


def _names(patterns, ns=None):
    for p in patterns:
        if isinstance(p, URLResolver):
            inner = ":".join(x for x in (ns, p.namespace) if x) or None
            yield from _names(p.url_patterns, inner)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{ns}:{p.name}" if ns else p.name


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
        try:
            url = reverse(name)
        except Exception:  # needs arguments: the reason was checked by hand
            continue
        if client.get(url).status_code not in (403, 404):
            gagal.append(f"{name} {url} opens for the pegawai: list it in HALAMAN")
    assert not gagal, "\n".join(gagal)
