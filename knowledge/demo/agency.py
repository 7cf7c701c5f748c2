"""The agency's own guides and templates; the seeder writes each as a PDF."""

AGENCY_DOCUMENTS = [
    {
        "kind": "template",
        "title": "Modèle de politique de télétravail structurel",
        "needs": ["TEL", "LEG"],
        "dimensions": "D2",
        "summary": (
            "Un modèle commenté de politique de télétravail pour PME, à "
            "adapter : éligibilité, jours, équipement, frais, joignabilité."
        ),
        "sections": [
            (
                "Objet",
                (
                    "Cette politique organise le télétravail structurel au sens de la "
                    "CCT n° 85. Le télétravail est volontaire pour le travailleur "
                    "comme pour l'employeur."
                ),
            ),
            (
                "Éligibilité",
                (
                    "Les fonctions éligibles sont listées en annexe selon des critères"
                    " objectifs : tâches réalisables à distance, autonomie, sécurité "
                    "des données."
                ),
            ),
            (
                "Organisation",
                (
                    "Nombre maximal de jours par semaine, jour d'équipe commun au "
                    "bureau, plages de joignabilité."
                ),
            ),
            (
                "Équipement et frais",
                (
                    "Matériel fourni, indemnité de bureau, règles de remboursement de "
                    "la connexion."
                ),
            ),
            (
                "Avenant",
                (
                    "Chaque télétravailleur signe un avenant écrit à son contrat de "
                    "travail avant de commencer."
                ),
            ),
        ],
    },
    {
        "kind": "template",
        "title": "Modèle d'accord sur le droit à la déconnexion",
        "needs": ["LEG", "CHG"],
        "dimensions": "D2 D1",
        "summary": (
            "Un modèle d'accord pour les employeurs d'au moins 20 travailleurs : "
            "plages de joignabilité, envoi différé, urgences, formation."
        ),
        "sections": [
            (
                "Principe",
                (
                    "Aucun travailleur n'est tenu de lire ni de répondre aux messages "
                    "professionnels en dehors de son horaire."
                ),
            ),
            (
                "Joignabilité",
                (
                    "Les plages pendant lesquelles chacun peut être joint sont "
                    "définies par équipe."
                ),
            ),
            (
                "Outils",
                (
                    "Envoi différé des courriels écrits en soirée ; statut « hors "
                    "ligne » respecté."
                ),
            ),
            (
                "Urgences",
                (
                    "Une procédure décrit qui peut joindre qui, pour quelles urgences,"
                    " et comment."
                ),
            ),
            (
                "Suivi",
                "L'accord est évalué chaque année avec les représentants du personnel.",
            ),
        ],
    },
    {
        "kind": "guide",
        "title": "Guide de la réunion hybride",
        "needs": ["COL"],
        "dimensions": "D3",
        "summary": (
            "Équiper une salle, préparer, animer et conclure une réunion où "
            "une partie des participants est à distance."
        ),
        "sections": [
            (
                "Avant",
                "Un ordre du jour partagé, un lien unique, les documents en ligne.",
            ),
            (
                "La salle",
                (
                    "Une caméra qui cadre la table, un micro de salle, un écran "
                    "visible de tous."
                ),
            ),
            (
                "Pendant",
                (
                    "L'animateur donne la parole d'abord aux personnes à distance et "
                    "utilise un tour de table."
                ),
            ),
            (
                "Après",
                (
                    "Les décisions et actions sont notées dans le document partagé, "
                    "visibles de tous."
                ),
            ),
        ],
    },
    {
        "kind": "guide",
        "title": "Check-list de sécurité du poste à domicile",
        "needs": ["SEC"],
        "dimensions": "D6",
        "summary": (
            "Les vérifications essentielles pour un poste de télétravail sûr : "
            "comptes, appareils, réseau, données."
        ),
        "sections": [
            (
                "Comptes",
                "Second facteur activé sur la messagerie et les applications métier.",
            ),
            (
                "Appareils",
                (
                    "Ordinateur géré par l'entreprise, disque chiffré, mises à jour "
                    "automatiques."
                ),
            ),
            (
                "Réseau",
                (
                    "Mot de passe du Wi-Fi domestique changé, accès aux applications "
                    "par connexion sécurisée."
                ),
            ),
            (
                "Données",
                (
                    "Écran verrouillé en cas d'absence, pas d'impression de documents "
                    "clients à domicile."
                ),
            ),
        ],
    },
    {
        "kind": "guide",
        "title": "Guide de l'accueil des nouveaux collaborateurs en mode hybride",
        "needs": ["HRP"],
        "dimensions": "D5",
        "summary": (
            "Un parcours d'accueil en six semaines pour les équipes hybrides : "
            "parrainage, présence au bureau, points réguliers."
        ),
        "sections": [
            (
                "Semaine 1",
                (
                    "Présence au bureau avec le parrain, remise du matériel, rencontre"
                    " de l'équipe."
                ),
            ),
            (
                "Semaines 2 à 4",
                "Télétravail progressif, point quotidien puis hebdomadaire.",
            ),
            (
                "Semaines 5 et 6",
                (
                    "Bilan d'intégration, objectifs de la période d'essai, besoins de "
                    "formation."
                ),
            ),
            (
                "Livret d'accueil",
                (
                    "Outils, contacts, règles de télétravail et de déconnexion, dans "
                    "un document partagé."
                ),
            ),
        ],
    },
    {
        "kind": "template",
        "title": "Modèle de plan de communication du changement",
        "needs": ["CHG", "STR"],
        "dimensions": "D1",
        "summary": (
            "Un canevas pour annoncer et accompagner un projet NWOW : "
            "messages, publics, canaux, calendrier et retours."
        ),
        "sections": [
            (
                "Pourquoi",
                "La raison du changement, en une phrase compréhensible par tous.",
            ),
            (
                "Pour qui",
                "Les publics concernés et ce que le changement signifie pour chacun.",
            ),
            (
                "Comment",
                (
                    "Les canaux (réunion d'équipe, intranet, entretiens) et les "
                    "porte-parole."
                ),
            ),
            ("Quand", "Le calendrier des annonces, des tests et de la généralisation."),
            (
                "Retours",
                "Les moments où les équipes donnent leur avis, et ce qui en est fait.",
            ),
        ],
    },
]
