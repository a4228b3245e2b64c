"""URL namespace ``penilaian``: each sub-domain keeps its own urlpatterns list."""
from .dialog.urls import urlpatterns as dialog_urls
from .evaluasi.urls import urlpatterns as evaluasi_urls
from .rekan.urls import urlpatterns as rekan_urls
from .skp.urls import urlpatterns as skp_urls

app_name = "penilaian"
urlpatterns = [*skp_urls, *evaluasi_urls, *rekan_urls, *dialog_urls]
