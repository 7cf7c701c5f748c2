"""Demo case studies, second half: see knowledge.demo.case_studies."""

STORIES = [
    {
        "title": "Objectiver le business case du travail hybride",
        "company_name": "Bureau d'études Wavre Ingénierie",
        "province": "BE-WBR",
        "sector": "N",
        "size_class": "medium",
        "employees": 85,
        "year": 2024,
        "needs": ["STR", "SPA"],
        "dimensions": "D1",
        "expert": 3,
        "summary": (
            "Un bureau d'études de 85 personnes a mesuré coûts et bénéfices du "
            "travail hybride avant de décider de son futur siège."
        ),
        "situation": (
            "Le conseil d'administration hésitait entre agrandir le siège et "
            "louer un second site. Les avis sur le télétravail étaient "
            "tranchés, mais personne n'avait de chiffres."
        ),
        "actions": (
            "L'expert a aidé à construire des indicateurs : occupation réelle, "
            "coûts immobiliers par poste, absentéisme, délais de projet et "
            "résultats d'une enquête de bien-être. Trois scénarios ont été "
            "chiffrés et présentés au personnel avant la décision."
        ),
        "results": (
            "Le conseil a choisi de réaménager le siège existant plutôt que "
            "d'ouvrir un second site. Les indicateurs sont suivis chaque "
            "trimestre par la direction."
        ),
        "figures": [
            ("3", "scénarios chiffrés"),
            ("1", "site au lieu de 2"),
            ("4", "indicateurs suivis chaque trimestre"),
        ],
        "quotes": [
            (
                "Nous avons remplacé une discussion de principes par une "
                "décision de gestion.",
                "Pierre Lambotte",
                "administrateur délégué",
            )
        ],
    },
    {
        "title": "Accueillir un nouveau collaborateur quand l'équipe est à distance",
        "company_name": "Transports Collard",
        "province": "BE-WHT",
        "sector": "H",
        "size_class": "medium",
        "employees": 120,
        "year": 2023,
        "needs": ["HRP", "TEL"],
        "dimensions": "D5",
        "summary": (
            "Un transporteur de Charleroi a repensé l'accueil de ses employés "
            "administratifs, devenus hybrides, pour que les nouveaux ne restent "
            "pas seuls devant leur écran."
        ),
        "situation": (
            "Les nouveaux employés du service planification arrivaient un jour "
            "où la moitié de l'équipe télétravaillait. Deux d'entre eux sont "
            "partis pendant leur période d'essai."
        ),
        "actions": (
            "Un parcours d'accueil de six semaines a été écrit : premiers jours "
            "obligatoirement au bureau avec le parrain, télétravail progressif, "
            "points hebdomadaires, et un livret numérique qui rassemble outils, "
            "contacts et règles."
        ),
        "results": (
            "Tous les collaborateurs recrutés depuis ont passé leur période "
            "d'essai. Le livret d'accueil est aussi utilisé pour les chauffeurs."
        ),
        "figures": [
            ("6 semaines", "de parcours d'accueil"),
            ("0", "départ en période d'essai depuis"),
            ("1", "parrain par nouvel arrivant"),
        ],
        "quotes": [
            (
                "Mon parrain m'a appelé tous les matins la première semaine de "
                "télétravail. Je ne me suis jamais senti perdu.",
                "Kevin Lardinois",
                "planificateur",
            )
        ],
    },
    {
        "title": "Dématérialiser les inscriptions d'un centre de formation",
        "company_name": "Centre de formation Meuse-Ourthe",
        "province": "BE-WLG",
        "sector": "Q",
        "size_class": "small",
        "employees": 26,
        "year": 2022,
        "needs": ["DIG", "COL"],
        "dimensions": "D3",
        "summary": (
            "Un centre de formation liégeois a remplacé les formulaires papier "
            "et les tableurs par un processus en ligne : les formateurs "
            "peuvent travailler de n'importe quel site."
        ),
        "situation": (
            "Chaque inscription passait par trois personnes et deux tableurs. "
            "Les formateurs devaient revenir au siège pour consulter les listes "
            "de participants."
        ),
        "actions": (
            "Le processus a été cartographié avec les personnes qui le faisaient. "
            "Un formulaire en ligne alimente désormais une base unique, les "
            "listes de présence sont signées sur tablette et les attestations "
            "partent automatiquement."
        ),
        "results": (
            "Une inscription demande quelques minutes au lieu d'un échange de "
            "courriels sur plusieurs jours. Les formateurs n'ont plus besoin de "
            "passer par le siège."
        ),
        "figures": [
            ("3 → 1", "personnes pour traiter une inscription"),
            ("−70 %", "de papier imprimé"),
            ("0", "passage au siège pour les listes"),
        ],
        "quotes": [
            (
                "Nous avons dessiné le processus sur un mur avec des post-it "
                "avant de choisir un outil. C'était la bonne méthode.",
                "Isabelle Renson",
                "responsable administrative",
            )
        ],
    },
    {
        "title": "Professionnaliser les RH d'une société de nettoyage en croissance",
        "company_name": "Net & Clair",
        "province": "BE-WNA",
        "sector": "O",
        "size_class": "medium",
        "employees": 140,
        "year": 2024,
        "needs": ["HRP", "DIG"],
        "dimensions": "D5 D3",
        "expert": 4,
        "summary": (
            "Une entreprise de nettoyage namuroise a doté ses équipes de "
            "terrain d'une application RH et de descriptions de fonction "
            "claires, alors que ses 140 collaborateurs ne passent jamais au "
            "bureau."
        ),
        "situation": (
            "Les fiches de paie, les demandes de congé et les plannings "
            "circulaient sur papier par les chefs d'équipe. Les erreurs de "
            "paie étaient fréquentes et les évolutions de carrière inexistantes."
        ),
        "actions": (
            "Une application mobile donne accès au planning, aux congés et aux "
            "documents. Des descriptions de fonction et une grille de "
            "compétences ont été écrites avec les chefs d'équipe, et une "
            "analyse des risques psychosociaux a été menée avec le conseiller "
            "en prévention."
        ),
        "results": (
            "Les corrections de paie ont fortement diminué, et cinq techniciennes "
            "sont devenues cheffes d'équipe grâce à la grille de compétences."
        ),
        "figures": [
            ("−60 %", "de corrections de paie"),
            ("5", "promotions internes en un an"),
            ("140", "collaborateurs équipés de l'application"),
        ],
        "quotes": [
            (
                "Pour nos équipes, le bureau, c'est le smartphone. Il fallait "
                "que les RH y soient aussi.",
                "Nadia Benali",
                "responsable des ressources humaines",
            )
        ],
    },
    {
        "title": (
            "Droit à la déconnexion : une règle écrite, et des managers exemplaires"
        ),
        "company_name": "Cabinet Delhaye & Associés",
        "province": "BE-WNA",
        "sector": "N",
        "size_class": "small",
        "employees": 24,
        "year": 2024,
        "needs": ["LEG", "CHG"],
        "dimensions": "D2 D1",
        "summary": (
            "Un cabinet d'avocats de Namur a négocié des règles de déconnexion "
            "avec son personnel : plus de courriels internes attendus le soir, "
            "et des associés qui montrent l'exemple."
        ),
        "situation": (
            "Les courriels des associés partaient jusqu'à minuit. Les "
            "collaborateurs se sentaient obligés de répondre, et deux d'entre "
            "eux ont évoqué l'épuisement lors de leur entretien annuel."
        ),
        "actions": (
            "Le cabinet a défini des plages de joignabilité, l'envoi différé des "
            "courriels écrits le soir et une procédure pour les urgences "
            "réelles. Les associés se sont engagés à l'appliquer les premiers."
        ),
        "results": (
            "Les courriels internes envoyés après 20 h ont presque disparu. "
            "L'enquête de bien-être suivante montre une nette amélioration de "
            "l'équilibre perçu entre travail et vie privée."
        ),
        "figures": [
            ("−85 %", "de courriels internes après 20 h"),
            ("3", "plages de joignabilité définies"),
            ("1", "procédure d'urgence écrite"),
        ],
        "quotes": [
            (
                "La règle n'a tenu que parce que les associés ont été les "
                "premiers à la respecter.",
                "Élise Delhaye",
                "associée",
            )
        ],
    },
    {
        "title": "Hybride Zusammenarbeit in einem Designstudio in Eupen",
        "company_name": "Studio Hertogenwald",
        "province": "BE-WLG",
        "sector": "N",
        "size_class": "micro",
        "employees": 6,
        "year": 2023,
        "language": "de",
        "needs": ["COL", "TEL"],
        "dimensions": "D3 D2",
        "summary": (
            "Ein Designstudio aus Eupen arbeitet mit Kunden in Belgien und "
            "Deutschland hybrid zusammen und hat klare Regeln für Besprechungen "
            "und geteilte Dokumente eingeführt."
        ),
        "situation": (
            "Das Team arbeitete teils im Studio, teils zu Hause. Kunden aus "
            "Aachen und Lüttich wurden per Video zugeschaltet, doch die Technik "
            "und die Gesprächsführung waren oft improvisiert."
        ),
        "actions": (
            "Das Studio hat einen Besprechungsraum mit Kamera und Mikrofon "
            "ausgestattet, eine Moderationsregel für hybride Treffen eingeführt "
            "und alle Projektdateien auf einer gemeinsamen Plattform abgelegt."
        ),
        "results": (
            "Hybride Kundentermine laufen ohne technische Pannen. Das Team "
            "arbeitet zwei Tage pro Woche zu Hause."
        ),
        "figures": [
            ("2 Tage", "Homeoffice pro Woche"),
            ("1", "ausgestatteter Besprechungsraum"),
            ("3", "Sprachen im Kundenkontakt"),
        ],
        "quotes": [
            (
                "Seit wir eine Moderationsregel haben, fühlen sich die Kunden "
                "am Bildschirm nicht mehr als Zuschauer.",
                "Lena Kessler",
                "Gründerin",
            )
        ],
    },
    {
        "title": "Informatique : une PME namuroise mesure sa maturité avant et après",
        "company": "Informatique",
        "company_name": "PME de services informatiques",
        "province": "BE-WNA",
        "sector": "K",
        "size_class": "small",
        "year": 2025,
        "needs": ["STR", "TEL"],
        "dimensions": "D1 D2",
        "expert": 5,
        "summary": (
            "Une société de services informatiques inscrite sur la plateforme a "
            "passé le scan de maturité NWOW, suivi un accompagnement labellisé, "
            "puis refait le scan pour mesurer le chemin parcouru."
        ),
        "situation": (
            "Le premier scan montrait une entreprise à l'aise avec les outils "
            "numériques mais sans stratégie écrite : le télétravail existait "
            "sans politique, et aucun indicateur n'était suivi."
        ),
        "actions": (
            "Avec l'expert choisi sur la plateforme, la direction a écrit une "
            "feuille de route NWOW en trois étapes, adopté une politique de "
            "télétravail et fixé quatre indicateurs suivis chaque trimestre."
        ),
        "results": (
            "La feuille de route est suivie en comité de direction, et le "
            "second scan sert à vérifier la progression dimension par "
            "dimension (voir la page de résultats de l'entreprise)."
        ),
        "figures": [
            ("3", "étapes dans la feuille de route NWOW"),
            ("2 jours", "de télétravail par semaine, désormais écrits"),
            ("4", "indicateurs suivis chaque trimestre"),
        ],
        "quotes": [
            (
                "Le scan nous a montré que nous avions les outils, pas le cap.",
                "",
                "direction",
            )
        ],
    },
    {
        "title": "Une entreprise de constructions métalliques associe l'atelier",
        "company": "Constructions métalliques",
        "company_name": "PME de constructions métalliques",
        "province": "BE-WHT",
        "sector": "C",
        "size_class": "medium",
        "year": 2025,
        "needs": ["CHG", "MGT"],
        "dimensions": "D4 D1",
        "summary": (
            "Dans une entreprise industrielle où le télétravail ne concerne que "
            "les bureaux, les nouvelles façons de travailler passent par la "
            "participation de l'atelier aux décisions."
        ),
        "situation": (
            "Les ouvriers de l'atelier vivaient le télétravail des employés "
            "comme un privilège. Le climat entre bureaux et atelier se "
            "dégradait."
        ),
        "actions": (
            "L'entreprise a ouvert les NWOW à l'atelier sous d'autres formes : "
            "horaires d'équipe choisis par roulement, réunion de production "
            "animée par les chefs d'équipe, boîte à idées suivie chaque mois."
        ),
        "results": (
            "Les propositions d'amélioration venues de l'atelier se comptent "
            "désormais par dizaines chaque année, et les tensions entre bureaux "
            "et atelier ont diminué selon l'enquête interne."
        ),
        "figures": [
            ("47", "idées d'amélioration reçues en un an"),
            ("19", "idées mises en œuvre"),
            ("1 / semaine", "réunion de production animée par l'atelier"),
        ],
        "quotes": [
            (
                "Les NWOW, ce n'est pas que le télétravail : c'est qui décide de quoi.",
                "",
                "directeur des opérations",
            )
        ],
    },
]
