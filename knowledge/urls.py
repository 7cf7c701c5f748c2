from django.urls import path

from . import views

app_name = "knowledge"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search_page, name="search"),
    path("case-studies/", views.case_study_list, name="case-study-list"),
    path("case-studies/<int:pk>/", views.case_study_detail, name="case-study-detail"),
    path("capsules/", views.capsule_list, name="capsule-list"),
    path("capsules/<int:pk>/", views.capsule_detail, name="capsule-detail"),
    path("capsules/<int:pk>/video/", views.capsule_video, name="capsule-video"),
    path(
        "capsules/<int:pk>/subtitles.vtt",
        views.capsule_subtitles,
        name="capsule-subtitles",
    ),
    path("resources/", views.resource_list, name="resource-list"),
    path(
        "resources/export.bib",
        views.resource_export,
        {"fmt": "bib"},
        name="resource-export-bib",
    ),
    path(
        "resources/export.csv",
        views.resource_export,
        {"fmt": "csv"},
        name="resource-export-csv",
    ),
    path("resources/<int:pk>/", views.resource_detail, name="resource-detail"),
    path("resources/<int:pk>/file/", views.resource_file, name="resource-file"),
    path("editor/", views.editor_queue, name="editor-queue"),
    path(
        "editor/<str:kind>/<int:pk>/<str:action>/",
        views.content_transition_view,
        name="content-transition",
    ),
]
