"""Training pages, included under ``/training/`` by ``config.urls``."""

from django.urls import path

from . import views

app_name = "training"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("programmes/<int:pk>/", views.programme_detail, name="programme-detail"),
    path("programmes/<int:pk>/enrol/", views.programme_enrol, name="programme-enrol"),
    path("my/", views.my_training, name="my-training"),
    path(
        "enrolments/<int:pk>/withdraw/",
        views.enrolment_withdraw,
        name="enrolment-withdraw",
    ),
    path(
        "sessions/<int:pk>/register/", views.session_register, name="session-register"
    ),
    path("cpd/", views.cpd_log, name="cpd-log"),
    path("cpd/<int:pk>/evidence/", views.cpd_evidence, name="cpd-evidence"),
    path("cpd/review/", views.cpd_queue, name="cpd-queue"),
    path("cpd/<int:pk>/verify/", views.cpd_verify, name="cpd-verify"),
    path("cpd/<int:pk>/reject/", views.cpd_reject, name="cpd-reject"),
    path("trainer/sessions/", views.trainer_sessions, name="trainer-sessions"),
    path(
        "sessions/<int:pk>/attendance/",
        views.attendance_sheet,
        name="attendance-sheet",
    ),
    path("modules/<int:pk>/results/", views.module_results, name="module-results"),
]
