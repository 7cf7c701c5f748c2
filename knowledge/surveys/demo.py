"""The demo barometer: the agency's own survey of Walloon PMEs, two closed waves.

Every figure here is generated: each respondent gets a latent "adoption"
level (higher in larger companies and in digital services, lower in
hospitality and construction, a little higher in 2026 than in 2025) from
which their answers follow, with noise. The results are attributed to no one
but the demo agency. Respondents are the demo companies (about three in four
answer each wave) and anonymous ones across the five provinces and three
sizes, enough for the breakdowns to pass the anonymity threshold.

A short open survey on the right to disconnect gives the demo something to
answer today. Deterministic for a seed; looked up by slug and year, so a
second run adds nothing.
"""

import datetime
import random
from dataclasses import dataclass

from django.utils import timezone

from core.demo import DemoContext, register_seeder
from core.models import Need
from pme.models import Company

from . import services
from .models import Answer, Option, Question, Response, Survey, SurveyDimension, Wave

BAROMETER = "barometre-nwow-pme-wallonnes"
PULSE = "enquete-flash-deconnexion"
WAVES = {
    # year: (opens_on, closes_on, responses, adoption shift)
    2025: (datetime.date(2025, 3, 3), datetime.date(2025, 4, 30), 150, 0.0),
    2026: (datetime.date(2026, 3, 2), datetime.date(2026, 4, 30), 175, 0.06),
}
PROVINCES = [
    ("BE-WHT", 30),
    ("BE-WLG", 27),
    ("BE-WNA", 15),
    ("BE-WBR", 17),
    ("BE-WLX", 11),
]
SIZES = [("micro", 45), ("small", 35), ("medium", 20)]
SECTORS = [
    ("C", 14),
    ("F", 12),
    ("G", 16),
    ("I", 9),
    ("K", 14),
    ("N", 15),
    ("Q", 8),
    ("H", 5),
    ("", 7),
]
SIZE_EFFECT = {"micro": -0.08, "small": 0.0, "medium": 0.1}
SECTOR_EFFECT = {"K": 0.15, "N": 0.08, "I": -0.15, "F": -0.12, "H": -0.06, "C": -0.04}
COMMENTS = [
    "Commencer par un test de trois mois avec une équipe volontaire nous a "
    "beaucoup aidés.",
    "Le plus difficile a été de former les responsables d'équipe à manager à distance.",
    "Nous avons revu notre règlement de travail avec le secrétariat social.",
    "Les réunions hybrides restent notre point faible : le matériel ne suffit pas.",
    "Impliquer la délégation du personnel dès le début a évité bien des tensions.",
]


@dataclass(frozen=True)
class Spec:
    code: str
    kind: str
    label: str
    label_en: str
    dimension: str = ""
    options: tuple[tuple[str, str], ...] = ()
    required: bool = True
    help: str = ""
    bounds: tuple[int, int] | None = None


K = Question.Kind
QUESTIONS: tuple[Spec, ...] = (
    Spec(
        "TEL.POLICY",
        K.SINGLE,
        "Votre entreprise dispose-t-elle d'une politique de télétravail ?",
        "Does your company have a telework policy?",
        "D2",
        (
            ("none", "Non, et ce n'est pas prévu"),
            ("planned", "Non, mais elle est en préparation"),
            ("informal", "Des arrangements informels, au cas par cas"),
            ("written", "Oui, une politique écrite (convention ou règlement)"),
        ),
    ),
    Spec(
        "TEL.DAYS",
        K.NUMBER,
        "En moyenne, combien de jours par semaine vos collaborateurs éligibles "
        "télétravaillent-ils ?",
        "On average, how many days a week do your eligible staff telework?",
        "D2",
        help="0 si personne ne télétravaille ; les demi-jours comptent pour 0,5.",
        bounds=(0, 5),
    ),
    Spec(
        "TEL.SHARE",
        K.NUMBER,
        "Quelle part de votre personnel peut télétravailler, au moins "
        "occasionnellement (en %) ?",
        "What share of your staff may telework, at least occasionally (in %)?",
        "D2",
        bounds=(0, 100),
    ),
    Spec(
        "FLEX.HOURS",
        K.SINGLE,
        "Comment les horaires de travail sont-ils organisés ?",
        "How are working hours organised?",
        "D2",
        (
            ("fixed", "Horaires fixes pour tous"),
            ("core", "Plages fixes et plages variables"),
            ("free", "Horaires libres, organisés par les équipes"),
        ),
    ),
    Spec(
        "COL.TOOLS",
        K.MULTIPLE,
        "Quels outils collaboratifs vos équipes utilisent-elles au quotidien ?",
        "Which collaborative tools do your teams use every day?",
        "D3",
        (
            ("docs", "Plateforme documentaire partagée"),
            ("chat", "Messagerie instantanée d'équipe"),
            ("video", "Visioconférence"),
            ("tasks", "Outil de gestion de projets ou de tâches"),
            ("intranet", "Intranet ou réseau social d'entreprise"),
            ("none", "Aucun de ces outils"),
        ),
        help="Cochez tout ce qui s'applique.",
    ),
    Spec(
        "COL.HYBRID",
        K.SCALE,
        "Dans vos réunions hybrides, chacun peut-il contribuer aussi bien à "
        "distance que sur place ?",
        "In your hybrid meetings, can everyone contribute as well remotely as on site?",
        "D3",
        help="1 = pas du tout, 5 = tout à fait.",
    ),
    Spec(
        "MGT.AUTONOMY",
        K.SCALE,
        "Les équipes fixent-elles elles-mêmes leurs priorités et l'organisation "
        "de leur travail ?",
        "Do teams set their own priorities and organise their own work?",
        "D4",
        help="1 = jamais, 5 = systématiquement.",
    ),
    Spec(
        "MGT.RESULTS",
        K.SINGLE,
        "Sur quoi le travail est-il principalement évalué ?",
        "What is work mainly judged on?",
        "D4",
        (
            ("presence", "La présence et le respect des horaires"),
            ("mixed", "Un mélange de présence et de résultats"),
            ("results", "Les résultats et les objectifs convenus"),
        ),
    ),
    Spec(
        "DISC.RULES",
        K.SINGLE,
        "Avez-vous fixé des règles sur le droit à la déconnexion ?",
        "Have you set rules on the right to disconnect?",
        "D2",
        (
            ("none", "Non"),
            ("informal", "Des habitudes partagées, non écrites"),
            ("charter", "Une charte ou une note interne"),
            ("formal", "Oui, dans le règlement de travail ou une convention"),
        ),
    ),
    Spec(
        "SPACE.DESKS",
        K.SINGLE,
        "Comment vos bureaux sont-ils organisés ?",
        "How are your offices organised?",
        "D6",
        (
            ("assigned", "Un poste attitré pour chacun"),
            ("mixed", "Des postes attitrés et quelques postes partagés"),
            ("flex", "Des postes partagés et des espaces par activité"),
            ("no_office", "Pas de bureaux (travail sur site ou sur chantier)"),
        ),
    ),
    Spec(
        "SEC.MFA",
        K.SINGLE,
        "L'accès à distance à vos applications est-il protégé par une "
        "authentification à plusieurs facteurs ?",
        "Is remote access to your applications protected by multi-factor "
        "authentication?",
        "D6",
        (
            ("no", "Non"),
            ("some", "Pour certaines applications"),
            ("all", "Pour toutes les applications"),
            ("no_remote", "Nous n'avons pas d'accès à distance"),
        ),
    ),
    Spec(
        "HR.BALANCE",
        K.SCALE,
        "Depuis l'arrivée des nouvelles façons de travailler, l'équilibre entre "
        "vie professionnelle et vie privée de vos équipes s'est…",
        "Since the new ways of working arrived, your teams' work-life balance has…",
        "D5",
        help="1 = nettement dégradé, 3 = inchangé, 5 = nettement amélioré.",
    ),
    Spec(
        "PRIO.NEXT",
        K.MULTIPLE,
        "Quelles sont vos priorités pour les douze prochains mois ?",
        "What are your priorities for the next twelve months?",
        "D1",
        (
            ("telework", "Cadrer ou étendre le télétravail"),
            ("tools", "Mieux utiliser les outils collaboratifs"),
            ("management", "Faire évoluer le management"),
            ("space", "Réaménager les espaces de travail"),
            ("security", "Sécuriser le travail à distance"),
            ("hr", "Professionnaliser les processus RH"),
        ),
        help="Trois au plus.",
    ),
    Spec(
        "FREE.COMMENT",
        K.TEXT,
        "Un conseil pour d'autres PME qui se lancent ? (jamais publié)",
        "Any advice for other SMEs getting started? (never published)",
        required=False,
    ),
)
PULSE_QUESTIONS: tuple[Spec, ...] = (
    QUESTIONS[8],
    Spec(
        "DISC.EVENING",
        K.SCALE,
        "À quelle fréquence vos collaborateurs reçoivent-ils des messages "
        "professionnels après 19 heures ?",
        "How often do your staff get work messages after 7 pm?",
        "D2",
        help="1 = jamais, 5 = tous les jours.",
    ),
    Spec(
        "DISC.MEASURES",
        K.MULTIPLE,
        "Quelles mesures appliquez-vous déjà ?",
        "Which measures do you already apply?",
        "D2",
        (
            ("delay", "Envoi différé des courriels"),
            ("status", "Statuts de disponibilité partagés"),
            ("no_meeting", "Pas de réunion après une heure convenue"),
            ("training", "Sensibilisation des responsables"),
        ),
        required=False,
    ),
)


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def _question(wave: Wave, spec: Spec, position: int) -> None:
    low, high = spec.bounds or (None, None)
    question = Question.objects.create(
        wave=wave,
        code=spec.code,
        position=position,
        kind=spec.kind,
        required=spec.required,
        dimension=spec.dimension,
        label_fr=spec.label,
        label_en=spec.label_en,
        help_fr=spec.help,
        min_value=low,
        max_value=high,
    )
    Option.objects.bulk_create(
        Option(question=question, code=code, position=index, label_fr=label)
        for index, (code, label) in enumerate(spec.options)
    )


def _survey(slug: str, title: str, description: str, needs, dimensions) -> Survey:
    survey = Survey.objects.filter(slug=slug).first()
    if survey is None:
        survey = Survey.objects.create(slug=slug, **title, **description)
        survey.needs.set(Need.objects.filter(code__in=needs))
        SurveyDimension.objects.bulk_create(
            SurveyDimension(survey=survey, dimension=code) for code in dimensions
        )
    return survey


def _ordered(rng: random.Random, options: int, adoption: float) -> int:
    return int(
        round(_clamp(adoption * (options - 1) + rng.gauss(0, 0.7), 0, options - 1))
    )


def _answers(rng: random.Random, profile: dict, adoption: float) -> dict:
    """Answers of one respondent, following their adoption level."""
    a = adoption
    answers: dict = {}
    policy = ["none", "planned", "informal", "written"][_ordered(rng, 4, a)]
    answers["TEL.POLICY"] = policy
    days = 0.0 if policy == "none" else _clamp(0.5 + 2.4 * a + rng.gauss(0, 0.5), 0, 5)
    answers["TEL.DAYS"] = round(days * 2) / 2
    answers["TEL.SHARE"] = round(_clamp(95 * a + rng.gauss(0, 12), 0, 100))
    answers["FLEX.HOURS"] = ["fixed", "core", "free"][_ordered(rng, 3, a)]
    tools = [
        code
        for code, chance in [
            ("docs", 0.45 + 0.45 * a),
            ("chat", 0.25 + 0.55 * a),
            ("video", 0.55 + 0.4 * a),
            ("tasks", 0.1 + 0.5 * a),
            ("intranet", 0.05 + 0.35 * a),
        ]
        if rng.random() < chance
    ]
    answers["COL.TOOLS"] = tools or ["none"]
    for code, weight in [
        ("COL.HYBRID", 1.0),
        ("MGT.AUTONOMY", 0.8),
        ("HR.BALANCE", 0.5),
    ]:
        base = 3 + (a - 0.5) * 4 * weight if code != "HR.BALANCE" else 3 + (a - 0.4) * 2
        answers[code] = int(round(_clamp(base + rng.gauss(0, 0.8), 1, 5)))
    answers["MGT.RESULTS"] = ["presence", "mixed", "results"][_ordered(rng, 3, a)]
    answers["DISC.RULES"] = ["none", "informal", "charter", "formal"][
        _ordered(rng, 4, a - 0.1 + (0.25 if profile["size_class"] == "medium" else 0))
    ]
    if profile["nace_section"] in ("F", "I") and rng.random() < 0.3:
        answers["SPACE.DESKS"] = "no_office"
    else:
        answers["SPACE.DESKS"] = ["assigned", "mixed", "flex"][
            _ordered(rng, 3, a - 0.1)
        ]
    if profile["size_class"] == "micro" and rng.random() < 0.12:
        answers["SEC.MFA"] = "no_remote"
    else:
        answers["SEC.MFA"] = ["no", "some", "all"][_ordered(rng, 3, a)]
    priorities = ["telework", "tools", "management", "space", "security", "hr"]
    weights = [3 - 2 * a, 2, 1 + 2 * a, 1, 1 + a, 1.5]
    chosen = set(rng.choices(priorities, weights=weights, k=rng.randint(1, 3)))
    answers["PRIO.NEXT"] = [code for code in priorities if code in chosen]
    if rng.random() < 0.15:
        answers["FREE.COMMENT"] = rng.choice(COMMENTS)
    return answers


def _rows(wave: Wave, response: Response, answers: dict, questions, options) -> list:
    rows = []
    for code, value in answers.items():
        question = questions[code]
        if question.is_choice:
            values = value if isinstance(value, list) else [value]
            rows.extend(
                Answer(response=response, question=question, option=options[code, v])
                for v in values
            )
        elif question.kind == K.TEXT:
            rows.append(Answer(response=response, question=question, text=value))
        else:
            rows.append(Answer(response=response, question=question, number=value))
    return rows


def _weighted(rng: random.Random, table) -> str:
    values, weights = zip(*table, strict=True)
    return rng.choices(values, weights=weights)[0]


def _fill_wave(
    ctx: DemoContext, rng: random.Random, wave: Wave, total: int, shift: float
):
    """Responses of a past wave, written directly: their dates lie in the past,
    when the service (which checks today's date) would refuse them."""
    questions = {q.code: q for q in wave.questions.all()}
    options = {
        (option.question.code, option.code): option
        for option in Option.objects.filter(question__wave=wave).select_related(
            "question"
        )
    }
    companies = list(
        Company.objects.filter(created_by__in=ctx.users.get("pme", [])).order_by("pk")
    )
    respondents = [
        (
            company,
            {
                "province": company.province,
                "size_class": company.size_class,
                "nace_section": company.nace_section,
            },
        )
        for company in companies
        if rng.random() < 0.75
    ]
    while len(respondents) < total:
        respondents.append(
            (
                None,
                {
                    "province": _weighted(rng, PROVINCES),
                    "size_class": _weighted(rng, SIZES),
                    "nace_section": _weighted(rng, SECTORS),
                },
            )
        )

    span = (wave.closes_on - wave.opens_on).days
    answers_rows = []
    for company, profile in respondents:
        adoption = _clamp(
            rng.gauss(0.45, 0.18)
            + shift
            + SIZE_EFFECT[profile["size_class"]]
            + SECTOR_EFFECT.get(profile["nace_section"], 0),
            0,
            1,
        )
        day = wave.opens_on + datetime.timedelta(days=rng.randint(0, span))
        response = Response.objects.create(
            wave=wave,
            company=company,
            submitted_by=company.created_by if company else None,
            **profile,
        )
        submitted = timezone.make_aware(
            datetime.datetime.combine(day, datetime.time(9 + rng.randint(0, 8)))
        )
        Response.objects.filter(pk=response.pk).update(submitted_at=submitted)
        answers_rows += _rows(
            wave, response, _answers(rng, profile, adoption), questions, options
        )
    Answer.objects.bulk_create(answers_rows, batch_size=1000)


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(8)))


def seed(ctx: DemoContext) -> None:
    editor = next(iter(ctx.users.get("editor", [])), None)
    rng = random.Random(f"{ctx.seed}-barometer")  # noqa: S311 - demo data
    barometer = _survey(
        BAROMETER,
        {
            "title_fr": "Baromètre NWOW des PME wallonnes",
            "title_en": "NWOW barometer of Walloon SMEs",
            "title_de": "NWOW-Barometer der wallonischen KMU",
            "title_nl": "NWOW-barometer van de Waalse kmo's",
        },
        {
            "description_fr": (
                "Chaque printemps, l'agence interroge les PME wallonnes sur le "
                "télétravail, les horaires flexibles, les outils collaboratifs, le "
                "management participatif, le droit à la déconnexion, les espaces "
                "de travail et la sécurité du travail à distance. Les réponses "
                "sont anonymisées : aucun groupe de moins de cinq répondants "
                "n'est publié."
            ),
            "description_en": (
                "Every spring the agency asks Walloon SMEs about telework, flexible "
                "hours, collaborative tools, participative management, the right "
                "to disconnect, workspaces and secure remote work. No group of "
                "fewer than five respondents is published."
            ),
        },
        ["TEL", "COL", "MGT", "SPA", "SEC", "LEG"],
        ["D2", "D3", "D4", "D6"],
    )
    ctx.progress(1)
    for year, (opens_on, closes_on, total, shift) in WAVES.items():
        if Wave.objects.filter(survey=barometer, year=year).exists():
            ctx.progress(1)
            continue
        wave = Wave.objects.create(
            survey=barometer, year=year, opens_on=opens_on, closes_on=closes_on
        )
        for position, spec in enumerate(QUESTIONS):
            _question(wave, spec, position)
        services.wave_open(actor=editor, wave=wave)
        _fill_wave(ctx, rng, wave, total, shift)
        services.wave_close(actor=editor, wave=wave)
        # The past waves opened and closed on their dates, not today.
        Wave.objects.filter(pk=wave.pk).update(
            opened_at=_at(opens_on), closed_at=_at(closes_on + datetime.timedelta(1))
        )
        ctx.progress(1)

    pulse = _survey(
        PULSE,
        {
            "title_fr": "Enquête flash : le droit à la déconnexion",
            "title_en": "Flash survey: the right to disconnect",
        },
        {
            "description_fr": (
                "Cinq minutes pour dire où en est votre entreprise sur la "
                "déconnexion, obligatoire dès 20 travailleurs depuis le "
                "1er avril 2023. Les résultats seront publiés à la clôture."
            ),
        },
        ["LEG", "TEL"],
        ["D2"],
    )
    today = timezone.localdate()
    if not pulse.waves.exists():
        wave = Wave.objects.create(
            survey=pulse,
            year=today.year,
            opens_on=today - datetime.timedelta(days=10),
            closes_on=today + datetime.timedelta(days=50),
        )
        for position, spec in enumerate(PULSE_QUESTIONS):
            _question(wave, spec, position)
        services.wave_open(actor=editor, wave=wave)


def register() -> None:
    register_seeder(order=75, name="barometer", steps=lambda ctx: 3, run=seed)
