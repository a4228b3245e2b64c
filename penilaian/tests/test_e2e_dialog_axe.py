"""WCAG 2.1 A/AA (axe-core) on the dialogue pages of issue 19, at desktop and phone width, as in
``tests/test_e2e_aksesibilitas.py`` (whose browser bypasses the CSP only to inject axe)."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.test_e2e_aksesibilitas import (
    WIDTHS,
    _masuk,
    _violations,
    browser_context_args,  # noqa: F401  (axe needs the CSP bypass)
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_dialogue_pages_have_no_serious_axe_violations(page, live_server):
    from pegawai.tests.factories import build_org
    from penilaian.dialog import services
    from penilaian.models import Bimbingan
    from penilaian.tests.evaluasi_helpers import penilaian_untuk, periode_terbuka

    org = build_org()
    p = penilaian_untuk(org.pegawai, periode_terbuka(org.instansi))
    rhk = p.skp.rhk.first()
    e = services.umpan_balik_entri_add(penilaian=p, versi=p.versi, oleh=org.atasan.user, rhk=rhk, teks="Pertahankan",
                                       minta_tanggapan=True)
    services.tanggapan_add(entri=e, oleh=org.pegawai.user, teks="Baik, terima kasih")
    c = services.checkin_schedule(penilaian=p, oleh=org.atasan.user, agenda="Agenda",
                                  jadwal=timezone.now() + timedelta(days=1))
    b = services.bimbingan_save(skp=p.skp, oleh=org.atasan.user, aksi=[("Pelatihan", None)], data={
        "tanggal": timezone.localdate(), "topik": "Topik", "pembimbing": org.atasan, "terlaksana": True,
        "peran_pembimbing": Bimbingan.Peran.PIMPINAN})
    bersama = [reverse("penilaian:dialog-index"), reverse("penilaian:dialog-umpan-balik", args=[p.pk]),
               reverse("penilaian:dialog-checkin", args=[c.pk]), reverse("penilaian:dialog-bimbingan", args=[b.pk])]
    pages = {
        org.pegawai.user: bersama,
        org.atasan.user: [*bersama, reverse("penilaian:dialog-checkin-baru", args=[p.pk]),
                          reverse("penilaian:dialog-bimbingan-baru", args=[p.skp_id]),
                          reverse("penilaian:dialog-bimbingan-evaluasi", args=[b.pk]),
                          reverse("penilaian:dialog-checkin-ubah", args=[c.pk])],
    }
    found = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for user, urls in pages.items():
            _masuk(page, live_server, user)
            for url in urls:
                page.goto(live_server.url + url)
                found += [f"{width}px {user} {url}: {v}" for v in _violations(page)]
                if width == 390:
                    assert page.evaluate("document.documentElement.scrollWidth") <= 390, url
    assert not found, "\n".join(found)
