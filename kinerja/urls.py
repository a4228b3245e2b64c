from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from beranda.views import home
from pegawai import views_dua_faktor, views_sso
from pegawai.views_akun import GantiSandiView

from . import views

urlpatterns = [
    path("", home, name="home"),
    path("healthz/", views.healthz, name="healthz"),
    path("masuk/", views_sso.MasukView.as_view(), name="login"),
    path("keluar/", views_sso.KeluarView.as_view(), name="logout"),
    # Single sign-on (OpenID Connect); the provider's redirect URI is https://<host>/oidc/callback/.
    path("oidc/masuk/", views_sso.SsoMulaiView.as_view(), name="oidc_authentication_init"),
    path("oidc/callback/", views_sso.SsoCallbackView.as_view(), name="oidc_authentication_callback"),
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
    path("kontrak/", include("kontrak.urls")),
    path("notifikasi/", include("notifikasi.urls")),
    path("laporan/", include("laporan.urls")),
    path("siasn/", include("siasn.urls")),
    path("", include("api.urls")),
]

admin.site.site_header = "Kinerja — Administrasi"
admin.site.site_title = "Kinerja"
