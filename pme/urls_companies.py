"""Page URLs of companies, included by pme/urls.py in the "pme" namespace."""

from django.urls import path

from .views import companies

urlpatterns = [
    path("companies/", companies.company_index, name="company-list"),
    path("companies/new/", companies.company_new, name="company-new"),
    path("companies/<int:pk>/", companies.company_detail, name="company-detail"),
    path("companies/<int:pk>/edit/", companies.company_edit, name="company-edit"),
    path(
        "companies/<int:pk>/invitations/",
        companies.company_invite,
        name="company-invite",
    ),
    path(
        "companies/<int:pk>/members/<int:user_id>/remove/",
        companies.member_remove,
        name="member-remove",
    ),
    path(
        "invitations/<str:token>/",
        companies.invitation_accept,
        name="invitation-accept",
    ),
]
