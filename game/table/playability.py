"""What `validate` adds to the content's own checks: that a scenario can be played. For every team count and
answering mode the setup screen offers, the draw must deal a session, and the panorama a scenario promises must be
reachable; what `play` would otherwise refuse at the table. Here, above the content layer: it runs the draw."""

from __future__ import annotations

from typing import Any

from game.content.errors import ContentError
from game.content.loaded import Library
from game.content.models import ScenarioInfo
from game.content.yamldoc import YamlDocument
from game.engine.draw import panorama_aspects, rotation_teams
from game.table.table import deal
from game.wording.authors import say
from game.wording.catalogue import ntr


def unplayable(library: Library, checked: set[str]) -> list[ContentError]:
    """Each checked scenario that reads and has cards, and cannot be dealt for some team count or mode."""
    found = []
    for loaded in library.scenarios.values():
        scenario = loaded.info
        if loaded.doc.shown not in checked or any(d not in library.decks for d in scenario.decks):
            continue
        pool = library.pool(scenario)
        if pool and not (scenario.win == "panorama" and not any(c.scores_aspect for c in pool)):
            found += _playable(scenario, pool, loaded.doc)
    return found


def _playable(scenario: ScenarioInfo, pool: list[Any], doc: YamlDocument) -> list[ContentError]:
    """Every team count and answering mode the setup screen offers deals a session, and every team answering, the
    panorama the scenario promises can be completed: what `play` would otherwise refuse at the table. One team in
    turn past what the time serves is refused by `play` with its own sentence (each team a round per aspect)."""
    found = []
    team_range = scenario.team_range
    modes = ("all", "rotation") if team_range.max > 1 else (scenario.answering,)
    panorama = panorama_aspects(scenario, pool) if scenario.win == "panorama" else set()
    for mode in modes:
        served = rotation_teams(scenario.model_copy(update={"answering": mode}), pool, team_range.max) \
            if mode == "rotation" else team_range.max
        for teams in range(team_range.min, min(team_range.max, served) + 1):
            cards = deal(scenario, pool, teams, mode)
            if not cards:
                found.append(doc.error(("scenario", "draw"), say(f"scenario.no_deal_{mode}", teams=ntr("count.teams", teams))))
                break
            missing = panorama - {c.aspect for c in cards if c.scores_aspect}
            if mode == "all" and teams > 1 and missing:
                found.append(doc.error(("scenario", "draw"), say("scenario.panorama_unreachable", teams=ntr("count.teams", teams),
                                                                 aspects=", ".join(sorted(missing)))))
                break
    return found
