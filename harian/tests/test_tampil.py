"""What the daily-log pages show: quantities localised when read, plain in inputs; the supervisor's own
reaction in the reaction form (style.md §13: a form saved again keeps what it shows)."""
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from harian.models import TanggapanKegiatan
from pegawai.tests.factories import login_as

from .factories import KegiatanFactory, skp_aktif

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("bahasa", "tampil"), [("id", "2,5 berkas"), ("en", "2.5 berkas")])
def test_a_quantity_is_read_in_the_interface_language(org, bahasa, tampil):
    k = KegiatanFactory.build(kuantitas=Decimal("2.50"), satuan="berkas")
    with translation.override(bahasa):
        assert k.kuantitas_display == tampil


def test_the_reaction_form_shows_the_supervisors_own_reaction(client, org):
    skp_aktif(org.pegawai)
    k = KegiatanFactory(pegawai=org.pegawai)
    TanggapanKegiatan.objects.create(kegiatan=k, oleh=org.atasan, tanda="PERLU_PERBAIKAN", komentar="Lampirkan SK")
    html = login_as(client, org, "atasan").get(reverse("harian:tim")).content.decode()
    assert '<option value="PERLU_PERBAIKAN" selected>' in html
    assert 'value="Lampirkan SK"' in html


def test_after_saving_a_reaction_the_form_shows_it(client, org):
    skp_aktif(org.pegawai)
    k = KegiatanFactory(pegawai=org.pegawai)
    r = login_as(client, org, "atasan").post(reverse("harian:tanggapi", args=[k.pk]),
                                             {"tanda": "SESUAI", "komentar": "Lampirkan SK"}, HTTP_HX_REQUEST="true")
    html = r.content.decode()
    assert '<option value="SESUAI" selected>' in html and 'value="Lampirkan SK"' in html
    t = TanggapanKegiatan.objects.get(kegiatan=k)
    assert (t.tanda, t.komentar) == ("SESUAI", "Lampirkan SK")
