"""The report store's SQL, written once for both backends.

Statements use PostgreSQL's `$1` placeholders; the SQLite backend renumbers them to `?1`. Times are
stored as integer microseconds since the Unix epoch (UTC), so they compare and round-trip exactly on
both backends. Free text is sealed with `ReportCipher` before it reaches a statement.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from assistant.encryption import ReportCipher
from assistant.models import (
    ChronologyEntry,
    DeliveryJob,
    DeliveryKind,
    DeliveryProblem,
    FeedbackCount,
    Platform,
    Report,
    ReportCategory,
    ReportDraft,
    ReportStatus,
    ReportSummary,
    UserRef,
    Vote,
)

Row = Mapping[str, Any]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
_KEY_CHECK = "policybot key check"


def to_micros(moment: datetime) -> int:
    return (moment - _EPOCH) // _MICROSECOND


def from_micros(value: int) -> datetime:
    return _EPOCH + timedelta(microseconds=int(value))


class Transaction(Protocol):
    async def execute(self, sql: str, *args: object) -> None: ...

    async def fetch(self, sql: str, *args: object) -> Sequence[Row]: ...

    async def fetchrow(self, sql: str, *args: object) -> Row | None: ...


class Database(Protocol):
    """One backend's connection(s): transactions and the few statements that differ by dialect."""

    skip_locked: str  # appended to the claim query's row selection ("FOR UPDATE SKIP LOCKED")
    row_lock: str  # appended to a select that is followed by an update of that row ("FOR UPDATE")

    @property
    def migrations(self) -> Mapping[int, Sequence[str]]:
        """version -> DDL statements, applied in order by `SqlReportStore.migrate`."""
        ...

    def transaction(self, *, readonly: bool = False) -> AbstractAsyncContextManager[Transaction]: ...

    def migration_transaction(self) -> AbstractAsyncContextManager[Transaction]: ...

    async def close(self) -> None: ...


class _Duplicate(Exception):
    """Raised inside a transaction to roll it back when the submission already exists."""


def _report_context(reference: str) -> str:
    return f"report:{reference}"


def _chronology_context(reference: str) -> str:
    return f"chronology:{reference}"


def _routed(alias: str) -> str:
    """The condition picking a report's first-round delivery rows: who it was routed to."""
    return f"{alias}.kind = 'report' AND {alias}.round = 0"


class SqlReportStore:
    """`ports.ReportStore` over a `Database`."""

    def __init__(self, db: Database, cipher: ReportCipher) -> None:
        self._db = db
        self._cipher = cipher

    # --- lifecycle -----------------------------------------------------------------------------

    async def migrate(self, target: int | None = None) -> int:
        """Bring the schema up to `target` (default: the newest), in place, in one transaction."""
        newest = max(self._db.migrations)
        target = newest if target is None else target
        async with self._db.migration_transaction() as tx:
            await tx.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at BIGINT NOT NULL)"
            )
            row = await tx.fetchrow("SELECT MAX(version) AS version FROM schema_version")
            current = int(row["version"]) if row and row["version"] is not None else 0
            for version in sorted(self._db.migrations):
                if current < version <= target:
                    for statement in self._db.migrations[version]:
                        await tx.execute(statement)
                    await tx.execute(
                        "INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)",
                        version,
                        to_micros(datetime.now(UTC)),
                    )
                    current = version
        return current

    async def check_key(self) -> None:
        """Fail at startup, not at the first report, if the configured key can't read this store."""
        async with self._db.transaction() as tx:
            row = await tx.fetchrow("SELECT sealed FROM key_check WHERE id = 1")
            if row is None:
                await tx.execute(
                    "INSERT INTO key_check (id, sealed) VALUES (1, $1) ON CONFLICT (id) DO NOTHING",
                    self._cipher.seal(_KEY_CHECK, "key-check"),
                )
                return
        self._cipher.open(bytes(row["sealed"]), "key-check")  # raises WrongReportKey

    async def close(self) -> None:
        await self._db.close()

    async def schema_version(self) -> int:
        async with self._db.transaction(readonly=True) as tx:
            row = await tx.fetchrow("SELECT MAX(version) AS version FROM schema_version")
        return int(row["version"]) if row and row["version"] is not None else 0

    # --- reports -------------------------------------------------------------------------------

    async def create_report(
        self,
        draft: ReportDraft,
        *,
        created_at: datetime,
        recipients: Sequence[UserRef],
        entry: ChronologyEntry,
    ) -> tuple[str, bool]:
        submission_key = f"{draft.reporter.platform}:{draft.submission_id}"
        try:
            async with self._db.transaction() as tx:
                existing = await tx.fetchrow("SELECT reference FROM reports WHERE submission_key = $1", submission_key)
                if existing is not None:
                    return str(existing["reference"]), True
                year = created_at.astimezone(UTC).year
                counter = await tx.fetchrow(
                    "INSERT INTO reference_counters (year, last) VALUES ($1, 1) "
                    "ON CONFLICT (year) DO UPDATE SET last = reference_counters.last + 1 RETURNING last",
                    year,
                )
                assert counter is not None
                reference = f"SG-{year}-{int(counter['last']):04d}"
                sealed = self._cipher.seal(
                    json.dumps(
                        {
                            "what_happened": draft.what_happened,
                            "who": draft.who,
                            "when_where": draft.when_where,
                            "evidence": draft.evidence,
                            "reporter_name": draft.reporter.display_name,
                        }
                    ),
                    _report_context(reference),
                )
                at = to_micros(created_at)
                inserted = await tx.fetchrow(
                    "INSERT INTO reports (reference, submission_key, created_at, status, platform,"
                    " reporter_id, category, immediate_danger, concerns_recipient, sealed, last_sent_at)"
                    " VALUES ($1, $2, $3, 'new', $4, $5, $6, $7, $8, $9, $3)"
                    " ON CONFLICT (submission_key) DO NOTHING RETURNING reference",
                    reference,
                    submission_key,
                    at,
                    draft.reporter.platform,
                    draft.reporter.user_id,
                    draft.category.value,
                    draft.immediate_danger,
                    draft.concerns_recipient,
                    sealed,
                )
                if inserted is None:  # the same submission committed concurrently
                    raise _Duplicate
                for recipient in recipients:
                    await tx.execute(
                        "INSERT INTO deliveries (reference, kind, round, platform, recipient_id,"
                        " next_attempt_at) VALUES ($1, 'report', 0, $2, $3, $4)",
                        reference,
                        recipient.platform,
                        recipient.user_id,
                        at,
                    )
                await self._append(tx, reference, entry)
                return reference, False
        except _Duplicate:
            async with self._db.transaction(readonly=True) as tx:
                existing = await tx.fetchrow("SELECT reference FROM reports WHERE submission_key = $1", submission_key)
            assert existing is not None
            return str(existing["reference"]), True

    async def _append(self, tx: Transaction, reference: str, entry: ChronologyEntry) -> None:
        sealed = self._cipher.seal(entry.detail, _chronology_context(reference)) if entry.detail else None
        await tx.execute(
            "INSERT INTO chronology (reference, at, actor, action, sealed_detail) VALUES ($1, $2, $3, $4, $5)",
            reference,
            to_micros(entry.at),
            entry.actor,
            entry.action,
            sealed,
        )

    async def load_report(self, reference: str, *, with_chronology: bool = True) -> Report | None:
        async with self._db.transaction(readonly=True) as tx:
            row = await tx.fetchrow("SELECT * FROM reports WHERE reference = $1", reference)
            if row is None:
                return None
            entries: Sequence[Row] = ()
            if with_chronology:
                entries = await tx.fetch(
                    "SELECT at, actor, action, sealed_detail FROM chronology WHERE reference = $1 ORDER BY id",
                    reference,
                )
        text = json.loads(self._cipher.open(bytes(row["sealed"]), _report_context(reference)))
        return Report(
            reference=reference,
            created_at=from_micros(row["created_at"]),
            status=ReportStatus(row["status"]),
            reporter=UserRef(
                platform=_platform(row["platform"]),
                user_id=row["reporter_id"],
                display_name=text["reporter_name"],
            ),
            what_happened=text["what_happened"],
            who=text["who"],
            when_where=text["when_where"],
            category=ReportCategory(row["category"]),
            immediate_danger=bool(row["immediate_danger"]),
            evidence=text["evidence"],
            concerns_recipient=row["concerns_recipient"],
            chronology=tuple(
                ChronologyEntry(
                    at=from_micros(e["at"]),
                    actor=e["actor"],
                    action=e["action"],
                    detail=(
                        self._cipher.open(bytes(e["sealed_detail"]), _chronology_context(reference))
                        if e["sealed_detail"] is not None
                        else ""
                    ),
                )
                for e in entries
            ),
        )

    async def has_access(self, reference: str, user: UserRef) -> bool:
        async with self._db.transaction(readonly=True) as tx:
            row = await tx.fetchrow(
                f"SELECT 1 AS yes FROM deliveries d WHERE d.reference = $1 AND {_routed('d')}"
                " AND d.platform = $2 AND d.recipient_id = $3",
                reference,
                user.platform,
                user.user_id,
            )
        return row is not None

    async def update_report(
        self,
        reference: str,
        entries: Sequence[ChronologyEntry],
        *,
        set_status: ReportStatus | None = None,
        require_status: Sequence[ReportStatus] | None = None,
        notify_reporter: str | None = None,
    ) -> bool:
        async with self._db.transaction() as tx:
            row = await tx.fetchrow(f"SELECT status FROM reports WHERE reference = $1 {self._db.row_lock}", reference)
            if row is None:
                return False
            if require_status is not None and ReportStatus(row["status"]) not in require_status:
                return False
            now = to_micros(entries[-1].at) if entries else to_micros(datetime.now(UTC))
            if set_status is not None:
                await tx.execute(
                    "UPDATE reports SET status = $1, closed_at = COALESCE($2, closed_at) WHERE reference = $3",
                    set_status.value,
                    now if set_status is ReportStatus.CLOSED else None,
                    reference,
                )
            for entry in entries:
                await self._append(tx, reference, entry)
            if notify_reporter is not None:
                await tx.execute(
                    "INSERT INTO deliveries"
                    " (reference, kind, round, platform, recipient_id, notice, next_attempt_at)"
                    " SELECT reference, 'notice',"
                    " (SELECT COUNT(*) FROM deliveries WHERE reference = $1 AND kind = 'notice'),"
                    " platform, reporter_id, $2, $3 FROM reports WHERE reference = $1",
                    reference,
                    notify_reporter,
                    now,
                )
        return True

    async def list_reports(self, user: UserRef, statuses: Sequence[ReportStatus]) -> list[ReportSummary]:
        wanted = ", ".join(f"'{ReportStatus(status).value}'" for status in statuses) or "''"
        async with self._db.transaction(readonly=True) as tx:
            rows = await tx.fetch(
                "SELECT r.reference, r.created_at, r.status, r.category, r.immediate_danger"
                " FROM reports r JOIN deliveries mine ON mine.reference = r.reference"
                f" AND {_routed('mine')} AND mine.platform = $1 AND mine.recipient_id = $2"
                f" WHERE r.status IN ({wanted}) ORDER BY r.created_at, r.reference",
                user.platform,
                user.user_id,
            )
            failing = await tx.fetch(
                "SELECT d.reference, d.platform, d.recipient_id FROM deliveries d"
                " JOIN deliveries mine ON mine.reference = d.reference"
                f" AND {_routed('mine')} AND mine.platform = $1 AND mine.recipient_id = $2"
                " WHERE d.state = 'pending' AND d.permanent_failure AND d.kind <> 'notice' ORDER BY d.id",
                user.platform,
                user.user_id,
            )
        undelivered: dict[str, list[str]] = {}
        for row in failing:
            who = f"{row['platform']}:{row['recipient_id']}"
            if who not in undelivered.setdefault(row["reference"], []):
                undelivered[row["reference"]].append(who)
        return [
            ReportSummary(
                reference=row["reference"],
                created_at=from_micros(row["created_at"]),
                status=ReportStatus(row["status"]),
                category=ReportCategory(row["category"]),
                immediate_danger=bool(row["immediate_danger"]),
                undelivered_to=tuple(undelivered.get(row["reference"], ())),
            )
            for row in rows
        ]

    async def accessible_references(self, user: UserRef) -> list[str]:
        async with self._db.transaction(readonly=True) as tx:
            rows = await tx.fetch(
                "SELECT r.reference FROM reports r JOIN deliveries mine ON mine.reference = r.reference"
                f" AND {_routed('mine')} AND mine.platform = $1 AND mine.recipient_id = $2"
                " ORDER BY r.created_at, r.reference",
                user.platform,
                user.user_id,
            )
        return [str(row["reference"]) for row in rows]

    # --- the outbox ----------------------------------------------------------------------------

    async def claim_deliveries(
        self, platform: str, *, now: datetime, lease_until: datetime, owner: str, limit: int
    ) -> list[DeliveryJob]:
        async with self._db.transaction() as tx:
            rows = await tx.fetch(
                "UPDATE deliveries SET lease_owner = $1, lease_until = $2, attempts = attempts + 1"
                " WHERE id IN (SELECT id FROM deliveries WHERE platform = $3 AND state = 'pending'"
                " AND next_attempt_at <= $4 AND (lease_until IS NULL OR lease_until < $4)"
                f" ORDER BY next_attempt_at, id LIMIT $5 {self._db.skip_locked})"
                " RETURNING id, reference, kind, round, platform, recipient_id, notice, attempts",
                owner,
                to_micros(lease_until),
                platform,
                to_micros(now),
                limit,
            )
        jobs = [
            DeliveryJob(
                id=row["id"],
                reference=row["reference"],
                kind=DeliveryKind(row["kind"]),
                round=row["round"],
                recipient=UserRef(platform=_platform(row["platform"]), user_id=row["recipient_id"]),
                notice=row["notice"],
                attempts=row["attempts"],
            )
            for row in rows
        ]
        return sorted(jobs, key=lambda job: job.id)

    async def complete_deliveries(self, delivered: Sequence[tuple[DeliveryJob, ChronologyEntry]], *, owner: str) -> int:
        marked = 0
        async with self._db.transaction() as tx:
            for job, entry in delivered:
                row = await tx.fetchrow(
                    "UPDATE deliveries SET state = 'delivered', delivered_at = $1, lease_owner = NULL,"
                    " lease_until = NULL WHERE id = $2 AND lease_owner = $3 AND state = 'pending' RETURNING id",
                    to_micros(entry.at),
                    job.id,
                    owner,
                )
                if row is not None:
                    await self._append(tx, job.reference, entry)
                    marked += 1
        return marked

    async def fail_delivery(
        self,
        job: DeliveryJob,
        *,
        owner: str,
        next_attempt_at: datetime,
        permanent: bool,
        error: str,
        entry: ChronologyEntry,
    ) -> None:
        async with self._db.transaction() as tx:
            row = await tx.fetchrow(
                "UPDATE deliveries SET next_attempt_at = $1, lease_owner = NULL, lease_until = NULL,"
                " permanent_failure = $2, last_error = $3"
                " WHERE id = $4 AND lease_owner = $5 AND state = 'pending' RETURNING id",
                to_micros(next_attempt_at),
                permanent,
                error,
                job.id,
                owner,
            )
            if row is not None:
                await self._append(tx, job.reference, entry)

    async def next_delivery_due(self, platform: str) -> datetime | None:
        async with self._db.transaction(readonly=True) as tx:
            row = await tx.fetchrow(
                "SELECT MIN(CASE WHEN lease_until IS NOT NULL AND lease_until > next_attempt_at"
                " THEN lease_until ELSE next_attempt_at END) AS due"
                " FROM deliveries WHERE platform = $1 AND state = 'pending'",
                platform,
            )
        if row is None or row["due"] is None:
            return None
        return from_micros(row["due"])

    async def delivery_problems(self, user: UserRef) -> list[DeliveryProblem]:
        async with self._db.transaction(readonly=True) as tx:
            rows = await tx.fetch(
                "SELECT d.reference, d.platform, d.recipient_id, d.kind, d.attempts, d.permanent_failure,"
                " d.last_error, d.next_attempt_at FROM deliveries d"
                " JOIN deliveries mine ON mine.reference = d.reference"
                f" AND {_routed('mine')} AND mine.platform = $1 AND mine.recipient_id = $2"
                " WHERE d.state = 'pending' AND d.last_error <> '' ORDER BY d.reference, d.id",
                user.platform,
                user.user_id,
            )
        return [
            DeliveryProblem(
                reference=row["reference"],
                recipient=f"{row['platform']}:{row['recipient_id']}",
                kind=DeliveryKind(row["kind"]),
                attempts=row["attempts"],
                permanent=bool(row["permanent_failure"]),
                last_error=row["last_error"],
                next_attempt_at=from_micros(row["next_attempt_at"]),
            )
            for row in rows
        ]

    async def overdue_reports(self, platform: str, *, sent_before: datetime, max_rounds: int) -> list[str]:
        async with self._db.transaction(readonly=True) as tx:
            rows = await tx.fetch(
                "SELECT reference FROM reports WHERE platform = $1 AND status = 'new'"
                " AND last_sent_at < $2 AND escalations < $3 ORDER BY created_at",
                platform,
                to_micros(sent_before),
                max_rounds,
            )
        return [str(row["reference"]) for row in rows]

    async def escalate(self, reference: str, *, at: datetime, sent_before: datetime, entry: ChronologyEntry) -> bool:
        async with self._db.transaction() as tx:
            row = await tx.fetchrow(
                "UPDATE reports SET escalations = escalations + 1, last_sent_at = $1"
                " WHERE reference = $2 AND status = 'new' AND last_sent_at < $3 RETURNING escalations",
                to_micros(at),
                reference,
                to_micros(sent_before),
            )
            if row is None:
                return False
            await tx.execute(
                "INSERT INTO deliveries (reference, kind, round, platform, recipient_id, next_attempt_at)"
                " SELECT d.reference, 'escalation', $1, d.platform, d.recipient_id, $2 FROM deliveries d"
                f" WHERE d.reference = $3 AND {_routed('d')}",
                int(row["escalations"]),
                to_micros(at),
                reference,
            )
            await self._append(tx, reference, entry)
        return True

    async def purge_closed(self, user: UserRef, *, closed_before: datetime) -> int:
        async with self._db.transaction() as tx:
            rows = await tx.fetch(
                "SELECT r.reference FROM reports r JOIN deliveries mine ON mine.reference = r.reference"
                f" AND {_routed('mine')} AND mine.platform = $1 AND mine.recipient_id = $2"
                " WHERE r.status = 'closed' AND r.closed_at < $3",
                user.platform,
                user.user_id,
                to_micros(closed_before),
            )
            for row in rows:
                for table in ("chronology", "deliveries", "reports"):
                    await tx.execute(f"DELETE FROM {table} WHERE reference = $1", row["reference"])
        return len(rows)

    # --- answer feedback -----------------------------------------------------------------------

    async def record_feedback(
        self,
        *,
        at: datetime,
        platform: str,
        source: str,
        clause_ref: str,
        helpful: bool,
        question: str | None,
    ) -> None:
        sealed = self._cipher.seal(question, "feedback") if question else None
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT INTO feedback (at, platform, source, clause_ref, helpful, sealed_question)"
                " VALUES ($1, $2, $3, $4, $5, $6)",
                to_micros(at),
                platform,
                source,
                clause_ref,
                helpful,
                sealed,
            )

    async def feedback_counts(self) -> list[FeedbackCount]:
        async with self._db.transaction(readonly=True) as tx:
            rows = await tx.fetch(
                "SELECT source, clause_ref, SUM(CASE WHEN helpful THEN 1 ELSE 0 END) AS yes,"
                " SUM(CASE WHEN helpful THEN 0 ELSE 1 END) AS no"
                " FROM feedback GROUP BY source, clause_ref ORDER BY source, clause_ref"
            )
        return [
            FeedbackCount(
                source=row["source"],
                clause_ref=row["clause_ref"],
                helpful=int(row["yes"]),
                not_helpful=int(row["no"]),
            )
            for row in rows
        ]

    async def voted_questions(self) -> list[Vote]:
        """The votes kept with their opted-in question text; empty when none was stored."""
        async with self._db.transaction(readonly=True) as tx:
            rows = await tx.fetch(
                "SELECT source, clause_ref, helpful, sealed_question FROM feedback"
                " WHERE sealed_question IS NOT NULL ORDER BY id"
            )
        return [
            Vote(
                question=self._cipher.open(bytes(row["sealed_question"]), "feedback"),
                source=row["source"],
                clause_ref=row["clause_ref"],
                helpful=bool(row["helpful"]),
            )
            for row in rows
        ]


def _platform(value: str) -> Platform:
    if value == "slack":
        return "slack"
    if value == "discord":
        return "discord"
    return "console"
