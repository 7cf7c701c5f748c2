"""API routes of missions, added to ``matching.api.urls`` (namespace matching-api)."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from .engagements import EngagementViewSet, ExpertRequestChooseApi

router = SimpleRouter()
router.register("engagements", EngagementViewSet, basename="engagement")

urlpatterns = [
    path(
        "requests/<int:pk>/choose/",
        ExpertRequestChooseApi.as_view(),
        name="request-choose",
    ),
    *router.urls,
]
