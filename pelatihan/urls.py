from django.urls import path

from .views import hr, pegawai, rencana, riwayat

app_name = "pelatihan"
urlpatterns = [
    path("", pegawai.saya, name="saya"),
    path("tim/", pegawai.tim, name="tim"),
    path("pegawai/<int:pk>/", pegawai.pegawai_detail, name="pegawai"),
    path("riwayat/tambah/", riwayat.riwayat_create, name="riwayat-create"),
    path("riwayat/<int:pk>/", riwayat.riwayat_detail, name="riwayat-detail"),
    path("riwayat/<int:pk>/ubah/", riwayat.riwayat_update, name="riwayat-update"),
    path("riwayat/<int:pk>/hapus/", riwayat.riwayat_delete, name="riwayat-delete"),
    path("riwayat/<int:pk>/sertifikat/", riwayat.sertifikat, name="sertifikat"),
    path("riwayat/<int:pk>/verifikasi/", riwayat.riwayat_verify, name="riwayat-verify"),
    path("riwayat/<int:pk>/tolak/", riwayat.riwayat_reject, name="riwayat-reject"),
    path("verifikasi/", hr.antrean, name="antrean"),
    path("verifikasi/massal/", hr.antrean_verifikasi, name="antrean-verifikasi"),
    path("laporan/", hr.laporan, name="laporan"),
    path("laporan/csv/", hr.laporan_csv, name="laporan-csv"),
    path("rencana/<int:pegawai_pk>/<int:tahun>/", rencana.rencana, name="rencana"),
    path("rencana/<int:pegawai_pk>/<int:tahun>/buat/", rencana.rencana_create, name="rencana-create"),
    path("rencana/<int:pegawai_pk>/<int:tahun>/item/", rencana.item_edit, name="item-create"),
    path("rencana/<int:pegawai_pk>/<int:tahun>/item/<int:pk>/", rencana.item_edit, name="item-update"),
]
