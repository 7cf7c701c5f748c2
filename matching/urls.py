from django.urls import include, path

from . import views

app_name = "matching"

urlpatterns = [
    path("requests/", views.request_index, name="request-list"),
    path("requests/new/", views.request_new, name="request-new"),
    path("requests/<int:pk>/", views.request_detail, name="request-detail"),
    path(
        "requests/<int:pk>/withdraw/",
        views.request_withdraw_view,
        name="request-withdraw",
    ),
    path("", include("matching.urls_proposals")),
    path("", include("matching.urls_engagements")),
    path("", include("matching.urls_assignments")),
]
