"""Pages of the maturity scan, included by pme/urls.py (namespace "pme")."""

from django.urls import path

from .views import scans

urlpatterns = [
    path("companies/<int:pk>/scan/", scans.scan_new, name="scan-new"),
    path("companies/<int:pk>/scans/", scans.scan_history_page, name="scan-history"),
    path("scans/<int:pk>/", scans.scan_result, name="scan-result"),
]
