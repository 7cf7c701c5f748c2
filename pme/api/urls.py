from django.urls import path
from rest_framework.routers import SimpleRouter

from .companies import CompanyViewSet, InvitationAcceptApi
from .scans import AssessmentDetailApi, CompanyAssessmentsApi, QuestionnaireApi

app_name = "pme-api"

router = SimpleRouter()
router.register("companies", CompanyViewSet, basename="company")

urlpatterns = [
    path(
        "invitations/accept/",
        InvitationAcceptApi.as_view(),
        name="invitation-accept",
    ),
    path("questionnaire/", QuestionnaireApi.as_view(), name="questionnaire"),
    path(
        "companies/<int:pk>/assessments/",
        CompanyAssessmentsApi.as_view(),
        name="company-assessments",
    ),
    path(
        "assessments/<int:pk>/", AssessmentDetailApi.as_view(), name="assessment-detail"
    ),
    *router.urls,
]
