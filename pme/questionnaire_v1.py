# ruff: noqa: E501 - one question per line reads better than split strings.
"""Version 1 of the NWOW/HR maturity questionnaire (domain.md §5), as data.

Six dimensions of five questions each, every text in French, English, German
and Dutch. The data migration ``0002_questionnaire_v1`` loads it through
``seed_questionnaire_v1``; tests reuse the same data. Once companies have
answered it, its questions keep their codes: a change of substance is a new
version, so that past scores never move.
"""

LANGUAGES = ("fr", "en", "de", "nl")
VERSION_NUMBER = 1

# (code, labels, [(question code, texts)]), in the order they are asked.
DIMENSIONS: list[tuple[str, dict[str, str], list[tuple[str, dict[str, str]]]]] = [
    (
        "D1",
        {
            "fr": "Stratégie et leadership",
            "en": "Strategy & leadership",
            "de": "Strategie und Führung",
            "nl": "Strategie en leiderschap",
        },
        [
            (
                "D1.1",
                {
                    "fr": "Les objectifs NWOW et numériques figurent-ils dans votre plan d'entreprise ?",
                    "en": "Do your NWOW and digital goals appear in your business plan?",
                    "de": "Sind Ihre NWOW- und Digitalisierungsziele in Ihrem Unternehmensplan verankert?",
                    "nl": "Staan uw NWOW- en digitale doelstellingen in uw ondernemingsplan?",
                },
            ),
            (
                "D1.2",
                {
                    "fr": "La direction soutient-elle les nouvelles pratiques de travail et les applique-t-elle elle-même ?",
                    "en": "Does management sponsor the new ways of working and practise them itself?",
                    "de": "Unterstützt die Geschäftsleitung die neuen Arbeitsweisen und lebt sie selbst vor?",
                    "nl": "Steunt de directie de nieuwe manieren van werken en past ze die zelf toe?",
                },
            ),
            (
                "D1.3",
                {
                    "fr": "Un budget est-il prévu pour accompagner le changement ?",
                    "en": "Is there a budget to support the change?",
                    "de": "Ist ein Budget für die Begleitung des Wandels vorgesehen?",
                    "nl": "Is er een budget voorzien om de verandering te begeleiden?",
                },
            ),
            (
                "D1.4",
                {
                    "fr": "Suivez-vous des indicateurs tels que la productivité, le bien-être, l'absentéisme ou le coût des bureaux ?",
                    "en": "Do you track indicators such as productivity, well-being, absenteeism or office costs?",
                    "de": "Verfolgen Sie Kennzahlen wie Produktivität, Wohlbefinden, Fehlzeiten oder Bürokosten?",
                    "nl": "Volgt u indicatoren op zoals productiviteit, welzijn, absenteïsme of kantoorkosten?",
                },
            ),
            (
                "D1.5",
                {
                    "fr": "Le personnel est-il consulté avant les changements d'organisation ?",
                    "en": "Are staff consulted before changes to the way you work?",
                    "de": "Wird das Personal vor organisatorischen Änderungen angehört?",
                    "nl": "Wordt het personeel geraadpleegd vóór organisatorische veranderingen?",
                },
            ),
        ],
    ),
    (
        "D2",
        {
            "fr": "Flexibilité du temps et du lieu",
            "en": "Time & place flexibility",
            "de": "Flexibilität von Zeit und Ort",
            "nl": "Flexibiliteit in tijd en plaats",
        },
        [
            (
                "D2.1",
                {
                    "fr": "Disposez-vous d'une politique de télétravail (structurel selon la CCT n° 85, occasionnel selon la loi du 5 mars 2017) ?",
                    "en": "Do you have a telework policy (structural telework under CCT no. 85, occasional telework under the law of 5 March 2017)?",
                    "de": "Haben Sie eine Telearbeitsregelung (strukturelle Telearbeit nach KAA Nr. 85, gelegentliche Telearbeit nach dem Gesetz vom 5. März 2017)?",
                    "nl": "Hebt u een telewerkbeleid (structureel telewerk volgens cao nr. 85, occasioneel telewerk volgens de wet van 5 maart 2017)?",
                },
            ),
            (
                "D2.2",
                {
                    "fr": "L'accès au télétravail repose-t-il sur des critères objectifs et connus de tous ?",
                    "en": "Does access to telework rest on objective criteria known to everyone?",
                    "de": "Beruht der Zugang zur Telearbeit auf objektiven, allen bekannten Kriterien?",
                    "nl": "Berust de toegang tot telewerk op objectieve criteria die iedereen kent?",
                },
            ),
            (
                "D2.3",
                {
                    "fr": "Vos collaborateurs peuvent-ils aménager leurs horaires de manière flexible ?",
                    "en": "Can your staff arrange their working hours flexibly?",
                    "de": "Können Ihre Mitarbeitenden ihre Arbeitszeiten flexibel gestalten?",
                    "nl": "Kunnen uw medewerkers hun werkuren flexibel indelen?",
                },
            ),
            (
                "D2.4",
                {
                    "fr": "Des règles claires encadrent-elles l'indemnité de bureau et l'équipement fourni pour le travail à domicile ?",
                    "en": "Do clear rules cover the home-office allowance and the equipment provided for working from home?",
                    "de": "Gibt es klare Regeln zur Bürokostenpauschale und zur Ausstattung für das Arbeiten von zu Hause?",
                    "nl": "Zijn er duidelijke regels voor de bureauvergoeding en de uitrusting voor thuiswerk?",
                },
            ),
            (
                "D2.5",
                {
                    "fr": "Avez-vous une politique de droit à la déconnexion (obligatoire dès 20 travailleurs depuis le 1er avril 2023) ?",
                    "en": "Do you have a right-to-disconnect policy (mandatory from 20 workers since 1 April 2023)?",
                    "de": "Haben Sie eine Regelung zum Recht auf Nichterreichbarkeit (seit dem 1. April 2023 ab 20 Arbeitnehmern Pflicht)?",
                    "nl": "Hebt u een beleid rond het recht op deconnectie (verplicht vanaf 20 werknemers sinds 1 april 2023)?",
                },
            ),
        ],
    ),
    (
        "D3",
        {
            "fr": "Collaboration et outils numériques",
            "en": "Collaboration & digital tools",
            "de": "Zusammenarbeit und digitale Werkzeuge",
            "nl": "Samenwerking en digitale tools",
        },
        [
            (
                "D3.1",
                {
                    "fr": "Vos équipes partagent-elles leurs documents sur une plateforme commune ?",
                    "en": "Do your teams share their documents on a common platform?",
                    "de": "Teilen Ihre Teams ihre Dokumente auf einer gemeinsamen Plattform?",
                    "nl": "Delen uw teams hun documenten op een gemeenschappelijk platform?",
                },
            ),
            (
                "D3.2",
                {
                    "fr": "Utilisez-vous la messagerie instantanée et la visioconférence au quotidien ?",
                    "en": "Do you use chat and video meetings in your daily work?",
                    "de": "Nutzen Sie Chat und Videokonferenzen im Arbeitsalltag?",
                    "nl": "Gebruikt u chat en videovergaderingen in het dagelijkse werk?",
                },
            ),
            (
                "D3.3",
                {
                    "fr": "Vos collaborateurs accèdent-ils à distance aux applications métier dont ils ont besoin ?",
                    "en": "Can your staff reach the business applications they need from a distance?",
                    "de": "Können Ihre Mitarbeitenden aus der Ferne auf die benötigten Fachanwendungen zugreifen?",
                    "nl": "Kunnen uw medewerkers op afstand de bedrijfstoepassingen gebruiken die ze nodig hebben?",
                },
            ),
            (
                "D3.4",
                {
                    "fr": "Avez-vous des règles communes pour les réunions hybrides ?",
                    "en": "Do you have shared conventions for hybrid meetings?",
                    "de": "Haben Sie gemeinsame Regeln für hybride Besprechungen?",
                    "nl": "Hebt u gemeenschappelijke afspraken voor hybride vergaderingen?",
                },
            ),
            (
                "D3.5",
                {
                    "fr": "Le personnel est-il formé à l'utilisation de ces outils ?",
                    "en": "Are staff trained to use these tools?",
                    "de": "Ist das Personal im Umgang mit diesen Werkzeugen geschult?",
                    "nl": "Is het personeel opgeleid om met deze tools te werken?",
                },
            ),
        ],
    ),
    (
        "D4",
        {
            "fr": "Management participatif et culture",
            "en": "Participative management & culture",
            "de": "Partizipative Führung und Kultur",
            "nl": "Participatief management en cultuur",
        },
        [
            (
                "D4.1",
                {
                    "fr": "Les équipes fixent-elles elles-mêmes leurs priorités ?",
                    "en": "Do teams set their own priorities?",
                    "de": "Legen die Teams ihre Prioritäten selbst fest?",
                    "nl": "Bepalen de teams zelf hun prioriteiten?",
                },
            ),
            (
                "D4.2",
                {
                    "fr": "Le travail est-il évalué sur les résultats plutôt que sur la présence ?",
                    "en": "Is work judged on its results rather than on presence?",
                    "de": "Wird die Arbeit nach Ergebnissen statt nach Anwesenheit beurteilt?",
                    "nl": "Wordt werk beoordeeld op resultaten in plaats van op aanwezigheid?",
                },
            ),
            (
                "D4.3",
                {
                    "fr": "Les décisions sont-elles déléguées au plus près du terrain ?",
                    "en": "Are decisions delegated to those closest to the work?",
                    "de": "Werden Entscheidungen an diejenigen delegiert, die der Arbeit am nächsten sind?",
                    "nl": "Worden beslissingen gedelegeerd aan wie het dichtst bij het werk staat?",
                },
            ),
            (
                "D4.4",
                {
                    "fr": "Organisez-vous des rituels participatifs (réunions d'équipe, rétrospectives, ateliers) ?",
                    "en": "Do you hold participative rituals (team meetings, retrospectives, workshops)?",
                    "de": "Pflegen Sie partizipative Rituale (Teambesprechungen, Retrospektiven, Workshops)?",
                    "nl": "Houdt u participatieve rituelen (teamoverleg, retrospectieven, workshops)?",
                },
            ),
            (
                "D4.5",
                {
                    "fr": "Mesurez-vous la confiance au sein des équipes par une enquête, suivie d'actions ?",
                    "en": "Do you measure trust within teams with a survey, and act on its results?",
                    "de": "Messen Sie das Vertrauen in den Teams mit einer Umfrage und handeln Sie danach?",
                    "nl": "Meet u het vertrouwen in de teams met een enquête, en onderneemt u daarna actie?",
                },
            ),
        ],
    ),
    (
        "D5",
        {
            "fr": "Processus RH",
            "en": "HR processes",
            "de": "Personalprozesse",
            "nl": "HR-processen",
        },
        [
            (
                "D5.1",
                {
                    "fr": "Disposez-vous de descriptions de fonction et de référentiels de compétences ?",
                    "en": "Do you have role descriptions and competence frameworks?",
                    "de": "Verfügen Sie über Stellenbeschreibungen und Kompetenzprofile?",
                    "nl": "Hebt u functiebeschrijvingen en competentieprofielen?",
                },
            ),
            (
                "D5.2",
                {
                    "fr": "Chaque collaborateur a-t-il un entretien annuel et un retour régulier sur son travail ?",
                    "en": "Does every employee have a yearly review and regular feedback on their work?",
                    "de": "Hat jede Mitarbeiterin und jeder Mitarbeiter ein Jahresgespräch und regelmäßiges Feedback?",
                    "nl": "Heeft elke medewerker een jaarlijks gesprek en regelmatig feedback op zijn werk?",
                },
            ),
            (
                "D5.3",
                {
                    "fr": "Avez-vous un plan de formation avec un budget dédié ?",
                    "en": "Do you have a training plan with its own budget?",
                    "de": "Haben Sie einen Weiterbildungsplan mit eigenem Budget?",
                    "nl": "Hebt u een opleidingsplan met een eigen budget?",
                },
            ),
            (
                "D5.4",
                {
                    "fr": "L'accueil des nouveaux collaborateurs est-il organisé, y compris à distance ?",
                    "en": "Is the onboarding of newcomers organised, including remotely?",
                    "de": "Ist die Einarbeitung neuer Mitarbeitender organisiert, auch aus der Ferne?",
                    "nl": "Is de onboarding van nieuwe medewerkers georganiseerd, ook op afstand?",
                },
            ),
            (
                "D5.5",
                {
                    "fr": "Votre analyse des risques psychosociaux couvre-t-elle le télétravail ?",
                    "en": "Does your psychosocial risk analysis cover telework?",
                    "de": "Umfasst Ihre Analyse der psychosozialen Risiken auch die Telearbeit?",
                    "nl": "Omvat uw analyse van de psychosociale risico's ook het telewerk?",
                },
            ),
        ],
    ),
    (
        "D6",
        {
            "fr": "Espace de travail et télétravail sécurisé",
            "en": "Workspace & secure remote work",
            "de": "Arbeitsumgebung und sichere Telearbeit",
            "nl": "Werkplek en veilig werken op afstand",
        },
        [
            (
                "D6.1",
                {
                    "fr": "Vos bureaux sont-ils aménagés selon les activités (concentration, réunion, échange) ?",
                    "en": "Are your offices laid out by activity (focus work, meetings, exchanges)?",
                    "de": "Sind Ihre Büros nach Tätigkeiten eingerichtet (konzentriertes Arbeiten, Besprechungen, Austausch)?",
                    "nl": "Zijn uw kantoren ingericht volgens activiteit (concentratie, vergaderen, overleg)?",
                },
            ),
            (
                "D6.2",
                {
                    "fr": "Des règles de partage des bureaux sont-elles établies et respectées ?",
                    "en": "Are there desk-sharing rules, and are they followed?",
                    "de": "Gibt es Regeln für geteilte Arbeitsplätze, und werden sie eingehalten?",
                    "nl": "Zijn er regels voor gedeelde werkplekken, en worden ze nageleefd?",
                },
            ),
            (
                "D6.3",
                {
                    "fr": "L'authentification multifacteur et des appareils gérés par l'entreprise sont-ils en place ?",
                    "en": "Are multi-factor authentication and company-managed devices in place?",
                    "de": "Sind Mehr-Faktor-Authentifizierung und vom Unternehmen verwaltete Geräte im Einsatz?",
                    "nl": "Zijn meervoudige authenticatie en door het bedrijf beheerde toestellen ingevoerd?",
                },
            ),
            (
                "D6.4",
                {
                    "fr": "Des règles de protection des données encadrent-elles le travail à domicile ?",
                    "en": "Do data-protection rules cover working from home?",
                    "de": "Gibt es Datenschutzregeln für das Arbeiten von zu Hause?",
                    "nl": "Zijn er regels voor gegevensbescherming bij thuiswerk?",
                },
            ),
            (
                "D6.5",
                {
                    "fr": "Vos collaborateurs reçoivent-ils un soutien en ergonomie, au bureau comme à domicile ?",
                    "en": "Do your staff get ergonomics support, at the office and at home?",
                    "de": "Erhalten Ihre Mitarbeitenden ergonomische Unterstützung, im Büro wie zu Hause?",
                    "nl": "Krijgen uw medewerkers ergonomische ondersteuning, op kantoor en thuis?",
                },
            ),
        ],
    ),
]


def seed_questionnaire_v1(apps, schema_editor=None) -> None:
    """Create or update version 1 with its dimensions and questions.

    Idempotent: running it again rewrites the texts and adds nothing. It makes
    version 1 current only when no other version is, so that a later run (a
    test fixture, a re-applied migration) never demotes a newer version.
    """
    Version = apps.get_model("pme", "QuestionnaireVersion")
    QuestionnaireDimension = apps.get_model("pme", "QuestionnaireDimension")
    Question = apps.get_model("pme", "Question")

    other_current = (
        Version.objects.filter(is_current=True).exclude(number=VERSION_NUMBER).exists()
    )
    version, _created = Version.objects.update_or_create(
        number=VERSION_NUMBER,
        defaults={"notes": "NWOW/HR maturity scan, domain.md §5."},
        create_defaults={
            "notes": "NWOW/HR maturity scan, domain.md §5.",
            "is_current": not other_current,
        },
    )
    for position, (code, labels, questions) in enumerate(DIMENSIONS, start=1):
        dimension, _created = QuestionnaireDimension.objects.update_or_create(
            version=version,
            code=code,
            defaults={
                "position": position,
                **{f"label_{lang}": labels[lang] for lang in LANGUAGES},
            },
        )
        for number, (question_code, texts) in enumerate(questions, start=1):
            Question.objects.update_or_create(
                dimension=dimension,
                code=question_code,
                defaults={
                    "position": number,
                    **{f"text_{lang}": texts[lang] for lang in LANGUAGES},
                },
            )
