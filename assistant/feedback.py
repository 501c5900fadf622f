"""Helpful / not helpful votes on quoted clauses, counted per (document source, clause ref).

The question's text is kept only when the organisation turns on POLICYBOT_STORE_QUESTION_TEXT, and
then encrypted like report text; by default only the counts are kept. Kept, the questions staff found
answered become a question set of the organisation's own (`question_set_from_votes`), to measure answers
with `policybot eval` and to fit the re-ranker's question map with `policybot train-reranker`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from assistant.evaluation import EvalQuestion
from assistant.models import Clause, FeedbackCount, Frozen, Platform, Vote
from assistant.ports import Clock, ReportStore

log = logging.getLogger(__name__)

_SOURCE_MAX = 500
_CLAUSE_REF_MAX = 200
_QUESTION_MAX = 3000


class FeedbackLog:
    def __init__(self, store: ReportStore, clock: Clock, *, store_question_text: bool) -> None:
        self._store = store
        self._clock = clock
        self._store_question_text = store_question_text

    async def record(
        self, platform: Platform, source: str, clause_ref: str, helpful: bool, question: str | None = None
    ) -> None:
        """Count one vote. Values come back from our own buttons, so over-long ones are cut, not refused."""
        kept = question[:_QUESTION_MAX] if (question and self._store_question_text) else None
        await self._store.record_feedback(
            at=self._clock.now(),
            platform=platform,
            source=source[:_SOURCE_MAX],
            clause_ref=clause_ref[:_CLAUSE_REF_MAX],
            helpful=helpful,
            question=kept,
        )
        log.info("feedback on %s: %s", platform, "helpful" if helpful else "not helpful")

    async def counts(self) -> list[FeedbackCount]:
        """Votes per quoted clause, ordered by source then clause."""
        return await self._store.feedback_counts()

    async def votes(self) -> list[Vote]:
        """The votes kept with their question text (while POLICYBOT_STORE_QUESTION_TEXT was on), oldest first."""
        return await self._store.voted_questions()


class VotedQuestionSet(Frozen):
    """Questions staff marked answered, in the eval format, and the votes that could not become one."""

    questions: tuple[EvalQuestion, ...]
    not_helpful: int  # votes saying a clause did not answer: they don't say which clause does
    clause_gone: int  # helpful votes on a clause no longer in the loaded policy (edited or removed since)


def question_set_from_votes(votes: Sequence[Vote], clauses: Sequence[Clause]) -> VotedQuestionSet:
    """Each question with a helpful vote, once, expecting every clause it was voted helpful on that the loaded
    policy still has, quoted whole (its text is a snippet of itself, as the eval format asks)."""
    by_place = {(clause.source, clause.ref): clause for clause in clauses}
    expected: dict[tuple[str, str], list[str]] = {}  # (question, source) -> clause texts, in first-vote order
    not_helpful = clause_gone = 0
    for vote in votes:
        if not vote.helpful:
            not_helpful += 1
            continue
        clause = by_place.get((vote.source, vote.clause_ref))
        if clause is None:
            clause_gone += 1
            continue
        texts = expected.setdefault((vote.question, vote.source), [])
        if clause.text not in texts:
            texts.append(clause.text)
    questions = tuple(
        EvalQuestion(id=f"vote-{number}", question=question, knowledge=source, kind="answer", expect=tuple(texts))
        for number, ((question, source), texts) in enumerate(expected.items(), start=1)
    )
    return VotedQuestionSet(questions=questions, not_helpful=not_helpful, clause_gone=clause_gone)
