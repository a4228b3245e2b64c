from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from . import views, views_token

router = DefaultRouter()
router.register("instansi", views.InstansiViewSet, basename="instansi")
router.register("unit-kerja", views.UnitKerjaViewSet, basename="unit-kerja")
router.register("pegawai", views.PegawaiViewSet, basename="pegawai")
router.register("skp", views.SkpViewSet, basename="skp")
router.register("periode", views.PeriodeViewSet, basename="periode")
router.register("penilaian", views.PenilaianViewSet, basename="penilaian")
router.register("predikat-tahunan", views.PredikatTahunanViewSet, basename="predikat-tahunan")
router.register("pelatihan", views.RiwayatViewSet, basename="pelatihan")
router.register("kegiatan-harian", views.KegiatanViewSet, basename="kegiatan-harian")

app_name = "api"
urlpatterns = [
    path("api/v1/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # Split view: the init script is a separate request, not inline (CSP script-src 'self'). No Redoc: its
    # styled-components inject <style> tags, which a CSP of style-src 'self' blocks (the page breaks).
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="api/swagger_ui.html"),
         name="docs"),
    path("api/token/", views_token.token_list, name="token-list"),
    path("api/token/baru/", views_token.token_create, name="token-create"),
    path("api/token/<int:pk>/cabut/", views_token.token_revoke, name="token-revoke"),
    # Any other address under /api/v1/ answers in JSON, as the API does, not with the HTML 404 page.
    re_path(r"^api/v1/", views.not_found, name="not-found"),
]
