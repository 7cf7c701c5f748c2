import pytest

from core.errors import DomainError
from core.models import AuditEntry
from knowledge.models import CaseStudy, ContentStatus
from knowledge.services import case_study_submit_testimonial
from tests.pme.factories import CompanyFactory

pytestmark = pytest.mark.django_db


def _submit(author, company, **overrides):
    fields = {
        "title": "Le télétravail chez nous",
        "situation": "Nous étions tous au bureau.",
        "actions": "Une charte de télétravail.",
        "results": "Moins de trajets, -20 % d'absentéisme.",
        "quote": "On ne reviendrait pas en arrière.",
    }
    return case_study_submit_testimonial(
        author=author, company=company, **{**fields, **overrides}
    )


def test_it_creates_a_case_study_in_review_with_the_company_tags(pme_member):
    company = CompanyFactory(created_by=pme_member, postal_code="5000")

    case_study = _submit(pme_member, company)

    assert case_study.status == ContentStatus.IN_REVIEW
    assert case_study.company == company
    assert case_study.company_name == company.name
    assert case_study.province == company.province == "BE-WNA"
    assert case_study.sector == company.nace_section
    assert case_study.size_class == company.size_class
    assert case_study.quotes.get().text == "On ne reviendrait pas en arrière."


def test_it_audits_the_testimonial_with_its_author(pme_member):
    company = CompanyFactory(created_by=pme_member)

    case_study = _submit(pme_member, company)

    entry = AuditEntry.objects.get(object_id=str(case_study.pk))
    assert entry.action == "knowledge.case_study.testimonial_submitted"
    assert entry.actor == pme_member
    assert entry.to_state == "in_review"


def test_it_refuses_an_empty_story_and_creates_nothing(pme_member):
    company = CompanyFactory(created_by=pme_member)

    with pytest.raises(DomainError) as error:
        _submit(pme_member, company, results="  ")

    assert list(error.value.fields) == ["results"]
    assert not CaseStudy.objects.exists()
