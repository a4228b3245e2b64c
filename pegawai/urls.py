from django.urls import path

from . import views, views_akun, views_cari, views_import, views_import_akun, views_mutasi, views_pejabat, views_plt

app_name = "pegawai"

urlpatterns = [
    path("hr/", views.hr_home, name="hr-home"),
    path("unit/", views.unit_tree_view, name="unit-tree"),
    path("unit/<int:pk>/anak/", views.unit_tree_anak, name="unit-tree-anak"),
    path("unit/tambah/", views.unit_edit, name="unit-create"),
    path("unit/<int:pk>/ubah/", views.unit_edit, name="unit-update"),
    path("pegawai/", views.pegawai_list, name="list"),
    path("pegawai/tambah/", views.pegawai_create, name="create"),
    path("pegawai/impor/", views_import.import_upload, name="import"),
    path("pegawai/impor/konfirmasi/", views_import.import_confirm, name="import-confirm"),
    path("pegawai/impor/templat.csv", views_import_akun.import_template, name="import-template"),
    path("pegawai/impor/akun/", views_import_akun.import_akun, name="import-akun"),
    path("pegawai/impor/akun/buat/", views_import_akun.import_akun_buat, name="import-akun-buat"),
    path("pegawai/mutasi/impor/", views_mutasi.mutasi_import_upload, name="mutasi-import"),
    path("pegawai/mutasi/impor/konfirmasi/", views_mutasi.mutasi_import_confirm, name="mutasi-import-confirm"),
    path("pegawai/mutasi/impor/templat.csv", views_mutasi.mutasi_import_template, name="mutasi-import-template"),
    path("pegawai/cari/", views_cari.cari_pegawai, name="cari"),
    path("pegawai/<int:pk>/", views.pegawai_detail, name="detail"),
    path("pegawai/<int:pk>/mutasi/", views_mutasi.pegawai_mutasi, name="mutasi"),
    path("pegawai/<int:pk>/ubah/", views.pegawai_update, name="update"),
    path("pegawai/<int:pk>/atasan/", views.pegawai_ganti_atasan, name="ganti-atasan"),
    path("pegawai/<int:pk>/akun/", views_akun.pegawai_akun, name="akun"),
    path("pegawai/<int:pk>/akun/buka-kunci/", views_akun.pegawai_buka_kunci, name="akun-buka-kunci"),
    path("plt/", views_plt.plt_list, name="plt-list"),
    path("plt/<int:pk>/akhiri/", views_plt.plt_end, name="plt-end"),
    path("pejabat-non-asn/", views_pejabat.pejabat_list, name="pejabat-list"),
    path("pejabat-non-asn/<int:pk>/ubah/", views_pejabat.pejabat_edit, name="pejabat-update"),
    path("delegasi-penilai/", views_pejabat.delegasi_list, name="delegasi-list"),
    path("delegasi-penilai/<int:pk>/akhiri/", views_pejabat.delegasi_end, name="delegasi-end"),
    path("tim-saya/", views.tim_saya, name="tim-saya"),
    path("profil-saya/", views.profil_saya, name="profil-saya"),
]
