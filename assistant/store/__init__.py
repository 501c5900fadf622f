"""Persistence behind one interface: SQLite (aiosqlite, the default) and PostgreSQL (asyncpg).

`open_store(database_url, cipher)` picks the backend by the URL's scheme:
`sqlite:///relative/path.db`, `sqlite:////absolute/path.db`, `postgresql://user@host:5432/db[?schema=x]`.
It upgrades the schema in place and checks the report key can read what is already stored.
"""

from __future__ import annotations

from assistant.encryption import ReportCipher
from assistant.errors import StoreError
from assistant.store.postgres import PostgresDatabase
from assistant.store.sqlite import SqliteDatabase
from assistant.store.sqlstore import Database, SqlReportStore

__all__ = ["SqlReportStore", "open_store", "sqlite_path"]

_SQLITE = "sqlite:///"
_POSTGRES = ("postgresql://", "postgres://")


def sqlite_path(database_url: str) -> str | None:
    """The file a `sqlite:///...` URL names (relative after three slashes, absolute after four)."""
    if not database_url.startswith(_SQLITE):
        return None
    path = database_url[len(_SQLITE) :]
    if not path:
        raise StoreError("POLICYBOT_DATABASE_URL: a sqlite URL needs a file, e.g. sqlite:///data/policybot.db")
    return path


async def open_store(database_url: str, cipher: ReportCipher, *, schema_version: int | None = None) -> SqlReportStore:
    """Open (and migrate) the store a URL names. `schema_version` stops at an older version (tests)."""
    db: Database
    path = sqlite_path(database_url)
    if path is not None:
        db = await SqliteDatabase.open(path)
    elif database_url.startswith(_POSTGRES):
        db = await PostgresDatabase.open(database_url)
    else:
        scheme = database_url.split(":", 1)[0] if ":" in database_url else database_url
        raise StoreError(
            f"POLICYBOT_DATABASE_URL: unsupported database {scheme!r}; use sqlite:///path/to/file.db "
            "or postgresql://user@host/dbname"
        )
    store = SqlReportStore(db, cipher)
    try:
        await store.migrate(schema_version)
        await store.check_key()
    except BaseException:
        await store.close()
        raise
    return store
