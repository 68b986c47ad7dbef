"""Every sentence players and facilitators read, on screen, in the terminal and on the sheet.

One catalogue, so a translation is one file away and the three front ends say the same thing.
The table's views carry keys (kinds, marks, end reasons, refusals); this file words them."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from game.diskerrors import disk_problem

if TYPE_CHECKING:
    from collections.abc import Iterable

    from game.progress.report import ChoiceLine, ProgressReport
    from game.content.models import ScenarioInfo
    from game.engine.vocabulary import IllegalAction
    from game.table.view import Clock, GaugeView, Standings

FRENCH: dict[str, str] = {
    "app.title": "Atelier service public",
    "home.title": "Atelier service public",
    "home.subtitle": "Choisissez un scénario",
    "home.resume": "Reprendre la session interrompue",
    "home.sheets": "Écrire les bilans manquants ({n})",
    "home.sheets_title": "Bilans écrits dans {folder}",
    "home.sheet_written": "{name} : écrit.",
    "home.train": "M’entraîner seul",
    "home.train_facts": "En solo · 5, 10 ou 15 min, sans chrono",
    "home.train_description": "Seul, à votre rythme, sur un thème : le télétravail, l’accueil des usagers, les "
                              "partenaires, ou un seul aspect. L’explication et sa source après chaque réponse ; "
                              "vos progrès sont gardés sur cet ordinateur, et vos erreurs reviennent jusqu’à ce "
                              "que vous les réussissiez.",
    "home.accessibility": "Accessibilité",
    "home.quit": "Quitter",
    "home.minutes": "{target} min (au plus {max})",
    "mode.teams": "En équipes",
    "mode.solo": "En solo",
    "team.solo": "Solo",
    "team.default": "Équipe {n}",
    "setup.title": "Les équipes",
    "setup.count": "Nombre d’équipes : {n}",
    "setup.cards": "Cartes-réponses",
    "setup.rotation_limit": "Une équipe à la fois : le temps de ce scénario donne à chaque équipe une carte de chaque aspect jusqu’à {n} équipes ; au-delà, faites répondre toutes les équipes à chaque carte.",
    "setup.rotation_up_to": "(jusqu’à {n} équipes)",
    "setup.not_started": "Trop d’équipes pour jouer une à la fois",
    "setup.cards_written": "Cartes-réponses enregistrées : {name}, dans {folder}.",
    "setup.cards_failed": "Les cartes-réponses n’ont pas pu être écrites dans {folder} ({reason}).",
    "setup.answering_all": "Toutes les équipes répondent",
    "setup.answering_rotation": "Une équipe répond, à tour de rôle",
    "setup.start": "Commencer la partie",
    "setup.back": "Retour",
    "setup.name_refused": "Refusé ({codes}) : le jeu n’affiche que l’alphabet latin.",
    "setup.edit_hint": "+ et − : nombre d’équipes ; Entrée sur un nom pour le modifier.",
    "kind.question": "Question",
    "kind.debate": "Débat",
    "kind.persona": "Usager",
    "kind.situation": "Situation",
    "kind.event": "Événement",
    "kind.parcours": "Parcours",
    "parcours.reached": "Fin du parcours : {title}",
    "parcours.step": "étape {n}",
    "parcours.result.success": "issue favorable",
    "parcours.result.partial": "issue en partie favorable",
    "parcours.result.failure": "issue défavorable",
    "parcours.unfinished": "parcours interrompu",
    "mark.right": "Juste",
    "mark.wrong": "Faux",
    "mark.best": "Meilleure réponse",
    "mark.acceptable": "Réponse acceptable",
    "mark.poor": "Réponse à éviter",
    "mark.skipped": "Carte passée",
    "mark.discussed": "Débattue",
    "mark.event": "Événement",
    "mark.split": "Réponses partagées",
    "mark.no_answer": "Sans réponse",
    "end.cards": "toutes les cartes jouées",
    "end.time": "durée maximale atteinte",
    "end.panorama": "panorama complet",
    "end.gauges": "une jauge a franchi son seuil",
    "end.facilitator": "arrêtée par l’animateur",
    "end.interrupted": "partie interrompue",
    "result.won": "partie gagnée",
    "result.won_together": "partie gagnée ensemble",
    "result.lost": "partie perdue",
    "result.nobody": "aucun gagnant",
    "result.tie": "égalité : {names}",
    "result.winner": "Gagnant : {name}",
    "result.ex_aequo": "Ex æquo : {names}",
    "result.everyone": "Toutes les équipes gagnent, ex æquo",
    "result.unfinished": "partie non terminée",
    "result.gauge": "{label} : de {start} à {end}",
    "result.gauge_crossed": "{label} : de {start} à {end} (seuil franchi)",
    "result.team": "{name} : {points} pt",
    "result.team_panorama": "{name} : {points} pt, panorama {done}/{total}",
    "refusal.unknown": "action inconnue : {action}",
    "refusal.over": "la partie est terminée",
    "refusal.paused": "la partie est en pause : reprenez-la d’abord",
    "refusal.not_paused": "la partie n’est pas en pause",
    "refusal.nothing_to_undo": "il n’y a rien à annuler",
    "refusal.no_answer_expected": "cette carte n’attend pas de réponse",
    "refusal.no_such_choice": "ce choix n’existe pas pour cette carte",
    "refusal.answer_first": "la carte attend encore une réponse (ou passez-la)",
    "refusal.already_answered": "la réponse est donnée : passez à la carte suivante",
    "refusal.note_in_debate": "une note ne se prend que pendant un débat",
    "refusal.note_too_long": "la note tient sur une ligne de {max} caractères au plus",
    "refusal.program_only": "seul le programme écrit cette action",
    "refusal.time_backwards": "l’horodatage de l’action précède celui de la précédente",
    "refusal.every_team": "il faut la réponse de chaque équipe",
    "refusal.not_saved": "Rien n’est enregistré ({problem}) : l’action n’a pas eu lieu ; recommencez-la une fois "
                         "le problème réglé.",
    "refusal.missing": "il manque la réponse {teams}",
    "refusal.nobody": "aucune équipe n’a répondu : entrez une réponse, ou passez la carte (S)",
    "refusal.not_answering": "cette équipe ne répond pas à cette carte",
    "refusal.nothing_to_clear": "cette équipe n’a pas encore de réponse à effacer",
    "refusal.untimed": "cette partie n’a pas de chronomètre : il n’y a pas de temps à ajouter",
    "refusal.tie": "les équipes sont partagées : choisissez l’option retenue parmi les ex æquo",
    "persona.who": "{name}, {age} ans",
    "preview.file": "Aperçu de {file}",
    "preview.card": "{file} · carte {n}/{total} · {id} · ligne {line}",
    "preview.previous": "Précédente",
    "preview.next": "Suivante",
    "preview.keys": "1 à 6 : répondre · Entrée : suite · Pages : autre carte · Échap : quitter",
    "preview.errors": "Le fichier contient {errors} : la carte reviendra une fois le fichier corrigé",
    "preview.fix": "Corrigez le fichier et enregistrez : l’aperçu se met à jour tout seul. Échap pour quitter.",
    "preview.line": "Ligne {line}, colonne {column} :",
    "play.card": "Carte {n} sur {total}",
    "play.team_turn": "À {team} de jouer",
    "play.every_team": "Toutes les équipes",
    "play.tie": "Équipes partagées entre les options {choices} : tapez celle que la salle retient.",
    "play.applied": "retenue par la salle",
    "play.team_chose": "équipe {numbers}",
    "play.teams_chose": "équipes {numbers}",
    "play.table": "Toute la salle",
    "play.solo_turn": "À vous de jouer",
    "play.threshold": "Le trait vertical marque le seuil à ne pas franchir.",
    "play.side_overflow": "Les jauges et les équipes ne tiennent pas dans le panneau de côté.",
    "play.clock": "{elapsed} / {target}",
    "play.clock_over": "{elapsed} · fin à {limit}",
    "play.spent": "Temps passé {time}",
    "play.time_up": "Temps écoulé : on termine cette carte",
    "play.paused": "Pause",
    "play.paused_hint": "Le temps est arrêté. Espace pour reprendre.",
    "play.multiple": "Plusieurs réponses : cochez-les par leur numéro, puis Entrée",
    "play.no_such_number": "Pas de choix {n} sur cette carte : tapez un numéro de 1 à {count}.",
    "play.no_answer": "sans réponse : {teams}",
    "play.answer_first": "Tapez le numéro de la réponse (1 à {count}), puis Entrée.",
    "play.tie_number": "Équipes partagées : tapez l’une des options {choices} (Retour pour corriger les réponses).",
    "play.extended": "Cinq minutes de plus : objectif {target} min, fin au plus tard à {minutes} min.",
    "confirm.reveal_missing": "Il manque la réponse {teams}. Révéler quand même, en la notant « sans réponse » ?",
    "confirm.reveal_missing_many": "Il manque la réponse {teams}. Révéler quand même, en les notant « sans réponse » ?",
    "play.validate": "Valider",
    "play.right_answer": "Bonne réponse",
    "play.your_answer": "Réponse donnée",
    "play.source": "Source : {source}",
    "play.continue": "Continuer",
    "play.show_choices": "Voir les choix",
    "play.show_story": "Revoir la carte",
    "play.discussion": "Discussion : {time}",
    "play.note": "Note : {note}",
    "play.note_hint": "N pour écrire une note, Entrée quand la discussion est finie",
    "play.note_editing": "Note de l’animateur (Entrée pour valider, Échap pour annuler) :",
    "play.event": "Ce qui arrive à la table",
    "play.need": "Besoin : {need}",
    "play.keys_room": "Numéro : réponse de l’équipe encadrée · Haut, Bas : autre équipe · Retour effacer · Entrée révéler",
    "play.keys_room_several": "Numéros : cases de l’équipe encadrée · Entrée : équipe suivante, puis révéler · Haut, Bas : autre équipe",
    "play.keys": "Espace pause · Retour annuler · S passer · T +5 min · F finir · Échap menu",
    "play.points": "{n} pt",
    "play.panorama_caption": "Panorama : un carré plein par aspect réussi, sur {total}.",
    "menu.title": "Menu",
    "menu.resume": "Reprendre la partie",
    "menu.skip": "Passer la carte",
    "menu.undo": "Annuler la dernière étape",
    "menu.extend": "Ajouter cinq minutes (T)",
    "menu.end": "Terminer la partie",
    "menu.fullscreen": "Plein écran",
    "menu.accessibility": "Accessibilité",
    "menu.quit": "Quitter le programme",
    "confirm.yes": "Oui",
    "confirm.no": "Non",
    "confirm.end": "Terminer la partie maintenant ?",
    "confirm.quit": "Quitter ? La session est enregistrée et pourra être reprise.",
    "end.title": "Fin de la partie",
    "end.sheet": "Bilan enregistré (PDF, et CSV pour un tableur) : {name}, dans {folder}",
    "end.sheet_failed": "Le bilan n’a pas pu être écrit ({reason}) : la session est enregistrée, refaites-le avec python -m game debrief.",
    "end.minutes": "{n} min de jeu",
    "end.done": "à {minutes} min",
    "end.panorama_legend": "Panorama, les cases dans l’ordre : {aspects}",
    "end.gauge_values": "de {start} à {end}",
    "end.open": "Ouvrir le bilan",
    "end.print": "Imprimer",
    "end.home": "Retour à l’accueil",
    "end.quit": "Quitter",
    "access.title": "Accessibilité",
    "access.scale": "Taille du texte : {percent} %",
    "access.contrast": "Contraste élevé : {state}",
    "access.dyslexia": "Police adaptée à la dyslexie : {state}",
    "access.back": "Retour",
    "access.note": "Aucune réponse n’est chronométrée : l’horloge rythme la séance, jamais une carte.",
    "on": "oui",
    "off": "non",
    "error.refused": "Impossible : {reason}.",
    "console.help": "Commandes : un numéro pour répondre (plusieurs séparés d’espaces si la question l’indique), "
                    "Entrée pour révéler ou continuer, s passer la carte, u annuler la dernière étape, p pause / reprise, "
                    "t ajouter cinq minutes, n <texte> noter pendant un débat, f finir la partie, ? aide.",
    "console.interrupted": "Session interrompue et enregistrée : {path}",
    "console.how_to_resume": "Pour la reprendre : python -m game resume \"{path}\"",
    "console.note_saved": "Note enregistrée : {note}",
    "console.note_cleared": "Note effacée.",
    "console.confirm_end": "Finir la partie maintenant ? (o/n) ",
    "console.unknown": "Commande inconnue.",
    "console.prompt_paused": "[PAUSE — p pour reprendre] > ",
    "console.prompt": "[{minutes} min {seconds:02d} sur {target} min] > ",
    "console.prompt_over": "[{minutes} min {seconds:02d}, au-delà des {target} min : fin à {limit} min] > ",
    "console.prompt_spent": "[{minutes} min {seconds:02d} de jeu] > ",
    "console.paused": "— Partie en pause : le temps est arrêté. —",
    "console.next": "(Entrée : carte suivante)",
    "console.next_step": "(Entrée : étape suivante)",
    "console.card": "Carte {n}/{total} · {kind} · {aspect} · {who}",
    "console.constraints": "Contraintes : {list}",
    "console.partner": "Partenaire : {partner}",
    "console.every_team": "(Toutes les équipes répondent : tapez la réponse de chacune dans l’ordre ({teams}), "
                          "séparées d’espaces, par exemple « 2 1 2 » ; « 1+3 » pour plusieurs choix ; « 3=2 » corrige "
                          "l’équipe 3, « 3= » l’efface ; Entrée révèle ; v révèle sans les équipes manquantes.)",
    "console.tie": "Les équipes sont partagées entre {choices} : quelle option retenez-vous ? ",
    "console.entries": "Réponses : {answers}",
    "console.confirm_missing": "Il manque la réponse {teams} : révéler quand même, en la notant « sans réponse » ? (o/n) ",
    "console.confirm_missing_many": "Il manque la réponse {teams} : révéler quand même, en les notant « sans réponse » ? (o/n) ",
    "console.no_such_team": "Pas d’équipe {n} : les équipes vont de 1 à {count}.",
    "console.too_many": "{given} réponses pour {missing} sans réponse : une par équipe, ou « 3=2 » pour corriger l’équipe 3.",
    "console.not_numbers": "« {text} » n’est pas un numéro de choix : tapez un numéro de 1 à {count} (1+3 pour plusieurs).",
    "console.team_verdict": "  {team} : {given} — {mark}",
    "console.team_silent": "  {team} : sans réponse",
    "console.applied": "Option retenue par la salle : {choice} ({votes})",
    "console.multiple": "(Plusieurs bonnes réponses : donnez tous leurs numéros, par exemple « 1 3 ».)",
    "console.debate": "(Discussion : n <texte> pour noter, Entrée quand elle est finie.)",
    "console.right": "Bonne réponse : {answers}",
    "console.event": "Événement : {prompt}",
    "console.gauge": "  {label} : {before} → {after} ({delta:+d})",
    "console.end": "Fin de la partie : {reason}.",
    "console.result": "Résultat : {result}",
    "console.log": "Journal de la session : {path}",
    "console.sheet": "Bilan de la séance (à imprimer) : {path}",
    "console.csv": "Tableau pour un tableur : {path}",
    "console.sheet_failed": "Le bilan n’a pas pu être écrit ({reason}) : refaites-le avec python -m game debrief.",
    "error.content": "Des fichiers de contenu ont des erreurs",
    "error.more": "… et {others}.",
    "error.fix": "Corrigez-les (python -m game validate les liste toutes), puis relancez.",
    "error.back": "Retour",
    "error.resumed": "Session reprise : une partie de son journal est écartée",
    "error.not_started": "La session ne peut pas commencer : son journal ne peut pas être écrit",
    "error.not_resumed": "Cette session ne peut pas être reprise",
    "train.everything": "Tous les thèmes",
    "train.title": "Entraînement · {theme}",
    "train.review_title": "Revoir mes erreurs",
    "train.description": "Une session seul, à votre rythme : après chaque réponse, l’explication et sa source. "
                         "Vos réponses sont gardées sur cet ordinateur pour suivre vos progrès.",
    "train.unknown_deck": "le deck « {deck} » n’existe pas ou n’a pas de carte à jouer seul (decks : {known})",
    "train.unknown_aspect": "l’aspect « {aspect} » n’existe dans aucun deck (aspects : {known})",
    "train.bad_profile": "nom de profil refusé : {problem}",
    "train.started": "{title} — profil {profile}. Journal : {path}",
    "train.nothing_due": "Rien à revoir pour {profile} : aucune erreur en attente.",
    "train.next_due": "Prochaine carte à revoir : le {date}.",
    "train.gone": "Retirées de vos révisions, car elles ne sont plus dans les decks : {cards}.",
    "train.after": "Vos progrès : python -m game progress{profile}",
    "train.screen_title": "M’entraîner seul",
    "train.screen_note": "À votre rythme : l’explication et sa source après chaque réponse. "
                         "Vos réponses restent sur cet ordinateur.",
    "train.typing_profile": "Tapez votre nom, puis Entrée.",
    "train.profile": "Profil : {name}",
    "train.review_row": "Revoir mes erreurs ({n})",
    "train.theme": "Thème : {theme}",
    "train.length": "Durée : {minutes} min",
    "train.clock_off": "Sans chrono",
    "train.clock_on": "Avec chrono",
    "train.start": "Commencer",
    "train.progress": "Mes progrès",
    "progress.none_screen": "Aucune réponse enregistrée pour l’instant : vos progrès s’afficheront ici après "
                            "une première session.",
    "progress.aspects_screen": "Maîtrise par aspect : maintenant, et au fil des sessions",
    "progress.sheet": "Fiche de progrès (PDF)",
    "progress.sheet_written": "Fiche enregistrée : {name}, dans {folder}.",
    "progress.title": "Progrès de {profile}",
    "progress.none": "Aucune réponse enregistrée pour {profile} : commencez par python -m game train.",
    "progress.summary": "{answers} en {sessions}, du {first} au {last}.",
    "progress.aspects": "Maîtrise par aspect (cartes dont la dernière réponse est juste)",
    "progress.aspect": "{label} : {known} sur {seen} ({share} %)",
    "progress.choices": "Vos choix auprès des usagers et des partenaires",
    "progress.choice": "{label} : meilleur choix {best} fois sur {answers}",
    "progress.review": "Cartes à revoir ({n})",
    "progress.review_none": "Aucune carte à revoir.",
    "progress.review_now": "à revoir maintenant",
    "progress.review_on": "à revoir le {date}",
    "progress.sources": "Sources à relire",
    "progress.pdf": "Fiche de progrès : {path}",
    "progress.profiles": "Profils sur cet ordinateur : {names}",
}


def tr(key: str, **values: object) -> str:
    """The sentence for `key`, with its {placeholders} filled in."""
    text = FRENCH[key]
    return text.format(**values) if values else text


def lower_first(text: str) -> str:
    """A label as it reads inside a sentence: « Carte passée » becomes « carte passée »."""
    return text[:1].lower() + text[1:]


def refusal(refused: IllegalAction) -> str:
    """Why an action was refused (an `IllegalAction`), as a sentence."""
    if refused.reason == "not_saved":
        return tr("refusal.not_saved", problem=disk_problem(refused.values["error"]))
    if refused.reason == "missing":
        return tr("error.refused", reason=tr("refusal.missing", teams=teams_numbered(refused.values["teams"])))
    return tr("error.refused", reason=tr(f"refusal.{refused.reason}", **refused.values))


def extended(clock: Clock) -> str:
    """What five more minutes changed: the new target and the new maximum, in minutes."""
    return tr("play.extended", target=round(clock.target / 60), minutes=round(clock.limit / 60))


def teams_listed(numbers: Iterable[int]) -> str:
    """« équipe 2 », « équipes 2, 3 »: teams by their number, as a label."""
    said = [str(n) for n in numbers]
    return f"{'équipe' if len(said) == 1 else 'équipes'} {', '.join(said)}"


def teams_numbered(numbers: Iterable[int]) -> str:
    """« de l’équipe 3 », « des équipes 3 et 4 », « des équipes 1, 2 et 5 »: teams by their number, as the
    complement of « la réponse »."""
    said = [str(n) for n in numbers]
    if len(said) == 1:
        return f"de l’équipe {said[0]}"
    return f"des équipes {', '.join(said[:-1])} et {said[-1]}"




def end_reason(reason: str | None) -> str:
    return tr(f"end.{reason}") if reason else tr("end.interrupted")


def result(standings: Standings) -> str:
    """Who won, or how the gauges ended, in a few words (lower case: it goes after a colon)."""
    if not standings.over:
        return tr("result.unfinished")
    if standings.win == "gauges":
        if not standings.winners:
            return tr("result.lost")
        return tr("result.won_together" if len(standings.teams) > 1 else "result.won")
    if not standings.winners:
        return tr("result.nobody")
    names = ", ".join(standings.teams[i].name for i in standings.winners)
    return tr("result.tie", names=names) if len(standings.winners) > 1 else names


def headline(standings: Standings) -> str:
    """The result as a sentence standing alone: the end screen's title, the sheet's."""
    said = result(standings)
    if standings.win == "gauges" or not standings.over or not standings.winners:
        return said[0].upper() + said[1:]
    if len(standings.winners) == len(standings.teams) > 1:
        return tr("result.everyone")
    if len(standings.winners) > 1:
        return tr("result.ex_aequo", names=", ".join(standings.teams[i].name for i in standings.winners))
    return tr("result.winner", name=said)


def gauge_lines(gauges: Iterable[GaugeView]) -> list[str]:
    """Each gauge from its start to its end, the crossed ones marked."""
    return [tr("result.gauge_crossed" if g.losing else "result.gauge", label=g.label, start=g.start, end=g.value)
            for g in gauges]


def result_lines(standings: Standings) -> list[str]:
    """One line per gauge (gauge scenarios) or per team (points and panorama)."""
    if standings.win == "gauges":
        return gauge_lines(standings.gauges)
    if standings.win == "panorama":
        return [tr("result.team_panorama", name=t.name, points=t.score, done=len(t.panorama),
                   total=len(standings.panorama)) for t in standings.teams]
    return [tr("result.team", name=t.name, points=t.score) for t in standings.teams]


def plural(n: int, words: str) -> str:
    """`n words`, with the plural s French gives from 2 on (0 and 1 take the singular), on each word: a noun
    and its adjective agree ("2 fichiers vérifiés")."""
    return f"{n} {' '.join(w + 's' for w in words.split()) if n > 1 else words}"


def plural_en(n: int, word: str) -> str:
    """`n word` in English: the plural s from 0 on, except for 1."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def team_names(scenario: ScenarioInfo, count: int | None) -> list[str]:
    """The default names a session starts with: `count` teams within the scenario's range (2 if not said)."""
    if scenario.mode == "solo":
        return [tr("team.solo")]
    teams = scenario.team_range
    n = min(max(count or max(2, teams.min), teams.min), teams.max)
    return [tr("team.default", n=i + 1) for i in range(n)]


def day(t: float) -> str:
    """A date as French readers write it: 24/11/2026."""
    return datetime.fromtimestamp(t).strftime("%d/%m/%Y")


def progress_summary(report: ProgressReport, now: float) -> str:
    """How many answers, in how many sessions, from when to when: the first line of a learner's progress."""
    return tr("progress.summary", answers=plural(report.answers, "réponse"), sessions=plural(report.sessions, "session"),
              first=day(report.first or now), last=day(report.last or now))


def review_when(due: float, now: float) -> str:
    return tr("progress.review_now") if due <= now else tr("progress.review_on", date=day(due))


def choice_line(choice: ChoiceLine) -> str:
    return tr("progress.choice", label=choice.label, best=choice.best, answers=choice.answers)
