"""What the core needs from outside, as protocols. Implementations are passed in at startup."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from assistant.models import (
    ChronologyEntry,
    DeliveryJob,
    DeliveryProblem,
    FeedbackCount,
    Report,
    ReportDraft,
    ReportStatus,
    ReportSummary,
    UserRef,
    Vote,
)


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware (UTC)."""
        ...


class ReportNotifier(Protocol):
    """Private delivery to people, implemented by each chat platform's adapter.

    Raise `assistant.errors.DeliveryFailed` (with `retry_after` for rate limits) when a
    delivery did not happen; the core retries it with backoff. With `permanent=True` (the
    platform says it can't work as configured, e.g. the lead's DMs are closed to the bot) it is
    retried slowly (POLICYBOT_DELIVERY_PERMANENT_RETRY_MINUTES) and shown to the other recipients
    (`ReportSummary.undelivered_to`, `ReportDesk.delivery_problems`). Any other exception, or no
    answer within POLICYBOT_DELIVERY_TIMEOUT_SECONDS, counts as a transient failure and only its
    type is recorded. Never include report text in the exception.
    """

    async def send_report(self, recipient: UserRef, report: Report, *, escalation: bool) -> None:
        """Deliver the whole report privately (a DM) to one lead or deputy."""
        ...

    async def send_reporter_notice(self, reporter: UserRef, reference: str, notice: str) -> None:
        """Tell the reporter privately that something happened to their report (e.g. acknowledged)."""
        ...


class ReportStore(Protocol):
    """Persistence for reports, their chronology, the delivery outbox and answer feedback.

    Implemented by `assistant.store` (SQLite and PostgreSQL); the only place with SQL. Free text goes
    in and comes out as plain strings; the store encrypts it at rest. Every method that changes more
    than one row does it in one transaction.
    """

    async def close(self) -> None: ...

    async def schema_version(self) -> int: ...

    async def create_report(
        self,
        draft: ReportDraft,
        *,
        created_at: datetime,
        recipients: Sequence[UserRef],
        entry: ChronologyEntry,
    ) -> tuple[str, bool]:
        """Store a report with one delivery job per recipient, in one transaction.

        Allocates the next `SG-<year>-<nnnn>` reference inside that transaction. Returns
        (reference, duplicate): a draft whose (platform, submission_id) was seen before creates
        nothing and returns the first report's reference with duplicate=True.
        """
        ...

    async def load_report(self, reference: str, *, with_chronology: bool = True) -> Report | None: ...

    async def has_access(self, reference: str, user: UserRef) -> bool:
        """Was this report routed to this user (so they may read and work on it)?"""
        ...

    async def update_report(
        self,
        reference: str,
        entries: Sequence[ChronologyEntry],
        *,
        set_status: ReportStatus | None = None,
        require_status: Sequence[ReportStatus] | None = None,
        notify_reporter: str | None = None,
    ) -> bool:
        """Append chronology entries (and change status, and queue a reporter notice) atomically.

        With `require_status`, nothing changes (returns False) unless the report is in one of them.
        """
        ...

    async def list_reports(self, user: UserRef, statuses: Sequence[ReportStatus]) -> list[ReportSummary]:
        """Reports routed to `user` in these statuses, oldest first, with no free text."""
        ...

    async def accessible_references(self, user: UserRef) -> list[str]: ...

    async def claim_deliveries(
        self, platform: str, *, now: datetime, lease_until: datetime, owner: str, limit: int
    ) -> list[DeliveryJob]:
        """Lease due, undelivered jobs for recipients on `platform` (skipping ones another worker holds)."""
        ...

    async def complete_deliveries(self, delivered: Sequence[tuple[DeliveryJob, ChronologyEntry]], *, owner: str) -> int:
        """Mark jobs delivered (those this owner still holds the lease on) and record each in its
        report's chronology, in one transaction. Returns how many were marked."""
        ...

    async def fail_delivery(
        self,
        job: DeliveryJob,
        *,
        owner: str,
        next_attempt_at: datetime,
        permanent: bool,
        error: str,
        entry: ChronologyEntry,
    ) -> None: ...

    async def next_delivery_due(self, platform: str) -> datetime | None: ...

    async def delivery_problems(self, user: UserRef) -> list[DeliveryProblem]:
        """Failing deliveries of reports routed to `user` (so they can make sure it is seen)."""
        ...

    async def overdue_reports(self, platform: str, *, sent_before: datetime, max_rounds: int) -> list[str]:
        """New (unacknowledged) reports from `platform` last sent before `sent_before`."""
        ...

    async def escalate(self, reference: str, *, at: datetime, sent_before: datetime, entry: ChronologyEntry) -> bool:
        """Queue the next escalation round to the report's recipients.

        Does nothing (False) if the report was acknowledged or re-sent since `sent_before`, so two
        workers never escalate the same report twice.
        """
        ...

    async def purge_closed(self, user: UserRef, *, closed_before: datetime) -> int: ...

    async def record_feedback(
        self,
        *,
        at: datetime,
        platform: str,
        source: str,
        clause_ref: str,
        helpful: bool,
        question: str | None,
    ) -> None: ...

    async def feedback_counts(self) -> list[FeedbackCount]: ...

    async def voted_questions(self) -> list[Vote]:
        """The votes kept with their question text (only when the organisation opted in), oldest first."""
        ...
