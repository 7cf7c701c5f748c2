from django.urls import path
from rest_framework.routers import SimpleRouter

from .views import (
    CapsuleViewSet,
    CaseStudyViewSet,
    RecommendationsApi,
    ResourceViewSet,
    SearchApi,
)

app_name = "knowledge-api"

router = SimpleRouter()
router.register("case-studies", CaseStudyViewSet, basename="case-study")
router.register("capsules", CapsuleViewSet, basename="capsule")
router.register("resources", ResourceViewSet, basename="resource")

urlpatterns = [
    path("search/", SearchApi.as_view(), name="search"),
    path("recommendations/", RecommendationsApi.as_view(), name="recommendations"),
    *router.urls,
]
