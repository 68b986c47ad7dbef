"""How the sentences players and facilitators read are put together, on screen, in the terminal and on the sheet.

The sentences themselves are in the catalogue (`game.wording.catalogue`, one per language). The table's
views carry keys (kinds, marks, end reasons, refusals); these functions word them in the language in use."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from game.diskerrors import disk_problem
from game.wording.catalogue import ntr, tr

if TYPE_CHECKING:
    from collections.abc import Iterable

    from game.content.models import ScenarioInfo
    from game.engine.vocabulary import IllegalAction
    from game.progress.report import ChoiceLine, ProgressReport
    from game.table.view import Clock, GaugeView, Standings



def yes() -> tuple[str, ...]:
    """What a yes typed at the terminal may be, in the language in use."""
    return tuple(tr("console.yes").split("|"))


def lower_first(text: str) -> str:
    """A label as it reads inside a sentence: « Carte passée » becomes « carte passée »."""
    return text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    """A phrase as it opens a sentence: « tout juste : équipe 3 » becomes « Tout juste : équipe 3 »."""
    return text[:1].upper() + text[1:]


def refusal(refused: IllegalAction) -> str:
    """Why an action was refused (an `IllegalAction`), as a sentence."""
    if refused.reason == "not_saved":
        return tr("refusal.not_saved", problem=disk_problem(refused.values["error"]))
    if refused.reason == "nobody" and len(refused.values.get("teams", ())) == 1:
        return tr("error.refused", reason=tr("refusal.nobody_one", n=refused.values["teams"][0]))
    if refused.reason == "missing":
        return tr("error.refused", reason=tr("refusal.missing", teams=teams_numbered(refused.values["teams"])))
    return tr("error.refused", reason=tr(f"refusal.{refused.reason}", **refused.values))


def extended(clock: Clock) -> str:
    """What five more minutes changed: the new target and the new maximum, in minutes."""
    return tr("play.extended", target=round(clock.target / 60), minutes=round(clock.limit / 60))


def teams_listed(numbers: Iterable[int]) -> str:
    """« équipe 2 », « équipes 2, 3 »: teams by their number, as a label."""
    said = [str(n) for n in numbers]
    return ntr("teams.listed", len(said), numbers=", ".join(said))


def teams_numbered(numbers: Iterable[int]) -> str:
    """« de l’équipe 3 », « des équipes 3 et 4 », « des équipes 1, 2 et 5 »: teams by their number, as the
    complement of « la réponse »."""
    said = [str(n) for n in numbers]
    return ntr("teams.numbered", len(said), numbers=", ".join(said[:-1]) or said[-1], last=said[-1])




def end_reason(reason: str | None) -> str:
    return tr(f"end.{reason}") if reason else tr("end.interrupted")


def result(standings: Standings) -> str:
    """Who won, or how the gauges ended, in a few words (lower case: it goes after a colon)."""
    if not standings.over:
        return tr("result.unfinished")
    if standings.win == "gauges":
        if not standings.winners:
            return tr("result.lost")
        return tr("result.won_together" if len(standings.teams) > 1 else "result.won")
    if not standings.winners:
        return tr("result.nobody")
    names = ", ".join(standings.teams[i].name for i in standings.winners)
    return tr("result.tie", names=names) if len(standings.winners) > 1 else names


def headline(standings: Standings) -> str:
    """The result as a sentence standing alone: the end screen's title, the sheet's."""
    said = result(standings)
    if standings.win == "gauges" or not standings.over or not standings.winners:
        return said[0].upper() + said[1:]
    if len(standings.winners) == len(standings.teams) > 1:
        return tr("result.everyone")
    if len(standings.winners) > 1:
        return tr("result.ex_aequo", names=", ".join(standings.teams[i].name for i in standings.winners))
    return tr("result.winner", name=said)


def gauge_span(start: int, end: int) -> str:
    """« de 5 à 8 », or « stable à 5 » for a gauge that ended where it started (never « de 5 à 5 »)."""
    return tr("gauge.span", start=start, end=end) if start != end else tr("gauge.unchanged", value=end)


def gauge_lines(gauges: Iterable[GaugeView]) -> list[str]:
    """Each gauge from its start to its end, the crossed ones marked."""
    return [tr("result.gauge_crossed" if g.losing else "result.gauge", label=g.label, span=gauge_span(g.start, g.value))
            for g in gauges]


def result_lines(standings: Standings) -> list[str]:
    """One line per gauge (gauge scenarios) or per team (points and panorama)."""
    if standings.win == "gauges":
        return gauge_lines(standings.gauges)
    if standings.win == "panorama":
        return [tr("result.team_panorama", name=t.name, points=t.score, done=len(t.panorama),
                   total=len(standings.panorama)) for t in standings.teams]
    return [tr("result.team", name=t.name, points=t.score) for t in standings.teams]


def team_names(scenario: ScenarioInfo, count: int | None) -> list[str]:
    """The default names a session starts with: `count` teams within the scenario's range (2 if not said)."""
    if scenario.mode == "solo":
        return [tr("team.solo")]
    teams = scenario.team_range
    n = min(max(count or max(2, teams.min), teams.min), teams.max)
    return [tr("team.default", n=i + 1) for i in range(n)]


def day(t: float) -> str:
    """A date as the reader's language writes it: 24/11/2026, 2026-11-24."""
    return datetime.fromtimestamp(t).strftime(tr("date.day"))


def progress_summary(report: ProgressReport, now: float) -> str:
    """How many answers, in how many sessions, from when to when: the first line of a learner's progress."""
    return tr("progress.summary", answers=ntr("count.answers", report.answers),
              sessions=ntr("count.sessions", report.sessions),
              first=day(report.first or now), last=day(report.last or now))


def review_when(due: float, now: float) -> str:
    return tr("progress.review_now") if due <= now else tr("progress.review_on", date=day(due))


def choice_line(choice: ChoiceLine) -> str:
    return tr("progress.choice", label=choice.label, best=choice.best, answers=choice.answers)
