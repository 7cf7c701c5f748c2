app_name = "surveys-api"

urlpatterns: list = []
