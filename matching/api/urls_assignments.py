"""Route of batch assignment, included in the "matching-api" namespace."""

from django.urls import path

from .assignments import AssignmentApi

urlpatterns = [
    path("assignments/", AssignmentApi.as_view(), name="assignment-batch"),
]
