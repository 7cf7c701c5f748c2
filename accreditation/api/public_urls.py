"""API open to everyone: verifying an accreditation, the directory of experts."""

from django.urls import path

from .public import ExpertDirectoryApi, PublicVerifyApi

app_name = "public-api"

urlpatterns = [
    path("public/verify/<str:code>/", PublicVerifyApi.as_view(), name="verify"),
    path("experts/", ExpertDirectoryApi.as_view(), name="experts"),
]
