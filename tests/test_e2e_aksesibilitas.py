"""WCAG 2.1 A/AA with axe-core (issue 17): the main pages of each role, at desktop and phone width.

axe-core is vendored in ``tests/vendor/axe.min.js`` (npm package ``axe-core``, version in its header); it is
injected into each page after load. Any serious or critical violation fails the test, with the rule, the
page and the first offending nodes in the message. Data from factories; login by a planted session cookie.
"""
from datetime import date, time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kontrak.rules import akhir_satu_tahun
from kontrak.tests.factories import PerjanjianFactory, pppk
from pegawai.tests.factories import UserFactory, build_org
from penilaian.models import Penilaian, Periode, Skp
from penilaian.tests.factories import IkiFactory, RhkFactory, SkpFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
RUN = "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})"
WIDTHS = (1366, 390)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """axe is injected as a script tag, which the app's Content-Security-Policy (script-src 'self') rightly
    blocks; only this module's browser ignores the policy, to audit the pages."""
    return {**browser_context_args, "bypass_csp": True}


def _data():
    org = build_org()
    today = timezone.localdate()
    year = today.year
    periode = Periode.objects.create(
        instansi=org.instansi, tahun=year, jenis=Periode.Jenis.TRIWULANAN, nama="Periode Berjalan",
        tanggal_mulai=max(date(year, 1, 1), today - timedelta(days=30)),
        tanggal_selesai=min(date(year, 12, 31), today + timedelta(days=30)), batas_pengisian=today + timedelta(days=40))
    skp = SkpFactory(pegawai=org.pegawai, tahun=year, status=Skp.Status.DISETUJUI)
    iki = IkiFactory(rhk=RhkFactory(skp=skp, teks="Terlayaninya permohonan izin"), target_angka=Decimal("12"))
    evaluasi = Penilaian.objects.create(skp=skp, periode=periode)
    mulai = today - timedelta(days=330)  # a PPPK Paruh Waktu contract ending in about a month
    org.pw = PerjanjianFactory(pegawai=pppk(unit_kerja=org.seksi, atasan=org.atasan), tanggal_mulai=mulai,
                               tanggal_selesai=akhir_satu_tahun(mulai)).pegawai
    from harian.models import KegiatanHarian  # an entry: the team feed shows its review controls

    KegiatanHarian.objects.create(pegawai=org.pegawai, tanggal=today, uraian="Rapat koordinasi", kuantitas=1,
                                  satuan="kegiatan", jam_mulai=time(8), jam_selesai=time(9), iki=iki)
    return org, skp, evaluasi, iki


def _pages(org, skp, evaluasi) -> dict[str, list[str]]:
    pegawai = [reverse("home"), reverse("penilaian:skp-saya"), reverse("penilaian:skp-detail", args=[skp.pk]),
               reverse("penilaian:evaluasi-saya"), reverse("penilaian:evaluasi-detail", args=[evaluasi.pk]),
               reverse("harian:saya"), reverse("pelatihan:saya"), reverse("penilaian:skp-create"),
               reverse("harian:tambah"), reverse("harian:jam-kerja"), reverse("harian:impor")]
    atasan = [reverse("home"), reverse("penilaian:skp-queue"), reverse("penilaian:evaluasi-bawahan"),
              reverse("penilaian:evaluasi-detail", args=[evaluasi.pk]), reverse("pegawai:tim-saya"),
              reverse("penilaian:skp-matriks"), reverse("harian:tim"), reverse("harian:tim-jam-kerja")]
    hr = [reverse("pegawai:hr-home"), reverse("pegawai:unit-tree"), reverse("pegawai:list"),
          reverse("pegawai:import"), reverse("pelatihan:antrean"), reverse("penilaian:evaluasi-periode-list"),
          reverse("pegawai:mutasi", args=[org.pegawai.pk]), reverse("pegawai:mutasi-import"),
          reverse("laporan:index"), reverse("laporan:tpp"), reverse("laporan:aturan-tpp"),
          reverse("kontrak:berakhir"), reverse("kontrak:pegawai", args=[org.pw.pk]),
          reverse("pegawai:pejabat-list"), reverse("pegawai:delegasi-list"), reverse("penilaian:skp-non-asn-antrian"),
          reverse("pegawai:import-akun"), reverse("penilaian:evaluasi-rekap"), reverse("pegawai:create"),
          reverse("pelatihan:laporan"), reverse("penilaian:sebaran-perangkat-daerah")]
    admin = [reverse("home"), reverse("pegawai:unit-tree"), reverse("pegawai:list")]
    return {"pegawai": pegawai, "atasan": atasan, "hr": hr, "admin": admin}


def _masuk(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value, "url": live_server.url}])


# HTML faults axe leaves to the validator: a label pointing at nothing, a cell spanning past its table.
HTML_FAULTS = """() => [
  ...[...document.querySelectorAll('label[for]')].filter(l => !document.getElementById(l.htmlFor))
     .map(l => 'label for=' + l.htmlFor + ' points at nothing'),
  ...[...document.querySelectorAll('table')].filter(t => t.tHead && t.tHead.rows.length).flatMap(t => {
     const width = r => [...r.cells].reduce((n, c) => n + c.colSpan, 0);
     const cols = width(t.tHead.rows[0]);
     return [...t.rows].filter(r => width(r) > cols).map(r => 'row wider than the header of table ' + (t.id || ''));
  }),
]"""


def _violations(page) -> list[str]:
    faults = page.evaluate(HTML_FAULTS)
    page.add_script_tag(path=str(AXE))
    hasil = page.evaluate(RUN)
    return faults + [f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"]) for n in v["nodes"][:3])
            + f" [{len(v['nodes'])} nodes]"
            for v in hasil["violations"] if v["impact"] in ("serious", "critical")]


def test_main_pages_have_no_serious_axe_violations(page, live_server):
    org, skp, evaluasi, _ = _data()
    users = {"pegawai": org.pegawai.user, "atasan": org.atasan.user, "hr": org.hr,
             "admin": UserFactory(username="root", is_superuser=True, is_staff=True)}
    found = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.context.clear_cookies()
        page.goto(live_server.url + reverse("login"))
        found += [f"{width}px login: {v}" for v in _violations(page)]
        for role, urls in _pages(org, skp, evaluasi).items():
            _masuk(page, live_server, users[role])
            for url in urls:
                page.goto(live_server.url + url)
                found += [f"{width}px {role} {url}: {v}" for v in _violations(page)]
    assert not found, "\n".join(found)


def test_skip_link_and_error_summary_take_the_keyboard_user_where_needed(page, live_server):
    org, *_ = _data()
    _masuk(page, live_server, org.pegawai.user)
    page.goto(live_server.url + reverse("home"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Langsung ke isi utama"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "isi"
    page.context.clear_cookies()
    page.goto(live_server.url + reverse("login"))
    page.fill("#id_username", org.pegawai.nip)
    page.fill("#id_password", "salah-sekali")
    page.click("button[type=submit]")
    # Only an error of the whole form: shown once, in the form, and focused.
    assert page.locator("text=NIP atau kata sandi salah.").count() == 1
    assert "NIP atau kata sandi salah." in page.evaluate("document.activeElement.textContent")
    # Field errors: the summary at the top takes focus and links to the field.
    _masuk(page, live_server, org.hr)
    page.goto(live_server.url + reverse("pegawai:create"))
    page.fill("#id_nip", "12345")
    page.locator("form [type=submit]").last.click()
    assert page.evaluate("document.activeElement.id") == "ringkasan-galat"
    assert "NIP harus 18 digit" in page.inner_text("#ringkasan-galat")
    page.click("#ringkasan-galat a")
    assert page.evaluate("document.activeElement.id") == "id_nip"
