"""The web shell: home, role dashboards, language switch, security headers."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_it_presents_the_platform_and_the_needs_on_the_home_page(client):
    response = client.get(reverse("core:home"))

    assert response.status_code == 200
    assert b"NWOW Wallonie" in response.content
    assert b"TEL" in response.content and b"HRP" in response.content


def test_it_sends_anonymous_visitors_of_the_dashboard_to_the_login(client):
    response = client.get(reverse("core:dashboard"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(
    ("persona", "shown", "hidden"),
    [
        ("consultant", "consultant-title", "agency-title"),
        ("pme_member", "pme-title", "consultant-title"),
        ("reviewer", "agency-title", "pme-title"),
    ],
)
def test_it_shows_each_role_its_own_dashboard(client, request, persona, shown, hidden):
    client.force_login(request.getfixturevalue(persona))

    content = client.get(reverse("core:dashboard")).content.decode()

    assert f'id="{shown}"' in content
    assert f'id="{hidden}"' not in content


def test_it_keeps_the_agency_figures_from_consultants(client, consultant):
    client.force_login(consultant)

    content = client.get(reverse("core:dashboard")).content.decode()

    assert "audit-title" not in content


def test_it_switches_the_language_and_stores_it_on_the_profile(client, consultant):
    client.force_login(consultant)

    response = client.post(
        reverse("core:set-language"), {"language": "de", "next": "/dashboard/"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/dashboard/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "de"
    consultant.refresh_from_db()
    assert consultant.language == "de"
    assert client.get("/dashboard/").headers["Content-Language"] == "de"


def test_it_never_redirects_to_another_site_after_switching(client):
    response = client.post(
        reverse("core:set-language"),
        {"language": "en", "next": "https://evil.example.com/"},
    )

    assert response["Location"] == "/"


def test_it_ignores_an_unknown_language(client, consultant):
    client.force_login(consultant)

    client.post(reverse("core:set-language"), {"language": "xx"})

    consultant.refresh_from_db()
    assert consultant.language == "fr"


def test_it_prefers_the_profile_language_over_the_browser(client, consultant):
    consultant.language = "nl"
    consultant.save()
    client.force_login(consultant)

    response = client.get(reverse("core:home"), HTTP_ACCEPT_LANGUAGE="en")

    assert response.headers["Content-Language"] == "nl"


def test_it_follows_the_browser_for_anonymous_visitors(client):
    response = client.get(reverse("core:home"), HTTP_ACCEPT_LANGUAGE="de-BE,de;q=0.9")

    assert response.headers["Content-Language"] == "de"


def test_it_speaks_french_by_default(client):
    assert client.get(reverse("core:home")).headers["Content-Language"] == "fr"


def test_it_sends_a_nonce_based_csp_and_no_inline_script(client):
    response = client.get(reverse("core:home"))

    csp = response.headers["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    scripts = re.findall(r"<script([^>]*)>", response.content.decode())
    assert scripts
    assert all(f'nonce="{nonce}"' in attrs and "src=" in attrs for attrs in scripts)
    assert "unsafe-inline" not in csp


def test_it_serves_every_asset_from_our_own_static_files(client):
    content = client.get(reverse("core:home")).content.decode()

    external = re.findall(r'(?:src|href)="(https?://[^"]+)"', content)
    assert external == []


def test_it_styles_the_login_form_with_labels(client):
    content = client.get(reverse("account_login")).content.decode()

    assert 'class="form-label" for="id_login"' in content
    assert 'class="form-control' in content


def test_it_serves_the_api_docs_without_internet(client, consultant):
    response = client.get(reverse("api-docs"))

    assert response.status_code == 200
    assert b"swagger-ui" in response.content
    assert b"cdn" not in response.content.lower()


def test_it_formats_enterprise_numbers_and_status_labels(english):
    from core.models import User
    from core.templatetags.nwow import enterprise_number, status_label

    assert enterprise_number("0403019261") == "0403.019.261"
    assert enterprise_number("garbage") == "garbage"
    assert status_label("active", User()) == "active"  # no status field


def test_it_shows_the_activity_s_state_changes_in_the_reader_s_language(
    client, consultant
):
    from accreditation.services.applications import application_submit
    from tests.accreditation.factories import complete_application

    application = complete_application(consultant=consultant)
    application_submit(application=application, actor=consultant)
    consultant.language = "fr"
    consultant.save(update_fields=["language"])
    client.force_login(consultant)

    content = client.get(reverse("core:dashboard")).content.decode()

    # The audit row keeps the raw values; the table shows the labels.
    assert "Brouillon → Introduite" in content
    assert "draft → submitted" not in content
