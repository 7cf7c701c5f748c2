"""The training part of the demo world: programmes, sessions, consultants at
every stage of a programme, certifications and CPD activities.

Rows are looked up by natural keys before being created, so that a second run
changes nothing. Attendance and results are written directly rather than
through the services: those audit rows would name the demo trainers as actors,
and the audit log protects its actors from deletion, which would pin every demo
account. Certifications go through the service, as the system (no actor).
"""

import random
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from core.demo import DemoContext, register_seeder
from core.models import Need

from . import services
from .models import (
    Assessment,
    Attempt,
    Attendance,
    CpdActivity,
    Enrolment,
    Module,
    Programme,
    Session,
    SessionRegistration,
)

# Demo content is French, like the agency's own catalogue.
PROGRAMMES = {
    "TEL": (
        "Organiser le télétravail",
        [
            ("Cadre légal du télétravail en Belgique", 6, True),
            ("Outils collaboratifs et sécurité", 8, True),
            ("Manager une équipe hybride", 6, True),
            ("Bien-être et droit à la déconnexion", 3, False),
        ],
    ),
    "MGT": (
        "Management par la confiance",
        [
            ("Fondements du management participatif", 6, True),
            ("Objectifs, autonomie et feedback", 6, True),
            ("Conduire le changement en PME", 8, True),
        ],
    ),
    "HRP": (
        "Pratiques RH des nouvelles formes de travail",
        [
            ("Recrutement et intégration à distance", 6, True),
            ("Temps de travail et flexibilité", 4, True),
            ("Évaluer sans surveiller", 4, True),
            ("Dialogue social et conventions collectives", 3, False),
        ],
    ),
}

CPD_ACTIVITIES = [
    (CpdActivity.Category.FORUM, Decimal(6), "NWOW Forum, Namur"),
    (CpdActivity.Category.CONFERENCE, Decimal(3), "Conférence AWEX sur le travail"),
    (CpdActivity.Category.PEER_SUPERVISION, Decimal(2), "Intervision entre pairs"),
    (CpdActivity.Category.PUBLICATION, Decimal(8), "Article dans la revue RH"),
]

# The consultants' stages, in turn: not enrolled, just enrolled, half-way
# through, certified.
STAGES = ["none", "enrolled", "halfway", "certified"]


def _anchor() -> datetime:
    # Sessions were held in the weeks before the demo was seeded.
    today = timezone.localdate()
    return timezone.make_aware(datetime.combine(today, time(9, 0)))


def _seed_programme(
    ctx: DemoContext, rng: random.Random, code: str, index: int
) -> Programme:
    title, modules = PROGRAMMES[code]
    programme, _created = Programme.objects.get_or_create(
        domain=Need.objects.get(code=code),
        version=1,
        defaults={"title": title, "is_published": True},
    )
    trainers = ctx.users.get("trainer", [])
    start = _anchor() - timedelta(days=60 - 7 * index)
    for order, (module_title, hours, mandatory) in enumerate(modules, start=1):
        module, _created = Module.objects.get_or_create(
            programme=programme,
            order=order,
            defaults={
                "title": module_title,
                "nominal_hours": Decimal(hours),
                "mandatory": mandatory,
            },
        )
        if not module.sessions.exists():
            starts_at = start + timedelta(days=7 * order)
            Session.objects.create(
                module=module,
                starts_at=starts_at,
                ends_at=starts_at + timedelta(hours=hours),
                place=rng.choice(["Namur", "Liège", "Charleroi", "Mons"]),
                trainer=trainers[(index + order) % len(trainers)] if trainers else None,
                capacity=20,
            )
        if not module.assessments.exists():
            Assessment.objects.create(
                module=module,
                kind=rng.choice(list(Assessment.Kind)),
                title=f"Évaluation · {module_title}",
                compensable=order % 2 == 0,
            )
    return programme


def _complete_module(rng: random.Random, enrolment: Enrolment, module: Module) -> None:
    session = module.sessions.order_by("starts_at").first()
    registration, _created = SessionRegistration.objects.get_or_create(
        session=session, enrolment=enrolment
    )
    if not hasattr(registration, "attendance"):
        Attendance.objects.create(
            registration=registration,
            status=Attendance.Status.PRESENT,
            minutes=session.duration_minutes - rng.choice([0, 0, 15]),
            recorded_by=session.trainer,
        )
    for assessment in module.assessments.all():
        Attempt.objects.get_or_create(
            assessment=assessment,
            enrolment=enrolment,
            number=1,
            defaults={
                "score": Decimal(rng.randint(12, 18)),
                "recorded_by": session.trainer,
            },
        )


def _seed_consultant(
    ctx: DemoContext,
    rng: random.Random,
    index: int,
    consultant,
    programmes: list[Programme],
) -> None:
    stage = STAGES[index % len(STAGES)]
    if stage != "none":
        programme = programmes[index % len(programmes)]
        enrolment = (
            Enrolment.objects.filter(consultant=consultant, programme=programme)
            .order_by("pk")
            .first()
        ) or Enrolment.objects.create(consultant=consultant, programme=programme)
        modules = list(programme.modules.all())
        done = modules[:1] if stage == "halfway" else []
        if stage == "certified":
            done = modules
        for module in done:
            _complete_module(rng, enrolment, module)
        if stage == "certified":
            services.certification_issue_if_complete(enrolment=enrolment)

    reviewers = ctx.users.get("reviewer", [])
    statuses = [
        CpdActivity.Status.DECLARED,
        CpdActivity.Status.VERIFIED,
        CpdActivity.Status.REJECTED,
    ]
    for number in range(index % 3 + 1):
        category, hours, description = CPD_ACTIVITIES[(index + number) % 4]
        status = statuses[(index + number) % 3]
        if CpdActivity.objects.filter(
            consultant=consultant, description=description
        ).exists():
            continue
        CpdActivity.objects.create(
            consultant=consultant,
            category=category,
            date=timezone.localdate() - timedelta(days=rng.randint(10, 300)),
            hours=hours,
            description=description,
            status=status,
            reviewed_by=(reviewers[0] if reviewers and status != statuses[0] else None),
            review_reason=(
                "Attestation de présence manquante"
                if status == CpdActivity.Status.REJECTED
                else ""
            ),
        )


def seed_training(ctx: DemoContext) -> None:
    # One draw from the shared generator whatever exists already: a second run
    # skips rows (and their draws) without shifting the seeders that follow.
    rng = random.Random(ctx.rng.getrandbits(64))  # noqa: S311 - demo data
    programmes = []
    for index, code in enumerate(PROGRAMMES):
        programmes.append(_seed_programme(ctx, rng, code, index))
        ctx.progress(1)
    for index, consultant in enumerate(ctx.users.get("consultant", [])):
        _seed_consultant(ctx, rng, index, consultant, programmes)
        ctx.progress(1)


def register() -> None:
    register_seeder(
        order=20,
        name="training",
        steps=lambda ctx: len(PROGRAMMES) + ctx.experts,
        run=seed_training,
    )
