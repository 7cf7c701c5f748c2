from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

api_v1 = [
    path("auth/", include("core.api.urls")),
    path("training/", include("training.api.urls")),
    path("accreditation/", include("accreditation.api.urls")),
    path("pme/", include("pme.api.urls")),
    path("matching/", include("matching.api.urls")),
    path("knowledge/", include("knowledge.api.urls")),
    path("knowledge/", include("knowledge.surveys.api.urls")),
    path("knowledge/", include("knowledge.events.api.urls")),
    path("", include("accreditation.api.public_urls")),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves its start-up script as a file: the inline script
    # of the plain view is blocked by our Content-Security-Policy.
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api-schema"),
        name="api-docs",
    ),
]

urlpatterns = [
    path("", include("core.urls")),
    path("accounts/", include("allauth.urls")),
    path("training/", include("training.urls")),
    path("accreditation/", include("accreditation.urls")),
    path("pme/", include("pme.urls")),
    path("matching/", include("matching.urls")),
    path("knowledge/", include("knowledge.urls")),
    path("knowledge/", include("knowledge.surveys.urls")),
    path("knowledge/", include("knowledge.events.urls")),
    path("", include("accreditation.public_urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", include(api_v1)),
]

# API paths answer in the API's error shape, pages in the site's layout; a
# database outage answers 503 with Retry-After (core/errorpages.py).
handler400 = "core.errorpages.bad_request"
handler403 = "core.errorpages.permission_denied"
handler404 = "core.errorpages.page_not_found"
handler500 = "core.errorpages.server_error"
