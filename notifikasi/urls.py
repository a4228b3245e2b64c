app_name = "notifikasi"
urlpatterns = []
