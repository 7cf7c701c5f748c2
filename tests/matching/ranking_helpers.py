"""Builders of ranking tests: approved experts and their past missions."""

import datetime

from accreditation.models import Application
from core.roles import Role
from matching.models import Engagement, ExpertProfile, Rating
from tests.accreditation.factories import (
    AccreditationFactory,
    ApplicationFactory,
    need,
)
from tests.factories import UserFactory
from tests.matching.factories import expert_request, outsider_company


def approved_expert(
    *,
    domains=("TEL",),
    languages=("fr",),
    provinces=("BE-WNA",),
    remote=False,
    since: datetime.date | None = None,
    **names,
):
    """A consultant with an approved application and active accreditations."""
    consultant = UserFactory(roles=[Role.CONSULTANT], **names)
    application = ApplicationFactory(
        consultant=consultant,
        status=Application.Status.APPROVED,
        domains=list(domains),
        languages=list(languages),
        provinces=list(provinces),
        remote=remote,
    )
    for code in domains:
        AccreditationFactory(
            consultant=consultant,
            application=application,
            domain=need(code),
            valid_from=since or datetime.date.today(),
        )
    return consultant


def profile(expert, **fields) -> ExpertProfile:
    return ExpertProfile.objects.create(expert=expert, **fields)


def mission(
    expert,
    *,
    company=None,
    status=Engagement.Status.CLOSED,
    rating: int | None = None,
    outcome: dict | None = None,
) -> Engagement:
    """A mission of the expert for another company (closed by default)."""
    company = company or outsider_company()
    engagement = Engagement.objects.create(
        request=expert_request(company),
        expert=expert,
        status=status,
        outcome=outcome or {},
    )
    if rating is not None:
        Rating.objects.create(
            engagement=engagement, score=rating, rated_by=company.created_by
        )
    return engagement
