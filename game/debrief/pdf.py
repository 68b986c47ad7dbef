"""The debriefing sheet: an A4 PDF, readable in black and white and once photocopied.

Charts carry their meaning in patterns, markers and labels, never in colour alone. The shipped
Unicode font is embedded (subset), so every French character prints as written.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import MethodReturnValue

from game import __version__
from game.atomic import write_bytes_atomic
from game.present.sheet import AspectRate, CardLine, Report, StepBox
from game.engine.vocabulary import Outcome
from game.fonts import font_path, on_paper
from game.wording.players import lower_first, plural, tr

FONT = "Atkinson"
MARGIN = 15.0
INK = 0  # black
GREY = 110  # text of secondary importance, still dark enough to photocopy
LIGHT = 215  # backgrounds and grid lines
# Each gauge line is told apart by its dash pattern and marker, not by its colour.
DASHES = [(0.0, 0.0), (2.2, 1.2), (0.6, 1.0), (3.5, 1.2)]
MARKERS = ["circle", "square", "triangle", "diamond"]


class Sheet(FPDF):
    """An A4 page in the shipped font, its footer naming the document, its date and the page: the
    debriefing sheet's, and the solo learner's progress sheet's."""

    def __init__(self, title: str, started: datetime, subject: str = "Bilan d’une séance de jeu sérieux",
                 kind: str = "Bilan de séance"):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        for style, name in (("", "regular"), ("B", "bold"), ("I", "italic"), ("BI", "bolditalic")):
            self.add_font(FONT, style, str(font_path("atkinson", name)))
        self.title_text, self.started = title, started
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN + 5)
        self.set_title(on_paper(f"{kind} — {title}"))
        self.set_subject(subject)
        self.set_lang("fr")
        self.set_creator(f"Atelier service public {__version__}")
        self.set_author("Atelier service public")

    def footer(self) -> None:
        self.set_y(-MARGIN)
        self.set_font(FONT, "", 8)
        self.set_text_color(GREY)
        started = self.started.strftime("%d/%m/%Y")
        self.cell(0, 5, on_paper(f"{self.title_text} · {started} · page {self.page_no()} sur {{nb}}"),
                  align="C")
        self.set_text_color(INK)

    # -- text helpers ---------------------------------------------------------------------

    def text_block(self, text: str, size: float = 10, style: str = "", grey: bool = False, indent: float = 0,
                   height: float | None = None) -> None:
        self.set_font(FONT, style, size)
        self.set_text_color(GREY if grey else INK)
        self.set_x(self.l_margin + indent)
        self.multi_cell(self.epw - indent, height or size * 0.47, on_paper(text), align="L",
                        new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(INK)

    def heading(self, text: str, room: float = 30) -> None:
        """A section title, never alone at the bottom of a page."""
        if self.will_page_break(room):
            self.add_page()
        self.ln(3)
        self.set_font(FONT, "B", 13)
        self.cell(0, 7, on_paper(text), new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(INK)
        self.set_line_width(0.4)
        self.line(self.l_margin, self.get_y(), self.l_margin + self.epw, self.get_y())
        self.ln(2)

    def bullets(self, items: list[str], size: float = 10) -> None:
        for item in items:
            self.text_block(f"•  {item}", size=size, indent=2)
            self.ln(0.8)


def write_sheet(report: Report, path: Path) -> Path:
    """Write the report as an A4 PDF at `path`."""
    pdf = Sheet(report.title, report.started)
    pdf.add_page()
    _header(pdf, report)
    _result(pdf, report)
    if report.rates:
        rates_chart(pdf, report.rates)
    if report.every_team:
        if report.team_rates:
            _team_rates(pdf, report)
        _answers_grid(pdf, report)
    if report.journeys:
        _journeys(pdf, report)
    _cards(pdf, report)
    if report.debates:
        _debates(pdf, report)
    _messages(pdf, report)
    _notes(pdf)
    write_bytes_atomic(path, bytes(pdf.output()))  # a full disk leaves no truncated sheet behind
    return path


def _header(pdf: Sheet, report: Report) -> None:
    pdf.set_font(FONT, "", 10)
    pdf.set_text_color(GREY)
    pdf.cell(0, 5, "Bilan de séance", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(INK)
    pdf.text_block(report.title, size=20, style="B", height=9)
    minutes = int(round(report.play_minutes))
    pdf.text_block(f"{report.started.strftime('%d/%m/%Y à %H h %M')} · durée de jeu {minutes} min (pauses exclues) · "
                   f"partie {lower_first(tr('mode.' + report.mode))}", size=10)
    if report.mode != "solo":
        pdf.text_block("Équipes : " + ", ".join(report.teams), size=10)
    pdf.text_block(f"Session {report.session_id} · fin : {report.end_reason}", size=8, grey=True)


def _result(pdf: Sheet, report: Report) -> None:
    pdf.heading("Résultat", room=50)
    if report.win == "gauges":
        pdf.text_block(report.headline + ".", size=12, style="B")
        pdf.ln(1)
        for gauge in report.gauges:
            mark = " — seuil franchi" if gauge.crossed else ""
            pdf.text_block(f"{gauge.label} : de {gauge.start} à {gauge.end}{mark}", size=10, indent=2)
        _gauge_chart(pdf, report)
        return
    pdf.text_block(report.headline, size=12, style="B")
    pdf.ln(1)
    total = len(report.panorama)
    for team in report.team_lines:
        panorama = ""
        if report.win == "panorama":
            done = ", ".join(team.panorama) if team.panorama else "aucun aspect"
            when = f", complet à {int(team.completed)} min" if team.completed is not None else ""
            panorama = f" · panorama {len(team.panorama)}/{total} ({done}{when})"
        pdf.text_block(f"{team.name} : {plural(team.points, 'point')}{panorama}", size=10, indent=2)
    if report.gauges and any(len(g.values) > 1 for g in report.gauges):
        _gauge_chart(pdf, report)


def _gauge_chart(pdf: Sheet, report: Report) -> None:
    """The gauges over the cards: one dash pattern and marker per gauge, thresholds dotted and named."""
    width, height = pdf.epw - 45, 48
    if pdf.will_page_break(height + 22):
        pdf.add_page()
    pdf.ln(3)
    x0, y0 = pdf.l_margin + 8, pdf.get_y()
    low = min(g.low for g in report.gauges)
    high = max(g.high for g in report.gauges)
    steps = max(1, max(len(g.values) for g in report.gauges) - 1)

    def at(i: int, v: float) -> tuple[float, float]:
        return x0 + width * i / steps, y0 + height * (1 - (v - low) / (high - low))

    pdf.set_line_width(0.2)
    pdf.set_draw_color(LIGHT)
    pdf.set_font(FONT, "", 7)
    pdf.set_text_color(GREY)
    for v in range(low, high + 1, max(1, (high - low) // 5)):
        _, y = at(0, v)
        pdf.line(x0, y, x0 + width, y)
        pdf.text(x0 - 5, y + 1, str(v))
    pdf.set_draw_color(INK)
    pdf.rect(x0, y0, width, height)
    pdf.text(x0, y0 + height + 4, "départ")
    pdf.text(x0 + width - 12, y0 + height + 4, f"carte {steps}")
    thresholds: dict[int, list[str]] = {}
    for gauge in report.gauges:
        for value in (gauge.lose_below, gauge.lose_above):
            if value is not None:
                thresholds.setdefault(value, []).append(gauge.label.split()[0])
    pdf.set_dash_pattern(0.4, 0.8)
    pdf.set_line_width(0.3)
    for value, names in thresholds.items():
        _, y = at(0, value)
        pdf.line(x0, y, x0 + width, y)
        pdf.text(x0 + width + 1, y + 1, on_paper("seuil : " + ", ".join(names))[:38])
    pdf.set_text_color(INK)
    for n, gauge in enumerate(report.gauges):
        points = [at(i, v) for i, v in enumerate(gauge.values)]
        series(pdf, points, n, gauge_shape(n), points[:: max(1, len(points) // 12)] + points[-1:])
    pdf.set_y(y0 + height + 6)
    legend(pdf, [f"{g.label} (de {g.start} à {g.end})" for g in report.gauges], 2, gauge_shape)


def gauge_shape(n: int) -> str:
    return MARKERS[n % len(MARKERS)]


def series(pdf: Sheet, points: list[tuple[float, float]], n: int, shape: str,
           marked: list[tuple[float, float]] | None = None) -> None:
    """The n-th line of a chart: its dash pattern, then its markers (on `marked`, or on every point)."""
    pdf.set_dash_pattern(*DASHES[n % len(DASHES)])
    pdf.set_line_width(0.6)
    for a, b in zip(points, points[1:]):
        pdf.line(*a, *b)
    pdf.set_dash_pattern()
    for x, y in points if marked is None else marked:
        marker(pdf, shape, x, y)


def legend(pdf: Sheet, labels: list[str], columns: int, shape: Callable[[int], str], limit: int | None = None) -> None:
    """What each line of a chart stands for, `columns` to a row: a sample of the line and its marker, its label
    (cut at `limit` characters)."""
    pdf.set_font(FONT, "", 8)
    for n, label in enumerate(labels):
        x, y = pdf.l_margin + 8 + (n % columns) * 180 / columns, pdf.get_y() + 2
        series(pdf, [(x, y), (x + 10, y)], n, shape(n), [(x + 5, y)])
        pdf.text(x + 12, y + 1.2, on_paper(label)[:limit])
        if n % columns == columns - 1 or n == len(labels) - 1:
            pdf.ln(5)
    pdf.ln(2)


def marker(pdf: Sheet, shape: str, x: float, y: float, r: float = 1.1) -> None:
    pdf.set_fill_color(INK)
    pdf.set_line_width(0.3)
    if shape == "circle":
        pdf.circle(x, y, r, style="F")
    elif shape == "square":
        pdf.rect(x - r, y - r, 2 * r, 2 * r, style="F")
    elif shape == "triangle":
        pdf.polygon([(x, y - r * 1.3), (x + r * 1.2, y + r), (x - r * 1.2, y + r)], style="F")
    else:
        pdf.set_fill_color(255)
        pdf.polygon([(x, y - r * 1.4), (x + r * 1.2, y), (x, y + r * 1.4), (x - r * 1.2, y)], style="DF")


def rates_chart(pdf: Sheet, rates: list[AspectRate], title: str = "Réussite par aspect") -> None:
    """Success per aspect: hatched bars on a light background, each with its figures written out."""
    pdf.heading(title, room=12 + 8 * len(rates))
    label_w, bar_w, row_h = 45.0, pdf.epw - 45 - 32, 7.0
    for rate in rates:
        y = pdf.get_y()
        x = pdf.l_margin + label_w
        pdf.set_font(FONT, "", 10)
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(label_w - 2, row_h, on_paper(rate.label))
        pdf.set_fill_color(LIGHT + 25)
        pdf.set_draw_color(INK)
        pdf.set_line_width(0.3)
        pdf.rect(x, y + 1, bar_w, row_h - 2, style="DF")
        filled = bar_w * rate.right / rate.answered if rate.answered else 0
        if filled > 0:
            with pdf.rect_clip(x, y + 1, filled, row_h - 2):
                pdf.set_line_width(0.5)
                offset = -row_h
                while offset < filled:
                    pdf.line(x + offset, y + row_h - 1, x + offset + row_h, y + 1)
                    offset += 1.6
            pdf.set_line_width(0.6)
            pdf.rect(x, y + 1, filled, row_h - 2)
        pdf.set_xy(x + bar_w + 2, y)
        pdf.cell(30, row_h, on_paper(f"{rate.right}/{rate.answered} ({rate.percent} %)"))
        pdf.set_y(y + row_h + 1)


BOX_W, BOX_H, ARROW = 33.0, 11.0, 6.0  # a step of a parcours in the diagram, and the gap its arrow crosses


def _journeys(pdf: Sheet, report: Report) -> None:
    """Each usager's parcours as two rows of boxes, the path taken above the path of the best choices: where
    they part is what the group discusses."""
    pdf.heading("Les parcours des usagers", room=60)
    for journey in report.journeys:
        if pdf.will_page_break(2 * BOX_H + 30):
            pdf.add_page()
        pdf.text_block(f"{journey.number}. {journey.who} — {journey.need}", size=10, style="B")
        _path_row(pdf, "Chemin pris", journey.taken, journey.reached)
        if journey.same:
            pdf.text_block("C'est aussi le chemin des meilleurs choix.", size=9, style="I", indent=3)
        else:
            _path_row(pdf, "Meilleurs choix", journey.best, journey.best_reached)
        pdf.ln(3)


def _path_row(pdf: Sheet, title: str, steps: list[StepBox], ending: StepBox) -> None:
    """Boxes joined by arrows, left to right, going on to the next line when the page is full; the outcome
    last, in a box with a double border."""
    left, right = MARGIN + 24, pdf.w - MARGIN
    pdf.set_font(FONT, "B", 8)
    pdf.set_text_color(GREY)
    pdf.text(MARGIN, pdf.get_y() + BOX_H / 2 + 1, title)
    pdf.set_text_color(INK)
    x, y = left, pdf.get_y() + 1
    boxes = [(s.title, s.mark, False) for s in steps] + [(ending.title, ending.mark, True)]
    for i, (text, mark, last) in enumerate(boxes):
        width = BOX_W * 1.4 if last else BOX_W
        if x + width > right:  # on to the next line, which an arrow enters: the path goes on
            x, y = left, y + BOX_H + 3
            _arrow(pdf, x - ARROW + 0.8, x - 0.8, y + BOX_H / 2)
        pdf.set_draw_color(INK)
        pdf.set_line_width(0.6 if last else 0.3)
        pdf.rect(x, y, width, BOX_H, round_corners=True)
        if last:
            pdf.rect(x + 0.8, y + 0.8, width - 1.6, BOX_H - 1.6, round_corners=True)
        pdf.set_font(FONT, "B" if last else "", 7.5)
        lines = _cell_lines(pdf, text, width - 2, 2 if mark else 3)
        top = y + (BOX_H - 3 * (len(lines) + bool(mark))) / 2 + 2.4
        for k, words in enumerate(lines):
            pdf.text(x + 1.5, top + 3 * k, words)
        if mark:
            pdf.set_font(FONT, "I", 6.5)
            pdf.set_text_color(GREY)
            pdf.text(x + 1.5, top + 3 * len(lines), mark)
            pdf.set_text_color(INK)
        if i < len(boxes) - 1 and x + BOX_W + ARROW + BOX_W <= right:
            _arrow(pdf, x + BOX_W + 0.8, x + BOX_W + ARROW - 0.8, y + BOX_H / 2)
        x += BOX_W + ARROW
    pdf.set_line_width(0.2)
    pdf.set_y(y + BOX_H + 3)


def _arrow(pdf: Sheet, start: float, end: float, y: float) -> None:
    pdf.set_line_width(0.3)
    pdf.line(start, y, end, y)
    pdf.line(end - 1.4, y - 1.0, end, y)
    pdf.line(end - 1.4, y + 1.0, end, y)


def _cards(pdf: Sheet, report: Report) -> None:
    played = [c for c in report.cards if not c.discussed]
    if not played:
        return
    pdf.heading("Les cartes jouées")
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
        pdf.text_block(f"Réponse : {card.given} — {card.verdict}", size=10, indent=3)
        if card.right is not None and not card.success:
            pdf.text_block(f"Bonne réponse : {card.right}", size=10, indent=3)
    elif card.outcome != Outcome.EVENT:
        pdf.text_block(card.verdict[0].upper() + card.verdict[1:], size=10, indent=3, style="I")
    if card.explanation:
        pdf.text_block(card.explanation, size=9, indent=3)
    if card.deltas:
        pdf.text_block("Jauges : " + ", ".join(f"{label} {delta:+d}" for label, delta in card.deltas),
                       size=9, indent=3)
    if card.source:
        pdf.text_block(f"Source : {card.source}", size=8, style="I", grey=True, indent=3)
    pdf.ln(2)


def _room_answers(pdf: Sheet, card: CardLine) -> None:
    """Every team answered: who was right, and what the room's majority chose when the outcome was the room's."""
    if card.right is None:  # an option the room chose: its verdict, and the split
        pdf.text_block(f"Retenue par la salle : {card.given} — {card.verdict}", size=10, indent=3)
        split = [f"{a.team} {a.numbers if a.answered else '(sans réponse)'}" for a in card.answers]
        pdf.text_block("Choix des équipes : " + ", ".join(split), size=9, indent=3)
        return
    right = [a.team for a in card.answers if a.success]
    wrong = [a.team for a in card.answers if not a.success and a.answered]
    silent = [a.team for a in card.answers if not a.answered]
    said = [f"juste : {', '.join(right)}"] if right else []
    said += [f"faux : {', '.join(wrong)}"] if wrong else []
    said += [f"sans réponse : {', '.join(silent)}"] if silent else []
    pdf.text_block("Équipes — " + " · ".join(said), size=10, indent=3)
    pdf.text_block(f"Bonne réponse : {card.right}", size=10, indent=3)


def _cell_lines(pdf: Sheet, text: str, width: float, most: int) -> list[str]:
    """`text` wrapped to `width` in at most `most` lines, the last one cut with an ellipsis; the font shrinks
    (down to 6 pt) until its longest word fits, so a word is never broken."""
    longest = max(on_paper(text).split() or [""], key=pdf.get_string_width)
    while pdf.get_string_width(longest) > width - 2 * pdf.c_margin - 0.2 and pdf.font_size_pt > 6:
        pdf.set_font_size(pdf.font_size_pt - 0.5)
    lines = pdf.multi_cell(width, 3, on_paper(text), dry_run=True, output=MethodReturnValue.LINES)
    if len(lines) > most:
        lines = lines[:most]
        while lines[-1] and pdf.get_string_width(lines[-1] + "…") > width - 1:
            lines[-1] = lines[-1][:-1]
        lines[-1] += "…"
    return lines


def _cell_text(pdf: Sheet, x: float, y: float, text: str, width: float) -> None:
    """One line of `text` in a cell, shrunk or cut to fit; the font's size is restored for the next cell."""
    size = pdf.font_size_pt
    pdf.text(x, y, _cell_lines(pdf, text, width, 1)[0])
    pdf.set_font_size(size)


def _shade(pdf: Sheet, x: float, y: float, width: float, height: float) -> None:
    """A grey cell: a right answer, an acquired aspect."""
    pdf.set_fill_color(LIGHT + 15)
    pdf.rect(x + 0.3, y + 0.3, width - 0.6, height - 0.6, style="F")


def _end_row(pdf: Sheet, y: float, height: float) -> None:
    """A light rule under a grid's row, and the cursor below it."""
    pdf.set_draw_color(LIGHT)
    pdf.set_line_width(0.2)
    pdf.line(pdf.l_margin, y + height, pdf.l_margin + pdf.epw, y + height)
    pdf.set_y(y + height)


def _grid_head(pdf: Sheet, heads: list[str], widths: list[float]) -> None:
    """A header row of wrapped, bold titles (team names, aspect labels), ruled below."""
    pdf.set_font(FONT, "B", 8)
    y, x = pdf.get_y(), pdf.l_margin
    for head, width in zip(heads, widths):
        pdf.set_font_size(8)
        for k, line in enumerate(_cell_lines(pdf, head, width - 1, 2)):
            pdf.text(x + 0.5, y + 3.2 + k * 3.4, line)
        x += width
    pdf.set_draw_color(INK)
    pdf.set_line_width(0.4)
    pdf.line(pdf.l_margin, y + 8, pdf.l_margin + sum(widths), y + 8)
    pdf.set_y(y + 8)


def _tick(pdf: Sheet, x: float, y: float, right: bool) -> None:
    """A drawn tick or cross: Atkinson Hyperlegible has no such glyphs, and a shape survives a photocopy."""
    pdf.set_draw_color(INK)
    pdf.set_line_width(0.5)
    if right:
        pdf.polyline([(x - 1.6, y), (x - 0.4, y + 1.3), (x + 1.8, y - 1.6)])
    else:
        pdf.line(x - 1.3, y - 1.3, x + 1.3, y + 1.3)
        pdf.line(x - 1.3, y + 1.3, x + 1.3, y - 1.3)


def _team_rates(pdf: Sheet, report: Report) -> None:
    """Each team's right answers per aspect; a grey cell is an aspect of its panorama filled."""
    labels = [r.label for r in report.team_rates[0].rates]
    pdf.heading("Réussite par équipe et par aspect", room=22 + 7 * len(report.team_rates))
    first, last = 38.0, 24.0
    widths = [first] + [(pdf.epw - first - last) / len(labels)] * len(labels) + [last]
    _grid_head(pdf, ["Équipe"] + labels + ["Panorama"], widths)
    row_h = 7.0
    for team, line in zip(report.team_rates, report.team_lines):
        y = pdf.get_y()
        pdf.set_font(FONT, "", 9)
        _cell_text(pdf, pdf.l_margin + 0.5, y + 4.6, team.name, first - 1)
        x = pdf.l_margin + first
        for rate in team.rates:
            if rate.right:
                _shade(pdf, x, y, widths[1], row_h)
            pdf.text(x + 1.5, y + 4.6, f"{rate.right}/{rate.answered}")
            x += widths[1]
        done = f"{len(line.panorama)}/{len(labels)}"
        pdf.set_font(FONT, "B" if line.completed is not None else "", 9)
        pdf.text(x + 1.5, y + 4.6, done + (f" · {int(line.completed)} min" if line.completed is not None else ""))
        _end_row(pdf, y, row_h)
    pdf.ln(2)
    pdf.text_block("Chaque case : réponses justes sur réponses données dans l’aspect ; grisée, l’aspect est acquis. "
                   "Panorama : aspects acquis, et la minute où il a été complet.", size=8, grey=True)


def _answers_grid(pdf: Sheet, report: Report) -> None:
    """The number each team raised for each card, ticked or crossed: the whole room at a glance."""
    rows = [c for c in report.cards if c.answers]
    if not rows:
        return
    pdf.heading("Les réponses des équipes", room=40)
    pdf.text_block("Le numéro levé par chaque équipe à chaque carte ; coche et case grisée : juste (ou meilleure "
                   "option) ; croix : faux. « Attendu » : la bonne réponse ou la meilleure option.", size=8, grey=True)
    pdf.ln(1)
    first, expected = 50.0, 16.0
    widths = [first, expected] + [(pdf.epw - first - expected) / len(report.teams)] * len(report.teams)
    heads = ["Carte", "Attendu"] + report.teams
    _grid_head(pdf, heads, widths)
    row_h = 6.0
    for card in rows:
        if pdf.will_page_break(row_h):
            pdf.add_page()
            _grid_head(pdf, heads, widths)
        y = pdf.get_y()
        pdf.set_font(FONT, "", 8)
        _cell_text(pdf, pdf.l_margin + 0.5, y + 4, f"{card.number}. {card.aspect_label}", first - 1)
        pdf.text(pdf.l_margin + first + 1.5, y + 4, card.expected)
        x = pdf.l_margin + first + expected
        for answer in card.answers:
            if answer.success:
                _shade(pdf, x, y, widths[2], row_h)
            pdf.set_font(FONT, "B" if answer.answered else "", 9 if answer.answered else 7)
            pdf.text(x + 1.5, y + 4.2, answer.numbers if answer.answered else "sans réponse")
            if answer.answered:
                _tick(pdf, x + widths[2] - 4, y + row_h / 2, answer.success)
            x += widths[2]
        _end_row(pdf, y, row_h)


def _debates(pdf: Sheet, report: Report) -> None:
    pdf.heading("Débats, à poursuivre")
    for card in report.debates:
        pdf.text_block(f"{card.number}. {card.prompt}", size=10, style="B")
        note = card.note if card.note else ("carte passée" if card.outcome == "skipped" else "pas de note")
        pdf.text_block(f"Note de l’animateur : {note}", size=10, indent=3)
        pdf.ln(1.5)


def _messages(pdf: Sheet, report: Report) -> None:
    if report.key_messages:
        pdf.heading("Messages clés")
        pdf.bullets(report.key_messages)
    if report.discussion:
        pdf.heading("Pour continuer la discussion")
        pdf.bullets(report.discussion)
    if report.to_review:
        pdf.heading("À approfondir")
        pdf.bullets(report.to_review, size=9)


def _notes(pdf: Sheet) -> None:
    """Ruled lines for handwritten notes, at least eight of them, to the bottom of the page."""
    pdf.heading("Notes", room=8 * 9 + 12)
    pdf.set_draw_color(GREY)
    pdf.set_line_width(0.2)
    y = pdf.get_y() + 8
    while y < pdf.h - MARGIN - 8:
        pdf.line(pdf.l_margin, y, pdf.l_margin + pdf.epw, y)
        y += 8
