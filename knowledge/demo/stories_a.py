"""Demo case studies, first half: see knowledge.demo.case_studies."""

STORIES = [
    {
        "title": "Deux jours de télétravail par semaine, cadrés par une charte",
        "company_name": "Fiduciaire Ardenne Conseil",
        "province": "BE-WLX",
        "sector": "N",
        "size_class": "small",
        "employees": 22,
        "year": 2024,
        "needs": ["TEL", "LEG"],
        "dimensions": "D2",
        "expert": 0,
        "summary": (
            "Une fiduciaire de Bastogne a remplacé le télétravail « à la tête du "
            "client » par une politique écrite, conforme à la CCT n° 85, et a "
            "réduit les trajets de ses collaborateurs sans ralentir les clôtures."
        ),
        "situation": (
            "Depuis 2020, chacun télétravaillait selon un accord oral avec son "
            "responsable. Les comptables qui habitaient loin de Bastogne "
            "demandaient plus de jours, l'accueil se sentait oublié et personne "
            "ne savait qui payait la connexion internet ou l'écran à domicile.\n\n"
            "Lors des clôtures trimestrielles, l'absence de règle commune créait "
            "des tensions : qui doit être au bureau quand un client passe ?"
        ),
        "actions": (
            "Avec l'experte, la direction a rédigé une politique de télétravail "
            "structurel : deux jours par semaine au choix, une journée commune au "
            "bureau le mardi, des critères d'éligibilité objectifs par fonction, "
            "une indemnité de bureau forfaitaire et un écran fourni.\n\n"
            "Chaque télétravailleur a signé un avenant à son contrat. L'accueil "
            "a obtenu un jour de télétravail en alternance avec une collègue."
        ),
        "results": (
            "Un an plus tard, 19 collaborateurs sur 22 télétravaillent. Les "
            "clôtures se font dans les mêmes délais et la fiduciaire a recruté "
            "deux comptables qui habitent à plus de 50 km, ce qui était "
            "impossible auparavant."
        ),
        "figures": [
            ("19 / 22", "collaborateurs en télétravail structurel"),
            ("−38 %", "de kilomètres domicile-bureau"),
            ("2", "recrutements hors de la région de Bastogne"),
        ],
        "quotes": [
            (
                "La charte a mis fin aux négociations au cas par cas : tout le "
                "monde connaît les règles, moi y compris.",
                "Martine Gérard",
                "associée gérante",
            )
        ],
    },
    {
        "title": "Un atelier d'architecture passe au bureau partagé et au nuage",
        "company_name": "Atelier Meuse Architectes",
        "province": "BE-WNA",
        "sector": "N",
        "size_class": "micro",
        "employees": 7,
        "year": 2023,
        "needs": ["COL", "DIG"],
        "dimensions": "D3",
        "summary": (
            "À Dinant, sept architectes ont quitté le serveur du grenier pour un "
            "espace documentaire partagé : les plans se consultent sur chantier "
            "et les versions ne se perdent plus."
        ),
        "situation": (
            "Les plans étaient enregistrés sur un serveur installé dans les "
            "combles. En chantier, les architectes appelaient le bureau pour "
            "qu'on leur envoie un PDF par courriel. Deux fois, un entrepreneur a "
            "travaillé sur une ancienne version d'un plan."
        ),
        "actions": (
            "L'atelier a choisi une plateforme documentaire partagée avec une "
            "arborescence par projet, des droits par rôle et un historique des "
            "versions. Une convention de nommage a été adoptée en réunion "
            "d'équipe, et chacun a suivi deux demi-journées de formation.\n\n"
            "Les réunions de chantier hybrides se tiennent désormais avec une "
            "tablette et le plan ouvert à l'écran pour tous."
        ),
        "results": (
            "Plus aucun plan périmé n'est parti en chantier depuis la migration. "
            "Le serveur a été débranché après six mois de fonctionnement en "
            "parallèle."
        ),
        "figures": [
            ("0", "erreur de version en chantier depuis la migration"),
            ("45 min", "gagnées par architecte et par jour de chantier"),
            ("6 mois", "de double fonctionnement avant l'arrêt du serveur"),
        ],
        "quotes": [
            (
                "On ouvre le plan à jour depuis le chantier, devant "
                "l'entrepreneur. C'est tout bête, mais ça a changé nos relations.",
                "Thomas Lejeune",
                "architecte associé",
            )
        ],
    },
    {
        "title": "L'imprimerie où les équipes planifient elles-mêmes la production",
        "company_name": "Imprimerie Lemaire",
        "province": "BE-WLG",
        "sector": "C",
        "size_class": "small",
        "employees": 34,
        "year": 2023,
        "needs": ["MGT", "CHG"],
        "dimensions": "D4 D1",
        "expert": 1,
        "summary": (
            "À Herstal, une imprimerie familiale a confié la planification "
            "hebdomadaire à ses équipes de production. Les retards de livraison "
            "ont diminué et l'absentéisme aussi."
        ),
        "situation": (
            "Le planning était établi chaque vendredi par le directeur de "
            "production, seul. Les opérateurs découvraient le lundi des "
            "changements qu'ils jugeaient irréalistes, et les heures "
            "supplémentaires s'accumulaient en fin de mois."
        ),
        "actions": (
            "Après un diagnostic avec l'expert, l'imprimerie a testé pendant "
            "trois mois un « rituel du jeudi » : chaque équipe (offset, "
            "numérique, finition) construit son planning à partir des commandes "
            "confirmées, puis les trois équipes arbitrent ensemble les conflits.\n\n"
            "Le directeur de production est devenu le garant des délais clients "
            "et des priorités, plus celui qui place chaque travail sur chaque "
            "machine."
        ),
        "results": (
            "Le test a été prolongé puis généralisé. Les opérateurs proposent "
            "eux-mêmes des permutations d'horaires, et le taux de livraisons à "
            "temps est passé de 86 % à 95 %."
        ),
        "figures": [
            ("86 % → 95 %", "de livraisons à la date promise"),
            ("−31 %", "d'heures supplémentaires sur un an"),
            ("5,8 % → 4,1 %", "de taux d'absentéisme"),
        ],
        "quotes": [
            (
                "Au début, j'avais peur de perdre le contrôle. En fait, je passe "
                "mon temps sur les clients au lieu de jouer au Tetris.",
                "Jean-Pierre Lemaire",
                "directeur de production",
            ),
            (
                "Quand c'est nous qui faisons le planning, on le respecte.",
                "Sarah Bozet",
                "opératrice offset",
            ),
        ],
    },
    {
        "title": "Sécuriser le travail à distance sans ralentir les développeurs",
        "company_name": "Logiciels du Brabant",
        "province": "BE-WBR",
        "sector": "K",
        "size_class": "small",
        "employees": 28,
        "year": 2024,
        "needs": ["SEC", "TEL"],
        "dimensions": "D6",
        "expert": 2,
        "summary": (
            "Un éditeur de logiciels de Louvain-la-Neuve a généralisé "
            "l'authentification multifacteur et la gestion des portables avant "
            "qu'un client ne le lui impose."
        ),
        "situation": (
            "Les développeurs travaillaient depuis chez eux avec leurs propres "
            "ordinateurs pour une partie des tâches. Un grand client a annoncé un "
            "questionnaire de sécurité pour tous ses fournisseurs."
        ),
        "actions": (
            "L'entreprise a fourni des portables gérés à tous, activé "
            "l'authentification multifacteur sur chaque service, chiffré les "
            "disques et rédigé des règles simples de protection des données à "
            "domicile (écran verrouillé, pas de documents clients imprimés).\n\n"
            "Chaque règle a été discutée avec l'équipe pour qu'elle ne bloque "
            "pas le travail quotidien."
        ),
        "results": (
            "Le questionnaire du client a été rempli sans réserve. Les tickets "
            "de support liés aux accès ont d'abord augmenté, puis sont revenus à "
            "leur niveau antérieur en deux mois."
        ),
        "figures": [
            ("100 %", "des comptes protégés par un second facteur"),
            ("28", "portables gérés et chiffrés"),
            ("2 mois", "pour revenir au volume de support habituel"),
        ],
        "quotes": [
            (
                "Nous voulions que la règle la plus sûre soit aussi la plus "
                "simple à suivre.",
                "Nicolas Dumont",
                "responsable technique",
            )
        ],
    },
    {
        "title": "Une boulangerie artisanale où chacun choisit ses horaires",
        "company_name": "Au Pain de Chez Nous",
        "province": "BE-WHT",
        "sector": "C",
        "size_class": "micro",
        "employees": 9,
        "year": 2022,
        "needs": ["MGT", "HRP"],
        "dimensions": "D4 D5",
        "summary": (
            "À Ath, neuf boulangers et vendeuses construisent ensemble un "
            "planning de quatre semaines. Le turnover, très élevé dans le "
            "métier, a nettement reculé."
        ),
        "situation": (
            "Dans ce métier de nuit et de week-ends, la boulangerie perdait deux "
            "à trois personnes par an. Les horaires étaient fixés par le patron "
            "et les échanges se faisaient par SMS, souvent la veille."
        ),
        "actions": (
            "Le planning est désormais affiché quatre semaines à l'avance. Chacun "
            "indique ses contraintes, l'équipe répartit les nuits et les "
            "week-ends selon des règles qu'elle a votées, et les échanges se "
            "font sur un tableau partagé.\n\n"
            "Un entretien annuel a été instauré pour parler des souhaits "
            "d'évolution et de formation."
        ),
        "results": (
            "Une seule personne est partie en deux ans, pour un projet "
            "personnel. Deux vendeuses ont suivi une formation en pâtisserie "
            "demandée lors de leur entretien."
        ),
        "figures": [
            ("3 → 1", "départs par an"),
            ("4 semaines", "de visibilité sur les horaires"),
            ("2", "formations demandées et suivies"),
        ],
        "quotes": [
            (
                "Je savais enfin quand je pouvais prendre mes enfants le "
                "mercredi. Ça n'a pas de prix.",
                "Julie Van den Berghe",
                "vendeuse",
            )
        ],
    },
    {
        "title": "Flex office : un bureau plus petit, mieux adapté aux équipes",
        "company_name": "Agence Pixels & Co",
        "province": "BE-WHT",
        "sector": "J",
        "size_class": "small",
        "employees": 18,
        "year": 2024,
        "needs": ["SPA", "CHG"],
        "dimensions": "D6 D1",
        "summary": (
            "Une agence de communication montoise a profité de la fin de son "
            "bail pour passer à un bureau partagé par activité : moins de "
            "postes fixes, plus d'espaces de réunion et de concentration."
        ),
        "situation": (
            "Avec le télétravail, le plateau de 18 postes n'était jamais occupé "
            "à plus de 60 %. En revanche, les deux salles de réunion étaient "
            "réservées des semaines à l'avance."
        ),
        "actions": (
            "Un relevé d'occupation de six semaines a objectivé les besoins. "
            "L'équipe a conçu le nouvel aménagement en ateliers : 11 postes "
            "partagés, une bulle de concentration, trois salles équipées pour "
            "la visioconférence, des casiers personnels.\n\n"
            "Les règles de partage des bureaux (bureau vide le soir, "
            "réservation la veille) ont été testées avant le déménagement."
        ),
        "results": (
            "Le nouveau bail porte sur une surface plus petite. L'enquête "
            "interne six mois après le déménagement montre une satisfaction en "
            "hausse, surtout pour le bruit et la facilité de réserver une salle."
        ),
        "figures": [
            ("−30 %", "de surface louée"),
            ("11", "postes partagés pour 18 personnes"),
            ("3", "salles équipées pour les réunions hybrides"),
        ],
        "quotes": [
            (
                "Les mesures d'occupation ont calmé le débat : on parlait de "
                "faits, pas d'impressions.",
                "Céline Hubert",
                "directrice",
            )
        ],
    },
    {
        "title": "Une coopérative bio où les décisions se prennent par consentement",
        "company_name": "Coopérative Terres d'Ardenne",
        "province": "BE-WLX",
        "sector": "G",
        "size_class": "small",
        "employees": 15,
        "year": 2023,
        "needs": ["MGT"],
        "dimensions": "D4",
        "summary": (
            "Trois magasins à Arlon, Libramont et Marche ont adopté des cercles "
            "autonomes et la décision par consentement : les équipes de magasin "
            "choisissent leur assortiment local."
        ),
        "situation": (
            "Toutes les décisions remontaient au conseil d'administration "
            "mensuel. Les équipes des magasins se sentaient peu écoutées alors "
            "qu'elles connaissaient le mieux les producteurs locaux."
        ),
        "actions": (
            "La coopérative s'est organisée en cercles (un par magasin, un pour "
            "les achats, un pour la coordination) avec des rôles explicites et "
            "des mandats écrits. Les décisions se prennent par consentement : "
            "une proposition passe sauf objection argumentée."
        ),
        "results": (
            "Chaque magasin référence désormais ses producteurs locaux sans "
            "attendre le conseil. La part de produits locaux a augmenté dans "
            "les trois points de vente."
        ),
        "figures": [
            ("3", "cercles de magasin autonomes"),
            ("+12 points", "de part de produits locaux"),
            ("1 / mois → 1 / trimestre", "réunions du conseil sur l'opérationnel"),
        ],
        "quotes": [
            (
                "Le consentement, ce n'est pas l'unanimité : c'est « je peux "
                "vivre avec ». Ça accélère tout.",
                "Olivier Maréchal",
                "coordinateur",
            )
        ],
    },
]
