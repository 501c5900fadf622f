"""Persistence behind one interface: SQLite (aiosqlite, the default) and PostgreSQL (asyncpg)."""
