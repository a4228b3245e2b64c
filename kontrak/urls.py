from django.urls import path

from . import views

app_name = "kontrak"
urlpatterns = [
    path("berakhir/", views.kontrak_berakhir, name="berakhir"),
    path("pegawai/<int:pk>/", views.pegawai_kontrak, name="pegawai"),
    path("pegawai/<int:pk>/batal/", views.kontrak_batal, name="batal"),
]
