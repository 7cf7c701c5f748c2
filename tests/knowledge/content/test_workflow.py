import pytest

from core.errors import DomainError, NotAllowed, TransitionNotAllowed
from core.models import AuditEntry
from knowledge.services import content_transition

from .factories import CaseStudyFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def test_it_moves_a_draft_through_review_to_publication(editor):
    item = CaseStudyFactory(status="draft")

    item = content_transition(user=editor, item=item, action="submit")
    item = content_transition(user=editor, item=item, action="publish")

    assert item.status == "published"
    assert item.published_at is not None
    actions = AuditEntry.objects.filter(object_id=str(item.pk)).values_list(
        "action", "from_state", "to_state"
    )
    assert sorted(actions) == [
        ("knowledge.case_study.published", "in_review", "published"),
        ("knowledge.case_study.submitted", "draft", "in_review"),
    ]


def test_it_returns_an_item_to_draft_with_the_reason(editor):
    item = ResourceFactory(status="in_review")

    item = content_transition(
        user=editor, item=item, action="return", reason="Ajoutez le DOI."
    )

    assert item.status == "draft"
    assert item.status_reason == "Ajoutez le DOI."


def test_it_refuses_to_return_without_a_reason(editor):
    item = ResourceFactory(status="in_review")

    with pytest.raises(DomainError) as error:
        content_transition(user=editor, item=item, action="return", reason=" ")

    assert error.value.code == "required"
    item.refresh_from_db()
    assert item.status == "in_review"


def test_it_lets_admins_publish_too(admin_user):
    item = CaseStudyFactory(status="in_review")

    item = content_transition(user=admin_user, item=item, action="publish")

    assert item.status == "published"


def test_it_refuses_other_roles(reviewer, pme_member):
    item = CaseStudyFactory(status="in_review")

    for user in (reviewer, pme_member):
        with pytest.raises(NotAllowed):
            content_transition(user=user, item=item, action="publish")

    assert not AuditEntry.objects.filter(object_id=str(item.pk)).exists()


def test_it_refuses_an_action_the_state_does_not_allow(editor):
    item = CaseStudyFactory(status="draft")

    with pytest.raises(TransitionNotAllowed):
        content_transition(user=editor, item=item, action="archive")


def test_it_archives_published_content(editor):
    item = CaseStudyFactory()

    item = content_transition(user=editor, item=item, action="archive")

    assert item.status == "archived"
