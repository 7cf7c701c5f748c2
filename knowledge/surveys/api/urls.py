from rest_framework.routers import SimpleRouter

from .views import SurveyViewSet, WaveViewSet

app_name = "surveys-api"

router = SimpleRouter()
router.register("surveys", SurveyViewSet, basename="survey")
router.register("survey-waves", WaveViewSet, basename="wave")

urlpatterns = router.urls
