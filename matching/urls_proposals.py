from django.urls import path

from . import views_proposals

urlpatterns = [
    path(
        "requests/<int:pk>/proposals/",
        views_proposals.request_proposals,
        name="request-proposals",
    ),
]
