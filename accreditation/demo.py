"""Demo applications at every stage and the accreditations they granted.

Each file is driven through the real services, so the demo's histories, due
dates and audit rows are exactly what the product produces. Approved files are
then dated back, most to before the matching demo's mission history (which
starts some 20 months ago), a few to the last months: an expert with a record
of missions was approved before them, and only the recent ones are new.
"""

import datetime

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.dates import add_years
from core.demo import DemoContext, register_seeder
from core.models import User

from .models import Accreditation, Application
from .services import applications as workflow
from .services import files

# A minimal, valid PDF: the upload check reads content, not names.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

# The stage the files of the first demo consultants reach, in order; every
# later consultant is an approved expert, so that matching has a market.
STAGES = [
    "approved",
    "approved",
    "approved",
    "approved",
    "recommended",
    "interview_scheduled",
    "under_review",
    "submitted",
    "submitted",
    "incomplete",
    "draft",
    "rejected",
]
# Together they cover the whole taxonomy, so every demo request finds experts.
DOMAIN_SETS = [
    ["TEL"],
    ["MGT", "CHG"],
    ["HRP"],
    ["COL", "DIG"],
    ["SEC"],
    ["TEL", "LEG"],
    ["SPA", "STR"],
    ["HRP", "CHG"],
]
CLIENTS = [
    ("Boulangerie Lambert", "Liège", "télétravail des équipes administratives"),
    ("Menuiserie Dufour", "Namur", "planning partagé et outils collaboratifs"),
    ("Cabinet Delvaux", "Mons", "charte du droit à la déconnexion"),
    ("Transports Henrard", "Arlon", "entretiens annuels et plan de formation"),
    ("Imprimerie Collard", "Wavre", "aménagement en flex office"),
]


# The last approved experts of the demo are new on the market.
NEWLY_APPROVED = 3
# Days between approval and today: seasoned experts were approved before the
# matching history begins (about 640 days ago) and still outside the renewal
# window (which opens 120 days before the 3-year validity ends).
SEASONED_DAYS = (660, 940)
RECENT_DAYS = (20, 90)


def _stage(index: int) -> str:
    return STAGES[index] if index < len(STAGES) else "approved"


def _steps(ctx: DemoContext) -> int:
    return ctx.experts


def _file(ctx: DemoContext, consultant: User, index: int) -> Application:
    domains = DOMAIN_SETS[index % len(DOMAIN_SETS)]
    application = files.application_create(
        consultant=consultant,
        domains=domains,
        enterprise_number="0403.019.261",
        motivation=(
            "Consultant indépendant, j'accompagne des PME wallonnes dans leur "
            "passage au NWOW depuis plusieurs années."
        ),
        years_experience=ctx.rng.randint(4, 22),
        languages=sorted({"fr", ctx.rng.choice(["fr", "de", "nl", "en"])}),
        provinces=sorted(
            ctx.rng.sample(["BE-WBR", "BE-WHT", "BE-WLG", "BE-WLX", "BE-WNA"], 2)
        ),
        remote=ctx.rng.random() < 0.5,
    )
    for kind in ("cv", "insurance", "charter"):
        files.application_add_document(
            application=application,
            actor=consultant,
            kind=kind,
            upload=SimpleUploadedFile(f"{kind}.pdf", DEMO_PDF),
        )
    for offset, (client, city, topic) in enumerate(ctx.rng.sample(CLIENTS, 3)):
        files.application_add_reference(
            application=application,
            actor=consultant,
            client_name=f"{client} ({city})",
            client_contact=ctx.faker.name(),
            client_email=f"contact{index}{offset}@client.demo",
            year=timezone.localdate().year - 1 - offset,
            domain=domains[0],
            description=f"Accompagnement : {topic}.",
        )
    return application


def _drive(application: Application, stage: str, people: dict[str, User]) -> None:
    """Move a complete draft to ``stage`` through the services."""
    consultant = application.consultant
    reviewer, decider = people["reviewer"], people["decider"]
    if stage == "draft":
        return
    workflow.application_submit(application=application, actor=consultant)
    if stage == "submitted":
        return
    if stage == "incomplete":
        workflow.application_request_changes(
            application=application,
            actor=reviewer,
            reason="L'attestation d'assurance date de plus d'un an : merci de la "
            "remplacer.",
        )
        return
    workflow.application_accept(application=application, actor=reviewer)
    if stage == "under_review":
        return
    workflow.application_schedule_interview(
        application=application,
        actor=reviewer,
        at=timezone.now() + datetime.timedelta(days=6, hours=2),
    )
    if stage == "interview_scheduled":
        return
    workflow.application_record_interview(
        application=application,
        actor=reviewer,
        score=82,
        minutes="Expérience solide, références vérifiées par téléphone.",
    )
    # The interview took place before it was recorded, not in six days.
    Application.objects.filter(pk=application.pk).update(
        interview_at=timezone.now() - datetime.timedelta(days=2, hours=3)
    )
    decision = "reject" if stage == "rejected" else "approve"
    workflow.application_recommend(
        application=application,
        actor=reviewer,
        decision=decision,
        reason="Avis motivé après entretien.",
    )
    if stage == "recommended":
        return
    if decision == "approve":
        workflow.application_approve(application=application, actor=decider)
    else:
        workflow.application_reject(
            application=application,
            actor=decider,
            reason="Les missions de référence ne couvrent pas le domaine demandé.",
        )


def _date_back(application: Application, *, days: int) -> None:
    """Move an approved file and its accreditations ``days`` into the past."""
    approved = timezone.localdate() - datetime.timedelta(days=days)
    decided = timezone.now() - datetime.timedelta(days=days)
    Application.objects.filter(pk=application.pk).update(
        created_at=decided - datetime.timedelta(days=75),
        submitted_at=decided - datetime.timedelta(days=60),
        interview_at=decided - datetime.timedelta(days=14),
        decided_at=decided,
        updated_at=decided,
    )
    years = settings.NWOW["ACCREDITATION_VALIDITY_YEARS"]
    Accreditation.objects.filter(application=application).update(
        valid_from=approved, valid_until=add_years(approved, years)
    )


def seed(ctx: DemoContext) -> None:
    people = {
        "reviewer": ctx.users["reviewer"][0],
        "decider": ctx.users["decider"][0],
    }
    consultants = ctx.users.get("consultant", [])
    approved = [i for i in range(len(consultants)) if _stage(i) == "approved"]
    recent = (
        set(approved[-NEWLY_APPROVED:]) if len(approved) > NEWLY_APPROVED else set()
    )
    for index, consultant in enumerate(consultants):
        # Idempotent: a consultant who already has a file keeps it as it is.
        if not Application.objects.filter(consultant=consultant).exists():
            stage = _stage(index)
            application = _file(ctx, consultant, index)
            _drive(application, stage, people)
            if stage == "approved":
                span = RECENT_DAYS if index in recent else SEASONED_DAYS
                _date_back(application, days=ctx.rng.randint(*span))
        ctx.progress(1)


def register() -> None:
    register_seeder(order=30, name="accreditation", steps=_steps, run=seed)
