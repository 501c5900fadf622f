"""The embedded default backend: one SQLite file through aiosqlite, in WAL mode.

One connection per store, used by one coroutine at a time (an asyncio lock around each
transaction). Writes start with BEGIN IMMEDIATE, so two processes sharing the file (or two stores in
one process) take turns instead of failing; `busy_timeout` makes the loser wait rather than error.
`synchronous=FULL`: a report acknowledged to the reporter survives a power cut, not only a crash.
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
from collections.abc import AsyncIterator, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from functools import lru_cache
from pathlib import Path

import aiosqlite

from assistant.errors import StoreError
from assistant.store.sqlstore import Row, Transaction

_PLACEHOLDER = re.compile(r"\$(\d+)")

# version -> statements. Never edit a released version: add the next one.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        "CREATE TABLE key_check (id INTEGER PRIMARY KEY, sealed BLOB NOT NULL)",
        "CREATE TABLE reference_counters (year INTEGER PRIMARY KEY, last INTEGER NOT NULL)",
        """CREATE TABLE reports (
            reference TEXT PRIMARY KEY,
            submission_key TEXT NOT NULL UNIQUE,
            created_at INTEGER NOT NULL,
            status TEXT NOT NULL,
            platform TEXT NOT NULL,
            reporter_id TEXT NOT NULL,
            category TEXT NOT NULL,
            immediate_danger BOOLEAN NOT NULL,
            concerns_recipient TEXT,
            sealed BLOB NOT NULL,
            last_sent_at INTEGER NOT NULL,
            escalations INTEGER NOT NULL DEFAULT 0,
            closed_at INTEGER
        )""",
        "CREATE INDEX reports_open ON reports (platform, status, last_sent_at)",
        """CREATE TABLE chronology (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            reference TEXT NOT NULL REFERENCES reports (reference),
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            sealed_detail BLOB
        )""",
        "CREATE INDEX chronology_report ON chronology (reference, id)",
        """CREATE TABLE deliveries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            reference TEXT NOT NULL REFERENCES reports (reference),
            kind TEXT NOT NULL,
            round INTEGER NOT NULL DEFAULT 0,
            platform TEXT NOT NULL,
            recipient_id TEXT NOT NULL,
            notice TEXT NOT NULL DEFAULT '',
            state TEXT NOT NULL DEFAULT 'pending',
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            lease_owner TEXT,
            lease_until INTEGER,
            permanent_failure BOOLEAN NOT NULL DEFAULT 0,
            last_error TEXT NOT NULL DEFAULT '',
            delivered_at INTEGER,
            UNIQUE (reference, kind, round, platform, recipient_id)
        )""",
        "CREATE INDEX deliveries_due ON deliveries (platform, state, next_attempt_at)",
        "CREATE INDEX deliveries_recipient ON deliveries (platform, recipient_id, kind, round)",
    ),
    2: (
        """CREATE TABLE feedback (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at INTEGER NOT NULL,
            platform TEXT NOT NULL,
            source TEXT NOT NULL,
            clause_ref TEXT NOT NULL,
            helpful BOOLEAN NOT NULL,
            sealed_question BLOB
        )""",
        "CREATE INDEX feedback_clause ON feedback (source, clause_ref)",
    ),
}


async def _switch_to_wal(conn: aiosqlite.Connection) -> None:
    """WAL mode, waiting out another process or store that is switching the same new file at once.

    SQLite answers "database is locked" to a journal-mode change without consulting the busy
    timeout, so the wait is ours: a few seconds at most, then the error stands.
    """
    for attempt in range(50):
        try:
            await conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or attempt == 49:
                raise
            await asyncio.sleep(0.1)


def _check_opens(path: str) -> None:
    sqlite3.connect(path).close()


@lru_cache(maxsize=256)
def _to_sqlite(sql: str) -> str:
    """`$1` (PostgreSQL) -> `?1` (SQLite's numbered parameter)."""
    return _PLACEHOLDER.sub(r"?\1", sql)


class _SqliteTransaction:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    async def execute(self, sql: str, *args: object) -> None:
        await self._conn.execute(_to_sqlite(sql), args)

    async def fetch(self, sql: str, *args: object) -> Sequence[Row]:
        rows = await self._conn.execute_fetchall(_to_sqlite(sql), args)
        return list(rows)  # type: ignore[arg-type]  # aiosqlite.Row is a mapping by column name

    async def fetchrow(self, sql: str, *args: object) -> Row | None:
        rows = await self.fetch(sql, *args)
        return rows[0] if rows else None


class SqliteDatabase:
    skip_locked = ""  # BEGIN IMMEDIATE already makes the claim exclusive
    row_lock = ""
    migrations = MIGRATIONS

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn
        self._lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: str) -> SqliteDatabase:
        try:
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            # Open it once plainly first: a failed aiosqlite.connect leaves its worker thread
            # reporting to a loop that may be gone; this way the error is ours and clear.
            await asyncio.to_thread(_check_opens, path)
        except (OSError, sqlite3.Error) as error:
            raise StoreError(f"POLICYBOT_DATABASE_URL: can't open the SQLite file {path}: {error}") from None
        conn = await aiosqlite.connect(path, isolation_level=None)
        conn.row_factory = aiosqlite.Row
        try:
            await conn.execute("PRAGMA busy_timeout=10000")
            await _switch_to_wal(conn)
            for pragma in ("PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"):
                await conn.execute(pragma)
        except BaseException:
            await conn.close()
            raise
        return cls(conn)

    @asynccontextmanager
    async def transaction(self, *, readonly: bool = False) -> AsyncIterator[Transaction]:
        async with self._lock:
            await self._conn.execute("BEGIN" if readonly else "BEGIN IMMEDIATE")
            try:
                yield _SqliteTransaction(self._conn)
            except BaseException:
                await asyncio.shield(self._conn.execute("ROLLBACK"))
                raise
            await self._conn.execute("COMMIT")

    def migration_transaction(self) -> AbstractAsyncContextManager[Transaction]:
        return self.transaction()

    async def close(self) -> None:
        await self._conn.close()
