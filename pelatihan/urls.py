app_name = "pelatihan"
urlpatterns = []
