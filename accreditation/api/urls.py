from rest_framework.routers import SimpleRouter

from .applications import ApplicationViewSet

app_name = "accreditation-api"

router = SimpleRouter()
router.register("applications", ApplicationViewSet, basename="application")

urlpatterns = router.urls
