"""A session plan: a workshop set up once (scenario, teams, answering, the cards chosen for its audience), kept as a
small YAML file a trainer can also write by hand, mail to a colleague and start again with `play --plan`.

A plan names its scenario and cards by id and keeps the version of each deck it drew from: read again after the
decks changed, each mistake is a sentence at its line, as in any content file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, TypeAdapter, ValidationError

from game.content.cardbase import Strict
from game.content.errors import ContentError
from game.content.fields import NOT_TEXT_INT, Id, Text
from game.content.loaded import Library
from game.content.scenario import MAX_TEAMS, ScenarioInfo
from game.content.yamldoc import YamlDocument
from game.content.yamlsource import read_yaml
from game.fonts import team_name_problem
from game.paths import display_path
from game.wording.authors import say, say_near
from game.wording.catalogue import ntr, tr

PLAN_SUFFIX = ".yaml"
TITLE_MAX = 60  # characters of a plan's title: a line of the setup screen


Answering = Literal["all", "rotation"]


class PlanInfo(Strict):
    """What a trainer set up for one workshop."""

    title: Annotated[Text, Field(max_length=TITLE_MAX)]
    scenario: Id
    teams: list[Text] = Field(min_length=1, max_length=MAX_TEAMS)
    answering: Answering | None = None
    cards: list[Id] | None = Field(None, min_length=1)
    decks: dict[Id, Annotated[int, Field(ge=1), NOT_TEXT_INT]] = Field(default_factory=dict)


class PlanFile(Strict):
    plan: PlanInfo


_PLAN_FILE = TypeAdapter(PlanFile)


@dataclass
class ReadPlan:
    """A plan read against the decks: usable when `errors` is empty; `notes` are said but do not stop it (a deck
    has a newer version than the plan was made with)."""

    path: Path
    info: PlanInfo | None
    scenario: ScenarioInfo | None = None
    errors: list[ContentError] = field(default_factory=list)
    notes: list[ContentError] = field(default_factory=list)


def read_plan(path: Path, library: Library) -> ReadPlan:
    """The plan in `path`, checked against `library`: each mistake at its line and column."""
    from game.content.library import validation_errors

    doc = read_yaml(path, display_path(path))
    read = ReadPlan(path, None, errors=list(doc.errors))
    if doc.root is None:
        return read
    if not isinstance(doc.data, dict) or "plan" not in doc.data:
        read.errors.append(doc.error((), say("plan.not_a_plan")))
        return read
    try:
        read.info = _PLAN_FILE.validate_python(doc.data).plan
    except ValidationError as exc:
        read.errors += validation_errors(doc, exc, (), PlanFile, doc.data)
        return read
    _check(read, doc, library)
    return read


def _check(read: ReadPlan, doc: YamlDocument, library: Library) -> None:
    info = read.info
    assert info is not None
    loaded = library.scenarios.get(info.scenario)
    if loaded is None:
        read.errors.append(doc.error(("plan", "scenario"), say_near("plan.unknown_scenario", info.scenario,
                                                                    sorted(library.scenarios), id=info.scenario)))
        return
    scenario = read.scenario = loaded.info
    limits = scenario.team_range
    if not limits.min <= len(info.teams) <= limits.max:
        teams = tr("plan.teams_exactly", teams=ntr("count.teams", limits.min)) if limits.min == limits.max else \
            tr("plan.teams_range", least=limits.min, most=ntr("count.teams", limits.max))
        read.errors.append(doc.error(("plan", "teams"), say("plan.team_count", count=ntr("count.teams", len(info.teams)),
                                                            teams=teams)))
    for i, name in enumerate(info.teams):
        problem = team_name_problem(name)
        if problem is not None:
            read.errors.append(doc.error(("plan", "teams", i), say("plan.team_name", problem=problem)))
        elif name in info.teams[:i]:
            read.errors.append(doc.error(("plan", "teams", i), say("plan.team_twice", name=name)))
    if info.answering is not None and limits.max == 1:
        read.errors.append(doc.error(("plan", "answering"), say("plan.answering_solo")))
    pool = {card.id for card in library.pool(scenario)}
    known = {card.id for deck in library.decks.values() for card in deck.cards}
    for i, card in enumerate(info.cards or ()):
        if card in (info.cards or [])[:i]:
            read.errors.append(doc.error(("plan", "cards", i), say("plan.card_twice", id=card)))
        elif card in known and card not in pool:
            read.errors.append(doc.error(("plan", "cards", i), say("plan.card_elsewhere", id=card,
                                                                   title=scenario.title)))
        elif card not in known:
            read.errors.append(doc.error(("plan", "cards", i), say_near("plan.unknown_card", card, sorted(pool),
                                                                        id=card)))
    for deck, version in info.decks.items():
        if deck not in library.decks:
            read.notes.append(doc.error(("plan", "decks", deck), say("plan.deck_gone", id=deck)))
        elif library.decks[deck].info.version != version:
            read.notes.append(doc.error(("plan", "decks", deck), say(
                "plan.deck_changed", id=deck, then=version, now=library.decks[deck].info.version)))


def plan_text(info: PlanInfo, heading: str) -> str:
    """The plan as YAML a person reads and edits: a comment on top, one key a line, card ids one a line."""
    import json

    def quoted(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string, whatever it holds

    lines = [f"# {line}" for line in heading.splitlines()] + [
        "plan:", f"  title: {quoted(info.title)}", f"  scenario: {info.scenario}", "  teams:"]
    lines += [f"    - {quoted(name)}" for name in info.teams]
    if info.answering is not None:
        lines.append(f"  answering: {info.answering}")
    if info.cards:
        lines.append("  cards:")
        lines += [f"    - {card}" for card in info.cards]
    if info.decks:
        lines.append("  decks:")
        lines += [f"    {deck}: {version}" for deck, version in info.decks.items()]
    return "\n".join(lines) + "\n"


def plan_of(title: str, scenario: ScenarioInfo, teams: list[str], answering: Answering | None,
            cards: list[str] | None, library: Library) -> PlanInfo:
    """A plan of the setup screen's choices, with the version of each deck its scenario draws from."""
    decks = {deck: library.decks[deck].info.version for deck in scenario.decks if deck in library.decks}
    return PlanInfo(title=title, scenario=scenario.id, teams=teams, answering=answering, cards=cards, decks=decks)

