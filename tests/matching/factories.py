"""Builders of matching tests: scans made directly as pme Assessment rows.

The scan engineer's services may not exist yet, so a scan is a row with a
level (a completed scan) on a questionnaire version numbered 99.
"""

import datetime

from django.utils import timezone

from core.roles import Role
from matching.models import ExpertRequest
from pme.models import Assessment, Membership, QuestionnaireVersion
from tests.factories import UserFactory
from tests.pme.factories import CompanyFactory

SCORES = {"D1": 40, "D2": 20, "D3": 60, "D4": 55, "D5": 70, "D6": 35}


def scan(company, *, days_ago: int = 10, level: int | None = 2) -> Assessment:
    version, _created = QuestionnaireVersion.objects.get_or_create(number=99)
    assessment = Assessment.objects.create(
        company=company,
        version=version,
        taken_by=company.created_by,
        dimension_scores=SCORES,
        overall_score=46,
        level=level,
    )
    # taken_at is auto_now_add: move it back in time after the insert.
    taken_at = timezone.now() - datetime.timedelta(days=days_ago)
    Assessment.objects.filter(pk=assessment.pk).update(taken_at=taken_at)
    assessment.refresh_from_db()
    return assessment


def company_of(user, **kwargs):
    """A company with ``user`` as a plain member and a recent scan."""
    company = CompanyFactory(**kwargs)
    Membership.objects.create(company=company, user=user)
    scan(company)
    return company


def outsider_company():
    """Another company, with its own administrator and a recent scan."""
    company = CompanyFactory(created_by=UserFactory(roles=[Role.PME]))
    scan(company)
    return company


def expert_request(company, *, needs=("TEL",), **fields) -> ExpertRequest:
    from core.models import Need

    rows = list(Need.objects.filter(code__in=needs))
    created = ExpertRequest.objects.create(
        company=company,
        created_by=fields.pop("created_by", company.created_by),
        primary_need=rows[0],
        description=fields.pop("description", "Nous voulons organiser le télétravail."),
        language=fields.pop("language", "fr"),
        assessment=company.assessments.order_by("-taken_at").first(),
        **fields,
    )
    created.needs.set(rows)
    return created
