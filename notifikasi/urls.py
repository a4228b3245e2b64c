from django.urls import path

from . import views, views_dokumen

app_name = "notifikasi"
urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("bell/", views.bell, name="bell"),
    path("<int:pk>/baca/", views.baca, name="baca"),
    path("baca-semua/", views.baca_semua, name="baca-semua"),
    path("pengingat/", views.riwayat, name="riwayat"),
    path("pdf/skp/<int:pk>/", views_dokumen.pdf_skp, name="pdf-skp"),
    path("pdf/penilaian/<int:pk>/", views_dokumen.pdf_penilaian, name="pdf-penilaian"),
    path("pdf/dokumen-evaluasi/<int:pk>/", views_dokumen.pdf_dokumen_evaluasi, name="pdf-dokumen-evaluasi"),
    path("pdf/rekap/<int:unit_pk>/<int:periode_pk>/", views_dokumen.pdf_rekap_unit, name="pdf-rekap-unit"),
    path("pdf/konversi-ak/<int:pegawai_pk>/<int:tahun>/", views_dokumen.pdf_konversi_ak, name="pdf-konversi-ak"),
    path("cetak/", views_dokumen.cetak, name="cetak"),
    path("cetak/<int:pk>/", views_dokumen.cetak_detail, name="cetak-detail"),
    path("cetak/<int:pk>/progres/", views_dokumen.cetak_progres, name="cetak-progres"),
    path("cetak/<int:pk>/unduh/", views_dokumen.cetak_unduh, name="cetak-unduh"),
    path("cetak/<int:pk>/coba-lagi/", views_dokumen.cetak_coba_lagi, name="cetak-coba-lagi"),
]
