"""The application pages: the consultant's file and the agency's queue."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accreditation.models import Application
from tests.accreditation.factories import (
    PDF_BYTES,
    ApplicationFactory,
    complete_application,
)

pytestmark = pytest.mark.django_db


def detail(application):
    return reverse("accreditation:application-detail", args=[application.pk])


def transition(application, name):
    return reverse("accreditation:application-transition", args=[application.pk, name])


def test_it_creates_a_draft_from_the_page(client, consultant):
    client.force_login(consultant)

    response = client.post(
        reverse("accreditation:application-new"),
        {"domains": ["TEL"], "years_experience": 8, "languages": ["fr"]},
    )

    application = Application.objects.get()
    assert response["Location"] == detail(application)
    assert application.consultant == consultant


def test_it_shows_a_form_error_for_a_bad_enterprise_number(client, consultant):
    client.force_login(consultant)

    response = client.post(
        reverse("accreditation:application-new"),
        {"domains": ["TEL"], "years_experience": 8, "enterprise_number": "123"},
    )

    assert response.status_code == 200
    assert not Application.objects.exists()
    assert "0403.019.261" in response.content.decode()


def test_it_uploads_a_document_from_the_page(client, consultant):
    application = ApplicationFactory(consultant=consultant)
    client.force_login(consultant)

    client.post(
        reverse("accreditation:application-add-document", args=[application.pk]),
        {"kind": "cv", "file": SimpleUploadedFile("cv.pdf", PDF_BYTES)},
    )

    assert application.documents.get().kind == "cv"


def test_it_shows_the_checklist_and_only_the_owners_actions(client, consultant):
    application = ApplicationFactory(consultant=consultant)
    client.force_login(consultant)

    content = client.get(detail(application)).content.decode()

    assert 'data-check="charter" data-done="no"' in content
    assert 'data-action="submit"' in content
    assert 'data-action="accept"' not in content


def test_it_sends_the_file_with_the_submit_button(client, consultant):
    application = complete_application(consultant=consultant)
    client.force_login(consultant)

    client.post(transition(application, "submit"))

    application.refresh_from_db()
    assert application.status == "submitted"


def test_it_explains_a_refused_submission_in_a_message(client, consultant):
    consultant.language = "en"
    consultant.save()
    application = ApplicationFactory(consultant=consultant)
    client.force_login(consultant)

    response = client.post(transition(application, "submit"), follow=True)

    assert "Still missing" in response.content.decode()
    application.refresh_from_db()
    assert application.status == "draft"


def test_it_offers_the_reviewer_the_review_actions(client, reviewer):
    application = complete_application()
    Application.objects.filter(pk=application.pk).update(status="submitted")
    client.force_login(reviewer)

    content = client.get(detail(application)).content.decode()

    assert 'data-action="accept"' in content
    assert 'data-action="request-changes"' in content
    assert 'data-action="approve"' not in content


def test_it_needs_a_reason_to_reject_from_the_page(client, decider):
    application = complete_application()
    Application.objects.filter(pk=application.pk).update(status="recommended")
    client.force_login(decider)

    client.post(transition(application, "reject"), {"reject-reason": ""})

    application.refresh_from_db()
    assert application.status == "recommended"


def test_it_hides_approval_from_the_reviewer_who_recommended(client, reviewer):
    from core.roles import Role

    reviewer.groups.add(
        *type(reviewer).groups.field.related_model.objects.filter(name=Role.DECIDER)
    )
    application = complete_application()
    Application.objects.filter(pk=application.pk).update(
        status="recommended", recommended_by=reviewer
    )
    client.force_login(reviewer)

    content = client.get(detail(application)).content.decode()

    assert 'data-action="approve"' not in content


def test_it_hides_a_file_from_another_consultant(client, other_consultant):
    application = ApplicationFactory()
    client.force_login(other_consultant)

    assert client.get(detail(application)).status_code == 404


def test_it_lists_the_queue_for_reviewers_most_urgent_first(client, reviewer):
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    late = ApplicationFactory()
    soon = ApplicationFactory()
    Application.objects.filter(pk=late.pk).update(
        status="submitted", due_date=today + datetime.timedelta(days=9)
    )
    Application.objects.filter(pk=soon.pk).update(
        status="submitted", due_date=today + datetime.timedelta(days=1)
    )
    client.force_login(reviewer)

    response = client.get(reverse("accreditation:application-list"))

    assert list(response.context["applications"]) == [soon, late]


def test_it_filters_the_queue_by_domain(client, reviewer):
    tel = ApplicationFactory(domains=["TEL"])
    hrp = ApplicationFactory(domains=["HRP"])
    Application.objects.filter(pk__in=[tel.pk, hrp.pk]).update(status="submitted")
    client.force_login(reviewer)

    response = client.get(reverse("accreditation:application-list") + "?domain=HRP")

    assert list(response.context["applications"]) == [hrp]
