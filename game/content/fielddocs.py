"""What every field of the format means, in French, with an example: the text of the JSON Schemas
(completion tips in the editor) and of the field reference in docs/authoring.md.

Kept beside the models rather than inside them so the models stay readable; a test fails when a
field has no entry here, or an entry names a field that no longer exists.
"""

from __future__ import annotations

from typing import Any

# Model name → (what the block is, {field: (description, example)}).
# Card fields shared by every kind are in CARD and apply unless a card model says otherwise.
CARD: dict[str, tuple[str, Any]] = {
    "id": ("Identifiant unique de la carte, dans tous les decks : minuscules sans accent, chiffres, tirets et "
            "soulignés.",
           "tt-001"),
    "aspect": ("Aspect (thème) de la carte : une des clés déclarées dans « deck.aspects ».", "reglementaire"),
    "minutes": ("Durée estimée de la carte à la table, en minutes (par défaut : 1 pour une question, 3 pour un "
                "débat, 2 pour un usager ou une situation, 0,5 pour un événement, 1,5 par étape du meilleur chemin d'un "
                "parcours).", 1.5),
    "difficulty": ("Difficulté de 1 (facile) à 3 (difficile) ; indicative.", 2),
    "notes": ("Notes pour l'animateur : ce qu'il peut ajouter, une relance, un piège fréquent. Affichées dans la "
              "fenêtre de l'animateur (play --presenter), jamais à l'écran de la salle.",
              "Beaucoup répondent « oui » : rappeler que l’accord du chef de service est requis."),
    "shuffle": ("false garde les choix dans l'ordre écrit (une échelle, « toutes les réponses ci-dessus ») ; "
                "sinon le jeu les mélange à chaque partie, pour que la place de la bonne réponse ne la trahisse "
                "pas. Un vrai/faux (ou oui/non) garde toujours son ordre.", False),
    "kind": ("Type de carte : question, debate (débat), persona (usager), situation, event (événement) ou "
             "parcours (un usager en plusieurs étapes).",
             "question"),
    "options": ("Les réponses que l'équipe peut choisir (2 à 5), dont au moins une notée « best ».",
                [{"text": "L'orienter vers le conseiller numérique", "rating": "best",
                  "effects": {"satisfaction": 1}, "feedback": "Un accompagnement adapté."}]),
}

# Who a persona or a parcours is about.
USAGER: dict[str, tuple[str, Any]] = {
    "name": ("Prénom de l'usager.", "Josiane"),
    "age": ("Âge de l'usager, de 0 à 120.", 78),
    "situation": ("Sa situation, en une ou deux phrases.", "Veuve, elle vit seule à la campagne."),
    "need": ("Ce qu'il vient chercher.", "Faire sa demande de pension de réversion."),
    "constraints": ("Ses contraintes, chacune sur une étiquette à l'écran : mobilite, numerique, langue, "
                    "handicap, urgence, isolement, precarite, sante, horaires et famille s'affichent avec leur "
                    "libellé (« Mobilité réduite »…) ; toute autre (30 caractères au plus) telle qu'écrite, "
                    "par exemple « Sans logement ». validate signale celles qui ne tiennent pas à l'écran.",
                    ["mobilite", "numerique", "Sans logement"]),
    "quote": ("Ce qu'il dit en arrivant, entre guillemets à l'écran.", "Je n’ai pas d’ordinateur."),
    "portrait": ("Image du portrait (PNG, JPEG, GIF, WebP ou BMP, 2 Mo au plus), chemin relatif au fichier du "
                 "deck et dans son dossier.", "images/josiane.png"),
}

MODELS: dict[str, tuple[str, dict[str, tuple[str, Any]]]] = {
    "DeckFile": ("Un fichier de deck : sa présentation (deck) et ses cartes (cards).", {
        "deck": ("Présentation du deck : identifiant, titre, licence, aspects.", {"id": "mon-deck"}),
        "cards": ("Les cartes du deck, au moins une.", [{"id": "md-001", "kind": "question"}]),
    }),
    "DeckInfo": ("Présentation d'un deck.", {
        "id": ("Identifiant du deck, repris par les scénarios dans « decks ».", "teletravail"),
        "replaces": ("true : ce deck remplace le deck du même identifiant (un deck fourni, par exemple) ; sans "
                     "cela, deux decks du même identifiant sont une erreur.", True),
        "title": ("Titre du deck, affiché et imprimé.", "Le télétravail, c’est bien du travail"),
        "language": ("Langue du contenu (code ISO 639-1).", "fr"),
        "version": ("Numéro de version du deck, à augmenter à chaque modification publiée.", 1),
        "license": ("Licence de réutilisation du contenu.", "CC-BY-4.0"),
        "description": ("Quelques phrases sur le deck : public, objectif, sources.", "Questions sur le télétravail "
                        "dans la fonction publique."),
        "authors": ("Auteurs ou structures qui ont écrit le deck.", ["Laboratoire d’innovation publique"]),
        "aspects": ("Les aspects (thèmes) du deck : une clé courte, puis le libellé affiché.",
                    {"reglementaire": "Réglementaire", "technique": "Technique"}),
    }),
    "QuestionCard": ("Une question à choix (vrai/faux, unique ou multiple) : la révélation montre la bonne "
                     "réponse, l'explication et la source.", {
        "prompt": ("L'énoncé de la question, lu à voix haute.", "Le télétravail peut-il être imposé à un agent ?"),
        "multiple": ("true si plusieurs réponses sont justes et que l'équipe doit toutes les choisir.", True),
        "answers": ("Les réponses proposées (2 à 6) ; marquez la ou les bonnes avec « correct: true ».",
                    [{"text": "Oui", "correct": False}, {"text": "Non", "correct": True}]),
        "explanation": ("Ce que la révélation explique : pourquoi c'est la bonne réponse.",
                        "Le télétravail repose sur le volontariat de l’agent."),
        "source": ("D'où vient la réponse : texte, site, date. Affichée à la révélation et imprimée sur le bilan.",
                   "Décret n° 2016-151 du 11 février 2016, art. 2"),
    }),
    "Answer": ("Une réponse proposée à une question.", {
        "text": ("Le texte de la réponse.", "Non, il repose sur le volontariat"),
        "correct": ("true pour une bonne réponse.", True),
    }),
    "DebateCard": ("Un débat ouvert, sans bonne réponse : un minuteur, une note de l'animateur ; il va au bilan "
                   "dans « À approfondir ».", {
        "prompt": ("La question ouverte posée à la table.", "Faut-il un droit à la déconnexion écrit ?"),
        "hints": ("Pistes pour lancer la discussion, affichées sous la question.", ["Qui fixe les horaires ?"]),
    }),
    "PersonaCard": ("Un usager qui se présente à l'accueil : l'équipe choisit une réponse, qui agit sur les jauges.", {
        **USAGER,
        "prompt": ("La question posée à l'équipe.", "Que lui proposez-vous ?"),
    }),
    "ParcoursCard": ("Le parcours d'un usager, en plusieurs étapes : chaque option mène à l'étape suivante ou à une "
                     "issue (droits obtenus, renvoyé pour rien, partenaire mobilisé).", {
        **USAGER,
        "steps": ("Les étapes du parcours (1 à 20), la première d'abord ; chacune a un identifiant, ce qui arrive "
                  "(« prompt ») et ses options.", [{"id": "accueil", "prompt": "Amina arrive sans rendez-vous.",
                                                   "options": [{"text": "…", "rating": "best", "feedback": "…",
                                                                "next": "documents"}]}]),
        "outcomes": ("Les issues possibles (1 à 10) : chacune a un identifiant, un titre, un résultat (success, "
                     "partial ou failure) et ce qu'elle veut dire pour l'usager.",
                     [{"id": "recepisse", "title": "Récépissé remis", "result": "success",
                       "feedback": "Ses droits sont maintenus pendant l’instruction."}]),
    }),
    "Step": ("Une étape d'un parcours (`steps`).", {
        "id": ("Identifiant de l'étape, repris par les « next » des options.", "documents"),
        "label": ("Le nom court de l'étape (40 caractères au plus) dans le schéma du bilan ; par défaut, son "
                  "identifiant.", "Pièces manquantes"),
        "prompt": ("Ce qui arrive à cette étape, ce que l'agent voit ou entend.",
                   "Elle revient avec son dossier, mais sans justificatif de domicile."),
        "options": ("Les choix de l'agent (2 à 5), dont au moins un noté « best » ; chacun dit où il mène (« next »).",
                    [{"text": "Lui expliquer quels justificatifs conviennent", "rating": "best",
                      "feedback": "Elle sait quoi apporter.", "next": "depot"}]),
    }),
    "StepOption": ("Un choix à une étape de parcours : une option, plus où elle mène.", {
        "text": ("Le texte de l'option.", "Prendre rendez-vous avec elle sur le site"),
        "rating": ("La note de l'option : best (la meilleure), acceptable ou poor (à éviter).", "best"),
        "effects": ("Variation de chaque jauge : son identifiant, puis un nombre entier (+ ou -).", {"confiance": 1}),
        "feedback": ("Le retour affiché quand l'option est choisie.", "Elle repart avec une date."),
        "next": ("Où mène ce choix : l'identifiant d'une étape ou d'une issue ; ou une liste de routes, la première "
                 "dont la condition tient étant suivie, la dernière sans condition.",
                 [{"when": {"flag": "dossier-incomplet"}, "to": "retour-guichet"}, {"to": "depot"}]),
        "sets": ("Drapeaux que ce choix pose, pour les conditions des étapes suivantes.", ["a-rendez-vous"]),
    }),
    "Route": ("Une route d'un « next » : où aller, et à quelle condition.", {
        "to": ("L'étape ou l'issue où mène la route.", "recepisse"),
        "when": ("La condition ; sans elle, la route est toujours suivie.", {"gauge": "confiance", "at_least": 6}),
    }),
    "Condition": ("Ce qu'une route demande : un drapeau posé (« flag ») ou non (« no_flag »), ou une jauge au moins "
                  "à une valeur (« gauge » et « at_least ») ou en dessous (« gauge » et « below »).", {
        "flag": ("Le drapeau qu'un choix précédent du parcours doit avoir posé.", "a-rendez-vous"),
        "no_flag": ("Le drapeau qu'aucun choix précédent ne doit avoir posé.", "dossier-incomplet"),
        "gauge": ("La jauge testée.", "confiance"),
        "at_least": ("La jauge doit valoir au moins ceci.", 6),
        "below": ("La jauge doit valoir moins que ceci.", 3),
    }),
    "ParcoursOutcome": ("Une issue de parcours (`outcomes`).", {
        "id": ("Identifiant de l'issue, repris par les « next ».", "recepisse"),
        "title": ("Ce que l'issue montre en titre.", "Récépissé remis, droits maintenus"),
        "result": ("success (droits obtenus), partial (en partie) ou failure (renvoyé pour rien).", "success"),
        "feedback": ("Ce que l'issue veut dire pour l'usager, à la révélation et sur le bilan.",
                     "Elle garde son travail pendant l’instruction de son dossier."),
    }),
    "SituationCard": ("Un dilemme avec un partenaire ou dans l'équipe : l'équipe choisit une réponse, qui agit sur "
                      "les jauges.", {
        "partner": ("Le partenaire concerné, affiché au-dessus de l'énoncé.", "CAF"),
        "prompt": ("Le dilemme, en quelques phrases.", "La CAF annule sa permanence du mardi sans prévenir."),
    }),
    "EventCard": ("Un imprévu qui s'impose à tous : il agit sur les jauges sans choix.", {
        "prompt": ("Ce qui arrive.", "Une panne informatique ferme l’accueil une matinée."),
        "effects": ("Variation de chaque jauge touchée : son identifiant, puis un nombre entier (+ ou -).",
                    {"satisfaction": -1, "charge": 2}),
    }),
    "Option": ("Une réponse possible à un usager ou à une situation.", {
        "text": ("Le texte de l'option.", "L’accompagner pas à pas sur le site"),
        "rating": ("La note de l'option : best (la meilleure), acceptable ou poor (à éviter).", "best"),
        "effects": ("Variation de chaque jauge : son identifiant, puis un nombre entier (+ ou -).",
                    {"satisfaction": 1, "charge": 1}),
        "feedback": ("Le retour affiché quand l'option est choisie.", "Elle repart avec sa demande faite."),
    }),
    "ScenarioFile": ("Un fichier de scénario.", {
        "scenario": ("Le scénario : decks tirés, durée, mode, jauges, victoire, bilan.", {"id": "mon-scenario"}),
    }),
    "ScenarioInfo": ("Un scénario : quels decks tirer et comment, combien de temps, comment on gagne.", {
        "id": ("Identifiant du scénario.", "atelier-teletravail"),
        "replaces": ("true : ce scénario remplace le scénario du même identifiant (un scénario fourni, par "
                     "exemple) ; sans cela, deux scénarios du même identifiant sont une erreur.", True),
        "title": ("Titre affiché à l'accueil et sur le bilan.", "Atelier télétravail"),
        "description": ("Présentation affichée à l'accueil.", "En équipes, complétez votre panorama."),
        "mode": ("teams (en équipes) ou solo (un joueur).", "teams"),
        "answering": ("Qui répond à chaque carte : all (toutes les équipes, chacune lève sa réponse ; pour "
                      "les personas et situations, le choix de la majorité s'applique) ou rotation (une équipe "
                      "à tour de rôle, par défaut). L'animateur peut changer ce choix avant la partie.", "all"),
        "teams": ("Nombre d'équipes possible (de 1 à 6) ; en bref, teams: 3 veut dire exactement 3 équipes.",
                  {"min": 2, "max": 6}),
        "minutes": ("Durée visée et durée maximale de la partie, en minutes ; en bref, minutes: 15 veut dire 15 "
                    "minutes visées et un tiers de plus au plus (20).", {"target": 15, "max": 20}),
        "timed": ("false : le chronomètre n'arrête jamais la partie, l'écran montre le temps passé et non le "
                  "temps restant (un entraînement seul, sans pression) ; la durée visée règle toujours le nombre "
                  "de cartes. Par défaut true.", False),
        "relearn": ("true (solo seulement) : une carte manquée revient trois cartes plus loin, jusqu'à trois fois, "
                    "tant qu'elle n'est pas réussie. Par défaut false.", True),
        "decks": ("Les identifiants des decks où tirer les cartes.", ["teletravail"]),
        "draw": ("Règles de tirage ; par défaut, toutes les cartes des decks, équilibrées par aspect.",
                 [{"kinds": ["question"], "count": "auto"}, {"kinds": ["debate"], "count": 2}]),
        "win": ("Comment on gagne : panorama (une bonne réponse par aspect), points, ou gauges (aucune jauge au-delà "
                "d'un seuil).", "panorama"),
        "gauges": ("Les jauges de la partie, modifiées par les options et les événements.",
                   [{"id": "satisfaction", "label": "Satisfaction des usagers", "start": 5}]),
        "debrief": ("Ce que le bilan imprimé rappelle.", {"key_messages": ["Le télétravail se prépare."]}),
    }),
    "TeamRange": ("Nombre d'équipes permis.", {
        "min": ("Au moins (1 à 6).", 2),
        "max": ("Au plus (1 à 6).", 6),
    }),
    "Minutes": ("Durées de la partie.", {
        "target": ("Durée visée en minutes : le tirage remplit ce temps.", 15),
        "max": ("Durée maximale : la carte en cours s'achève, puis la partie.", 20),
    }),
    "DrawRule": ("Une règle de tirage.", {
        "kinds": ("Types de cartes tirés par cette règle.", ["question"]),
        "aspects": ("Aspects tirés (par défaut : tous).", ["reglementaire", "technique"]),
        "count": ("Nombre de cartes, ou auto pour remplir la durée visée.", "auto"),
        "balanced": ("true pour répartir les cartes entre les aspects.", True),
        "ordered": ("true pour servir les cartes dans l'ordre des decks, sans les mélanger.", False),
    }),
    "Gauge": ("Une jauge affichée pendant la partie.", {
        "id": ("Identifiant de la jauge, repris dans les « effects » des cartes.", "satisfaction"),
        "label": ("Libellé affiché.", "Satisfaction des usagers"),
        "start": ("Valeur de départ.", 5),
        "min": ("Valeur la plus basse (défaut 0).", 0),
        "max": ("Valeur la plus haute (défaut 10).", 10),
        "lose_below": ("La partie est perdue si la jauge passe sous ce seuil.", 2),
        "lose_above": ("La partie est perdue si la jauge dépasse ce seuil.", 8),
    }),
    "Debrief": ("Ce que le bilan imprimé ajoute à la partie jouée.", {
        "key_messages": ("Messages clés à retenir, imprimés sur le bilan.", ["Le télétravail est un choix de "
                                                                             "l’agent."]),
        "discussion": ("Questions pour prolonger la discussion.", ["Qu’est-ce qui change pour l’accueil ?"]),
    }),
    "PlanFile": ("Un plan de séance : un atelier préparé (scénario, équipes, cartes), à relancer avec "
                 "« python -m game play --plan FICHIER » ou depuis l'écran d'accueil.", {
        "plan": ("Le plan de séance.", {"title": "Atelier des managers", "scenario": "atelier-teletravail"}),
    }),
    "PlanInfo": ("Un atelier préparé pour son public.", {
        "title": ("Le nom du plan, affiché à l'accueil et sur l'écran des équipes.", "Atelier des managers"),
        "scenario": ("L'identifiant du scénario joué.", "atelier-teletravail"),
        "teams": ("Les noms des équipes (1 à 6, 20 caractères au plus chacun), autant que le scénario en admet.",
                  ["Équipe Nord", "Équipe Sud"]),
        "answering": ("Qui répond : all (toutes les équipes à chaque carte) ou rotation (une équipe à tour de "
                      "rôle) ; sans cette clé, ce que dit le scénario.", "all"),
        "cards": ("Les cartes choisies pour l'atelier, par identifiant : toutes sont jouées, et elles seules. Sans "
                  "cette clé, le tirage du scénario.", ["tt-001", "tt-014", "tt-d02"]),
        "decks": ("La version de chaque deck quand le plan a été enregistré : un deck modifié depuis est signalé.",
                  {"teletravail": 2}),
    }),
}

CARD_MODELS = ("QuestionCard", "DebateCard", "PersonaCard", "SituationCard", "EventCard", "ParcoursCard")


def field_doc(model: str, field: str) -> tuple[str, Any] | None:
    """The description and example of one field, or None when the catalogue lacks it."""
    own = MODELS.get(model, ("", {}))[1]
    if field in own:
        return own[field]
    if model in CARD_MODELS:
        return CARD.get(field)
    return None
