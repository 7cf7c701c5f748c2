from django.urls import path

from . import views, views_accreditations

app_name = "accreditation"

urlpatterns = [
    path(
        "accreditations/",
        views_accreditations.accreditation_index,
        name="accreditation-list",
    ),
    path(
        "accreditations/<int:pk>/",
        views_accreditations.accreditation_detail,
        name="accreditation-detail",
    ),
    path(
        "accreditations/<int:pk>/certificate.pdf",
        views_accreditations.accreditation_certificate,
        name="accreditation-certificate",
    ),
    path(
        "accreditations/<int:pk>/<slug:name>/",
        views_accreditations.accreditation_transition,
        name="accreditation-transition",
    ),
    path("applications/", views.application_index, name="application-list"),
    path("applications/new/", views.application_new, name="application-new"),
    path("applications/<int:pk>/", views.application_detail, name="application-detail"),
    path(
        "applications/<int:pk>/documents/",
        views.application_add_document,
        name="application-add-document",
    ),
    path(
        "applications/<int:pk>/documents/<int:document_id>/",
        views.application_document,
        name="application-document",
    ),
    path(
        "applications/<int:pk>/references/",
        views.application_add_reference,
        name="application-add-reference",
    ),
    path(
        "applications/<int:pk>/<slug:name>/",
        views.application_transition,
        name="application-transition",
    ),
]
