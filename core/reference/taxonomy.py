"""The needs and competences taxonomy, as data to seed the taxonomy table.

One tree serves both sides: a PME tags its needs with these codes and an
expert is accredited per code. Codes are stable; labels may be reworded.
"""

from dataclasses import dataclass, field

from core.reference.maturity import Dimension

LANGUAGES = ("fr", "en", "de", "nl")


@dataclass(frozen=True)
class NeedSpec:
    """One need: its code, its label per language and the dimensions it improves.

    ``dimensions`` lists the main dimension first; matching and
    recommendations may weigh it more.
    """

    code: str
    # A dict cannot be hashed; leaving it out of the hash keeps specs usable
    # as set members and dict keys, identified by their code anyway.
    labels: dict[str, str] = field(hash=False)
    dimensions: tuple[str, ...]
    description_en: str

    def label(self, language: str) -> str:
        """Return the label for a language code such as ``de`` or ``nl-be``.

        Falls back to French, the platform's first language.
        """
        return self.labels.get(language.lower()[:2], self.labels["fr"])


# Links beyond the obvious one, and why:
# - SPA also improves D2: desk sharing and activity-based offices are what make
#   time and place flexibility workable on site.
# - CHG improves D1 (sponsorship, staff consulted before changes) and D4
#   (participative rituals, trust), the two places change is led and lived.
# - LEG improves D2 (telework agreements under CCT n° 85 and the law of
#   5 March 2017, right to disconnect) and D5 (work rules, psychosocial risk
#   analysis covering telework).
# - DIG improves D3 first (tools, remote access to applications) and D1 (digital
#   goals and budget in the business plan).
NEEDS: tuple[NeedSpec, ...] = (
    NeedSpec(
        code="TEL",
        labels={
            "fr": "Télétravail et politique hybride",
            "en": "Telework and hybrid work policy",
            "de": "Telearbeit und hybride Arbeitsorganisation",
            "nl": "Telewerk en hybride werkbeleid",
        },
        dimensions=(Dimension.D2,),
        description_en=(
            "Designing and rolling out a telework and hybrid work policy: "
            "structural and occasional telework, eligibility criteria, "
            "allowances and equipment, right to disconnect."
        ),
    ),
    NeedSpec(
        code="COL",
        labels={
            "fr": "Outils collaboratifs et environnement de travail numérique",
            "en": "Collaborative tools and digital workplace",
            "de": "Kollaborationstools und digitaler Arbeitsplatz",
            "nl": "Samenwerkingstools en digitale werkplek",
        },
        dimensions=(Dimension.D3,),
        description_en=(
            "Choosing, deploying and adopting shared document platforms, chat "
            "and video meetings, with conventions for hybrid meetings and "
            "training for staff."
        ),
    ),
    NeedSpec(
        code="SPA",
        labels={
            "fr": "Aménagement des espaces et flex office",
            "en": "Workspace design and flex office",
            "de": "Bürogestaltung und flexible Arbeitsplätze",
            "nl": "Kantoorinrichting en flexibele werkplekken",
        },
        dimensions=(Dimension.D6, Dimension.D2),
        description_en=(
            "Redesigning offices around activities rather than assigned desks: "
            "desk-sharing rules, meeting and focus spaces, ergonomics at the "
            "office and at home."
        ),
    ),
    NeedSpec(
        code="MGT",
        labels={
            "fr": "Management participatif et entreprise libérée",
            "en": "Participative management and liberated company",
            "de": "Partizipative Führung und befreites Unternehmen",
            "nl": "Participatief management en bevrijde onderneming",
        },
        dimensions=(Dimension.D4,),
        description_en=(
            "Moving from control of presence to trust and results: delegated "
            "decisions, self-organising teams, participative rituals and "
            "managers trained to lead at a distance."
        ),
    ),
    NeedSpec(
        code="HRP",
        labels={
            "fr": "Professionnalisation des processus RH",
            "en": "Professionalising HR processes",
            "de": "Professionalisierung der Personalprozesse",
            "nl": "Professionalisering van de HR-processen",
        },
        dimensions=(Dimension.D5,),
        description_en=(
            "Putting in place role descriptions, competence frameworks, yearly "
            "reviews, a training plan and an onboarding that also works "
            "remotely."
        ),
    ),
    NeedSpec(
        code="CHG",
        labels={
            "fr": "Conduite du changement et communication",
            "en": "Change management and communication",
            "de": "Veränderungsmanagement und Kommunikation",
            "nl": "Verandermanagement en communicatie",
        },
        dimensions=(Dimension.D1, Dimension.D4),
        description_en=(
            "Preparing, explaining and following up a change in ways of "
            "working: sponsorship by management, consultation of staff and of "
            "their representatives, communication plan."
        ),
    ),
    NeedSpec(
        code="SEC",
        labels={
            "fr": "Sécurité numérique du travail à distance",
            "en": "Digital security for remote work",
            "de": "IT-Sicherheit beim mobilen Arbeiten",
            "nl": "Digitale beveiliging bij werken op afstand",
        },
        dimensions=(Dimension.D6,),
        description_en=(
            "Securing work outside the office: multi-factor authentication, "
            "managed devices, secure access to business applications and "
            "data-protection rules for home work."
        ),
    ),
    NeedSpec(
        code="LEG",
        labels={
            "fr": "Droit du travail et conformité",
            "en": "Labour law and compliance",
            "de": "Arbeitsrecht und Compliance",
            "nl": "Arbeidsrecht en compliance",
        },
        dimensions=(Dimension.D2, Dimension.D5),
        description_en=(
            "Bringing new ways of working within Belgian labour law: telework "
            "agreements, work rules, working time, right to disconnect and "
            "psychosocial risk analysis."
        ),
    ),
    NeedSpec(
        code="DIG",
        labels={
            "fr": "Maturité numérique et digitalisation des processus",
            "en": "Digital maturity and process digitalisation",
            "de": "Digitale Reife und Digitalisierung der Prozesse",
            "nl": "Digitale maturiteit en digitalisering van processen",
        },
        dimensions=(Dimension.D3, Dimension.D1),
        description_en=(
            "Assessing digital maturity and digitalising paper or manual "
            "processes so that they can be run from anywhere."
        ),
    ),
    NeedSpec(
        code="STR",
        labels={
            "fr": "Stratégie NWOW et business case",
            "en": "NWOW strategy and business case",
            "de": "NWOW-Strategie und Business Case",
            "nl": "NWOW-strategie en businesscase",
        },
        dimensions=(Dimension.D1,),
        description_en=(
            "Setting NWOW goals in the business plan and building the business "
            "case: expected gains, costs, budget and the indicators to follow "
            "(productivity, well-being, absenteeism, real-estate cost)."
        ),
    ),
)

_NEEDS_BY_CODE = {need.code: need for need in NEEDS}


def need_spec(code: str) -> NeedSpec:
    """Return the need with this code; raise KeyError for an unknown code."""
    return _NEEDS_BY_CODE[code]
