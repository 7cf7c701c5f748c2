"""Demo Forum and club: the coming Forum NWOW Wallonie in Namur with its
programme, registrations and a waiting list; last year's Forum with its
attendance checked in and the consultants' hours credited; two club
meetings; and the club itself, six member companies and one application.

Dates are relative to the day of the run (the coming Forum is about three
months away, the past one about nine months ago), titles carry their year.
Rows are looked up by natural key (kind and title, company, participant),
so a second run adds nothing. Speakers, venues' rooms and companies are
fictitious; the Palais des Congrès de Namur is a real venue of the city.
"""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db.models import Max
from django.utils import timezone

from core.demo import DemoContext, register_seeder
from core.models import Need, User
from pme.models import Company

from .models import ClubMembership, Event, EventSession, Registration, Speaker
from .services import (
    event_publish,
    event_refresh_search_text,
    registration_check_in,
    registration_create,
    registration_mark_no_show,
)

BRUSSELS = ZoneInfo("Europe/Brussels")

FORUM_DESCRIPTION = (
    "La journée annuelle des PME wallonnes qui passent aux nouvelles façons de "
    "travailler : témoignages de dirigeants, ateliers pratiques avec des "
    "consultants accrédités, tables rondes sur le télétravail, le bureau "
    "partagé et l'entreprise libérée. Accueil dès 8 h 30, lunch de réseautage "
    "compris. Places limitées : la salle plénière accueille un nombre fixe de "
    "participants, une liste d'attente s'ouvre quand elle est complète."
)

# (start, end as "HH:MM", kind, title, room, abstract, speakers)
PROGRAMME = [
    (
        "09:00",
        "09:45",
        EventSession.Kind.KEYNOTE,
        "Ouverture : où en sont les PME wallonnes ?",
        "Salle Namur",
        "Les premiers enseignements des scans de maturité NWOW réalisés sur la "
        "plateforme, dimension par dimension, et ce qu'ils disent des priorités.",
        [("Laura Collignon", "NWOW Wallonie", "Coordinatrice du Forum.")],
    ),
    (
        "10:00",
        "10:45",
        EventSession.Kind.TALK,
        "Télétravail structurel : de la CCT 85 à la pratique",
        "Salle Namur",
        "Ce qu'une politique de télétravail doit prévoir (éligibilité, frais, "
        "équipement, droit à la déconnexion) et comment l'écrire avec les équipes.",
        [
            (
                "Maître Hélène Verhaegen",
                "Cabinet Verhaegen & Lecomte (fictif)",
                "Avocate en droit social, conseille des PME sur le télétravail.",
            )
        ],
    ),
    (
        "10:00",
        "11:30",
        EventSession.Kind.WORKSHOP,
        "Atelier : passer au bureau partagé sans perdre l'équipe",
        "Salle Meuse",
        "Un atelier en petits groupes pour dimensionner un espace flexible, "
        "fixer les règles de réservation et accompagner les réticences.",
        [
            (
                "Grégory Dumont",
                "Atelier Espaces (fictif)",
                "Architecte d'intérieur, spécialiste des espaces de travail flexibles.",
            )
        ],
    ),
    (
        "11:45",
        "12:30",
        EventSession.Kind.ROUND_TABLE,
        "Table ronde : trois dirigeants racontent leur entreprise libérée",
        "Salle Namur",
        "Ce qui a changé dans les décisions, les rôles et les rituels, ce qui a "
        "résisté, et ce qu'ils referaient autrement.",
        [
            ("Isabelle Thiry", "Boulangerie Thiry (fictive)", "Gérante, 22 personnes."),
            (
                "Marc Lejeune",
                "Lejeune Constructions (fictive)",
                "Administrateur délégué.",
            ),
            ("Nadia Benali", "Conseil Benali (fictif)", "Fondatrice, 14 personnes."),
        ],
    ),
    (
        "12:30",
        "13:45",
        EventSession.Kind.NETWORKING,
        "Lunch de réseautage",
        "Foyer",
        "Rencontres entre PME, consultants accrédités et membres du club.",
        [],
    ),
    (
        "14:00",
        "14:45",
        EventSession.Kind.TALK,
        "Sécuriser le travail à distance dans une petite structure",
        "Salle Namur",
        "MFA, appareils gérés, sauvegardes et règles simples de protection des "
        "données à domicile : un plan réaliste pour une PME sans service IT.",
        [
            (
                "Thomas Willems",
                "Cyber PME Conseil (fictif)",
                "Consultant en sécurité, accompagne les PME namuroises.",
            )
        ],
    ),
    (
        "14:00",
        "15:30",
        EventSession.Kind.WORKSHOP,
        "Atelier : mesurer l'impact des nouvelles façons de travailler",
        "Salle Meuse",
        "Choisir quelques indicateurs (bien-être, absentéisme, productivité, "
        "coûts immobiliers), les suivre et en parler aux équipes.",
        [
            (
                "Sarah Collard",
                "Indicateurs & Co (fictif)",
                "Consultante RH, spécialiste des tableaux de bord sociaux.",
            )
        ],
    ),
    (
        "15:45",
        "16:30",
        EventSession.Kind.TALK,
        "Clôture : le baromètre de l'adoption en Wallonie",
        "Salle Namur",
        "Les tendances de la vague annuelle du baromètre NWOW et les prochaines "
        "étapes du programme.",
        [("Laura Collignon", "NWOW Wallonie", "Coordinatrice du Forum.")],
    ),
]

CLUB_CHANGES = [
    "Les équipes fixent elles-mêmes leurs priorités chaque lundi ; plus de "
    "validation hiérarchique pour les achats sous 2 000 €.",
    "Horaires libres et télétravail deux jours par semaine, décidés avec le "
    "personnel ; un rituel de retour d'expérience chaque mois.",
    "Suppression d'un niveau hiérarchique, rôles tournants pour l'animation "
    "des réunions d'équipe.",
    "Budget de formation décidé par les équipes, entretiens annuels remplacés "
    "par des feedbacks trimestriels entre pairs.",
    "Bureau partagé avec réservation des postes, charte de déconnexion signée "
    "par toute l'équipe.",
    "Transparence des chiffres : le tableau de bord mensuel est partagé avec "
    "tout le personnel.",
]
CLUB_MOTIVATION = (
    "Nous avons commencé à donner plus d'autonomie aux équipes et voulons "
    "échanger avec d'autres dirigeants qui l'ont fait avant nous."
)


def _at(day: datetime.date, hhmm: str) -> datetime.datetime:
    hour, minute = (int(part) for part in hhmm.split(":"))
    return datetime.datetime.combine(day, datetime.time(hour, minute), BRUSSELS)


def _event(*, kind: str, title: str, **fields) -> tuple[Event, bool]:
    event = Event.objects.filter(kind=kind, title=title).first()
    if event is not None:
        return event, False
    return Event.objects.create(kind=kind, title=title, **fields), True


def _programme(event: Event, day: datetime.date) -> None:
    for start, end, kind, title, room, abstract, speakers in PROGRAMME:
        session = EventSession.objects.create(
            event=event,
            kind=kind,
            title=title,
            abstract=abstract,
            room=room,
            starts_at=_at(day, start),
            ends_at=_at(day, end),
        )
        for position, (name, organisation, bio) in enumerate(speakers):
            Speaker.objects.create(
                session=session,
                name=name,
                organisation=organisation,
                bio=bio,
                position=position,
            )


def _needs(*codes: str) -> list[Need]:
    return list(Need.objects.filter(code__in=codes))


def _forum(ctx: DemoContext, editor: User, day: datetime.date, **extra) -> tuple:
    event, created = _event(
        kind=Event.Kind.FORUM,
        title=f"Forum NWOW Wallonie {day.year}",
        description=FORUM_DESCRIPTION,
        starts_at=_at(day, "08:30"),
        ends_at=_at(day, "17:00"),
        venue_name="Palais des Congrès de Namur",
        address="Place d'Armes 1",
        municipality="Namur",
        province="BE-WNA",
        cpd_hours=Decimal("6.0"),
        dimensions=["D1", "D2", "D4", "D6"],
        created_by=editor,
        **extra,
    )
    if created:
        event.needs.set(_needs("TEL", "SPA", "MGT", "SEC", "CHG"))
        _programme(event, day)
        event_refresh_search_text(event)
    return event, created


def _people(ctx: DemoContext) -> list[User]:
    consultants = ctx.users.get("consultant", [])
    members = ctx.users.get("pme", [])
    return (
        consultants[: max(1, len(consultants) * 3 // 4)]
        + members[: max(1, len(members) * 2 // 3)]
    )


def _seed_coming_forum(ctx: DemoContext, editor: User) -> None:
    today = timezone.localdate()
    day = today + datetime.timedelta(days=105)
    people = _people(ctx)
    event, created = _forum(
        ctx,
        editor,
        day,
        # A few more people than places: the last ones wait.
        capacity=max(1, len(people) - 3),
        registration_opens_at=timezone.now() - datetime.timedelta(days=20),
        registration_closes_at=_at(day - datetime.timedelta(days=3), "23:59"),
    )
    if created:
        event_publish(actor=editor, event=event)
    event.refresh_from_db()
    for person in people:
        if not Registration.objects.filter(event=event, user=person).exists():
            registration_create(user=person, event=event)


def _seed_past_forum(ctx: DemoContext, editor: User) -> None:
    """Last year's Forum: rows as they ended, check-ins through the service so
    that the consultants' hours are credited as the live path credits them."""
    today = timezone.localdate()
    day = today - datetime.timedelta(days=270)
    event, created = _forum(ctx, editor, day, capacity=150)
    if created:
        Event.objects.filter(pk=event.pk).update(status=Event.Status.CLOSED)
        event.refresh_from_db()

    people = ctx.users.get("consultant", []) + ctx.users.get("pme", [])[::2]
    top = event.registrations.aggregate(top=Max("queue_number"))["top"] or 0
    for index, person in enumerate(people):
        if Registration.objects.filter(event=event, user=person).exists():
            continue
        top += 1
        registration = Registration.objects.create(
            event=event,
            user=person,
            status=Registration.Status.REGISTERED,
            queue_number=top,
            requested_at=event.starts_at - datetime.timedelta(days=30 - index % 20),
        )
        # One in seven did not come; the others were checked in at the door.
        if index % 7 == 6:
            registration_mark_no_show(actor=editor, registration=registration)
        else:
            registration_check_in(actor=editor, registration=registration)
            # At the door that morning, not on the day the demo was made.
            Registration.objects.filter(pk=registration.pk).update(
                checked_in_at=event.starts_at + datetime.timedelta(minutes=index % 40)
            )


def _seed_club(ctx: DemoContext, editor: User) -> list[Company]:
    companies = list(
        Company.objects.filter(created_by__in=ctx.users.get("pme", [])).order_by("pk")
    )
    # Every fifth company, up to seven: six members and one pending application.
    chosen = companies[::5][:7]
    members = []
    for index, company in enumerate(chosen):
        pending = index == len(chosen) - 1 and len(chosen) > 1
        membership = ClubMembership.objects.filter(company=company).first()
        if membership is None:
            membership = ClubMembership.objects.create(
                company=company,
                motivation=CLUB_MOTIVATION,
                changes=CLUB_CHANGES[index % len(CLUB_CHANGES)],
                applied_by=company.created_by,
                applied_at=timezone.now() - datetime.timedelta(days=200 - 25 * index),
            )
            if not pending:
                ClubMembership.objects.filter(pk=membership.pk).update(
                    status=ClubMembership.Status.ACCEPTED,
                    decided_by=editor,
                    decided_at=membership.applied_at + datetime.timedelta(days=6),
                    decision_reason="Bienvenue dans le club !",
                )
        if not pending:
            members.append(company)
    return members


def _seed_club_meetings(ctx: DemoContext, editor: User, members: list[Company]) -> None:
    today = timezone.localdate()
    meetings = [
        (
            today + datetime.timedelta(days=40),
            "Rencontre du club : les rituels de décision collective",
            "Liège",
            "BE-WLG",
            "Espace Saint-Léonard (fictif), Quai Saint-Léonard 20",
        ),
        (
            today + datetime.timedelta(days=150),
            "Rencontre du club : feedback entre pairs et rôles tournants",
            "Louvain-la-Neuve",
            "BE-WBR",
            "Salle du Moulin (fictive), Place de l'Université 1",
        ),
    ]
    people = [company.created_by for company in members]
    for day, title, municipality, province, venue in meetings:
        name, address = venue.split(", ", 1)
        event, created = _event(
            kind=Event.Kind.CLUB_MEETING,
            title=title,
            description=(
                "Une rencontre entre membres du club des entreprises libérées : "
                "deux témoignages de dirigeants, puis un échange en petits groupes."
            ),
            starts_at=_at(day, "17:30"),
            ends_at=_at(day, "20:00"),
            venue_name=name,
            address=address,
            municipality=municipality,
            province=province,
            capacity=30,
            dimensions=["D4"],
            created_by=editor,
        )
        if created:
            event.needs.set(_needs("MGT", "CHG"))
            event_refresh_search_text(event)
            event_publish(actor=editor, event=event)
            event.refresh_from_db()
        for person in people[:4]:
            if not Registration.objects.filter(event=event, user=person).exists():
                registration_create(user=person, event=event)


def seed(ctx: DemoContext) -> None:
    editor = next(iter(ctx.users.get("editor", [])), None) or next(
        iter(ctx.users.get("admin", []))
    )
    _seed_past_forum(ctx, editor)
    ctx.progress(1)
    _seed_coming_forum(ctx, editor)
    ctx.progress(1)
    members = _seed_club(ctx, editor)
    ctx.progress(1)
    _seed_club_meetings(ctx, editor, members)
    ctx.progress(1)


def register() -> None:
    # After the people (10), training (20), companies (40) and matching (50).
    register_seeder(order=70, name="events", steps=lambda ctx: 4, run=seed)
