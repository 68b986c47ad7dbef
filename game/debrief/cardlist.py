"""The sheet's cards: each card played with its answer, verdict, explanation and source; the debates with their notes."""

from __future__ import annotations

from game.debrief.page import Sheet
from game.engine.vocabulary import Outcome
from game.present.sheet import CardLine, Report
from game.wording.catalogue import tr


def cards(pdf: Sheet, report: Report) -> None:
    played = [c for c in report.cards if not c.discussed]
    if not played:
        return
    pdf.heading(tr("sheet.cards"))
    for card in played:
        _card(pdf, card, report)


def _card(pdf: Sheet, card: CardLine, report: Report) -> None:
    if pdf.will_page_break(22):
        pdf.add_page()
    head = [f"{card.number}. {tr('kind.' + card.kind)}", card.aspect_label]
    if card.team and len(report.teams) > 1:
        head.append(card.team)
    pdf.text_block(" · ".join(head), size=8, grey=True)
    if card.who:
        pdf.text_block(card.who, size=9, style="I")
    pdf.text_block(card.prompt, size=10, style="B")
    if report.every_team and card.answers:
        _room_answers(pdf, card)
    elif card.given is not None:
        pdf.text_block(tr("sheet.answer", given=card.given, verdict=card.verdict), size=10, indent=3)
        if card.right is not None and not card.success:
            pdf.text_block(tr("sheet.right", right=card.right), size=10, indent=3)
    elif card.outcome != Outcome.EVENT:
        pdf.text_block(card.verdict[0].upper() + card.verdict[1:], size=10, indent=3, style="I")
    if card.explanation:
        pdf.text_block(card.explanation, size=9, indent=3)
    if card.deltas:
        pdf.text_block(tr("sheet.gauges", changes=", ".join(f"{label} {delta:+d}" for label, delta in card.deltas)),
                       size=9, indent=3)
    if card.source:
        pdf.text_block(tr("play.source", source=card.source), size=8, style="I", grey=True, indent=3)
    pdf.ln(2)


def _room_answers(pdf: Sheet, card: CardLine) -> None:
    """Every team answered: who was right, and what the room's majority chose when the outcome was the room's."""
    if card.right is None:  # an option the room chose: its verdict, and the split
        pdf.text_block(tr("sheet.kept", given=card.given, verdict=card.verdict), size=10, indent=3)
        split = [tr("sheet.team_choice", team=a.team, numbers=a.numbers if a.answered else tr("sheet.silent"))
                 for a in card.answers]
        pdf.text_block(tr("sheet.teams_chose", choices=", ".join(split)), size=9, indent=3)
        return
    right = [a.team for a in card.answers if a.success]
    wrong = [a.team for a in card.answers if not a.success and a.answered]
    silent = [a.team for a in card.answers if not a.answered]
    said = [tr("sheet.teams_right", names=", ".join(right))] if right else []
    said += [tr("sheet.teams_wrong", names=", ".join(wrong))] if wrong else []
    said += [tr("sheet.teams_silent", names=", ".join(silent))] if silent else []
    pdf.text_block(tr("sheet.teams_verdicts", verdicts=" · ".join(said)), size=10, indent=3)
    pdf.text_block(tr("sheet.right", right=card.right), size=10, indent=3)


def debates(pdf: Sheet, report: Report) -> None:
    pdf.heading(tr("sheet.debates"))
    for card in report.debates:
        pdf.text_block(f"{card.number}. {card.prompt}", size=10, style="B")
        note = card.note if card.note else tr("sheet.skipped" if card.outcome == "skipped" else "sheet.no_note")
        pdf.text_block(tr("sheet.note", note=note), size=10, indent=3)
        pdf.ln(1.5)
