"""The OpenAPI schema validates without warnings."""

import pytest
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_it_generates_a_valid_schema_without_warnings(tmp_path):
    target = tmp_path / "schema.yaml"

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))

    schema = target.read_text()
    assert "/api/v1/auth/token/" in schema
    assert "/api/v1/training/enrolments/{id}/" in schema
    assert "/api/v1/accreditation/applications/{id}/approve/" in schema


def test_it_serves_the_schema(client):
    response = client.get(reverse("api-schema"), HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    assert "tokenAuth" in response.json()["components"]["securitySchemes"]
