"""What the core needs from outside, as protocols. Implementations are passed in at startup."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from assistant.models import Report, UserRef


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware (UTC)."""
        ...


class ReportNotifier(Protocol):
    """Private delivery to people, implemented by each chat platform's adapter.

    Raise `assistant.errors.DeliveryFailed` (with `retry_after` for rate limits) when a
    delivery did not happen; the core retries it with backoff. Never include report text in
    the exception.
    """

    async def send_report(self, recipient: UserRef, report: Report, *, escalation: bool) -> None:
        """Deliver the whole report privately (a DM) to one lead or deputy."""
        ...

    async def send_reporter_notice(self, reporter: UserRef, reference: str, notice: str) -> None:
        """Tell the reporter privately that something happened to their report (e.g. acknowledged)."""
        ...
