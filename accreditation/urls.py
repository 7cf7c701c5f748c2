from django.urls import path

from . import views

app_name = "accreditation"

urlpatterns = [
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
