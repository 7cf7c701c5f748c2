"""Training API, included under ``/api/v1/training/`` by ``config.urls``."""

from rest_framework.routers import SimpleRouter

from . import views

app_name = "training-api"

router = SimpleRouter()
router.register("programmes", views.ProgrammeViewSet, basename="programme")
router.register("sessions", views.SessionViewSet, basename="session")
router.register("enrolments", views.EnrolmentViewSet, basename="enrolment")
router.register("assessments", views.AssessmentViewSet, basename="assessment")
router.register("certifications", views.CertificationViewSet, basename="certification")
router.register("cpd-activities", views.CpdActivityViewSet, basename="cpd-activity")

urlpatterns = router.urls
