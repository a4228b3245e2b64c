"""Performance dialogue (issue 19); names are reversed as ``penilaian:dialog-…``."""
from django.urls import path

from . import views

urlpatterns = [
    path("dialog/", views.index, name="dialog-index"),
    path("dialog/umpan-balik/<int:pk>/", views.umpan_balik, name="dialog-umpan-balik"),
    path("dialog/umpan-balik/entri/<int:pk>/revisi/", views.umpan_balik_revisi, name="dialog-umpan-balik-revisi"),
    path("dialog/umpan-balik/entri/<int:pk>/tanggapan/", views.umpan_balik_tanggapan,
         name="dialog-umpan-balik-tanggapan"),
    path("dialog/checkin/baru/<int:penilaian_pk>/", views.checkin_baru, name="dialog-checkin-baru"),
    path("dialog/checkin/<int:pk>/", views.checkin_detail, name="dialog-checkin"),
    path("dialog/checkin/<int:pk>/ubah/", views.checkin_ubah, name="dialog-checkin-ubah"),
    path("dialog/checkin/<int:pk>/batal/", views.checkin_batal, name="dialog-checkin-batal"),
    path("dialog/bimbingan/baru/<int:skp_pk>/", views.bimbingan_baru, name="dialog-bimbingan-baru"),
    path("dialog/bimbingan/<int:pk>/", views.bimbingan_detail, name="dialog-bimbingan"),
    path("dialog/bimbingan/<int:pk>/ubah/", views.bimbingan_ubah, name="dialog-bimbingan-ubah"),
    path("dialog/bimbingan/<int:pk>/evaluasi/", views.bimbingan_evaluasi, name="dialog-bimbingan-evaluasi"),
    path("dialog/bimbingan/<int:pk>/batal/", views.bimbingan_batal, name="dialog-bimbingan-batal"),
    path("dialog/bimbingan/<int:pk>/<str:format>.pdf", views.bimbingan_pdf, name="dialog-bimbingan-pdf"),
    path("dialog/aksi/<int:pk>/rencana/", views.aksi_rencana, name="dialog-aksi-rencana"),
]
