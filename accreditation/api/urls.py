from rest_framework.routers import SimpleRouter

from .accreditations import AccreditationViewSet
from .applications import ApplicationViewSet

app_name = "accreditation-api"

router = SimpleRouter()
router.register("applications", ApplicationViewSet, basename="application")
router.register("accreditations", AccreditationViewSet, basename="accreditation")

urlpatterns = router.urls
