"""Helpful / not helpful votes on quoted clauses, counted per (document source, clause ref).

The question's text is kept only when the organisation turns on POLICYBOT_STORE_QUESTION_TEXT, and
then encrypted like report text; by default only the counts are kept.
"""

from __future__ import annotations

import logging

from assistant.models import FeedbackCount, Platform
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

    async def questions(self) -> list[str]:
        """Question text kept while POLICYBOT_STORE_QUESTION_TEXT was on, oldest first."""
        return await self._store.feedback_questions()
