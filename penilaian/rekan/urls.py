"""Peer input, unit distribution, acknowledgement/keberatan and follow-up (namespace ``penilaian``)."""
from django.urls import path

from .views import keberatan, penjelasan, rekan, sebaran, unit

urlpatterns = [
    path("masukan-rekan/", rekan.inbox, name="rekan-inbox"),
    path("masukan-rekan/<int:pk>/isi/", rekan.jawab, name="rekan-jawab"),
    path("masukan-rekan/kelola/", rekan.daftar, name="rekan-daftar"),
    path("masukan-rekan/penilaian/<int:pk>/", rekan.kelola, name="rekan-kelola"),
    path("masukan-rekan/penilaian/<int:pk>/undang/", rekan.undang, name="rekan-undang"),
    path("tanggapan/", keberatan.tanggapan_list, name="tanggapan-list"),
    path("tanggapan/<int:pk>/", keberatan.tanggapan, name="tanggapan"),
    path("tanggapan/<int:pk>/terima/", keberatan.terima, name="tanggapan-terima"),
    path("tanggapan/<int:pk>/keberatan/", keberatan.ajukan, name="keberatan-ajukan"),
    path("keberatan/", keberatan.keberatan_list, name="keberatan-list"),
    path("keberatan/<int:pk>/", keberatan.keberatan_detail, name="keberatan-detail"),
    path("keberatan/<int:pk>/penjelasan/", penjelasan.penjelasan_minta, name="penjelasan-minta"),
    path("keberatan/penjelasan/<int:pk>/", penjelasan.penjelasan_jawab, name="penjelasan-jawab"),
    path("keberatan/terlambat/", penjelasan.keberatan_terlambat, name="keberatan-terlambat"),
    path("kinerja-unit/", unit.unit_index, name="unit-index"),
    path("kinerja-unit/perangkat-daerah/", sebaran.sebaran, name="sebaran-perangkat-daerah"),
    path("kinerja-unit/<int:unit_pk>/periode/<int:periode_pk>/", unit.unit_distribusi, name="unit-distribusi"),
    path("kinerja-unit/<int:unit_pk>/periode/<int:periode_pk>/capaian/", unit.unit_capaian, name="unit-capaian"),
    path("kinerja-unit/<int:unit_pk>/periode/<int:periode_pk>/final/", unit.unit_final, name="unit-final"),
    path("kinerja-unit/<int:unit_pk>/periode/<int:periode_pk>/pengecualian/", penjelasan.unit_pengecualian,
         name="unit-pengecualian"),
    path("tindak-lanjut/", unit.tindak_lanjut_view, name="tindak-lanjut"),
]
