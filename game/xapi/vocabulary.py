"""The IRIs the game's statements use: ADL's verbs and activity types, the serious-games profile's game type,
and the game's own extensions and activity ids (documented in docs/labs.md, where a lab's queries name them)."""

from __future__ import annotations

import uuid

ADL_VERBS = "http://adlnet.gov/expapi/verbs/"
LAUNCHED = ADL_VERBS + "launched"
COMPLETED = ADL_VERBS + "completed"
ANSWERED = ADL_VERBS + "answered"
VERB_NAMES = {LAUNCHED: "launched", COMPLETED: "completed", ANSWERED: "answered"}  # ADL's display, as it is

SERIOUS_GAME = "https://w3id.org/xapi/seriousgames/activity-types/serious-game"
INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"

# The game's own namespace: activities (scenarios, cards) and extensions. Fixed, so that the statements of every
# laptop and every lab name the same scenario and the same card the same way.
BASE = "https://atelier-service-public.github.io/xapi/"
EXTENSION = BASE + "extensions/"
SESSION = EXTENSION + "session"  # the session's id in the game (its log's name)
DECK = EXTENSION + "deck"
DECK_VERSION = EXTENSION + "deck-version"
ASPECT = EXTENSION + "aspect"
ASPECT_LABEL = EXTENSION + "aspect-label"
KIND = EXTENSION + "kind"  # question, persona, situation, parcours
RATING = EXTENSION + "rating"  # best, acceptable, poor: how good the option chosen is
POINTS = EXTENSION + "points"
END_REASON = EXTENSION + "end-reason"
TEAMS = EXTENSION + "teams"
ANSWERING = EXTENSION + "answering"

# Statement ids and registrations are UUIDs derived from the session (the same session, the same ids)
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, BASE)


def scenario_iri(scenario: str) -> str:
    return f"{BASE}scenarios/{scenario}"


def card_iri(deck: str, card: str, step: str = "") -> str:
    return f"{BASE}cards/{deck}/{card}" + (f"/steps/{step}" if step else "")


def derived_id(*parts: object) -> str:
    """A UUID that the same parts always give (a statement's id, a session's registration)."""
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))
