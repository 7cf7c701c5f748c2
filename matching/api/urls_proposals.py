from django.urls import path

from .proposals import RequestProposalsView

urlpatterns = [
    path(
        "requests/<int:pk>/proposals/",
        RequestProposalsView.as_view(),
        name="request-proposals",
    ),
]
