from django.urls import path

from .views import ekspor, impor, jam_kerja, saya, tim

app_name = "harian"
urlpatterns = [
    path("", saya.saya, name="saya"),
    path("tambah/", saya.tambah, name="tambah"),
    path("<int:pk>/ubah/", saya.ubah, name="ubah"),
    path("<int:pk>/hapus/", saya.hapus, name="hapus"),
    path("<int:pk>/berkas/", saya.berkas, name="berkas"),
    path("<int:pk>/tanggapi/", tim.tanggapi, name="tanggapi"),
    path("kalender/", saya.kalender, name="kalender"),
    path("jam-kerja/", jam_kerja.jam_kerja, name="jam-kerja"),
    path("ekspor/", ekspor.ekspor_saya, name="ekspor"),
    path("impor/", impor.impor, name="impor"),
    path("impor/konfirmasi/", impor.impor_konfirmasi, name="impor-konfirmasi"),
    path("impor/templat/", impor.impor_templat, name="impor-templat"),
    path("tim/", tim.tim, name="tim"),
    path("tim/periksa/", tim.periksa, name="periksa"),
    path("tim/jam-kerja/", jam_kerja.jam_kerja_tim, name="tim-jam-kerja"),
    path("tim/jam-kerja/standar/", jam_kerja.jam_kerja_standar, name="jam-kerja-standar"),
    path("tim/ekspor/", ekspor.ekspor_tim, name="tim-ekspor"),
]
