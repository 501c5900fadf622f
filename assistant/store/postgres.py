"""The hosted backend: PostgreSQL through an asyncpg pool.

For a host whose disk is not kept (a Procfile/Heroku-style dyno) or several bot processes sharing one
store. Delivery workers claim outbox rows with `FOR UPDATE SKIP LOCKED`, so two workers never take the
same job. `?schema=NAME` in the URL keeps policybot's tables in their own schema.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import asyncpg

from assistant.errors import StoreError
from assistant.store.sqlstore import Row, Transaction

_SCHEMA_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
_MIGRATION_LOCK = 0x706F6C6963  # pg_advisory_xact_lock key: one migrator at a time

MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        "CREATE TABLE key_check (id INTEGER PRIMARY KEY, sealed BYTEA NOT NULL)",
        "CREATE TABLE reference_counters (year INTEGER PRIMARY KEY, last INTEGER NOT NULL)",
        """CREATE TABLE reports (
            reference TEXT PRIMARY KEY,
            submission_key TEXT NOT NULL UNIQUE,
            created_at BIGINT NOT NULL,
            status TEXT NOT NULL,
            platform TEXT NOT NULL,
            reporter_id TEXT NOT NULL,
            category TEXT NOT NULL,
            immediate_danger BOOLEAN NOT NULL,
            concerns_recipient TEXT,
            sealed BYTEA NOT NULL,
            last_sent_at BIGINT NOT NULL,
            escalations INTEGER NOT NULL DEFAULT 0,
            closed_at BIGINT
        )""",
        "CREATE INDEX reports_open ON reports (platform, status, last_sent_at)",
        """CREATE TABLE chronology (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            reference TEXT NOT NULL REFERENCES reports (reference),
            at BIGINT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            sealed_detail BYTEA
        )""",
        "CREATE INDEX chronology_report ON chronology (reference, id)",
        """CREATE TABLE deliveries (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            reference TEXT NOT NULL REFERENCES reports (reference),
            kind TEXT NOT NULL,
            round INTEGER NOT NULL DEFAULT 0,
            platform TEXT NOT NULL,
            recipient_id TEXT NOT NULL,
            notice TEXT NOT NULL DEFAULT '',
            state TEXT NOT NULL DEFAULT 'pending',
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at BIGINT NOT NULL,
            lease_owner TEXT,
            lease_until BIGINT,
            permanent_failure BOOLEAN NOT NULL DEFAULT FALSE,
            last_error TEXT NOT NULL DEFAULT '',
            delivered_at BIGINT,
            UNIQUE (reference, kind, round, platform, recipient_id)
        )""",
        "CREATE INDEX deliveries_due ON deliveries (platform, state, next_attempt_at)",
        "CREATE INDEX deliveries_recipient ON deliveries (platform, recipient_id, kind, round)",
    ),
    2: (
        """CREATE TABLE feedback (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at BIGINT NOT NULL,
            platform TEXT NOT NULL,
            source TEXT NOT NULL,
            clause_ref TEXT NOT NULL,
            helpful BOOLEAN NOT NULL,
            sealed_question BYTEA
        )""",
        "CREATE INDEX feedback_clause ON feedback (source, clause_ref)",
    ),
}


def split_schema(url: str) -> tuple[str, str]:
    """`postgresql://...?schema=x` -> (the URL asyncpg understands, "x"); default schema "public"."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = next((value for key, value in query if key == "schema"), "public")
    if not _SCHEMA_NAME.fullmatch(schema):
        raise StoreError(
            "POLICYBOT_DATABASE_URL: schema must be lower-case letters, digits and underscores, "
            f"starting with a letter (got {schema!r})"
        )
    rest = urlencode([(key, value) for key, value in query if key != "schema"])
    return urlunsplit(parts._replace(query=rest)), schema


class _PostgresTransaction:
    def __init__(self, conn: asyncpg.Connection) -> None:
        self._conn = conn

    async def execute(self, sql: str, *args: object) -> None:
        await self._conn.execute(sql, *args)

    async def fetch(self, sql: str, *args: object) -> Sequence[Row]:
        rows: list[Row] = await self._conn.fetch(sql, *args)
        return rows

    async def fetchrow(self, sql: str, *args: object) -> Row | None:
        row: Row | None = await self._conn.fetchrow(sql, *args)
        return row


class PostgresDatabase:
    skip_locked = "FOR UPDATE SKIP LOCKED"
    row_lock = "FOR UPDATE"
    migrations = MIGRATIONS

    def __init__(self, pool: asyncpg.Pool, schema: str) -> None:
        self._pool = pool
        self.schema = schema

    @classmethod
    async def open(cls, url: str, *, max_connections: int = 10) -> PostgresDatabase:
        dsn, schema = split_schema(url)
        conn = await asyncpg.connect(dsn)
        try:
            await conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
        except asyncpg.UniqueViolationError:
            pass  # another process created it at the same moment
        finally:
            await conn.close()
        pool = await asyncpg.create_pool(
            dsn, min_size=1, max_size=max_connections, server_settings={"search_path": schema}
        )
        return cls(pool, schema)

    @asynccontextmanager
    async def transaction(self, *, readonly: bool = False) -> AsyncIterator[Transaction]:
        async with self._pool.acquire() as conn, conn.transaction(readonly=readonly):
            yield _PostgresTransaction(conn)

    @asynccontextmanager
    async def _migration(self) -> AsyncIterator[Transaction]:
        async with self._pool.acquire() as conn, conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock($1)", _MIGRATION_LOCK)
            yield _PostgresTransaction(conn)

    def migration_transaction(self) -> AbstractAsyncContextManager[Transaction]:
        return self._migration()

    async def close(self) -> None:
        await self._pool.close()
