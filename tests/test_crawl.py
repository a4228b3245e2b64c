"""Every page reachable from the home page, as each demo role: nothing fails and no link is dead.

The demo data (seed_demo) is what a new user sees first; a link that answers 403/404 or a page that
answers 500 is a bug a user would notice. URLs of the same shape (same path with other ids) are
visited a few times only, so the crawl stays quick.
"""
import re
from collections import Counter, deque

import pytest
from django.core.management import call_command

from pegawai.models import Pegawai
from tests.bahasa import Data, indonesian_words, reference_strings

HREF = re.compile(r'href="(/[^"#]*)"')
SKIP = ("/keluar", "/admin/", "/static/", "/i18n/", "/media")
PER_SHAPE = 3
MAX_PAGES = 250


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    atasan = (
        Pegawai.objects.filter(jabatan__jenis="PENGAWAS", bawahan__isnull=False, user__isnull=False)
        .order_by("unit_kerja__kode")
        .first()
    )
    staf = atasan.bawahan.filter(user__isnull=False).order_by("pk").first()
    return {
        "admin": "admin",
        "hr": "hr",
        "atasan": atasan.nip,
        "pegawai": staf.nip,
        "atasan_penilai": atasan.atasan.nip,
    }


def crawl(client, data=None):
    """Visit every page linked from the home page; with ``data`` (English), also report Indonesian words
    left outside the data shown (tests/bahasa.py)."""
    seen, shapes, problems = set(), Counter(), []
    queue = deque([("/", None)])
    while queue and len(seen) < MAX_PAGES:
        url, source = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code in (301, 302):
            queue.append((response["Location"], url))
            continue
        if response.status_code >= 400:
            problems.append((response.status_code, url, source))
            continue
        if "html" not in response.get("Content-Type", ""):
            continue
        body = response.content.decode()
        if data is not None:
            konteks = []
            if indonesian_words(body, data, konteks):
                problems.append(("id", url, konteks[:3]))
            if referensi := reference_strings(body, data):
                problems.append(("referensi", url, referensi[:3]))
        for href in HREF.findall(body):
            href = href.replace("&amp;", "&")
            shape = re.sub(r"\d+", "N", href)
            if href.startswith(SKIP) or href in seen or shapes[shape] >= PER_SHAPE:
                continue
            shapes[shape] += 1
            queue.append((href, url))
    return seen, problems


@pytest.mark.parametrize("role", ["admin", "hr", "atasan", "pegawai", "atasan_penilai"])
@pytest.mark.parametrize("language", ["id", "en"])
def test_every_linked_page_opens_for_each_demo_role(client, demo, role, language):
    assert client.login(username=demo[role], password="kinerja123")
    if language == "en":
        client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    # In English, a page must not show Indonesian outside names, what users typed and official form titles,
    # nor the Indonesian text of a translated reference list (training lists, BerAKHLAK, picklist phrases).
    seen, problems = crawl(client, data=Data() if language == "en" else None)
    assert len(seen) > 20
    assert problems == []
