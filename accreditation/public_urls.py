"""Pages open to everyone: verifying an accreditation, the directory of experts."""

from django.urls import path

from . import views_public

app_name = "accreditation-public"

urlpatterns = [
    path("verify/", views_public.verify, name="verify"),
    path("verify/<str:code>/", views_public.verify, name="verify-code"),
    path("experts/", views_public.experts, name="experts"),
]
