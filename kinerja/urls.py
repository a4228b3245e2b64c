from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from pegawai import views_dua_faktor
from pegawai.forms_akun import LoginForm
from pegawai.views_akun import GantiSandiView

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz/", views.healthz, name="healthz"),
    path("masuk/", auth_views.LoginView.as_view(redirect_authenticated_user=True, authentication_form=LoginForm), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("akun/kata-sandi/", GantiSandiView.as_view(), name="password_change"),
    path("akun/dua-faktor/", views_dua_faktor.dua_faktor, name="dua-faktor"),
    path("akun/dua-faktor/verifikasi/", views_dua_faktor.dua_faktor_verifikasi, name="dua-faktor-verifikasi"),
    path("akun/kata-sandi/selesai/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("pegawai.urls")),
    path("", include("penilaian.urls")),
    path("pelatihan/", include("pelatihan.urls")),
    path("harian/", include("harian.urls")),
    path("notifikasi/", include("notifikasi.urls")),
    path("", include("api.urls")),
]

admin.site.site_header = "Kinerja — Administrasi"
admin.site.site_title = "Kinerja"
