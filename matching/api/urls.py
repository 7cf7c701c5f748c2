from django.urls import include, path
from rest_framework.routers import SimpleRouter

from .views import ExpertRequestViewSet

app_name = "matching-api"

router = SimpleRouter()
router.register("requests", ExpertRequestViewSet, basename="request")

urlpatterns = [
    path("", include("matching.api.urls_proposals")),
    path("", include("matching.api.urls_engagements")),
    path("", include("matching.api.urls_assignments")),
    *router.urls,
]
