"""The SIASN page and the import in a browser: the report compiled by its button (inline in tests), no serious
axe violation and no sideways scrolling of the page at 1366 and 390 px, with blocked and ready rows listed
and in its empty state; the upload reaches its preview."""
from datetime import date

import pytest
from django.urls import reverse

from penilaian.models import Penilaian, Periode, Skp
from penilaian.tests.factories import PenilaianFactory, PeriodeFactory, SkpFactory, finalkan
from tests.test_e2e_aksesibilitas import _masuk, _violations, browser_context_args  # noqa: F401 (fixture)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _data():
    from pegawai.tests.factories import build_org

    org = build_org()
    akhir = PeriodeFactory(instansi=org.instansi, tahun=2025, jenis=Periode.Jenis.TAHUNAN, nama="Akhir",
                           tanggal_mulai=date(2025, 1, 1), tanggal_selesai=date(2025, 12, 31),
                           batas_pengisian=date(2026, 1, 31))
    finalkan(PenilaianFactory(skp=SkpFactory(pegawai=org.pegawai, tahun=2025, status=Skp.Status.DISETUJUI),
                              periode=akhir))
    PenilaianFactory(skp=SkpFactory(pegawai=org.rekan, tahun=2025, status=Skp.Status.DISETUJUI), periode=akhir,
                     status=Penilaian.Status.DIAJUKAN)
    return org


def test_siasn_pages_accessible_and_fit_a_phone(page, live_server, tmp_path):
    org = _data()
    found = []
    csv = tmp_path / "profil.csv"
    csv.write_text(f"nipBaru,nama\n{org.pegawai.nip},Nama Baru\n12345,Salah\n")
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        _masuk(page, live_server, org.hr)
        if width == 1366:
            page.goto(live_server.url + reverse("siasn:home") + "?tahun=2025")
            page.click("#tombol-susun")
            assert page.inner_text("#jumlah-baris") == "2" and page.is_visible("#laporan-diperbarui")
        for url in (reverse("siasn:home") + "?tahun=2025", reverse("siasn:home") + "?tahun=2025&tampil=semua",
                    reverse("siasn:home") + "?tahun=2025&jenis=kinerjaPeriodik", reverse("siasn:impor")):
            page.goto(live_server.url + url)
            found += [f"{width}px {url}: {v}" for v in _violations(page)]
            lebar = page.evaluate("document.documentElement.scrollWidth")
            if lebar > width:
                found.append(f"{width}px {url}: page is {lebar}px wide")
        page.set_input_files("input[name=berkas]", str(csv))
        page.click("button[type=submit]:has-text('Periksa berkas')")
        assert "NIP harus 18 digit" in page.inner_text("#tabel-impor")
        found += [f"{width}px preview: {v}" for v in _violations(page)]
    assert not found, "\n".join(found)
