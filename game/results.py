"""A finished (or running) session's result in words: shared by the console, simulate and later the sheet."""

from __future__ import annotations

from game.engine.rules import Game, State

END_REASONS = {
    "panorama": "panorama complet", "gauges": "une jauge a franchi son seuil", "time": "durée maximale atteinte",
    "cards": "toutes les cartes jouées", "facilitator": "arrêtée par l’animateur",
}


def result_lines(game: Game, state: State) -> list[str]:
    lines = []
    if game.scenario.win == "gauges":
        for gauge, value in zip(game.gauges, state.gauges):
            crossed = " (seuil franchi)" if gauge.losing(value) else ""
            lines.append(f"  {gauge.label} : de {gauge.start} à {value}{crossed}")
    else:
        for i, name in enumerate(game.teams):
            panorama = f", panorama {len(state.panoramas[i] & game.panorama)}/{len(game.panorama)}" if game.scenario.win == "panorama" else ""
            lines.append(f"  {name} : {state.scores[i]} pts{panorama}")
    return lines


def winner_text(game: Game, state: State) -> str:
    winners = game.winners(state)
    if game.scenario.win == "gauges":
        together = " ensemble" if len(game.teams) > 1 else ""
        return f"partie gagnée{together}" if winners else "partie perdue"
    if not winners:
        return "aucun gagnant"
    names = ", ".join(game.teams[i] for i in winners)
    return f"égalité : {names}" if len(winners) > 1 else names
