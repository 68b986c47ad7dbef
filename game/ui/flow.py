"""Text too long for one view at the reader's size, spread over as many views as it needs, in reading order:
the play screen's reveal, event and debate, the learner's mistakes."""

from __future__ import annotations

from collections.abc import Sequence


def flow(lines: Sequence[str], rows: list[int], step: int, pad: int, gap: int, room: int
         ) -> list[tuple[list[int], list[tuple[int, int, int]]]]:
    """Views of at most `room` pixels, filled in order with the text's `lines` (a blank one never opens a view),
    then the answer rows (each its number of lines, plus `pad`; a `gap` between two), all lines `step` high. A
    row goes to the next view when it does not fit whole, and is split between views only when it is higher
    than a view. Per view: the indexes of its text lines, and its pieces of rows as (row, first line, end line)."""
    views: list[tuple[list[int], list[tuple[int, int, int]]]] = [([], [])]
    used = 0

    def new_view() -> None:
        nonlocal used
        views.append(([], []))
        used = 0

    for i, text in enumerate(lines):
        if used + step > room and views[-1][0]:
            new_view()
        if text or views[-1][0]:
            views[-1][0].append(i)
            used += step
    for r, count in enumerate(rows):
        before = gap if views[-1][0] or views[-1][1] else 0
        if used + before + count * step + pad > room and (views[-1][0] or views[-1][1]):
            new_view()
            before = 0
        first = 0
        while first < count:
            fits = max(1, (room - used - before - pad) // step)
            last = min(count, first + fits)
            views[-1][1].append((r, first, last))
            used += before + (last - first) * step + pad
            first, before = last, gap
            if first < count:
                new_view()
                before = 0
    return views
