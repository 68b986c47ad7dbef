"""Screens compared with stored images and texts, in the spirit of Textual's snap_compare.

A scene is rendered at a fixed size from a seed and a list of intents. Its texts, as drawn and in
order, must equal `tests/snapshots/NAME.txt` exactly (any change of wording fails); its PNG is compared
with `tests/snapshots/NAME.png` within a small tolerance (layout). On a difference the test fails and
writes the new image and a diff image (changed pixels in red) under `tests/_output/`;
`pytest --snapshot-update` accepts new images and texts.
"""

from __future__ import annotations

from pathlib import Path

import pygame

SNAPSHOTS = Path(__file__).parent / "snapshots"
OUTPUT = Path(__file__).parent / "_output"
TOLERANCE = 0.001  # share of pixels allowed to differ (font hinting across machines)


def compare_texts(texts: list[str], name: str, update: bool) -> None:
    """The texts a screen drew, one per line (a line break inside a text is written ⏎)."""
    stored = SNAPSHOTS / f"{name}.txt"
    actual = "".join(text.replace("\n", "⏎") + "\n" for text in texts)
    if update or not stored.exists():
        SNAPSHOTS.mkdir(exist_ok=True)
        stored.write_text(actual, encoding="utf-8")
        if not update:
            raise AssertionError(f"no stored texts for {name}: written to {stored}, check them and commit them")
        return
    assert actual.splitlines() == stored.read_text(encoding="utf-8").splitlines(), (
        f"{name}: the screen's texts changed (run pytest --snapshot-update to accept them)")


def compare(surface: pygame.Surface, name: str, update: bool) -> None:
    stored = SNAPSHOTS / f"{name}.png"
    if update or not stored.exists():
        SNAPSHOTS.mkdir(exist_ok=True)
        pygame.image.save(surface, str(stored))
        if not update:
            raise AssertionError(f"no stored image for {name}: written to {stored}, check it and commit it")
        return
    expected = pygame.image.load(str(stored))
    if expected.get_size() != surface.get_size():
        raise AssertionError(f"{name}: size {surface.get_size()} instead of {expected.get_size()}")
    width, height = surface.get_size()
    actual = pygame.image.tobytes(surface, "RGB")
    wanted = pygame.image.tobytes(expected, "RGB")
    if actual == wanted:
        return
    diff = surface.copy()
    diff.fill((90, 90, 90), special_flags=pygame.BLEND_RGB_MULT)
    changed = 0
    row = width * 3
    for y in range(height):
        a, w = actual[y * row:(y + 1) * row], wanted[y * row:(y + 1) * row]
        if a == w:
            continue
        for x in range(width):
            if a[x * 3:x * 3 + 3] != w[x * 3:x * 3 + 3]:
                changed += 1
                diff.set_at((x, y), (255, 0, 0))
    if changed > TOLERANCE * width * height:
        OUTPUT.mkdir(exist_ok=True)
        pygame.image.save(surface, str(OUTPUT / f"{name}-actual.png"))
        pygame.image.save(diff, str(OUTPUT / f"{name}-diff.png"))
        raise AssertionError(f"{name}: {changed} pixels differ; see {OUTPUT / (name + '-diff.png')} "
                             f"(run pytest --snapshot-update to accept the new image)")
