"""The play screen's layout: where the card's text, its choices, the reveal and the buttons go."""

from __future__ import annotations

import pygame

from game.engine.vocabulary import Phase
from game.present.room import Played
from game.table.view import Mark
from game.ui import cardface
from game.ui.flow import flow
from game.ui.sidepanel import plan_for, side_content, side_rect
from game.ui.text import text_width, wrap
from game.ui.widgets import bars
from game.wording.players import ntr, teams_listed, tr, upper_first


class PlayLayout:
    """The play screen's layout: where the card's text, its choices, the reveal and the buttons go."""

    def layout(self, width: int, height: int) -> None:
        pad, self.top_rect, self.foot_rect = bars(self.app.line, width, height, self.app.settings.scale)
        self.side_rect = side_rect(self.app.line, width, height, self.app.settings.scale)
        if self.view.solo and not self.standings.gauges:  # a learner alone: no scoreboard of one, the card is wider
            self.side_rect = pygame.Rect(width - pad, self.side_rect.top, 0, self.side_rect.height)
        self.main_rect = pygame.Rect(pad, self.side_rect.top, self.side_rect.left - 2 * pad, self.side_rect.height)
        self._layout_side()
        self._layout_card()

    def _layout_card(self) -> None:
        """Where the prompt, the answers and the Continue button go: answers get what their text needs,
        the prompt the rest (its text then shrinks, never below the body size)."""
        view, main = self.view, self.main_rect
        self.prompt_rect = main.copy()
        self.answer_rects = []
        self.validate_rect = pygame.Rect(0, 0, 0, 0)
        self.continue_rect = pygame.Rect(0, 0, 0, 0)
        self.story_rect = pygame.Rect(0, 0, 0, 0)
        self.split = False
        self.headless = False  # the card's kind and aspect not shown above it (its choices need the line)
        if view.face is None:
            return
        if view.phase != Phase.ANSWER:
            self._footer_button(tr("play.continue"))
        self.reveal_chunks = [()]
        self.choice_pages = [list(range(len(view.choices)))]
        if view.phase == Phase.DISCUSS:
            self._layout_debate()
        elif view.reveal is not None and view.choices:
            self._layout_reveal(view.reveal)
        elif view.reveal is not None and not view.reveal.verdicts:
            self._layout_event(view.reveal)
        elif view.phase == Phase.ANSWER and view.choices:
            self._layout_answers(view.choices)

    def _layout_event(self, play: Played) -> None:
        """An event under its banner, with what it did to the gauges: big while it fits, else at the body size
        over as many views as it needs, as a long reveal."""
        body, main = self.app.body, self.main_rect
        self.event_banner = pygame.Rect(main.x, main.y + int(self.app.line * 1.2), main.width, int(self.app.line * 1.9))
        self.event_rect = pygame.Rect(main.x, self.event_banner.bottom + body, main.width,
                                      main.bottom - self.event_banner.bottom - 2 * body)
        font = self.app.fonts.get(body)
        step = int(font.get_linesize() * 1.08)
        lines = wrap(font, self.event_text(play), main.width)
        if len(lines) * step <= self.event_rect.height:
            return
        self.reveal_chunks = [tuple(lines[i] for i in texts) for texts, _ in flow(lines, [], step, 0, 0,
                                                                                     self.event_rect.height)]
        self.page = min(self.page, len(self.reveal_chunks) - 1)
        self.app.paged.add(play.face.prompt)

    def _layout_debate(self) -> None:
        """The question big, its hints under it, the note at the bottom in a box as high as its text. The
        question gives up size (down to the body size) before the hints lose a line; when even at the body size
        they cannot share the view, the question's lines and the hints flow over as many views as they need."""
        body, main, face = self.app.body, self.main_rect, self.view.face
        font = self.app.fonts.get(body)
        step = int(font.get_linesize() * 1.08)
        note, hint = self.note_text()
        size = self.note_size = self.app.small if hint else body  # how to take a note: secondary text
        small = self.app.fonts.get(size)
        roomy = self.app.settings.roomy  # big text: the note's box and the margins give their room to the question
        least = int((small.get_linesize() if roomy else self.app.line) * 1.4)
        note_h = max(least, len(wrap(small, note, main.width - body)) * int(small.get_linesize() * 1.08) + body // 2)
        self.note_rect = pygame.Rect(main.x, main.bottom - note_h, main.width, note_h)
        # the discussion's clock beside the card's kind line, or under it where big text leaves no room beside
        header = text_width(self.app.fonts.get(body, True), f"{face.label} · {self.view.aspect_label}")
        clock = text_width(self.app.fonts.get(int(body * 1.2), True), tr("play.discussion", time="00:00"))
        self.clock_below = header + clock + body > main.width
        top = main.y + (self.app.line + body // 3 if roomy else body * 2) + (self.app.line if self.clock_below else 0)
        self.debate_rect = pygame.Rect(main.x, top, main.width, self.note_rect.top - body - top)
        hints = "\n".join(f"· {hint}" for hint in face.hints)
        prompt = wrap(self.app.fonts.get(body, True), face.prompt, main.width)
        hint_lines = wrap(font, hints, main.width - body) if hints else ()
        if (len(prompt) + len(hint_lines)) * step + body <= self.debate_rect.height:
            return
        self.debate_lines = prompt + ("",) + hint_lines
        self.debate_bold = len(prompt)  # the flow's first lines are the question's, drawn bold
        self.debate_pages = [texts for texts, _ in flow(self.debate_lines, [], step, 0, 0, self.debate_rect.height)]
        self.reveal_chunks = [tuple(self.debate_lines[i] for i in texts) for texts in self.debate_pages]
        self.page = min(self.page, len(self.reveal_chunks) - 1)
        self.app.paged.add(face.prompt)

    def note_text(self) -> tuple[str, bool]:
        """The note's box: the draft being typed, the note taken, or how to take one; whether it is the hint."""
        if self.note_draft is not None:
            return tr("play.note_editing") + "\n" + self.note_draft + "|", False
        note = self.view.note
        return (tr("play.note", note=note), False) if note else (tr("play.note_hint"), True)

    @staticmethod
    def event_text(play: Played) -> str:
        effects = "\n".join(tr("play.effect", label=c.label, delta=c.delta) for c in play.changes)
        return play.face.prompt + ("\n\n" + effects if effects else "")

    def _layout_answers(self, items: tuple[str, ...]) -> None:
        body, main = self.app.body, self.main_rect
        gap = body // 3
        font = self.app.fonts.get(body)
        step = int(font.get_linesize() * 1.08)
        multiple = self.view.several
        bottom = main.bottom
        if multiple:  # a big target, less big where big text leaves little room
            high = int(self.app.line * (1.7 if self.app.settings.scale < 1.3 else 1.3))
            wide = max(body * 6, text_width(self.app.fonts.get(body, True), tr("play.validate")) + body * 3)
            self.validate_rect = pygame.Rect(main.right - wide, main.bottom - high, wide, high)
            bottom = self.validate_rect.top - gap
        needs = [max(len(wrap(font, item, self._choice_width(i))) * step + body // 2 + 8, int(self.app.line * 1.6))
                 for i, item in enumerate(items)]
        need = max(needs)
        top = main.y + int(self.app.line * 1.3)
        prompt_need = cardface.need(self.app, self.view.face, main.width)
        room = (bottom - top - prompt_need - gap * len(items)) // len(items)
        if room < need:  # the text and the choices cannot both be read in full: two views
            self.split = True
            if self.story:
                self._layout_story(top)
                return
            prompt_need = self.app.line
            room = (bottom - top - prompt_need - gap * len(items)) // len(items)
            if room < need:  # the choices still want room: the card's one-line reminder takes the header's line
                self.headless = True
                top = main.y
                room = (bottom - top - prompt_need - gap * len(items)) // len(items)
        self.answer_rects = [pygame.Rect(0, 0, 0, 0)] * len(items)
        if room < need:  # not even the choices alone fit: they flow over views, the way to the others in the footer
            area_top = top + prompt_need + gap
            self._layout_choice_pages(needs, area_top, bottom - area_top, gap)
        else:
            height = max(need, min(int(self.app.line * 2.4), room))  # big targets when there is room
            area_top = bottom - len(items) * (height + gap) + gap
            self.answer_rects = [pygame.Rect(main.x, area_top + i * (height + gap), main.width, height)
                                 for i in range(len(items))]
        self.prompt_rect = pygame.Rect(main.x, top, main.width, area_top - top - gap)

    def _choice_width(self, i: int) -> int:
        """The width of a choice's text in its button: past its number and, with several answers, its tick box."""
        body = self.app.body
        number = text_width(self.app.fonts.get(int(body * 1.3), True), f"{i + 1}")
        return self.main_rect.width - 3 * body - number - (body + body // 2 if self.view.several else 0)

    def _layout_choice_pages(self, needs: list[int], y: int, room: int, gap: int) -> None:
        """Choices too many or too long for one view, at the reader's size: as many as fit on each view, in order,
        every choice keeping its number; the view shown is `choice_page` (it follows the focus and the numbers)."""
        pages: list[list[int]] = [[]]
        used = 0
        for i, need in enumerate(needs):
            if pages[-1] and used + need > room:
                pages.append([])
                used = 0
            pages[-1].append(i)
            used += need + gap
        self.choice_pages = pages
        self.choice_page = min(self.choice_page, len(pages) - 1)
        shown = pages[self.choice_page]
        for i in shown:  # a choice higher than a whole view is cut there, and said
            self.answer_rects[i] = pygame.Rect(self.main_rect.x, y, self.main_rect.width, min(needs[i], room))
            y += needs[i] + gap
        self.app.paged.add(max((self.view.choices[i] for i in pages[0]), key=len))
        self._footer_button(tr("play.more_choices", page=len(pages), pages=len(pages)))

    def _footer_button(self, label: str) -> None:
        """The button at the footer's right (Continue, the card's choices, more choices), as wide as `label` needs."""
        body = self.app.body
        width = max(body * 9, text_width(self.app.fonts.get(body, True), label) + body * 2)
        self.continue_rect = pygame.Rect(self.foot_rect.right - width, self.foot_rect.y, width, self.foot_rect.height)

    def _layout_story(self, top: int) -> None:
        """The text's view of a split card: the text has the card's whole height, and a button leads on."""
        main = self.main_rect
        self._footer_button(tr("play.show_choices"))
        self.prompt_rect = pygame.Rect(main.x, top, main.width, main.bottom - top)
        self.story_pages = cardface.pages(self.app, self.view.face, self.prompt_rect)
        if len(self.story_pages) > 1:
            self.app.paged.add("\n".join(self.view.face.story + (self.view.face.lead,)))
        self.story_page = min(self.story_page, len(self.story_pages) - 1)

    def _layout_reveal(self, play: Played) -> None:
        """The verdict, the explanation, then the right and the chosen answers; the prompt as a reminder on top
        when there is room for it. Nothing is drawn below the body size the reader chose: when the explanation
        (its source and the parcours' ending included) and the answers cannot share the card, they flow over as
        many views as they need, each under the verdict: the explanation's lines first, then the answers, an
        answer longer than a view going on to the next one."""
        body, main = self.app.body, self.main_rect
        gap = body // 3
        font = self.app.fonts.get(body)
        step = int(font.get_linesize() * 1.08)
        header = main.y + int(self.app.line * 1.2)
        bold = self.app.fonts.get(body, True)  # the verdict's banner as high as its sentence needs at the body size
        verdict_lines = len(wrap(bold, self.verdict_text(play), main.width - body * 4))
        banner_h = max(int(self.app.line * 1.6), verdict_lines * int(bold.get_linesize() * 1.08) + body // 2)
        rows = [self._row_lines(play, i) for i in play.shown]
        lines = wrap(font, self._explanation(play), main.width) if play.explanation is not None else ()
        pages = flow(lines, [len(r) for r in rows], step, body // 2, gap, main.bottom - (header + banner_h + gap))
        self.reveal_chunks = [tuple(lines[i] for i in texts) for texts, _ in pages]
        if len(pages) > 1:
            self.app.paged.add(self._explanation(play) if len(lines) > 1 else max(
                (self.view.choices[i] for i in play.shown), key=len))
        self.page = min(self.page, len(pages) - 1)
        texts, pieces = pages[self.page]
        self.reveal_text = "\n".join(self.reveal_chunks[self.page]) if len(pages) > 1 else self._explanation(play)
        self.reveal_rows = [(play.shown[r], rows[r][first:last], first == 0) for r, first, last in pieces]
        heights = [(last - first) * step + body // 2 for _, first, last in pieces]
        top = main.bottom - sum(heights) - gap * max(0, len(heights) - 1)
        for height in heights:
            self.answer_rects.append(pygame.Rect(main.x, top, main.width, height))
            top += height + gap
        bottom = self.answer_rects[0].top if self.answer_rects else main.bottom + gap
        spare = bottom - header - banner_h - len(texts) * step - 3 * gap if len(pages) == 1 else 0
        reminder = max(0, min(2 * step, spare // step * step))
        self.reminder_rect = pygame.Rect(main.x, header, main.width, reminder)
        self.banner_rect = pygame.Rect(main.x, header + reminder + (gap if reminder else 0), main.width, banner_h)
        self.explain_rect = pygame.Rect(main.x, self.banner_rect.bottom + gap, main.width,
                                        bottom - self.banner_rect.bottom - 2 * gap)

    @staticmethod
    def verdict_text(play: Played) -> str:
        """Right, wrong or the best option, and which teams gave no answer."""
        silent = [v.team + 1 for v in play.verdicts if v.mark == Mark.NO_ANSWER]
        said = [tr(f"mark.{play.mark}"), play.all_right_line, tr("play.no_answer", teams=teams_listed(silent)) if silent
                else ""]
        return " · ".join(part for part in said if part)

    @staticmethod
    def _explanation(play: Played) -> str:
        explanation = play.explanation
        if explanation is None:
            return ""
        text = explanation.text + (f"\n{tr('play.source', source=explanation.source)}" if explanation.source else "")
        if play.ending is not None:  # the parcours ends here: its outcome, what it means for the usager
            text += f"\n{play.reached_line}\n{play.ending.feedback}"
        return text

    def _tag(self, play: Played, i: int) -> str:
        right_label = tr("play.right_answer") if play.has_right_answer else tr("mark.best")
        tags = [right_label] if i in play.right else [tr("mark.acceptable")] if i in play.acceptable else []
        chose = [str(v.team + 1) for v in play.verdicts if i in v.choices]
        if len(play.verdicts) > 1 and chose and self.view.several:  # ticking a right one is not being right
            tags.append(ntr("play.ticked_by", len(chose), numbers=", ".join(chose)))
        elif len(play.verdicts) > 1 and chose:
            tags.append(tr("play.teams_chose" if len(chose) > 1 else "play.team_chose", numbers=", ".join(chose)))
        elif i in play.chosen:
            tags.append(tr("play.your_answer"))
        if len(play.verdicts) > 1 and i in play.applied:
            tags.append(tr("play.applied"))
        text = " · ".join(tags)
        return tr("play.tag", tags=upper_first(text))

    def _row_lines(self, play: Played, i: int) -> tuple[str, ...]:
        """An answer's row in the reveal, line by line: its tag with a short text beside it, else the tag, then
        the text under it ("" stands for the tag's own line)."""
        if self._one_line(play, i):
            return ("",)
        width = self.main_rect.width - self.app.body * 3
        return ("",) + wrap(self.app.fonts.get(self.app.body), self.view.choices[i], width)

    def _one_line(self, play: Played, i: int) -> bool:
        """A short answer sits on the same line as its tag."""
        size = self.app.body
        width = (text_width(self.app.fonts.get(size, True), self._tag(play, i))
                 + text_width(self.app.fonts.get(size), self.view.choices[i]))
        return width + self.app.body * 4 <= self.main_rect.width

    def _layout_side(self) -> None:
        """The side panel's plan, from the scenario's gauges, teams and panorama (the same in every phase)."""
        standings, view = self.standings, self.view
        content = side_content([(g.label, g.low, g.high) for g in standings.gauges], standings.thresholds,
                               standings.win, len(standings.teams), len(standings.panorama), view.every_team)
        self.side_plan = plan_for(self.app.fonts, *self.app.size, content, self.app.settings.scale)

