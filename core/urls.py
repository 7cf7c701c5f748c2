from django.urls import path

from . import views, views_personal_data

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("language/", views.set_language, name="set-language"),
    path(
        "account/data/",
        views_personal_data.personal_data_page,
        name="personal-data",
    ),
    path(
        "account/data/download/",
        views_personal_data.personal_data_download,
        name="personal-data-download",
    ),
    path(
        "account/data/erase/",
        views_personal_data.personal_data_erase_view,
        name="personal-data-erase",
    ),
]
