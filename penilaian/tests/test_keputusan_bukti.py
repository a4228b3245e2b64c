"""Decision pages show what they decide on (issue 11 §4): the keberatan page of the atasan pejabat
penilai and the employee's Tanggapan page carry realisasi, bukti dukung, umpan balik, ratings and
predikat (domain.md §3.2, §11.1 "meminta penjelasan"); peer input only for the penilai (§6)."""
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pegawai.tests.factories import login_as
from penilaian.models import BuktiDukung, PerilakuKerja, Realisasi, UmpanBalik
from penilaian.rekan.keberatan import keberatan_file

from .evaluasi_helpers import PDF
from .factories import IkiFactory, RhkFactory
from .rekan_factories import final, masukan, penilaian_of

pytestmark = pytest.mark.django_db
ALASAN = "Realisasi RHK kedua sudah 100% dan bukti dukung telah diunggah."


def isi(p, n_rhk=1):
    """RHK with one IKI each: realisasi, a link and a file as evidence, feedback per RHK and per value."""
    for i in range(n_rhk):
        iki = IkiFactory(rhk=RhkFactory(skp=p.skp, teks=f"RHK nomor {i}"), teks=f"Indikator nomor {i}",
                         target_angka=Decimal(12), satuan="dokumen")
        r = Realisasi.objects.create(penilaian=p, iki=iki, nilai=Decimal("11.5"))
        BuktiDukung.objects.create(realisasi=r, url=f"https://arsip.example.go.id/bukti-{i}")
        BuktiDukung.objects.create(realisasi=r, berkas=ContentFile(PDF, name="laporan.pdf"),
                                   nama_berkas=f"laporan-{i}.pdf", content_type="application/pdf")
        UmpanBalik.objects.create(
            penilaian=p, rhk=iki.rhk, teks=f"Pertahankan ketepatan waktu {i}", oleh=p.skp.pejabat_penilai
        )
    UmpanBalik.objects.create(
        penilaian=p,
        perilaku=PerilakuKerja.objects.order_by("urutan").first(),
        teks="Responsif terhadap permintaan layanan",
        oleh=p.skp.pejabat_penilai,
    )
    return p


@pytest.fixture
def keberatan(org):
    p = isi(final(penilaian_of(org.pegawai)))
    masukan(p, 3, komentar="Komentar rekan rahasia")
    return keberatan_file(penilaian=p, alasan=ALASAN, oleh=org.pegawai.user)


def evidence_shown(html: str, p) -> None:
    assert "11,50 dokumen" in html and "Indikator nomor 0" in html
    assert "https://arsip.example.go.id/bukti-0" in html
    berkas = BuktiDukung.objects.filter(realisasi__penilaian=p).exclude(berkas="").first()
    assert reverse("penilaian:evaluasi-bukti-berkas", args=[berkas.pk]) in html and "laporan-0.pdf" in html
    assert "Pertahankan ketepatan waktu 0" in html and "Responsif terhadap permintaan layanan" in html
    assert 'id="predikat"' in html and "Baik" in html
    assert reverse("penilaian:evaluasi-detail", args=[p.pk]) in html


@pytest.mark.parametrize("actor, agregat", [("kabid", False), ("atasan", True), ("hr", False)])
def test_keberatan_page_shows_the_evidence(client, org, keberatan, actor, agregat):
    login_as(client, org, actor)
    html = client.get(reverse("penilaian:keberatan-detail", args=[keberatan.pk])).content.decode()
    evidence_shown(html, keberatan.penilaian)
    assert ('id="agregat-rekan"' in html) is agregat  # peer input: the penilai only
    assert ('id="tombol-putus"' in html) is (actor == "kabid")  # the decision form is still there


def test_tanggapan_page_shows_the_evidence_but_never_peer_input_to_the_appraisee(client, org, keberatan):
    client.force_login(org.pegawai.user)
    html = client.get(reverse("penilaian:tanggapan", args=[keberatan.penilaian.pk])).content.decode()
    evidence_shown(html, keberatan.penilaian)
    assert 'id="agregat-rekan"' not in html and "Komentar rekan rahasia" not in html


def test_stranger_cannot_open_the_pages_nor_the_files(client, org, keberatan):
    berkas = BuktiDukung.objects.exclude(berkas="").first()
    client.force_login(org.atasan2.user)
    for url in (
        reverse("penilaian:keberatan-detail", args=[keberatan.pk]),
        reverse("penilaian:tanggapan", args=[keberatan.penilaian.pk]),
        reverse("penilaian:evaluasi-bukti-berkas", args=[berkas.pk]),
    ):
        assert client.get(url).status_code == 404


def test_pemutus_without_atasan_penilai_on_the_skp_can_open_the_files(client, org):
    """The pemutus falls back to the penilai's own atasan; they must still reach the evidence."""
    p = isi(final(penilaian_of(org.pegawai)))
    p.skp.atasan_penilai = None
    p.skp.save()
    kb = keberatan_file(penilaian=p, alasan=ALASAN, oleh=org.pegawai.user)
    assert kb.pemutus == org.kabid
    berkas = BuktiDukung.objects.exclude(berkas="").first()
    client.force_login(org.kabid.user)
    r = client.get(reverse("penilaian:evaluasi-bukti-berkas", args=[berkas.pk]))
    assert r.status_code == 200 and b"".join(r.streaming_content if r.streaming else [r.content]).startswith(b"%PDF")
    assert client.get(reverse("penilaian:evaluasi-detail", args=[p.pk])).status_code == 200


@pytest.mark.parametrize("view", ["penilaian:keberatan-detail", "penilaian:tanggapan"])
def test_query_count_does_not_grow_with_the_evaluation(client, org, django_assert_max_num_queries, view):
    counts = []
    for pegawai, n_rhk in ((org.pegawai, 1), (org.rekan, 6)):
        p = isi(final(penilaian_of(pegawai)), n_rhk=n_rhk)
        kb = keberatan_file(penilaian=p, alasan=ALASAN, oleh=pegawai.user)
        client.force_login(org.kabid.user)
        url = reverse(view, args=[kb.pk if view == "penilaian:keberatan-detail" else p.pk])
        with django_assert_max_num_queries(30), CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        counts.append(len(ctx))
    assert counts[0] == counts[1]
