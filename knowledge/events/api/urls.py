from rest_framework.routers import SimpleRouter

from .views import (
    ClubMembershipViewSet,
    ClubMemberViewSet,
    EventViewSet,
    RegistrationViewSet,
)

app_name = "events-api"

router = SimpleRouter()
router.register("events", EventViewSet, basename="event")
router.register("registrations", RegistrationViewSet, basename="registration")
router.register("club/applications", ClubMembershipViewSet, basename="club-application")
router.register("club/members", ClubMemberViewSet, basename="club-member")

urlpatterns = router.urls
