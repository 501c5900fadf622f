"""Shared pieces for the report tests: fakes for the ports (notifier, clock) and the two backends.

PostgreSQL tests use the server at 127.0.0.1:5432 (database `test`), each in a schema of its own that
is dropped afterwards, so parallel runs don't collide. When it is unreachable they skip, unless the
CI environment variable is set: then they fail.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import pytest

from assistant.encryption import generate_key
from assistant.errors import DeliveryFailed
from assistant.models import Report, UserRef
from assistant.reports import recipients_from_ids
from assistant.settings import CoreSettings

POSTGRES_SERVER = "postgresql://postgres@127.0.0.1:5432/test"
KEY = generate_key()

LEADS = ("lead-a", "lead-b")
DEPUTIES = ("deputy-c",)
ALTERNATES = ("chair-d",)
RECIPIENTS = recipients_from_ids("console", LEADS, DEPUTIES, ALTERNATES)
LEAD = UserRef(platform="console", user_id="lead-a")
OTHER_LEAD = UserRef(platform="console", user_id="lead-b")
DEPUTY = UserRef(platform="console", user_id="deputy-c")
CHAIR = UserRef(platform="console", user_id="chair-d")
REPORTER = UserRef(platform="console", user_id="amy", display_name="Amy Reporter")
STRANGER = UserRef(platform="console", user_id="someone-else")


def settings_for(database_url: str, **overrides: object) -> CoreSettings:
    """Small backoff and timeouts so retries happen in milliseconds."""
    values: dict[str, object] = {
        "database_url": database_url,
        "report_key": KEY,
        "delivery_retry_base_seconds": 0.01,
        "delivery_retry_max_seconds": 0.05,
        "delivery_timeout_seconds": 0.5,
        "delivery_poll_seconds": 0.05,
    }
    values.update(overrides)
    return CoreSettings(_env_file=None, **values)  # type: ignore[arg-type]


class FakeClock:
    def __init__(self, start: datetime | None = None) -> None:
        self.moment = start or datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += timedelta(**delta)


class RecordingNotifier:
    """A fake of the platform's private delivery: records what reached whom.

    `failures` is a queue of what to do on the next sends (an exception to raise, or "hang").
    """

    def __init__(self) -> None:
        self.reports: list[tuple[str, str, bool]] = []  # (recipient key, reference, escalation)
        self.notices: list[tuple[str, str, str]] = []  # (reporter key, reference, text)
        self.seen_text: list[str] = []
        self.failures: list[BaseException | str] = []
        self.fail_for: dict[str, BaseException] = {}  # recipient key -> raised every time

    async def _maybe_fail(self, recipient: UserRef) -> None:
        if recipient.key in self.fail_for:
            raise self.fail_for[recipient.key]
        if self.failures:
            failure = self.failures.pop(0)
            if failure == "hang":
                await asyncio.Event().wait()
            assert isinstance(failure, BaseException)
            raise failure

    async def send_report(self, recipient: UserRef, report: Report, *, escalation: bool) -> None:
        await self._maybe_fail(recipient)
        self.reports.append((recipient.key, report.reference, escalation))
        self.seen_text.append(report.what_happened)

    async def send_reporter_notice(self, reporter: UserRef, reference: str, notice: str) -> None:
        await self._maybe_fail(reporter)
        self.notices.append((reporter.key, reference, notice))

    def deliveries(self) -> Counter[tuple[str, str]]:
        return Counter((who, ref) for who, ref, escalation in self.reports if not escalation)


RATE_LIMITED = DeliveryFailed("rate limited", retry_after=30.0)


async def eventually(condition: Callable[[], bool], *, within: float = 20.0) -> None:
    """Wait for the worker to get there (a liveness guard, not a speed requirement)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("the delivery worker did not get there")
        await asyncio.sleep(0.01)


async def postgres_connection(server: str = POSTGRES_SERVER) -> asyncpg.Connection:
    try:
        return await asyncpg.connect(server, timeout=5)
    except (OSError, asyncpg.PostgresError, TimeoutError) as error:
        why = f"PostgreSQL is not reachable at {server} ({type(error).__name__}: {error})"
        if os.environ.get("CI"):
            pytest.fail(f"{why}; CI is set, so the PostgreSQL backend must be tested")
        pytest.skip(f"{why}; start one (or set CI to make this a failure)")


@asynccontextmanager
async def postgres_schema() -> AsyncIterator[str]:
    """A database URL pointing at a fresh schema, dropped afterwards."""
    conn = await postgres_connection()
    schema = f"pbtest_{uuid.uuid4().hex[:12]}"
    try:
        yield f"{POSTGRES_SERVER}?schema={schema}"
    finally:
        await conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        await conn.close()


@asynccontextmanager
async def backend(name: str, tmp_path: Path) -> AsyncIterator[str]:
    if name == "sqlite":
        yield f"sqlite:///{tmp_path / 'data' / 'reports.db'}"
    else:
        async with postgres_schema() as url:
            yield url


BACKENDS = ["sqlite", "postgresql"]
