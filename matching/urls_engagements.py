"""Pages of missions, added to ``matching.urls`` (namespace matching)."""

from django.urls import path

from . import views_engagements as views

urlpatterns = [
    path("requests/<int:pk>/choose/", views.request_choose, name="request-choose"),
    path("missions/", views.engagement_index, name="engagement-list"),
    path("missions/<int:pk>/", views.engagement_detail, name="engagement-detail"),
    path(
        "missions/<int:pk>/sessions/",
        views.engagement_session,
        name="engagement-session",
    ),
    path("missions/<int:pk>/rating/", views.engagement_rate, name="engagement-rate"),
    path(
        "missions/<int:pk>/scan/",
        views.engagement_attach_scan,
        name="engagement-attach-scan",
    ),
    path(
        "missions/<int:pk>/report.pdf",
        views.engagement_report,
        name="engagement-report",
    ),
    path(
        "missions/<int:pk>/actions/<slug:action>/",
        views.engagement_transition,
        name="engagement-transition",
    ),
]
