app_name = "harian"
urlpatterns = []
