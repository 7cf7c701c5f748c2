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
    """One question, worded in the four languages of the platform.

    Options are (code, fr, en, de, nl) tuples."""

    code: str
    kind: str
    label_fr: str
    label_en: str
    label_de: str
    label_nl: str
    dimension: str = ""
    options: tuple[tuple[str, str, str, str, str], ...] = ()
    required: bool = True
    help_fr: str = ""
    help_en: str = ""
    help_de: str = ""
    help_nl: str = ""
    bounds: tuple[int, int] | None = None


K = Question.Kind
QUESTIONS: tuple[Spec, ...] = (
    Spec(
        "TEL.POLICY",
        K.SINGLE,
        "Votre entreprise dispose-t-elle d'une politique de télétravail ?",
        "Does your company have a telework policy?",
        "Verfügt Ihr Unternehmen über eine Telearbeitsregelung?",
        "Heeft uw bedrijf een telewerkbeleid?",
        "D2",
        (
            (
                "none",
                "Non, et ce n'est pas prévu",
                "No, and none is planned",
                "Nein, und es ist auch keine geplant",
                "Nee, en dat is ook niet gepland",
            ),
            (
                "planned",
                "Non, mais elle est en préparation",
                "No, but one is being prepared",
                "Nein, aber sie ist in Vorbereitung",
                "Nee, maar het is in voorbereiding",
            ),
            (
                "informal",
                "Des arrangements informels, au cas par cas",
                "Informal arrangements, case by case",
                "Informelle Absprachen, von Fall zu Fall",
                "Informele afspraken, geval per geval",
            ),
            (
                "written",
                "Oui, une politique écrite (convention ou règlement)",
                "Yes, a written policy (agreement or work rules)",
                "Ja, eine schriftliche Regelung (Vereinbarung oder Arbeitsordnung)",
                "Ja, een schriftelijk beleid (overeenkomst of arbeidsreglement)",
            ),
        ),
    ),
    Spec(
        "TEL.DAYS",
        K.NUMBER,
        "En moyenne, combien de jours par semaine vos collaborateurs éligibles "
        "télétravaillent-ils ?",
        "On average, how many days a week do your eligible staff telework?",
        "Wie viele Tage pro Woche arbeiten Ihre berechtigten Mitarbeitenden im "
        "Durchschnitt in Telearbeit?",
        "Hoeveel dagen per week telewerken uw medewerkers die daarvoor in "
        "aanmerking komen gemiddeld?",
        "D2",
        help_fr="0 si personne ne télétravaille ; les demi-jours comptent pour 0,5.",
        help_en="0 if nobody teleworks; half days count as 0.5.",
        help_de="0, wenn niemand in Telearbeit arbeitet; halbe Tage zählen als 0,5.",
        help_nl="0 als niemand telewerkt; halve dagen tellen als 0,5.",
        bounds=(0, 5),
    ),
    Spec(
        "TEL.SHARE",
        K.NUMBER,
        "Quelle part de votre personnel peut télétravailler, au moins "
        "occasionnellement (en %) ?",
        "What share of your staff may telework, at least occasionally (in %)?",
        "Welcher Anteil Ihres Personals kann zumindest gelegentlich in Telearbeit "
        "arbeiten (in %)?",
        "Welk deel van uw personeel kan minstens af en toe telewerken (in %)?",
        "D2",
        bounds=(0, 100),
    ),
    Spec(
        "FLEX.HOURS",
        K.SINGLE,
        "Comment les horaires de travail sont-ils organisés ?",
        "How are working hours organised?",
        "Wie sind die Arbeitszeiten organisiert?",
        "Hoe zijn de werkuren georganiseerd?",
        "D2",
        (
            (
                "fixed",
                "Horaires fixes pour tous",
                "Fixed hours for everyone",
                "Feste Arbeitszeiten für alle",
                "Vaste werkuren voor iedereen",
            ),
            (
                "core",
                "Plages fixes et plages variables",
                "Core hours plus flexible hours",
                "Kernzeiten und Gleitzeiten",
                "Stamtijden en glijtijden",
            ),
            (
                "free",
                "Horaires libres, organisés par les équipes",
                "Fully flexible hours, organised by the teams",
                "Freie Arbeitszeiten, von den Teams selbst organisiert",
                "Vrije werkuren, door de teams zelf georganiseerd",
            ),
        ),
    ),
    Spec(
        "COL.TOOLS",
        K.MULTIPLE,
        "Quels outils collaboratifs vos équipes utilisent-elles au quotidien ?",
        "Which collaborative tools do your teams use every day?",
        "Welche Kollaborationstools nutzen Ihre Teams im Arbeitsalltag?",
        "Welke samenwerkingstools gebruiken uw teams dagelijks?",
        "D3",
        (
            (
                "docs",
                "Plateforme documentaire partagée",
                "Shared document platform",
                "Gemeinsame Dokumentenplattform",
                "Gedeeld documentplatform",
            ),
            (
                "chat",
                "Messagerie instantanée d'équipe",
                "Team instant messaging",
                "Team-Chat",
                "Teamchat",
            ),
            (
                "video",
                "Visioconférence",
                "Video conferencing",
                "Videokonferenzen",
                "Videovergaderen",
            ),
            (
                "tasks",
                "Outil de gestion de projets ou de tâches",
                "Project or task management tool",
                "Tool für Projekt- oder Aufgabenmanagement",
                "Tool voor project- of takenbeheer",
            ),
            (
                "intranet",
                "Intranet ou réseau social d'entreprise",
                "Intranet or enterprise social network",
                "Intranet oder unternehmensinternes soziales Netzwerk",
                "Intranet of bedrijfsintern sociaal netwerk",
            ),
            (
                "none",
                "Aucun de ces outils",
                "None of these tools",
                "Keines dieser Tools",
                "Geen van deze tools",
            ),
        ),
        help_fr="Cochez tout ce qui s'applique.",
        help_en="Tick all that apply.",
        help_de="Kreuzen Sie alles Zutreffende an.",
        help_nl="Vink alles aan wat van toepassing is.",
    ),
    Spec(
        "COL.HYBRID",
        K.SCALE,
        "Dans vos réunions hybrides, chacun peut-il contribuer aussi bien à "
        "distance que sur place ?",
        "In your hybrid meetings, can everyone contribute as well remotely as on site?",
        "Können sich in Ihren hybriden Besprechungen alle aus der Ferne genauso "
        "gut einbringen wie vor Ort?",
        "Kan in uw hybride vergaderingen iedereen op afstand even goed bijdragen "
        "als ter plaatse?",
        "D3",
        help_fr="1 = pas du tout, 5 = tout à fait.",
        help_en="1 = not at all, 5 = completely.",
        help_de="1 = überhaupt nicht, 5 = voll und ganz.",
        help_nl="1 = helemaal niet, 5 = volledig.",
    ),
    Spec(
        "MGT.AUTONOMY",
        K.SCALE,
        "Les équipes fixent-elles elles-mêmes leurs priorités et l'organisation "
        "de leur travail ?",
        "Do teams set their own priorities and organise their own work?",
        "Legen die Teams ihre Prioritäten und die Organisation ihrer Arbeit "
        "selbst fest?",
        "Bepalen de teams zelf hun prioriteiten en de organisatie van hun werk?",
        "D4",
        help_fr="1 = jamais, 5 = systématiquement.",
        help_en="1 = never, 5 = always.",
        help_de="1 = nie, 5 = immer.",
        help_nl="1 = nooit, 5 = altijd.",
    ),
    Spec(
        "MGT.RESULTS",
        K.SINGLE,
        "Sur quoi le travail est-il principalement évalué ?",
        "What is work mainly judged on?",
        "Woran wird die Arbeit hauptsächlich gemessen?",
        "Waarop wordt het werk vooral beoordeeld?",
        "D4",
        (
            (
                "presence",
                "La présence et le respect des horaires",
                "Presence and keeping to working hours",
                "Anwesenheit und Einhaltung der Arbeitszeiten",
                "Aanwezigheid en het naleven van de werkuren",
            ),
            (
                "mixed",
                "Un mélange de présence et de résultats",
                "A mix of presence and results",
                "Eine Mischung aus Anwesenheit und Ergebnissen",
                "Een mix van aanwezigheid en resultaten",
            ),
            (
                "results",
                "Les résultats et les objectifs convenus",
                "Results and agreed objectives",
                "Ergebnisse und vereinbarte Ziele",
                "De resultaten en de afgesproken doelstellingen",
            ),
        ),
    ),
    Spec(
        "DISC.RULES",
        K.SINGLE,
        "Avez-vous fixé des règles sur le droit à la déconnexion ?",
        "Have you set rules on the right to disconnect?",
        "Haben Sie Regeln zum Recht auf Nichterreichbarkeit festgelegt?",
        "Hebt u regels vastgelegd over het recht op deconnectie?",
        "D2",
        (
            ("none", "Non", "No", "Nein", "Nee"),
            (
                "informal",
                "Des habitudes partagées, non écrites",
                "Shared but unwritten practices",
                "Gemeinsame, ungeschriebene Gepflogenheiten",
                "Gedeelde, ongeschreven gewoonten",
            ),
            (
                "charter",
                "Une charte ou une note interne",
                "A charter or an internal memo",
                "Eine Charta oder eine interne Mitteilung",
                "Een charter of een interne nota",
            ),
            (
                "formal",
                "Oui, dans le règlement de travail ou une convention",
                "Yes, in the work rules or an agreement",
                "Ja, in der Arbeitsordnung oder einer Vereinbarung",
                "Ja, in het arbeidsreglement of een overeenkomst",
            ),
        ),
    ),
    Spec(
        "SPACE.DESKS",
        K.SINGLE,
        "Comment vos bureaux sont-ils organisés ?",
        "How are your offices organised?",
        "Wie sind Ihre Büros organisiert?",
        "Hoe zijn uw kantoren ingericht?",
        "D6",
        (
            (
                "assigned",
                "Un poste attitré pour chacun",
                "An assigned desk for everyone",
                "Ein fester Arbeitsplatz für jede Person",
                "Een vaste werkplek voor iedereen",
            ),
            (
                "mixed",
                "Des postes attitrés et quelques postes partagés",
                "Assigned desks plus a few shared ones",
                "Feste Arbeitsplätze und einige geteilte Plätze",
                "Vaste werkplekken en enkele gedeelde plekken",
            ),
            (
                "flex",
                "Des postes partagés et des espaces par activité",
                "Shared desks and activity-based spaces",
                "Geteilte Arbeitsplätze und tätigkeitsbezogene Bereiche",
                "Gedeelde werkplekken en activiteitsgerichte ruimtes",
            ),
            (
                "no_office",
                "Pas de bureaux (travail sur site ou sur chantier)",
                "No offices (work on site or on building sites)",
                "Keine Büros (Arbeit vor Ort oder auf der Baustelle)",
                "Geen kantoren (werk ter plaatse of op de werf)",
            ),
        ),
    ),
    Spec(
        "SEC.MFA",
        K.SINGLE,
        "L'accès à distance à vos applications est-il protégé par une "
        "authentification à plusieurs facteurs ?",
        "Is remote access to your applications protected by multi-factor "
        "authentication?",
        "Ist der Fernzugriff auf Ihre Anwendungen durch eine "
        "Multi-Faktor-Authentifizierung geschützt?",
        "Is de toegang op afstand tot uw toepassingen beveiligd met "
        "multifactorauthenticatie?",
        "D6",
        (
            ("no", "Non", "No", "Nein", "Nee"),
            (
                "some",
                "Pour certaines applications",
                "For some applications",
                "Für einige Anwendungen",
                "Voor sommige toepassingen",
            ),
            (
                "all",
                "Pour toutes les applications",
                "For all applications",
                "Für alle Anwendungen",
                "Voor alle toepassingen",
            ),
            (
                "no_remote",
                "Nous n'avons pas d'accès à distance",
                "We have no remote access",
                "Wir haben keinen Fernzugriff",
                "We hebben geen toegang op afstand",
            ),
        ),
    ),
    Spec(
        "HR.BALANCE",
        K.SCALE,
        "Depuis l'arrivée des nouvelles façons de travailler, l'équilibre entre "
        "vie professionnelle et vie privée de vos équipes s'est…",
        "Since the new ways of working arrived, your teams' work-life balance has…",
        "Seit der Einführung der neuen Arbeitsformen hat sich die Vereinbarkeit "
        "von Beruf und Privatleben in Ihren Teams…",
        "Sinds de komst van de nieuwe manieren van werken is het evenwicht tussen "
        "werk en privéleven van uw teams…",
        "D5",
        help_fr="1 = nettement dégradé, 3 = inchangé, 5 = nettement amélioré.",
        help_en="1 = worsened markedly, 3 = stayed the same, 5 = improved markedly.",
        help_de="1 = deutlich verschlechtert, 3 = nicht verändert, "
        "5 = deutlich verbessert.",
        help_nl="1 = duidelijk verslechterd, 3 = gelijk gebleven, "
        "5 = duidelijk verbeterd.",
    ),
    Spec(
        "PRIO.NEXT",
        K.MULTIPLE,
        "Quelles sont vos priorités pour les douze prochains mois ?",
        "What are your priorities for the next twelve months?",
        "Was sind Ihre Prioritäten für die nächsten zwölf Monate?",
        "Wat zijn uw prioriteiten voor de komende twaalf maanden?",
        "D1",
        (
            (
                "telework",
                "Cadrer ou étendre le télétravail",
                "Set rules for telework or extend it",
                "Telearbeit regeln oder ausweiten",
                "Telewerk omkaderen of uitbreiden",
            ),
            (
                "tools",
                "Mieux utiliser les outils collaboratifs",
                "Make better use of collaborative tools",
                "Kollaborationstools besser nutzen",
                "Samenwerkingstools beter benutten",
            ),
            (
                "management",
                "Faire évoluer le management",
                "Evolve management practices",
                "Die Führungskultur weiterentwickeln",
                "De managementstijl vernieuwen",
            ),
            (
                "space",
                "Réaménager les espaces de travail",
                "Redesign the workspaces",
                "Die Arbeitsräume neu gestalten",
                "De werkruimtes herinrichten",
            ),
            (
                "security",
                "Sécuriser le travail à distance",
                "Secure remote work",
                "Das Arbeiten aus der Ferne absichern",
                "Werken op afstand beveiligen",
            ),
            (
                "hr",
                "Professionnaliser les processus RH",
                "Professionalise HR processes",
                "Die HR-Prozesse professionalisieren",
                "De hr-processen professionaliseren",
            ),
        ),
        help_fr="Trois au plus.",
        help_en="Three at most.",
        help_de="Höchstens drei.",
        help_nl="Maximaal drie.",
    ),
    Spec(
        "FREE.COMMENT",
        K.TEXT,
        "Un conseil pour d'autres PME qui se lancent ? (jamais publié)",
        "Any advice for other SMEs getting started? (never published)",
        "Ein Tipp für andere KMU, die damit beginnen? (wird nie veröffentlicht)",
        "Een tip voor andere kmo's die eraan beginnen? (wordt nooit gepubliceerd)",
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
        "Wie oft erhalten Ihre Mitarbeitenden nach 19 Uhr berufliche Nachrichten?",
        "Hoe vaak krijgen uw medewerkers na 19 uur werkgerelateerde berichten?",
        "D2",
        help_fr="1 = jamais, 5 = tous les jours.",
        help_en="1 = never, 5 = every day.",
        help_de="1 = nie, 5 = täglich.",
        help_nl="1 = nooit, 5 = elke dag.",
    ),
    Spec(
        "DISC.MEASURES",
        K.MULTIPLE,
        "Quelles mesures appliquez-vous déjà ?",
        "Which measures do you already apply?",
        "Welche Maßnahmen wenden Sie bereits an?",
        "Welke maatregelen past u al toe?",
        "D2",
        (
            (
                "delay",
                "Envoi différé des courriels",
                "Delayed sending of e-mails",
                "Zeitversetzter Versand von E-Mails",
                "Uitgesteld verzenden van e-mails",
            ),
            (
                "status",
                "Statuts de disponibilité partagés",
                "Shared availability statuses",
                "Geteilter Verfügbarkeitsstatus",
                "Gedeelde beschikbaarheidsstatus",
            ),
            (
                "no_meeting",
                "Pas de réunion après une heure convenue",
                "No meetings after an agreed time",
                "Keine Besprechungen nach einer vereinbarten Uhrzeit",
                "Geen vergaderingen na een afgesproken uur",
            ),
            (
                "training",
                "Sensibilisation des responsables",
                "Awareness-raising for managers",
                "Sensibilisierung der Führungskräfte",
                "Sensibilisering van de leidinggevenden",
            ),
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
        label_fr=spec.label_fr,
        label_en=spec.label_en,
        label_de=spec.label_de,
        label_nl=spec.label_nl,
        help_fr=spec.help_fr,
        help_en=spec.help_en,
        help_de=spec.help_de,
        help_nl=spec.help_nl,
        min_value=low,
        max_value=high,
    )
    Option.objects.bulk_create(
        Option(
            question=question,
            code=code,
            position=index,
            label_fr=fr,
            label_en=en,
            label_de=de,
            label_nl=nl,
        )
        for index, (code, fr, en, de, nl) in enumerate(spec.options)
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
            "description_de": (
                "Jedes Frühjahr befragt die Agentur die wallonischen KMU zu "
                "Telearbeit, flexiblen Arbeitszeiten, kollaborativen Werkzeugen, "
                "partizipativer Führung, dem Recht auf Nichterreichbarkeit, "
                "Arbeitsräumen und der Sicherheit der Fernarbeit. Keine Gruppe mit "
                "weniger als fünf Antwortenden wird veröffentlicht."
            ),
            "description_nl": (
                "Elk voorjaar bevraagt het agentschap de Waalse kmo's over telewerk, "
                "flexibele uren, samenwerkingstools, participatief management, het "
                "recht op deconnectie, werkruimtes en veilig werken op afstand. "
                "Geen groep van minder dan vijf respondenten wordt gepubliceerd."
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
            "title_de": "Blitzumfrage: das Recht auf Nichterreichbarkeit",
            "title_nl": "Flitsenquête: het recht op deconnectie",
        },
        {
            "description_fr": (
                "Cinq minutes pour dire où en est votre entreprise sur la "
                "déconnexion, obligatoire dès 20 travailleurs depuis le "
                "1er avril 2023. Les résultats seront publiés à la clôture."
            ),
            "description_en": (
                "Five minutes to say where your company stands on disconnecting, "
                "compulsory from 20 workers since 1 April 2023. The results will "
                "be published when the survey closes."
            ),
            "description_de": (
                "Fünf Minuten, um zu sagen, wo Ihr Unternehmen beim Recht auf "
                "Nichterreichbarkeit steht, das seit dem 1. April 2023 ab 20 "
                "Arbeitnehmern Pflicht ist. Die Ergebnisse werden nach Abschluss "
                "veröffentlicht."
            ),
            "description_nl": (
                "Vijf minuten om te zeggen waar uw onderneming staat met "
                "deconnectie, verplicht vanaf 20 werknemers sinds 1 april 2023. "
                "De resultaten worden bij de afsluiting gepubliceerd."
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
