"""Demo capsules. Each plays a short title card shipped in knowledge/demo_media/
(generated once with ffmpeg); ``cues`` are its French WebVTT subtitles and
``transcript`` the capsule's full text.
"""

CAPSULES = [
    {
        "title": "Le télétravail hybride en six secondes",
        "video": "capsule-teletravail.mp4",
        "needs": ["TEL"],
        "dimensions": "D2",
        "province": "BE-WLX",
        "featured": "Fiduciaire Ardenne Conseil",
        "summary": (
            "Les trois questions à trancher avant d'écrire une politique de "
            "télétravail : qui, combien de jours, avec quel équipement."
        ),
        "cues": [
            "Qui peut télétravailler ? Des critères objectifs, par fonction.",
            "Combien de jours ? Une règle commune et un jour d'équipe.",
            "Quel équipement ? Écran, connexion et indemnité, écrits.",
        ],
    },
    {
        "title": "Flex office : mesurer avant de réaménager",
        "video": "capsule-flexoffice.mp4",
        "needs": ["SPA"],
        "dimensions": "D6",
        "province": "BE-WHT",
        "featured": "Agence Pixels & Co",
        "summary": (
            "Pourquoi un relevé d'occupation de quelques semaines vaut mieux "
            "qu'un débat d'opinions avant de passer au bureau partagé."
        ),
        "cues": [
            "Relevez l'occupation réelle pendant plusieurs semaines.",
            "Comptez les réunions, pas seulement les bureaux.",
            "Testez les règles de partage avant de déménager.",
        ],
    },
    {
        "title": "Réussir une réunion hybride",
        "video": "capsule-reunions.mp4",
        "needs": ["COL"],
        "dimensions": "D3",
        "province": "BE-WNA",
        "featured": "Atelier Meuse Architectes",
        "summary": (
            "Une caméra qui montre la salle, un micro pour tous et un animateur "
            "qui donne la parole d'abord aux personnes à distance."
        ),
        "cues": [
            "Une caméra qui montre toute la salle.",
            "Un micro que tout le monde peut entendre.",
            "La parole d'abord aux personnes à distance.",
        ],
    },
    {
        "title": "Entreprise libérée : par où commencer ?",
        "video": "capsule-liberee.mp4",
        "needs": ["MGT"],
        "dimensions": "D4",
        "province": "BE-WLG",
        "featured": "Imprimerie Lemaire",
        "summary": (
            "Commencer petit : confier une décision concrète à une équipe, "
            "fixer le cadre, puis laisser faire et tirer les leçons."
        ),
        "cues": [
            "Choisissez une décision concrète à confier à une équipe.",
            "Fixez le cadre : budget, délais, clients.",
            "Laissez faire, puis tirez les leçons ensemble.",
        ],
    },
    {
        "title": "Le droit à la déconnexion en pratique",
        "video": "capsule-deconnexion.mp4",
        "needs": ["LEG"],
        "dimensions": "D2",
        "province": "BE-WNA",
        "featured": "Cabinet Delhaye & Associés",
        "summary": (
            "Depuis la loi du 3 octobre 2022, les employeurs de 20 travailleurs "
            "et plus doivent fixer des règles de déconnexion : exemples concrets."
        ),
        "cues": [
            "Dès 20 travailleurs, des règles de déconnexion sont obligatoires.",
            "Définissez des plages où l'on peut être joint.",
            "Prévoyez une procédure pour les vraies urgences.",
        ],
    },
    {
        "title": "Sécuriser le poste de travail à domicile",
        "video": "capsule-securite.mp4",
        "needs": ["SEC"],
        "dimensions": "D6",
        "province": "BE-WBR",
        "featured": "Logiciels du Brabant",
        "summary": (
            "Authentification multifacteur, appareils gérés et quelques règles "
            "simples de protection des données à la maison."
        ),
        "cues": [
            "Activez un second facteur sur chaque compte.",
            "Des portables gérés, chiffrés et mis à jour.",
            "Écran verrouillé, pas de documents clients imprimés.",
        ],
    },
]

TRANSCRIPT_INTRO = (
    "Bonjour, et bienvenue dans cette capsule de NWOW Wallonie, la plateforme "
    "qui accompagne les PME wallonnes vers les nouvelles façons de travailler."
)
TRANSCRIPT_OUTRO = (
    "Retrouvez les études de cas, les ressources et les experts labellisés sur "
    "la plateforme. Merci de votre attention."
)
