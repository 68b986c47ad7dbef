"""Finding the scenario a command names and the decks it draws from."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from game.cli.refusals import UserError
from game.content.errors import ContentInvalid
from game.content.library import load_library
from game.content.loaded import Library
from game.content.models import ScenarioInfo
from game.paths import shipped_decks, shipped_scenarios
from game.wording.catalogue import ntr, tr
from game.wording.players import team_names


def _is_path(ref: str) -> bool:
    return ref.endswith((".yaml", ".yml")) or "/" in ref or "\\" in ref or Path(ref).is_file()


SIBLINGS = {"decks": "scenarios", "scenarios": "decks"}  # a lab's layout, as this project's own


def beside(paths: list[Path], skip: list[Path] | None = None) -> list[Path]:
    """The YAML files in the same folders as the given files (not below them: a file on the desktop must not
    make the whole desktop read), and for a file in, or a folder that is, a `decks/` folder, those of the
    `scenarios/` folder beside it (and the reverse): a lab's deck and the scenario that defines its gauges come
    together, however the path was typed (`deck.yaml` inside decks/, `.`, an absolute path). Hidden files (an
    import's draft) and `skip` (the file a draft stands in for) are left out."""
    folders: dict[Path, None] = {}
    for path in paths:
        if path.is_file():
            folders[path.parent] = None
        real = (path.parent if path.is_file() else path).resolve()
        if real.name in SIBLINGS and (real.parent / SIBLINGS[real.name]).is_dir():
            folders[real.parent / SIBLINGS[real.name]] = None
    given = {path.resolve() for path in paths if path.is_dir()}  # read already, and reported
    left_out = {path.resolve() for path in skip or []}
    return [other for folder in folders if folder.resolve() not in given for other in sorted(folder.iterdir())
            if other.suffix in (".yaml", ".yml") and other.is_file() and not other.name.startswith(".")
            and other.resolve() not in left_out]


def load_checked(extra_decks: list[Path]) -> Library:
    """The shipped decks and scenarios with a lab's deck folders; any content error stops here."""
    library = load_library([(folder, True) for folder in extra_decks]
                           + [(shipped_decks(), True), (shipped_scenarios(), True)])
    if library.errors:
        raise ContentInvalid(library.errors)
    return library


def load_authored(files: list[Path], context: list[Path] | None = None, skip: list[Path] | None = None) -> Library:
    """Files an author is working on, with their errors and the authoring checks; the other files of their
    folders, `context` folders and the shipped decks and scenarios, unreported: a lab's deck may move the
    gauges its scenario beside it defines, a lab's scenario may draw a shipped deck."""
    sources: list[tuple[Path | tuple[Path, ...], bool]] = [(path, True) for path in files]
    sources.append((tuple(beside(files, skip)), False))
    sources += [(folder, False) for folder in context or []]
    return load_library(sources + [(shipped_decks(), False), (shipped_scenarios(), False)], authoring=True)


def load_scenario(ref: str, extra_decks: list[Path]) -> tuple[Library, ScenarioInfo]:
    """Load everything the scenario `ref` (an id or a file) needs; any content error stops here."""
    sources: list[tuple[Path | tuple[Path, ...], bool]] = []
    if _is_path(ref):
        path = Path(ref)
        if not path.is_file():
            raise UserError(tr("scenario.no_file", ref=ref))
        # the lab's folder is played as validate checks it: a stale copy beside a deck is refused, not picked
        sources += [(path, True), (tuple(beside([path])), True)]
    sources += [(folder, True) for folder in extra_decks]
    sources += [(shipped_decks(), True), (shipped_scenarios(), True)]
    library = load_library(sources, authoring=True)
    if library.errors:
        raise ContentInvalid(library.errors)
    if _is_path(ref):
        found = [s for s in library.scenarios.values() if s.doc.path == Path(ref)]
        if not found:
            raise UserError(tr("scenario.not_a_scenario", ref=ref))
        return library, found[0].info
    if ref not in library.scenarios:
        known = ", ".join(sorted(library.scenarios)) or "aucun"
        raise UserError(tr("scenario.unknown", ref=ref, known=known))
    return library, library.scenarios[ref].info


def check_team_count(scenario: ScenarioInfo, count: int | None, pool: Sequence[Any] = (),
                     answering: str | None = None) -> None:
    """A team count asked on the command line must be one the scenario plays with (None: its default), and, one
    team in turn, one its time gives a round per aspect of the panorama (drawing from `pool`)."""
    limits = scenario.team_range
    if count is not None and not limits.min <= count <= limits.max:
        exactly = limits.min == limits.max  # « à 1 équipe », never « de 1 à 1 équipe »
        raise UserError(tr("scenario.teams_exactly" if exactly else "scenario.teams", least=limits.min,
                           most=ntr("count.teams", limits.max), count=count))
    from game.table.table import deal, teams_in_turn  # the draw, read only when a session is about to start

    teams = len(team_names(scenario, count))
    if (answering or scenario.answering) == "rotation" and teams > 1 and pool:
        served = teams_in_turn(scenario, pool, teams)
        if served < teams:
            raise UserError(tr("setup.rotation_limit", n=served))
    if pool and not deal(scenario, pool, teams, answering):
        raise UserError(tr("start.no_cards", teams=ntr("count.teams", teams), title=scenario.title))
