"""Lighthouse accessibility 100 on the five main pages (issue 17): the login page, the pegawai's beranda, their
evaluation (the realisasi form), their SKP, and HR's beranda.

Lighthouse 12.2.3 is pinned in ``tests/lighthouse/package-lock.json`` and installed by ``scripts/sysdeps.sh test``
(``npm ci``; ``make test`` runs it). One Lighthouse process per page, accessibility only, on its default mobile
screen, in the Debian Chromium; a logged-in page gets the session cookie through ``--extra-headers``. Data
from factories (``tests/telepon.py``). Skipped, with the reason, only on a machine without Node.

``tests/lighthouse/config.json`` keeps Lighthouse's default simulated throttling on purpose: with any other
method Lighthouse waits 5.25 s of quiet after each load, where half a second after the last request is enough
for the accessibility audits (no performance figures are taken), so a page takes about 10 s, not 20.
"""
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.telepon import data_pegawai

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DIR = Path(__file__).parent / "lighthouse"
LIGHTHOUSE = DIR / "node_modules" / ".bin" / "lighthouse"


def _cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def _lighthouse(url: str, cookie: str, out: Path, chromium: dict) -> dict:
    """One Lighthouse run in the Chromium the browser tests use (``chromium``: the conftest's launch args)."""
    args = [str(LIGHTHOUSE), url, f"--config-path={DIR / 'config.json'}",
            f"--chrome-path={chromium['executable_path']}",
            "--chrome-flags=" + " ".join(["--headless=new", *chromium["args"]]),
            "--output=json", f"--output-path={out}", "--quiet"]
    if cookie:
        args.append("--extra-headers=" + json.dumps({"Cookie": cookie}))
    done = subprocess.run(args, capture_output=True, text=True, timeout=180, cwd=DIR)
    assert done.returncode == 0, f"Lighthouse failed on {url}: {done.stderr[-2000:]}"
    return json.loads(out.read_text())


def _gagal(report: dict) -> list[str]:
    """Each audit of the category that did not pass, with its first offending nodes."""
    out = []
    for ref in report["categories"]["accessibility"]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            nodes = [i.get("node", {}) for i in audit.get("details", {}).get("items", [])[:3]]
            out.append(f"  {ref['id']}: {audit['title']} — "
                       + "; ".join(f"{n.get('snippet', '')[:160]} ({n.get('explanation', '')[:200]})" for n in nodes))
    return out


def test_five_main_pages_score_100_in_lighthouse_accessibility(live_server, tmp_path, browser_type_launch_args):
    if not (shutil.which("node") and shutil.which("npx")):
        pytest.skip("Node (node, npx) is not installed: Lighthouse cannot run on this machine")
    assert LIGHTHOUSE.exists(), "Lighthouse is not installed: run `bash scripts/sysdeps.sh test` (npm ci)"
    d = data_pegawai()
    pegawai, hr = _cookie(d.org.pegawai.user), _cookie(d.org.hr)
    pages = [(reverse("login"), ""), (reverse("home"), pegawai),
             (reverse("penilaian:evaluasi-detail", args=[d.evaluasi.pk]), pegawai),
             (reverse("penilaian:skp-detail", args=[d.skp.pk]), pegawai), (reverse("pegawai:hr-home"), hr)]
    found = []
    for n, (url, cookie) in enumerate(pages):
        report = _lighthouse(live_server.url + url, cookie, tmp_path / f"lh-{n}.json", browser_type_launch_args)
        # A logged-in page must not have been answered by the login page (an expired or refused cookie).
        assert (reverse("login") in report["finalDisplayedUrl"]) == (not cookie), report["finalDisplayedUrl"]
        score = report["categories"]["accessibility"]["score"]
        if score != 1:
            found.append(f"{url}: accessibility {score:.2f}\n" + "\n".join(_gagal(report)))
    assert not found, "\n".join(found)
