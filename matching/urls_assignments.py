"""Page of batch assignment, included in the "matching" namespace."""

from django.urls import path

from . import views_assignments

urlpatterns = [
    path(
        "assignments/",
        views_assignments.assignment_batch,
        name="assignment-batch",
    ),
]
