"""The composition root: builds the core from settings, and owns what must be closed.

The policy-answering core is built by `assistant.answers.build_advisor(settings)`, apart from this
module so that the command line loads it without the report store.

`open_report_desk(settings, recipients, notifier)` is what every adapter uses for reports (and for
answer feedback, as `desk.feedback`):

    async with open_report_desk(settings, recipients, notifier) as desk:
        receipt = await desk.submit(draft)
        await desk.feedback.record("slack", source, clause_ref, helpful=True)
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

from assistant.encryption import cipher_from_settings
from assistant.models import Recipients
from assistant.ports import Clock, ReportNotifier
from assistant.reports import ReportDesk
from assistant.settings import CoreSettings
from assistant.store import open_store


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


@asynccontextmanager
async def open_report_desk(
    settings: CoreSettings,
    recipients: Recipients,
    notifier: ReportNotifier,
    clock: Clock | None = None,
    *,
    run_worker: bool = True,
) -> AsyncIterator[ReportDesk]:
    """Open the store (migrating it in place), start the outbox worker, and close both on exit.

    Raises `ConfigurationError` (with how to fix it) when POLICYBOT_REPORT_KEY is missing or
    invalid, or the database URL is malformed. `run_worker=False` leaves delivery to explicit
    `desk.outbox.deliver_due()` calls (the one-shot console commands).
    """
    cipher = cipher_from_settings(settings)
    store = await open_store(settings.database_url, cipher)
    try:
        desk = ReportDesk(store, recipients, notifier, settings, clock or SystemClock())
        if run_worker:
            desk.start()
        try:
            yield desk
        finally:
            await desk.stop()
    finally:
        await store.close()
