from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.urls import include, path


def beranda(request):
    """Who is logged in at the provider (the tests read it to see the provider session end)."""
    return HttpResponse(f"op-user:{request.user.username}" if request.user.is_authenticated else "op-user:-")


urlpatterns = [
    path("", beranda),
    path("masuk/", auth_views.LoginView.as_view(), name="login"),
    path("o/", include("oauth2_provider.urls", namespace="oauth2_provider")),
]
