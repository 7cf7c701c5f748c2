import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from knowledge.models import Capsule, Resource

pytestmark = pytest.mark.django_db


def _resource_form(**overrides) -> dict:
    return {
        "title": "Does Working from Home Work?",
        "summary": "Une expérience randomisée.",
        "language": "en",
        "resource_kind": "publication",
        "authors": "Bloom, Nicholas",
        "year": "2015",
        "doi": "https://doi.org/10.1093/qje/qju032",
        "dimensions": ["D2"],
        **overrides,
    }


def test_it_lets_an_editor_add_a_resource_as_a_draft(client, editor):
    client.force_login(editor)

    response = client.post(reverse("admin:knowledge_resource_add"), _resource_form())

    assert response.status_code == 302
    resource = Resource.objects.get()
    assert resource.doi == "10.1093/qje/qju032"
    assert resource.dimensions == "D2"
    assert resource.status == "draft"
    assert resource.created_by == editor


def test_it_refuses_a_malformed_doi(client, editor):
    client.force_login(editor)

    response = client.post(
        reverse("admin:knowledge_resource_add"), _resource_form(doi="qju032")
    )

    assert response.status_code == 200
    assert not Resource.objects.exists()


def test_it_refuses_subtitles_that_are_not_webvtt(client, editor):
    client.force_login(editor)
    form = {
        "title": "Capsule",
        "summary": "Résumé.",
        "language": "fr",
        "duration_seconds": "60",
        "external_url": "https://video.example.be/1",
        "transcript": "Bonjour.",
        "subtitles_file": SimpleUploadedFile("s.vtt", b"1\n00:00:01,000 --> x\n"),
    }

    response = client.post(reverse("admin:knowledge_capsule_add"), form)

    assert response.status_code == 200
    assert not Capsule.objects.exists()


def test_it_keeps_the_admin_from_readers(client, pme_member):
    pme_member.is_staff = True
    pme_member.save()
    client.force_login(pme_member)

    response = client.get(reverse("admin:knowledge_resource_changelist"))

    assert response.status_code == 403
