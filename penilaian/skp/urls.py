"""SKP routes of the ``penilaian`` namespace."""
from django.urls import path

from . import views

urlpatterns = [
    path("skp/", views.skp_saya, name="skp-saya"),
    path("skp/baru/", views.skp_create, name="skp-create"),
    path("skp/bawahan/", views.skp_queue, name="skp-queue"),
    path("skp/bawahan/setujui/", views.skp_bulk_approve, name="skp-bulk-approve"),
    path("skp/matriks/", views.skp_matriks, name="skp-matriks"),
    path("skp/pohon/", views.skp_pohon, name="skp-pohon"),
    path("skp/pohon/rhk/<int:pk>/", views.skp_pohon_anak, name="skp-pohon-anak"),
    path("skp/pohon/lepas/", views.skp_pohon_lepas, name="skp-pohon-lepas"),
    path("skp/monitoring/", views.skp_monitoring, name="skp-monitoring"),
    path("skp/<int:pk>/", views.skp_detail, name="skp-detail"),
    path("skp/<int:pk>/versi/<int:versi>/", views.skp_versi, name="skp-versi"),
    path("skp/<int:pk>/lampiran/", views.skp_lampiran, name="skp-lampiran"),
    path("skp/<int:pk>/ajukan/", views.skp_submit, name="skp-submit"),
    path("skp/<int:pk>/revisi/", views.skp_revise, name="skp-revise"),
    path("skp/<int:pk>/setujui/", views.skp_approve, name="skp-approve"),
    path("skp/<int:pk>/kembalikan/", views.skp_return, name="skp-return"),
    path("skp/<int:pk>/penilai/", views.skp_reassign, name="skp-reassign"),
    path("skp/<int:pk>/penilai-non-asn/", views.skp_non_asn, name="skp-non-asn"),
    path("skp/non-asn/", views.non_asn_antrian, name="skp-non-asn-antrian"),
    path("skp/<int:skp_pk>/rhk/tambah/", views.rhk_edit, name="rhk-create"),
    path("skp/rhk/<int:pk>/ubah/", views.rhk_edit, name="rhk-update"),
    path("skp/rhk/<int:pk>/<str:aksi>/", views.rhk_action, name="rhk-action"),
    path("skp/rhk/<int:rhk_pk>/iki/tambah/", views.iki_edit, name="iki-create"),
    path("skp/iki/<int:pk>/ubah/", views.iki_edit, name="iki-update"),
    path("skp/iki/<int:pk>/<str:aksi>/", views.iki_action, name="iki-action"),
]
