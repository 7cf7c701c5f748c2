from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("events/", views.event_list, name="event-list"),
    path("events/mine/", views.my_registrations, name="my-registrations"),
    path("events/<int:pk>/", views.event_detail, name="event-detail"),
    path("events/<int:pk>/register/", views.event_register, name="event-register"),
    path(
        "events/<int:pk>/cancel-registration/",
        views.event_cancel_registration,
        name="event-cancel-registration",
    ),
    path("events/<int:pk>/calendar.ics", views.event_calendar, name="event-calendar"),
    path("events/<int:pk>/attendance/", views.attendance, name="attendance"),
    path(
        "events/<int:pk>/attendance/<int:registration_pk>/check-in/",
        views.attendance_check_in,
        name="attendance-check-in",
    ),
    path(
        "events/<int:pk>/attendance/<int:registration_pk>/no-show/",
        views.attendance_no_show,
        name="attendance-no-show",
    ),
    path(
        "events/<int:pk>/<slug:action>/",
        views.event_transition,
        name="event-transition",
    ),
    path("club/", views.club, name="club"),
    path("club/apply/", views.club_apply, name="club-apply"),
    path("club/testimonial/", views.club_testimonial, name="club-testimonial"),
    path("club/applications/<int:pk>/leave/", views.club_leave, name="club-leave"),
    path(
        "club/applications/<int:pk>/<slug:decision>/",
        views.club_decide,
        name="club-decide",
    ),
]
