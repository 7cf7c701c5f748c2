from rest_framework.routers import SimpleRouter

from .views import ExpertRequestViewSet

app_name = "matching-api"

router = SimpleRouter()
router.register("requests", ExpertRequestViewSet, basename="request")

urlpatterns = router.urls
