from django.urls import path

from .views import ekspor, saya, tim

app_name = "harian"
urlpatterns = [
    path("", saya.saya, name="saya"),
    path("tambah/", saya.tambah, name="tambah"),
    path("<int:pk>/ubah/", saya.ubah, name="ubah"),
    path("<int:pk>/hapus/", saya.hapus, name="hapus"),
    path("<int:pk>/berkas/", saya.berkas, name="berkas"),
    path("<int:pk>/tanggapi/", tim.tanggapi, name="tanggapi"),
    path("kalender/", saya.kalender, name="kalender"),
    path("ekspor/", ekspor.ekspor_saya, name="ekspor"),
    path("tim/", tim.tim, name="tim"),
    path("tim/ekspor/", ekspor.ekspor_tim, name="tim-ekspor"),
]
