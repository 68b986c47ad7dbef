"""Choosing the cards of a workshop for its audience: by aspect, by kind or one by one, with the minutes they take
and a warning when the chosen cards leave a team unable to complete its panorama."""

from __future__ import annotations

from collections.abc import Callable

from game.content.models import ScenarioInfo
from game.present.kinds import face
from game.table.table import chosen_gaps, chosen_minutes
from game.ui.app import App
from game.ui.listing import ListScene
from game.ui.screens import Screen
from game.ui.widgets import Choice
from game.wording.catalogue import decimal, ntr, tr


class CardsScene(ListScene):
    title_key = "choose.title"

    def __init__(self, app: App, scenario: ScenarioInfo, chosen: list[str] | None, teams: int, answering: str,
                 on_done: Callable[[list[str] | None], None]):
        """`chosen`: the cards chosen so far (None: the scenario's draw, shown with none ticked: a selection is built
        up from an aspect, a kind or a few cards more often than cut down from every card of the decks)."""
        self.scenario = scenario
        self.pool = app.library.pool(scenario)
        self.labels = app.library.aspect_labels(scenario)
        self.picked = set(chosen or ())
        self.teams, self.answering = teams, answering
        self.on_done = on_done
        # the rows that tick many cards at once: each aspect's, then each kind's, with their cards
        self.groups: dict[str, list[str]] = {}
        for card in self.pool:
            self.groups.setdefault(f"aspect:{card.aspect}", []).append(card.id)
        self.groups = {f"aspect:{a}": self.groups[f"aspect:{a}"] for a in self.labels if f"aspect:{a}" in self.groups}
        for card in self.pool:
            self.groups.setdefault(f"kind:{card.kind}", []).append(card.id)
        super().__init__(app, focus=0)

    def ordered(self) -> list[str]:
        """The chosen cards in the decks' order: the plan lists them as the trainer finds them in the decks."""
        return [card.id for card in self.pool if card.id in self.picked]

    def lines(self) -> list[str]:
        chosen = self.ordered()
        minutes = chosen_minutes(self.pool, chosen, self.answering, self.teams)
        said = [tr("choose.minutes", cards=ntr("count.cards", len(chosen)),
                   minutes=decimal(round(minutes) if minutes >= 10 else round(minutes, 1), "g"),
                   target=decimal(self.scenario.minutes.target, "g"), max=decimal(self.scenario.minutes.max, "g"))]
        gaps = chosen_gaps(self.scenario, self.pool, chosen, self.answering, self.teams) if chosen else set()
        if gaps:
            names = ", ".join(self.labels.get(a, a) for a in self.labels if a in gaps)
            said.append(tr("choose.no_panorama", aspects=names))
        return said

    def choices(self) -> list[Choice]:
        rows = [Choice(tr("choose.done"), "done", shortcut=tr("choose.done_key")),
                Choice(tr("choose.draw"), "draw", shortcut=tr("choose.draw_key"))]
        for key, ids in self.groups.items():
            what, _, value = key.partition(":")
            named = tr("choose.aspect", aspect=self.labels[value]) if what == "aspect" else tr(f"kind.{value}")
            rows.append(Choice(tr("choose.group", group=named, n=sum(i in self.picked for i in ids), total=len(ids)),
                               key, checked=all(i in self.picked for i in ids)))
        for card in self.pool:
            detail = tr("choose.card_facts", aspect=self.labels.get(card.aspect, card.aspect),
                        kind=tr(f"kind.{card.kind}"), minutes=decimal(card.estimated_minutes, "g"))
            rows.append(Choice(face(card).summary, f"card:{card.id}", detail=detail, checked=card.id in self.picked))
        return rows

    def choose(self, key: str) -> None:
        if key == "done":
            self.finish()
            return
        if key == "draw":
            self.app.pop()
            self.on_done(None)
            return
        ids = set(self.groups.get(key, [key.partition(":")[2]]))
        if ids <= self.picked:
            self.picked -= ids
        else:
            self.picked |= ids
        self.refresh()

    def finish(self) -> None:
        """Back to the setup with the chosen cards; none chosen is refused (a session needs a card)."""
        chosen = self.ordered()
        if not chosen:
            self.app.push(Screen.ERROR, errors=[tr("choose.none")], title=tr("choose.title"), advice="")
            return
        self.app.pop()
        self.on_done(chosen)

    def cancel(self) -> None:
        self.app.pop()
