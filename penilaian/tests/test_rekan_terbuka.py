"""Open peer-input invitations (domain.md §6): once a cohort is released or its evaluation is final, the
peer is neither reminded nor shown a to-do on the Beranda (issue 13)."""
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from notifikasi.models import Pengingat
from notifikasi.selectors import pengingat_due_for
from pegawai.tests.factories import PegawaiFactory
from penilaian.models import Penilaian, RilisMasukanRekan, UndanganRekan
from penilaian.rekan.selectors import undangan_terbuka

from .rekan_factories import final, penilaian_of, periode_terbuka

pytestmark = pytest.mark.django_db
S = Penilaian.Status


@pytest.fixture
def undangan(org):
    """org.pegawai is invited to five evaluations of one period whose deadline is 3 days ahead."""
    periode = periode_terbuka(org.instansi, batas_pengisian=timezone.localdate() + timedelta(days=3))
    orang = [org.rekan, org.lain, org.atasan, PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan),
             PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan)]
    p = {nama: penilaian_of(o, periode, status=S.DIAJUKAN)
         for nama, o in zip(["terbuka", "dirilis", "final", "dijawab", "lewat_waktu"], orang, strict=True)}
    RilisMasukanRekan.objects.create(penilaian=p["dirilis"], jumlah_jawaban=0)  # released, peer never answered
    final(p["final"], days_ago=0)                                                # final, not yet swept
    Penilaian.objects.filter(pk=p["lewat_waktu"].pk).update(status=S.LEWAT_WAKTU)
    u = {nama: UndanganRekan.objects.create(penilaian=obj, rekan=org.pegawai, sudah_menjawab=nama == "dijawab")
         for nama, obj in p.items()}
    return u


def test_only_the_unanswered_invitation_of_an_open_cohort_is_open(org, undangan):
    assert list(undangan_terbuka(UndanganRekan.objects.filter(rekan=org.pegawai))) == [undangan["terbuka"]]


def test_beranda_counts_only_what_the_peer_can_still_answer(client, org, undangan):
    client.force_login(org.pegawai.user)
    html = client.get(reverse("home")).content.decode()
    assert re.search(r'id="jumlah-undangan-rekan">\s*(\d+)\s*<', html).group(1) == "1"
    inbox = client.get(reverse("penilaian:rekan-inbox")).content.decode()
    assert inbox.count("Ditutup") == 3  # released, final, accepted by lapse of time: the same three


def test_peer_is_reminded_only_of_the_open_cohort(org, undangan):
    kandidat = [k for k in pengingat_due_for(org.instansi, today=timezone.localdate())
                if k.jenis == Pengingat.Jenis.MASUKAN_REKAN]
    assert [(k.penerima_id, k.object_id) for k in kandidat] == [(org.pegawai.user_id, undangan["terbuka"].pk)]


def test_a_past_deadline_closes_the_beranda_to_do(client, org, undangan):
    UndanganRekan.objects.exclude(pk=undangan["terbuka"].pk).delete()
    periode = undangan["terbuka"].penilaian.periode
    periode.batas_pengisian = timezone.localdate() - timedelta(days=1)
    periode.save()
    client.force_login(org.pegawai.user)
    html = client.get(reverse("home")).content.decode()
    assert re.search(r'id="jumlah-undangan-rekan">\s*(\d+)\s*<', html).group(1) == "0"
