"""A question card: true or false, one right answer, or several."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations
from typing import ClassVar, Literal, Self

from pydantic import (
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
)

from game.content.cardbase import Answer, CardBase, holding, reordered
from game.content.fields import Flag, Text, refuse
from game.content.kinds import (
    Explanation,
    Judgement,
)

# what the validators below refuse, told to the editor too (the schema checks a file as it is typed)
_RIGHT = holding("correct", True)


def _two_right(most: int = 6) -> dict[str, object]:
    """Draft-07 has no `minContains`: « two right answers at least » is « right at two places i < j », one
    position schema per answer (`items` as a list)."""
    return {"anyOf": [{"items": [_RIGHT if k in (i, j) else {} for k in range(j + 1)], "minItems": j + 1}
                      for j in range(most) for i in range(j)]}


QUESTION_RULES = {"allOf": [
    {"properties": {"answers": {"contains": _RIGHT}}},
    {"if": {"properties": {"multiple": {"const": True}}, "required": ["multiple"]},
     "then": {"properties": {"answers": _two_right()}},
     "else": {"properties": {"answers": {"not": _two_right()}}}},
]}


class QuestionCard(CardBase):
    model_config = ConfigDict(json_schema_extra=QUESTION_RULES)

    kind: Literal["question"]
    default_minutes: ClassVar[float] = 1.0
    prompt: Text
    multiple: Flag = False
    answers: list[Answer] = Field(min_length=2, max_length=6)
    explanation: Text
    source: Text | None = None
    shuffle: Flag = True

    @field_validator("answers")
    @classmethod
    def _right_answers(cls, answers: list[Answer], info: ValidationInfo) -> list[Answer]:
        count = sum(a.correct for a in answers)
        if count == 0:
            raise refuse("question.no_correct")
        multiple = info.data.get("multiple", False)
        if count > 1 and not multiple:
            raise refuse("question.single_several", count=count)
        if count == 1 and multiple:
            raise refuse("question.multiple_one")
        return answers

    team_answers: ClassVar[bool] = True
    scores_aspect: ClassVar[bool] = True

    @property
    def several(self) -> bool:
        return self.multiple

    def choice_texts(self) -> tuple[str, ...]:
        return tuple(a.text for a in self.answers)

    def answer_sets(self) -> tuple[tuple[int, ...], ...]:
        n = len(self.answers)
        if self.multiple:
            return tuple(combo for k in range(1, n + 1) for combo in combinations(range(n), k))
        return tuple((i,) for i in range(n))

    def right_choices(self) -> tuple[int, ...]:
        return tuple(i for i, a in enumerate(self.answers) if a.correct)

    def judge(self, choices: Sequence[int]) -> Judgement:
        correct = set(choices) == set(self.right_choices())
        return Judgement(success=correct, points=int(correct), correct=correct)

    def explain(self, choices: Sequence[int]) -> Explanation:
        return Explanation(self.explanation, self.source)

    def orderable(self) -> dict[str, int]:
        if not self.shuffle or true_or_false([a.text for a in self.answers]):
            return {}
        return {"": len(self.answers)}

    def in_order(self, orders: Mapping[str, Sequence[int]]) -> Self:
        return self.model_copy(update={"answers": reordered(self.answers, orders.get(""))}) if orders else self


_PAIRS = ({"vrai", "faux"}, {"true", "false"}, {"oui", "non"}, {"yes", "no"})


def true_or_false(texts: Sequence[str]) -> bool:
    """Two answers that are a yes and a no: they keep the order they are always read in."""
    return len(texts) == 2 and {t.strip().rstrip(".!").lower() for t in texts} in _PAIRS
