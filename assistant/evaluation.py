"""Measure answers against a question set (the format of shared/eval/README.md). Pure scoring.

A hit matches a snippet when the snippet occurs in the hit's text after lower-casing both and
collapsing whitespace; a hit longer than 1,500 characters counts as a miss.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Literal

from pydantic import Field, ValidationError

from assistant.models import Answer, AnswerStatus, Frozen

MAX_HIT_CHARS = 1500


class EvalQuestion(Frozen):
    id: str
    question: str
    knowledge: str
    kind: Literal["answer", "none", "concern"]
    expect: tuple[str, ...] = Field(default=())


def parse_questions(lines: list[str], source: str) -> list[EvalQuestion]:
    questions = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            questions.append(EvalQuestion.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError) as err:
            first = str(err).splitlines()[0]
            raise ValueError(f"{source}:{number}: not a valid question line ({first})") from None
    return questions


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def hit_matches(text: str, expect: tuple[str, ...]) -> bool:
    if len(text) > MAX_HIT_CHARS:
        return False
    haystack = _norm(text)
    return any(_norm(snippet) in haystack for snippet in expect)


@dataclass
class Outcome:
    question: EvalQuestion
    answer: Answer

    @property
    def top1(self) -> bool:
        hits = self.answer.hits
        return (
            self.answer.status is AnswerStatus.ANSWERED
            and bool(hits)
            and hit_matches(hits[0].clause.quote, self.question.expect)
        )

    @property
    def in_top3(self) -> bool:
        return any(hit_matches(h.clause.quote, self.question.expect) for h in self.answer.hits[:3])

    @property
    def passed(self) -> bool:
        kind = self.question.kind
        if kind == "answer":
            return self.top1
        if kind == "none":
            return self.answer.status is AnswerStatus.NO_MATCH
        return self.answer.status is AnswerStatus.CONCERN and self.in_top3


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def _share(self, numerator: int, denominator: int) -> float | None:
        return numerator / denominator if denominator else None

    def figures(self) -> dict[str, float | None]:
        answers = [o for o in self.outcomes if o.question.kind == "answer"]
        nones = [o for o in self.outcomes if o.question.kind == "none"]
        concerns = [o for o in self.outcomes if o.question.kind == "concern"]
        said_none = [o for o in self.outcomes if o.answer.status is AnswerStatus.NO_MATCH]
        return {
            "top1_accuracy": self._share(sum(o.top1 for o in answers), len(answers)),
            "recall_at_3": self._share(sum(o.in_top3 for o in answers + concerns), len(answers + concerns)),
            "no_match_precision": self._share(sum(o.question.kind == "none" for o in said_none), len(said_none)),
            "no_match_recall": self._share(sum(o.answer.status is AnswerStatus.NO_MATCH for o in nones), len(nones)),
            "concern_detection": self._share(
                sum(o.answer.status is AnswerStatus.CONCERN for o in concerns), len(concerns)
            ),
            "false_concerns": self._share(sum(o.answer.status is AnswerStatus.CONCERN for o in answers), len(answers)),
        }

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.passed]
