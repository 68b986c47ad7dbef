"""The shipped decks and scenarios: enough cards, French typography, texts that fit, games that balance."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Iterator

import pytest

from game.content.yamlsource import read_yaml
from game.engine.draw import draw_cards
from game.paths import shipped_decks, shipped_scenarios
from game.simulate import play_session
from game.wording.players import team_names

PROMPT_MAX = 220  # house style for a card read from the back of a room; validate measures the real fit on screen
OPTION_MAX = 110


def cards_of(shipped, deck_id: str) -> list[Any]:
    return shipped.decks[deck_id].cards


def test_the_telework_deck_covers_the_panorama(shipped):
    cards = cards_of(shipped, "teletravail")
    questions = [c for c in cards if c.kind == "question"]
    assert len(questions) >= 80
    per_aspect = Counter(c.aspect for c in questions)
    assert set(per_aspect) == {"reglementaire", "organisationnel", "managerial", "technique", "societal"}
    assert min(per_aspect.values()) >= 12
    assert {c.difficulty for c in questions} == {1, 2, 3}
    true_false = [q for q in questions if [a.text for a in q.answers] == ["Vrai", "Faux"]]
    assert 15 <= len(true_false) <= len(questions) - 30  # a mix of true/false and choices
    assert any(q.multiple for q in questions)
    assert sum(c.kind == "debate" for c in cards) >= 10


def test_personas_situations_and_events(shipped):
    personas = [c for c in cards_of(shipped, "usagers") if c.kind == "persona"]
    assert len(personas) >= 12
    assert all(3 <= len(p.options) <= 4 for p in personas)
    assert all({o.rating for o in p.options} == {"best", "acceptable", "poor"} for p in personas)
    partner_cards = cards_of(shipped, "partenaires")
    assert sum(c.kind == "situation" for c in partner_cards) >= 15
    assert sum(c.kind == "event" for c in partner_cards) >= 6
    feedback = " ".join(o.feedback + " " + o.text for p in personas for o in p.options)
    for partner in ("MSA", "CAF", "France Travail", "France Titres", "mission locale", "Région", "CNAV",
                    "DGFiP", "CCAS", "MDPH", "conciliateur"):
        assert partner in feedback, partner


def test_the_four_scenarios(shipped):
    assert {"atelier-teletravail", "accueil-france-services", "maison-de-region-partenaires",
            "decouverte"} <= set(shipped.scenarios)
    for loaded in shipped.scenarios.values():
        info = loaded.info
        assert len(info.description) >= 60
        assert info.debrief.key_messages and info.debrief.discussion


def strings(value: Any, where: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings(item, f"{where}[{i}]")


TYPOGRAPHY = [
    (re.compile(r"'"), "apostrophe droite au lieu de ’"),
    (re.compile(r"(?<![\u00a0\u202f])[?!;]"), "espace fine insécable manquante avant ? ! ;"),
    (re.compile(r"(?<![\u00a0\u202f]):(?=\s|$)"), "espace insécable manquante avant :"),
    (re.compile(r"«(?!\u00a0)|(?<!\u00a0)»"), "espace insécable manquante dans « »"),
    (re.compile(r"\.\.\."), "trois points au lieu de …"),
]


def test_the_typography_rules_catch_mistakes():
    for wrong in ("L'agent", "Vrai ?", "Note : oui", "« oui »", "Et..."):
        assert any(p.search(wrong) for p, _ in TYPOGRAPHY), wrong
    right = "L’agent\u202f? Note\u00a0: «\u00a0oui\u00a0» 12:05 et…"
    assert not any(p.search(right) for p, _ in TYPOGRAPHY)


@pytest.mark.parametrize("folder", [shipped_decks(), shipped_scenarios()], ids=["decks", "scenarios"])
def test_french_typography(folder):
    faults = []
    for path in sorted(folder.glob("*.yaml")):
        for where, text in strings(read_yaml(path, path.name).data):
            if where.endswith((".id", ".aspect", ".kind", ".rating", ".license", ".language", ".mode", ".win")) \
                    or re.fullmatch(r"[a-z0-9-]+", text):
                continue
            for pattern, fault in TYPOGRAPHY:
                if pattern.search(text):
                    faults.append(f"{path.name} {where}: {fault}: {text[:60]}")
    assert faults == []


def test_texts_fit_a_card(shipped):
    long = []
    for deck in shipped.decks.values():
        for card in deck.cards:
            asked = card.steps if card.branches else [card]  # a parcours asks at each of its steps
            for prompt in [c.prompt for c in asked if len(c.prompt) > PROMPT_MAX]:
                long.append(f"{card.id} prompt {len(prompt)}")
            items = [i for c in asked for i in getattr(c, "answers", []) + getattr(c, "options", [])]
            for item in items:
                if len(item.text) > OPTION_MAX:
                    long.append(f"{card.id} option {len(item.text)}: {item.text}")
    assert long == []


def test_durations_fit_the_target_and_never_pass_the_maximum(shipped):
    """Counted as the table spends them: every team's answer entered takes time too (8 s a team)."""
    from game.engine.draw import rotation_teams, table_minutes

    for loaded in shipped.scenarios.values():
        default_info = loaded.info
        pool = shipped.pool(default_info)
        default = len(team_names(default_info, None))
        for answering in ("all", "rotation"):
            info = default_info.model_copy(update={"answering": answering})
            most = info.team_range.max if answering == "all" else rotation_teams(info, pool)
            for teams in range(info.team_range.min, most + 1):
                every_team = answering == "all" and teams > 1
                for seed in range(20):
                    minutes = sum(table_minutes(c, every_team, teams) for c in draw_cards(info, pool, teams, seed))
                    assert minutes <= info.minutes.max, (info.id, answering, teams, minutes)
                    if teams == default and answering == default_info.answering:
                        assert minutes >= info.minutes.target, (info.id, teams, minutes)


@pytest.mark.parametrize("scenario_id", ["accueil-france-services", "maison-de-region-partenaires"])
def test_choices_matter_in_gauge_scenarios(shipped, scenario_id):
    info = shipped.scenarios[scenario_id].info
    pool = shipped.pool(info)
    names = team_names(info, None)

    def win_rate(strategy: str) -> float:
        sessions = [play_session(info, pool, {}, names, seed, strategy) for seed in range(1, 501)]
        return sum(bool(t.standings().winners) for t in sessions) / len(sessions)

    assert win_rate("best") >= 0.90
    assert 0.20 <= win_rate("random") <= 0.80
    assert win_rate("worst") <= 0.05

