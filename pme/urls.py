from .urls_companies import urlpatterns as company_urlpatterns
from .urls_scans import urlpatterns as scan_urlpatterns

app_name = "pme"

urlpatterns = [*company_urlpatterns, *scan_urlpatterns]
