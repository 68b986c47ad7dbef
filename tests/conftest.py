"""Shared test helpers: headless SDL, the shipped library, and small hand-made games."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
# the fit check's record and the home screen's summaries go to a throw-away folder, never the tester's own
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="test-cache-")

from pydantic import TypeAdapter  # noqa: E402

from game.content.library import load_library  # noqa: E402
from game.content.loaded import Library
from game.content.models import (
    Card,  # noqa: E402
    ScenarioInfo,  # noqa: E402
)
from game.engine.rules import Game  # noqa: E402
from game.engine.session import Session  # noqa: E402
from game.paths import shipped_decks, shipped_scenarios  # noqa: E402
from game.session.start import SessionStart  # noqa: E402

_CARD = TypeAdapter(Card)

# every scenario the program ships, by id: the tests that play the whole matrix go through each
SHIPPED_SCENARIOS = sorted(p.stem for p in shipped_scenarios().glob("*.yaml"))


@pytest.fixture(scope="session")
def shipped() -> Library:
    library = load_library([(shipped_decks(), True), (shipped_scenarios(), True)])
    assert library.errors == []
    return library


def question(card_id: str, aspect: str, correct: tuple[int, ...] = (0,), answers: int = 2, minutes: float | None = None) -> Any:
    return _CARD.validate_python({
        "id": card_id, "kind": "question", "aspect": aspect, "prompt": f"Question {card_id} ?",
        "answers": [{"text": f"Réponse {i + 1}", "correct": i in correct} for i in range(answers)],
        "explanation": "Parce que.", "source": "Source", "multiple": len(correct) > 1,
        **({"minutes": minutes} if minutes else {}),
    })


def situation(card_id: str, effects: list[dict[str, int]], ratings: tuple[str, ...] = ("best", "poor")) -> Any:
    return _CARD.validate_python({
        "id": card_id, "kind": "situation", "aspect": "partenariat", "prompt": "Que faire ?",
        "options": [{"text": f"Option {i + 1}", "rating": r, "effects": e, "feedback": "Voilà."}
                    for i, (r, e) in enumerate(zip(ratings, effects))],
    })


def card(data: dict[str, Any]) -> Any:
    return _CARD.validate_python(data)


def scenario(**fields: Any) -> ScenarioInfo:
    base: dict[str, Any] = {"id": "test", "title": "Test", "description": "Un scénario de test.",
                            "mode": "teams", "decks": ["d"], "win": "panorama"}
    base.update(fields)
    return ScenarioInfo.model_validate(base)


def session_of(info: ScenarioInfo, cards: list[Any], teams: list[str]) -> Session:
    """An engine session over exactly these cards, in this order (no draw)."""
    return Session(Game(info, cards, teams), 0.0)


def start_of(info: ScenarioInfo, cards: list[Any], teams: list[str], t: float = 0.0,
             aspects: dict[str, str] | None = None) -> SessionStart:
    """A start record over exactly these cards, in this order (no draw)."""
    return SessionStart("test", t, 0, tuple(teams), info, tuple(cards), aspects or {})


def displayed(table: Any, authored: int) -> int:
    """Where the authored choice `authored` of the card (or parcours step) on `table` is shown this session:
    a test that means a choice by its place in the file finds it in the shuffled order."""
    view = table.view()
    order = table.start.orders.get(view.card.id, {}).get(view.step.id if view.step is not None else "")
    return authored if order is None else list(order).index(authored)


def shipped_start(library: Library, scenario_id: str, seed: int, teams: int = 2) -> SessionStart:
    info = library.scenarios[scenario_id].info
    names = ["Solo"] if info.mode == "solo" else [f"Équipe {i + 1}" for i in range(max(teams, info.team_range.min))]
    return SessionStart.new(info, library.pool(info), names, seed, 0.0, library.aspect_labels(info))


@pytest.fixture
def write(tmp_path: Path):
    """Write a text (or bytes) file under tmp_path and return its path."""
    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path
    return _write


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--snapshot-update", action="store_true", help="accept the screens as they are now drawn")


@pytest.fixture
def snap(request: pytest.FixtureRequest):
    """snap(app, name): draw the app's screen, then compare its texts and its pixels with the stored ones."""
    from tests.snapshot import compare, compare_texts

    update = request.config.getoption("--snapshot-update")

    def _snap(app: Any, name: str) -> None:
        app.draw()
        compare_texts(app.shown, name, update)
        compare(app.screen, name, update)
    return _snap


@pytest.fixture(autouse=True)
def _own_settings(tmp_path, monkeypatch):
    """Each test keeps its settings (the last learner among them) in its own folder, never the user's."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture(autouse=True)
def _french_again():
    """Each test starts in French, the default, whatever language the one before it switched to."""
    from game.wording.catalogue import DEFAULT, use

    use(DEFAULT)
    yield
    use(DEFAULT)


@pytest.fixture
def app(shipped, tmp_path):
    """A window on the shipped content, its sessions in the test's own folder (the snapshots keep theirs fixed)."""
    from tests.ui_support import make_app

    made = make_app(shipped, tmp_path)
    yield made
    made.pop_all()
