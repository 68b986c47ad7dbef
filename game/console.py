"""A keyboard-only text front end: plays a recorded session in a terminal, line by line.

It only reads the engine's state and sends it actions; every action is on disk before the
screen moves on. Input, output and the clock are passed in, so tests drive it like a user.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.content.models import CONSTRAINTS
from game.engine.rules import Action, Game, IllegalAction, State
from game.results import END_REASONS, result_lines, winner_text
from game.session.recorded import RecordedSession

RATINGS = {"best": "Meilleure réponse", "acceptable": "Réponse acceptable", "poor": "Réponse à éviter"}
KIND_LABELS = {"question": "Question", "debate": "Débat", "persona": "Usager", "situation": "Situation",
               "event": "Événement"}
HELP = ("Commandes : un numéro pour répondre (plusieurs séparés d’espaces si la question l’indique), "
        "Entrée pour continuer, s passer la carte, u annuler la dernière étape, p pause / reprise, "
        "n <texte> noter pendant un débat, f finir la partie, ? aide.")


class Console:
    def __init__(self, recorded: RecordedSession, read: Callable[[str], str],
                 write: Callable[[str], None], clock: Callable[[], float]):
        self.recorded = recorded
        self.game: Game = recorded.session.game
        self.aspects: dict[str, str] = recorded.session.events[0].get("aspects", {})
        self.read, self.write, self.clock = read, write, clock

    @property
    def state(self) -> State:
        return self.recorded.state

    def run(self) -> bool:
        """Play until the end; False when input stops first (the session stays resumable)."""
        self.write(HELP)
        shown: tuple[int, str] | None = None
        while not self.game.is_terminal(self.state):
            if shown != (self.state.index, self.state.phase):
                shown = (self.state.index, self.state.phase)
                self.show()
            try:
                line = self.read(self.prompt())
            except (EOFError, KeyboardInterrupt):
                self.write(f"\nSession interrompue et enregistrée : {self.recorded.path}")
                self.write(f"Pour la reprendre : python -m game resume \"{self.recorded.path}\"")
                return False
            action = self.parse(line.strip())
            if action is None:
                continue
            try:
                self.recorded.act(action, max(self.clock(), self.state.last_t))
            except IllegalAction as exc:
                self.write(f"Impossible : {exc}.")
                continue
            if action.type in ("undo", "pause", "resume"):
                shown = None
            elif action.type == "note":
                self.write(f"Note enregistrée : {self.state.note}" if self.state.note else "Note effacée.")
        self.show_end()
        return True

    def parse(self, line: str) -> Action | None:
        if line == "?":
            self.write(HELP)
            return None
        if line == "":
            return Action("next")
        if line.replace(" ", "").isdigit():
            return Action("answer", tuple(sorted({int(x) - 1 for x in line.split()})))
        command, _, rest = line.partition(" ")
        if command == "n":
            return Action("note", text=rest.strip())
        if command == "f":
            confirm = self.read("Finir la partie maintenant ? (o/n) ").strip().lower()
            return Action("end") if confirm in ("o", "oui") else None
        simple = {"s": "skip", "u": "undo", "p": "resume" if self.state.paused else "pause"}
        if command in simple:
            return Action(simple[command])
        self.write("Commande inconnue. " + HELP)
        return None

    def prompt(self) -> str:
        if self.state.paused:
            return "[PAUSE — p pour reprendre] > "
        return f"[{self.remaining()}] > "

    def remaining(self) -> str:
        state = self.state
        elapsed = state.elapsed if state.paused else state.elapsed + max(0.0, self.clock() - state.last_t)
        left = max(0, int(self.game.scenario.minutes.max * 60 - elapsed))
        return f"reste {left // 60} min {left % 60:02d}"

    def show(self) -> None:
        game, state = self.game, self.state
        card = game.card(state)
        if state.paused:
            self.write("\n— Partie en pause : le temps est arrêté. —")
            return
        if state.phase == "reveal":
            self.show_reveal(card, state.plays[-1])
            self.write("(Entrée : carte suivante)")
            return
        team = game.current_team(state)
        who = game.teams[team] if team is not None else "Toute la salle"
        self.write("\n" + "─" * 60)
        self.write(f"Carte {state.index + 1}/{len(game.cards)} · {KIND_LABELS[card.kind]} · "
                   f"{self.aspects.get(card.aspect, card.aspect)} · {who}")
        self.write(self.standing())
        if card.kind == "persona":
            self.write(f"{card.name}, {card.age} ans. {card.situation}")
            self.write(f"Besoin : {card.need}")
            if card.constraints:
                self.write("Contraintes : " + ", ".join(CONSTRAINTS[c] for c in card.constraints))
            if card.quote:
                self.write(f"« {card.quote} »")
        if card.kind == "situation" and card.partner:
            self.write(f"Partenaire : {card.partner}")
        self.write("")
        self.write(card.prompt)
        if card.kind == "question":
            for i, answer in enumerate(card.answers, start=1):
                self.write(f"  {i}. {answer.text}")
            if card.multiple:
                self.write("(Plusieurs bonnes réponses : donnez tous leurs numéros, par exemple « 1 3 ».)")
        elif card.kind in ("persona", "situation"):
            for i, option in enumerate(card.options, start=1):
                self.write(f"  {i}. {option.text}")
        elif card.kind == "debate":
            for hint in card.hints:
                self.write(f"  · {hint}")
            if state.note:
                self.write(f"Note : {state.note}")
            self.write("(Discussion : n <texte> pour noter, Entrée quand elle est finie.)")

    def show_reveal(self, card: Any, play: Any) -> None:
        if card.kind == "question":
            self.write("Juste !" if play.correct else "Faux.")
            right = " ; ".join(card.answers[i].text for i in card.correct_choices)
            self.write(f"Bonne réponse : {right}")
            self.write(card.explanation)
            if card.source:
                self.write(f"Source : {card.source}")
        elif card.kind == "event":
            self.write(f"\nÉvénement : {card.prompt}")
        else:
            option = card.options[play.choices[0]]
            self.write(f"{RATINGS[option.rating]}. {option.feedback}")
        labels = {g.id: g for g in self.game.gauges}
        for gauge_id, delta in play.deltas:
            value = play.gauges[[g.id for g in self.game.gauges].index(gauge_id)]
            self.write(f"  {labels[gauge_id].label} : {value - delta} → {value} ({delta:+d})")

    def standing(self) -> str:
        return " | ".join(line.strip() for line in result_lines(self.game, self.state))

    def show_end(self) -> None:
        self.write("\n" + "═" * 60)
        self.write(f"Fin de la partie : {END_REASONS[self.state.end_reason or 'cards']}.")
        for line in result_lines(self.game, self.state):
            self.write(line)
        self.write(f"Résultat : {winner_text(self.game, self.state)}")
        self.write(f"Journal de la session : {self.recorded.path}")
