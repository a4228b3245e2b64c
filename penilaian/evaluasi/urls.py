"""Periodic and annual evaluation (issue 4); names are reversed as ``penilaian:evaluasi-…``."""
from django.urls import path

from . import views

urlpatterns = [
    path("evaluasi/periode/", views.periode_list, name="evaluasi-periode-list"),
    path("evaluasi/periode/set/", views.periode_set, name="evaluasi-periode-set"),
    path("evaluasi/periode/tambah/", views.periode_edit, name="evaluasi-periode-tambah"),
    path("evaluasi/periode/<int:pk>/ubah/", views.periode_edit, name="evaluasi-periode-ubah"),
    path("evaluasi/periode/<int:pk>/buka-kunci/", views.buka_kunci, name="evaluasi-buka-kunci"),
    path("evaluasi/rekap/", views.rekap, name="evaluasi-rekap"),
    path("evaluasi/saya/", views.saya, name="evaluasi-saya"),
    path("evaluasi/bawahan/", views.bawahan, name="evaluasi-bawahan"),
    path("evaluasi/buka/<int:skp_pk>/<int:periode_pk>/", views.buka, name="evaluasi-buka"),
    path("evaluasi/<int:pk>/", views.detail, name="evaluasi-detail"),
    path("evaluasi/<int:pk>/isian/", views.isian, name="evaluasi-isian"),
    path("evaluasi/<int:pk>/bukti/", views.bukti_tambah, name="evaluasi-bukti-tambah"),
    path("evaluasi/<int:pk>/ajukan/", views.ajukan, name="evaluasi-ajukan"),
    path("evaluasi/<int:pk>/umpan-balik/", views.umpan_balik, name="evaluasi-umpan-balik"),
    path("evaluasi/<int:pk>/rating/", views.rating, name="evaluasi-rating"),
    path("evaluasi/<int:pk>/kembalikan/", views.kembalikan, name="evaluasi-kembalikan"),
    path("evaluasi/<int:pk>/finalisasi/", views.finalisasi, name="evaluasi-finalisasi"),
    path("evaluasi/bukti/<int:pk>/berkas/", views.bukti_berkas, name="evaluasi-bukti-berkas"),
    path("evaluasi/bukti/<int:pk>/hapus/", views.bukti_hapus, name="evaluasi-bukti-hapus"),
]
