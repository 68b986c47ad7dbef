"""A parcours outcome's text fits every path that reaches it: the paths are walked step by step (every choice,
the flags they set; a condition on a gauge may go either way), and what an outcome's text takes for granted is
checked against the flags of each path that reaches it."""

from __future__ import annotations

from game.content.models import ParcoursCard

# (card, outcome) → the flag its text takes as not set (or as set: True) on every path reaching it
PROMISES = {
    ("pp-002", "en-partie"): ("aide", False),  # « il a perdu des mois d'aide au logement »
    ("pp-002", "sans-complementaire"): ("aide", True),  # « son aide au logement court dès le bail »
    ("pp-002", "installe"): ("aide", True),
    ("pf-001", "api-tardive"): ("explique", False),  # « elle a failli la présenter comme un titre »
    ("pf-001", "api-rattrapee"): ("explique", True),  # « elle sait ce que prouve chaque attestation »
    ("pp-001", "prete"): ("recensee", True),  # « elle connaît l'ordre des démarches : recensement, … »
    ("pp-001", "surprise"): ("recensee", True),  # « Inscrite »
    ("pp-001", "bloquee"): ("recensee", False),  # « Sans recensement »
    ("pin-001", "autonome"): ("avec", True),  # « Samira fait sa déclaration elle-même »
    ("pin-001", "accompagnee"): ("pour", True),  # « on a fait à sa place »
    ("pin-002", "securise"): ("mandat", True),  # « sous un mandat qu'il a choisi »
    ("pin-002", "securise-tard"): ("carnet", True),  # « la première s'est faite avec ses mots de passe »
    ("pin-003", "complet"): ("deposee", True),  # « Sa demande est déposée »
    ("pin-003", "deposee-seule"): ("deposee", True),
    ("pin-003", "signalee"): ("deposee", False),  # « sa demande n'est pas encore déposée »
    ("pin-003", "bloquee"): ("deposee", False),  # « Ni demande »
}


def paths(card: ParcoursCard) -> list[tuple[str, frozenset[str]]]:
    """Every (outcome, flags set on the way) a parcours can end with."""
    found, todo = [], [(card.first_step, frozenset(), 0)]
    while todo:
        step, flags, depth = todo.pop()
        if depth > 20:
            continue
        for option in card.at(step).options:
            now = flags | set(option.sets)
            for route in option.next:
                if route.when is not None and route.when.gauge is None and not route.when.holds(now, {}):
                    continue  # a flag condition that does not hold on this path
                if card.outcome(route.to) is not None:
                    found.append((route.to, now))
                else:
                    todo.append((route.to, now, depth + 1))
                if route.when is None or route.when.gauge is None:
                    break  # the first route that holds is taken; a gauge's may or may not, so both are walked
    return found


def test_each_outcome_text_fits_every_path_that_reaches_it(shipped):
    cards = {c.id: c for deck in shipped.decks.values() for c in deck.cards if c.branches}
    for (card_id, outcome), (flag, is_set) in PROMISES.items():
        reached = [flags for end, flags in paths(cards[card_id]) if end == outcome]
        assert reached, (card_id, outcome)  # the outcome is reached at all
        assert all((flag in flags) is is_set for flags in reached), (card_id, outcome, reached)
