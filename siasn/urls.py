from django.urls import path

from . import views

app_name = "siasn"

urlpatterns = [
    path("", views.siasn_home, name="home"),
    path("susun/", views.siasn_susun, name="susun"),
    path("status/", views.siasn_status, name="status"),
    path("ekspor/", views.siasn_ekspor, name="ekspor"),
    path("impor/", views.siasn_impor, name="impor"),
    path("impor/konfirmasi/", views.siasn_impor_confirm, name="impor-confirm"),
]
