"""Demo matching: expert profiles, open requests and a history of missions.

The history gives ``train_ranker`` something to learn from: for most demo
companies, two or three past requests, each with a ranked list of every
approved expert (components stored as the ranking stores them), the chosen
expert's closed mission with its sessions, report, rating, second scan and
gain. Past states are written as rows with their final field values: the
workflow's services are for live missions, and a past mission has no one to
e-mail. Every draw comes from ``ctx.rng``, so one seed gives one world.

Each hidden "skill" of an expert drives the company's choice a little and
the mission's rating and gain a lot, as in life: the learner has a signal
that the hand-tuned weights only partly capture.
"""

import datetime
import math
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from core.dates import add_working_days
from core.demo import DemoContext, register_seeder
from core.models import Need, User

from .models import (
    Engagement,
    ExpertProfile,
    ExpertRequest,
    Proposal,
    Rating,
    WeightsVersion,
    WorkingSession,
)
from .weights import COMPONENTS

# Six companies in seven have past missions. Decided by position, not by a
# draw, so that a second run makes the same decisions whatever the rng state.
NO_HISTORY_EVERY = 7
OPEN_REQUEST_EVERY = 3  # one company in three has an open request
DECLINE_RATE = 0.07  # the first chosen expert declines, the next one takes it
SCAN_SCALE = 25.0  # scan scores are 0–100, answers 0–4

SESSION_TOPICS = [
    "Diagnostic partagé avec la direction",
    "Atelier avec les équipes",
    "Rédaction de la charte",
    "Choix et paramétrage des outils",
    "Formation des managers",
    "Entretiens individuels",
    "Point d'étape avec le comité de pilotage",
    "Plan de communication interne",
]
SESSION_NOTES = [
    "Bonne participation ; les questions portent surtout sur l'organisation "
    "des horaires.",
    "Les managers demandent des repères concrets pour suivre le travail à distance.",
    "Décisions prises : un pilote de trois mois, puis une évaluation.",
    "Quelques résistances au changement, à traiter dans la communication.",
    "",
]
SUMMARIES = [
    "La mission a permis de poser un cadre clair, partagé par la direction et "
    "les équipes, et de lancer un pilote suivi chaque mois.",
    "L'entreprise dispose désormais d'une démarche écrite, d'outils adaptés et "
    "d'un calendrier de mise en œuvre.",
]
RECOMMENDATIONS = [
    "Évaluer le pilote après trois mois.\nFormer les nouveaux managers.\n"
    "Revoir la charte chaque année.",
    "Nommer un référent interne.\nMesurer la satisfaction des équipes.\n"
    "Partager les résultats avec tout le personnel.",
]
ACTION_PLAN = (
    "1. Communiquer la démarche à tout le personnel (mois 1).\n"
    "2. Lancer le pilote avec deux équipes (mois 2).\n"
    "3. Évaluer et étendre (mois 5)."
)
COMMENTS = ["", "Très bon accompagnement.", "Clair et pragmatique.", "Utile."]
PROFILE_EXCLUSIONS = [
    {"excluded_sizes": ["medium"]},
    {"excluded_sections": ["I"]},
    {"excluded_provinces": ["BE-WLX"]},
]


def _steps(ctx: DemoContext) -> int:
    return ctx.companies


# -- expert profiles ----------------------------------------------------------


def _approved_experts() -> tuple[list[User], dict[int, dict]]:
    from django.db.models import Min

    from accreditation.models import Accreditation
    from accreditation.selectors.accreditations import expert_list, expert_profiles

    experts = list(expert_list().order_by("pk"))
    profiles = expert_profiles(experts=experts)
    # The history proposes an expert only from the day of approval on.
    approved_on = dict(
        Accreditation.objects.filter(
            consultant__in=experts, status__in=Accreditation.MATCHABLE_STATES
        )
        .values("consultant_id")
        .annotate(first=Min("valid_from"))
        .values_list("consultant_id", "first")
    )
    for expert in experts:
        profiles[expert.pk]["approved_on"] = approved_on[expert.pk]
    return experts, profiles


def _seed_profiles(ctx: DemoContext, experts: list[User]) -> None:
    for index, expert in enumerate(experts):
        # Every other expert declares one exclusion.
        exclusions = PROFILE_EXCLUSIONS[index // 2 % 3] if index % 2 else {}
        ExpertProfile.objects.get_or_create(
            expert=expert,
            defaults={"max_concurrent_missions": ctx.rng.randint(2, 4), **exclusions},
        )


# -- scans --------------------------------------------------------------------


def _scan(
    ctx: DemoContext,
    company,
    structure: dict[str, list[str]],
    target: dict[str, float],
    when: datetime.datetime,
):
    """A scan whose dimension scores land near ``target``, dated ``when``."""
    from pme.models import Assessment
    from pme.services.scans import assessment_submit

    answers = {}
    for dimension, questions in structure.items():
        level = target.get(dimension, 50.0) / SCAN_SCALE
        for code in questions:
            value = round(level + ctx.rng.uniform(-0.6, 0.6))
            answers[code] = max(0, min(4, value))
    assessment = assessment_submit(
        user=company.created_by, company=company, answers=answers
    )
    Assessment.objects.filter(pk=assessment.pk).update(taken_at=when)
    assessment.taken_at = when
    return assessment


def _scores(assessment) -> dict[str, float]:
    return {
        code: float(value)
        for code, value in (assessment.dimension_scores or {}).items()
        if value is not None
    }


# -- the ranking of the past --------------------------------------------------


class ExpertRecord:
    """What the history has taught about an expert so far, in seeding order."""

    def __init__(self, skill: float) -> None:
        self.skill = skill
        self.ratings: list[int] = []
        self.gains: list[float] = []
        self.sections: dict[str, int] = {}
        self.sizes: dict[str, int] = {}

    def quality(self) -> float:
        prior = float(settings.NWOW["QUALITY_PRIOR_MEAN"])
        weight = float(settings.NWOW["QUALITY_PRIOR_WEIGHT"])
        mean = (prior * weight + sum(self.ratings)) / (weight + len(self.ratings))
        return (mean - 1) / 4

    def outcome(self) -> float:
        if not self.gains:
            return 0.0
        return max(0.0, min(1.0, sum(self.gains) / len(self.gains) / 20))


def _experience(count: int) -> float:
    return 1 - math.exp(-count / 3)


def _components(
    ctx: DemoContext, record: ExpertRecord, profile: dict, company, needs: list[Need]
) -> dict[str, float]:
    covered = sum(need.code in profile["domains"] for need in needs)
    if company.province in profile["provinces"]:
        proximity = 1.0
    else:
        proximity = 0.5 if profile["remote"] else 0.3
    return {
        "need_coverage": covered / len(needs),
        "quality": record.quality(),
        "outcome": record.outcome(),
        "sector_experience": _experience(record.sections.get(company.nace_section, 0)),
        "size_experience": _experience(record.sizes.get(company.size_class, 0)),
        "proximity": proximity,
        "availability": ctx.rng.uniform(0.25, 1.0),
        "exploration": 0.0,
    }


def _propose(
    ctx: DemoContext,
    request: ExpertRequest,
    experts: list[User],
    rows: list[dict[str, float]],
    weights: WeightsVersion,
    when: datetime.datetime,
) -> list[Proposal]:
    scored = []
    for expert, raw in zip(experts, rows, strict=True):
        contributions = {
            name: round(raw[name] * float(weights.weights.get(name, 0)), 6)
            for name in COMPONENTS
        }
        scored.append((sum(contributions.values()), expert, contributions))
    scored.sort(key=lambda item: (-item[0], item[1].pk))
    Proposal.objects.bulk_create(
        Proposal(
            request=request,
            expert=expert,
            rank=rank,
            score=round(score, 6),
            components=contributions,
            weights_version=weights,
        )
        for rank, (score, expert, contributions) in enumerate(scored, start=1)
    )
    Proposal.objects.filter(request=request).update(created_at=when)
    return list(Proposal.objects.filter(request=request).order_by("rank"))


# -- one past mission ---------------------------------------------------------


def _past_mission(
    ctx: DemoContext,
    *,
    company,
    needs: list[Need],
    before,
    when: datetime.datetime,
    experts: list[User],
    profiles: dict[int, dict],
    records: dict[int, ExpertRecord],
    weights: WeightsVersion,
    structure: dict[str, list[str]],
):
    """A request, its proposals, the chosen expert's closed mission and the
    scan after it; returns that scan."""
    rng = ctx.rng
    # Only the experts approved by then were on the market.
    experts = [e for e in experts if profiles[e.pk]["approved_on"] <= when.date()]
    if not experts:
        return before
    request = ExpertRequest.objects.create(
        company=company,
        created_by=company.created_by,
        primary_need=needs[0],
        description="Nous souhaitons être accompagnés : "
        + ", ".join(need.label("fr").lower() for need in needs)
        + ".",
        language=company.language,
        budget_days=rng.randint(3, 15),
        assessment=before,
    )
    request.needs.set(needs)
    # A past request whose mission is over: closed, off the market.
    ExpertRequest.objects.filter(pk=request.pk).update(
        created_at=when, status=ExpertRequest.Status.CLOSED
    )

    # 1. The ranking of the day, then the company's choice: mostly the top of
    # the list, nudged by what it heard of each expert.
    rows = [
        _components(ctx, records[e.pk], profiles[e.pk], company, needs) for e in experts
    ]
    proposals = _propose(ctx, request, experts, rows, weights, when)
    preference = sorted(
        proposals,
        key=lambda p: (
            -(p.score + 0.3 * records[p.expert_id].skill + rng.gauss(0, 0.05))
        ),
    )
    chosen = preference[:2] if rng.random() < DECLINE_RATE else preference[:1]
    Proposal.objects.filter(pk__in=[p.pk for p in chosen]).update(chosen=True)

    start = when + datetime.timedelta(days=rng.randint(5, 12))
    if len(chosen) == 2:
        declined = Engagement.objects.create(
            request=request,
            expert=chosen[0].expert,
            proposal=chosen[0],
            status=Engagement.Status.DECLINED,
            status_reason="Pas de disponibilité avant plusieurs mois.",
        )
        Engagement.objects.filter(pk=declined.pk).update(created_at=start)
    proposal = chosen[-1]
    record = records[proposal.expert_id]

    # 2. The mission itself.
    started = (start + datetime.timedelta(days=rng.randint(7, 20))).date()
    count = rng.randint(3, 6)
    dates = [
        started + datetime.timedelta(days=7 * i + rng.randint(0, 2))
        for i in range(count)
    ]
    reported = timezone.make_aware(
        datetime.datetime.combine(dates[-1], datetime.time(17, 0))
        + datetime.timedelta(days=rng.randint(2, 6))
    )
    validated = reported + datetime.timedelta(days=rng.randint(2, 9))
    closed = validated + datetime.timedelta(days=rng.randint(1, 5))

    # 3. What it changed: the needs' dimensions gain with the expert's skill.
    targets = {dimension for need in needs for dimension in need.dimension_codes}
    scores = _scores(before)
    target = {
        code: min(
            100.0,
            max(
                0.0,
                value
                + (
                    record.skill * 22 + rng.gauss(0, 4)
                    if code in targets
                    else rng.gauss(1, 3)
                ),
            ),
        )
        for code, value in scores.items()
    }
    after = _scan(
        ctx,
        company,
        structure,
        target,
        closed + datetime.timedelta(days=rng.randint(7, 20)),
    )
    after_scores = _scores(after)
    outcome = {
        code: round(after_scores[code] - scores[code], 1)
        for code in sorted(scores)
        if code in after_scores
    }

    engagement = Engagement.objects.create(
        request=request,
        expert=proposal.expert,
        proposal=proposal,
        status=Engagement.Status.CLOSED,
        started_on=started,
        report_summary=rng.choice(SUMMARIES),
        report_recommendations=rng.choice(RECOMMENDATIONS),
        action_plan=ACTION_PLAN,
        report_submitted_at=reported,
        validation_due=add_working_days(
            reported.date(), int(settings.NWOW["REPORT_VALIDATION_WORKING_DAYS"])
        ),
        validated_at=validated,
        closed_at=closed,
        scan_after=after,
        outcome=outcome,
    )
    Engagement.objects.filter(pk=engagement.pk).update(created_at=start)
    WorkingSession.objects.bulk_create(
        WorkingSession(
            engagement=engagement,
            date=day,
            hours=Decimal(rng.choice(["2.0", "2.5", "3.0", "3.5", "4.0", "6.0"])),
            topic=rng.choice(SESSION_TOPICS),
            notes=rng.choice(SESSION_NOTES),
            logged_by=proposal.expert,
        )
        for day in dates
    )
    rating = max(1, min(5, round(2.2 + 3 * record.skill + rng.gauss(0, 0.6))))
    Rating.objects.create(
        engagement=engagement,
        score=rating,
        comment=rng.choice(COMMENTS),
        rated_by=company.created_by,
    )
    Rating.objects.filter(engagement=engagement).update(rated_at=closed)

    # 4. What the next ranking will know of this expert.
    record.ratings.append(rating)
    gains = [outcome[code] for code in targets if code in outcome]
    if gains:
        record.gains.append(sum(gains) / len(gains))
    record.sections[company.nace_section] = (
        record.sections.get(company.nace_section, 0) + 1
    )
    record.sizes[company.size_class] = record.sizes.get(company.size_class, 0) + 1
    return after


def _history(ctx: DemoContext, company, **shared) -> None:
    from pme.models import Assessment

    rng = ctx.rng
    needs_by_code = shared.pop("needs_by_code")
    domains = shared.pop("domains")
    now = timezone.now()
    count = rng.randint(2, 3)
    when = now - datetime.timedelta(days=rng.randint(560, 640))

    # The scan before the first mission: the company's own when it has one
    # that old, else one a little below its earliest.
    before = (
        Assessment.objects.filter(
            company=company, level__isnull=False, taken_at__lt=when
        )
        .order_by("-taken_at", "-id")
        .first()
    )
    if before is None:
        earliest = (
            Assessment.objects.filter(company=company, level__isnull=False)
            .order_by("taken_at", "id")
            .first()
        )
        target = {code: max(0.0, v - 10) for code, v in _scores(earliest).items()}
        before = _scan(
            ctx,
            company,
            shared["structure"],
            target,
            when - datetime.timedelta(days=10),
        )

    for _index in range(count):
        primary = needs_by_code[rng.choice(domains)]
        others = [n for n in needs_by_code.values() if n.pk != primary.pk]
        needs = [primary, *rng.sample(others, rng.randint(0, 1))]
        before = _past_mission(
            ctx, company=company, needs=needs, before=before, when=when, **shared
        )
        when += datetime.timedelta(days=rng.randint(170, 210))


# -- open requests ------------------------------------------------------------


def _open_request(ctx: DemoContext, company) -> None:
    from pme.selectors.scans import assessment_latest, suggested_needs

    from .services import LANGUAGE_CODES, request_create

    latest = assessment_latest(company)
    if latest is None:
        return
    codes = [need.code for need in suggested_needs(latest)][:2]
    if not codes:
        return
    request_create(
        user=company.created_by,
        company=company,
        needs=codes,
        description=(
            "Nous voulons avancer sur nos points faibles du scan et cherchons un "
            "expert agréé pour nous accompagner quelques jours."
        ),
        language=company.language if company.language in LANGUAGE_CODES else "fr",
        budget_days=ctx.rng.randint(3, 12),
    )


def seed(ctx: DemoContext) -> None:
    from pme.models import Company
    from pme.selectors.scans import questionnaire_current, questionnaire_structure

    users = ctx.users.get("pme", [])
    experts, profiles = _approved_experts()
    _seed_profiles(ctx, experts)
    weights = WeightsVersion.objects.filter(is_current=True).first()
    companies = {
        company.created_by_id: company
        for company in Company.objects.filter(created_by__in=users).select_related(
            "created_by"
        )
    }
    domains = sorted({code for pk in profiles for code in profiles[pk]["domains"]})
    needs_by_code = {
        need.code: need
        for need in Need.objects.filter(is_active=True).prefetch_related(
            "dimension_links"
        )
    }
    shared = {
        "experts": experts,
        "profiles": profiles,
        "records": {e.pk: ExpertRecord(ctx.rng.uniform(0.35, 1.0)) for e in experts},
        "weights": weights,
        "structure": questionnaire_structure(questionnaire_current()),
    }
    history_possible = bool(experts and weights and domains)

    for index, user in enumerate(users):
        ctx.progress(1)
        company = companies.get(user.pk)
        # Idempotent: a company with requests was seeded by a past run.
        if company is None or company.expert_requests.exists():
            continue
        if history_possible and index % NO_HISTORY_EVERY != NO_HISTORY_EVERY - 1:
            _history(
                ctx,
                company,
                needs_by_code=needs_by_code,
                domains=[code for code in domains if code in needs_by_code],
                **shared,
            )
        if index % OPEN_REQUEST_EVERY == 0:
            _open_request(ctx, company)


def register() -> None:
    register_seeder(order=50, name="matching", steps=_steps, run=seed)
