from django.urls import path

from . import views

app_name = "laporan"

urlpatterns = [
    path("", views.index, name="index"),
    path("unduh/<slug:jenis>/", views.unduh, name="unduh"),
    path("latar/", views.job_start, name="job-start"),
    path("latar/<int:pk>/", views.job_detail, name="job-detail"),
    path("latar/<int:pk>/progres/", views.job_progres, name="job-progres"),
    path("latar/<int:pk>/coba-lagi/", views.job_coba_lagi, name="job-coba-lagi"),
    path("latar/<int:pk>/unduh/", views.job_unduh, name="job-unduh"),
    path("tpp/", views.tpp, name="tpp"),
    path("tpp/unduh/<str:fmt>/", views.tpp_unduh, name="tpp-unduh"),
    path("tpp/tutup/", views.tpp_tutup, name="tpp-tutup"),
    path("tpp/<int:pk>/buka/", views.tpp_buka, name="tpp-buka"),
    path("tpp/aturan/", views.aturan_tpp, name="aturan-tpp"),
]
