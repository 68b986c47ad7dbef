"""Questions from the quiz banks trainers keep in Moodle: GIFT and Aiken text files.

What a question card can hold is imported: one or several right answers, true/false, the
general feedback as the explanation, `$CATEGORY:` as the aspect, simple HTML as its text. What it
cannot hold (short answers, matching, numerical, essays, missing words, images and tables) is
listed with its line and the reason, and the rest comes in, as Moodle's own import does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from game.authoring.cardrows import DEFAULT_ASPECT, TO_COMPLETE, Aspects, Checked, checked_cards, to_complete
from game.authoring.htmltext import Unshowable, html_text
from game.authoring.sheets import MAX_ROWS, ImportFailed, bounded, decode
from game.wording.catalogue import tr


def read_quiz_bank(path: Path, shown: str, kind: str, deck_id: str, aspects: Aspects,
                   existing: Mapping[str, str] | None = None) -> tuple[Checked, list[str]]:
    """The questions a card can hold (and those left out, with their line and why), and the notices."""
    text, notices = decode(bounded(path, shown), shown)
    if aspects.default is None:
        aspects.default = DEFAULT_ASPECT
    found = []
    for question in (_gift if kind == "gift" else _aiken)(text, aspects):
        if len(found) >= MAX_ROWS:  # a bank of a whole course is a few hundred questions
            raise ImportFailed([tr("bank.too_many", path=shown, most=MAX_ROWS)])
        found.append(question)
    checked = checked_cards(found, shown, deck_id, tr("bank.none", path=shown, format=kind.upper()),
                            existing=existing)
    return checked, notices + to_complete(checked.cards, shown)


Found = list[tuple[int, dict[str, Any] | str]]  # (line, card or the sentence refusing it)


def _blocks(text: str, aside: Callable[[str], bool] = lambda line: False) -> Iterator[list[tuple[int, str]]]:
    """The file's questions: runs of non-blank lines with their numbers, blank lines between them. A line
    `aside` takes (a comment, a category) belongs to no question."""
    block: list[tuple[int, str]] = []
    for number, raw in enumerate(text.splitlines() + [""], start=1):
        line = raw.rstrip()
        if aside(line):
            continue
        if line.strip():
            block.append((number, line))
        elif block:
            yield block
            block = []


def _question(aspects: Aspects, prompt: str, answers: list[str], right: list[int], explanation: str) -> dict[str, Any]:
    card: dict[str, Any] = {"kind": "question", "aspect": aspects.key(aspects.default or DEFAULT_ASPECT),
                            "prompt": prompt}
    if len(right) > 1:
        card["multiple"] = True
    card["answers"] = [{"text": a, **({"correct": True} if i in right else {})} for i, a in enumerate(answers)]
    card["explanation"] = explanation or TO_COMPLETE
    return card


# -- Aiken: a question line, lettered answers, then ANSWER: X ------------------------------------------

_AIKEN_CHOICE = re.compile(r"^([A-Z])[.)]\s+(.*)$")
_AIKEN_ANSWER = re.compile(r"^ANSWER:\s*([A-Z])\s*$")


def _aiken(text: str, aspects: Aspects) -> Iterator[tuple[int, dict[str, Any] | str]]:
    return (_aiken_block([(n, line.strip()) for n, line in block], aspects) for block in _blocks(text))


def _aiken_block(block: list[tuple[int, str]], aspects: Aspects) -> tuple[int, dict[str, Any] | str]:
    start, prompt = block[0]
    letters, answers = [], []
    for number, line in block[1:-1]:
        choice = _AIKEN_CHOICE.match(line)
        if choice is None:
            return number, tr("bank.aiken_line", line=line)
        letters.append(choice.group(1))
        answers.append(choice.group(2))
    last_line, last = block[-1]
    answer = _AIKEN_ANSWER.match(last)
    if answer is None:
        return last_line, tr("bank.aiken_end")
    if answer.group(1) not in letters:
        return last_line, tr("bank.aiken_letter", answer=answer.group(1), letters=", ".join(letters))
    return start, _question(aspects, prompt, answers, [letters.index(answer.group(1))], "")


# -- GIFT: ::title:: text { =right ~wrong #feedback ####general } ---------------------------------------

_ESCAPED = re.compile(r"\\([~=#{}:\\n])")  # GIFT's escapes, \n a line break
_TITLE = re.compile(r"^::(.*?)::")
_FORMAT = re.compile(r"^\[(markdown|plain|moodle|html)\]")
_TOKEN = re.compile(r"(?<!\\)([~=])")


def _unescape(text: str) -> str:
    return _ESCAPED.sub(lambda m: "\n" if m.group(1) == "n" else m.group(1), text).strip()


def _gift(text: str, aspects: Aspects) -> Iterator[tuple[int, dict[str, Any] | str]]:
    def aside(line: str) -> bool:
        """Comments, and the category that sets the aspect of the questions after it."""
        if line.startswith("$CATEGORY:"):
            category = line.split(":", 1)[1].strip().rstrip("/").split("/")[-1].strip()
            aspects.default = category.replace("$course$", "").strip() or DEFAULT_ASPECT
            return True
        return line.lstrip().startswith("//")

    return (_gift_block(block, aspects) for block in _blocks(text, aside))


def _gift_block(block: list[tuple[int, str]], aspects: Aspects) -> tuple[int, dict[str, Any] | str]:
    start = block[0][0]
    whole = "\n".join(line for _, line in block)
    opening = _unescaped_index(whole, "{")
    closing = _unescaped_index(whole, "}")
    if opening < 0 or closing < opening:
        return start, tr("bank.gift_description")
    if whole[closing + 1:].strip():
        return start, tr("bank.gift_missing_word")
    head = _TITLE.sub("", whole[:opening].strip()).strip()
    markup = _FORMAT.match(head)
    html = bool(markup and markup.group(1) == "html" or re.search(r"<[a-zA-Z/][^>]*>", whole))
    try:
        return start, _gift_question(_FORMAT.sub("", head), whole[opening + 1:closing].strip(), aspects, html)
    except Unshowable as exc:
        return start, tr("bank.gift_html", what=tr(f"bank.html_{exc}"))


def _gift_question(head: str, body: str, aspects: Aspects, html: bool) -> dict[str, Any] | str:
    """A GIFT question's card, or the sentence saying why a card cannot hold it."""
    def text(raw: str) -> str:
        """A piece of the question (prompt, answer, feedback) as a card's text: Moodle marks each piece's
        format (`[html]`) and may write its HTML."""
        plain = _unescape(_FORMAT.sub("", raw.strip()))
        return html_text(plain) if html else plain

    prompt = text(head)
    general = ""
    if "####" in body:
        body, _, general = _unescaped_partition(body, "####")
        general = text(general)
    plain = body.strip()
    if plain.upper() in ("T", "TRUE", "F", "FALSE") or re.match(r"^(T|TRUE|F|FALSE)\s*#", plain, re.I):
        value, _, feedback = _unescaped_partition(plain, "#")
        right = 0 if value.strip().upper() in ("T", "TRUE") else 1
        return _question(aspects, prompt, ["Vrai", "Faux"], [right], general or text(feedback))
    if not plain:
        return tr("bank.gift_essay")
    if plain.startswith("#"):
        return tr("bank.gift_numeric")
    if "->" in plain:
        return tr("bank.gift_matching")
    parts = _TOKEN.split(plain)
    if parts[0].strip():
        return tr("bank.gift_unreadable", text=parts[0].strip())
    answers, right, feedbacks = [], [], []
    for mark, item in zip(parts[1::2], parts[2::2]):
        weight = re.match(r"^%(-?\d+(?:\.\d+)?)%", item.strip())
        written = item.strip()[weight.end():] if weight else item.strip()
        written, _, feedback = _unescaped_partition(written, "#")
        if mark == "=" or (weight and float(weight.group(1)) > 0):
            right.append(len(answers))
            feedbacks.append(text(feedback))
        answers.append(text(written))
    if "~" not in parts:
        return tr("bank.gift_short")
    if not right:
        return tr("bank.gift_no_right")
    explanation = general or " ".join(f for f in feedbacks if f)
    return _question(aspects, prompt, answers, right, explanation)


def _unescaped_partition(text: str, sep: str) -> tuple[str, str, str]:
    """`str.partition` at the first `sep` not escaped by a backslash (Moodle writes `\\#` in `&\\#039;`)."""
    i = _unescaped_index(text, sep)
    return (text, "", "") if i < 0 else (text[:i], sep, text[i + len(sep):])


def _unescaped_index(text: str, char: str) -> int:
    for match in re.finditer(re.escape(char), text):
        if match.start() == 0 or text[match.start() - 1] != "\\":
            return match.start()
    return -1
