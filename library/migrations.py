"""Schema of the catalogue, as an ordered list of migrations.

The database's ``PRAGMA user_version`` is the number of migrations applied.
Append new steps at the end; never edit a released one.
"""

from __future__ import annotations

import sqlite3

from library.errors import CatalogueError

MIGRATIONS: tuple[str, ...] = (
    # 1: the FRBR records, ingest log, audit trail and users.
    """
    CREATE TABLE files (
        sha256        TEXT PRIMARY KEY,
        format        TEXT NOT NULL,
        bytes         INTEGER NOT NULL,
        pages         INTEGER,
        source_url    TEXT NOT NULL DEFAULT '',
        original_name TEXT NOT NULL DEFAULT '',
        added_by      TEXT NOT NULL DEFAULT '',
        added_at      TEXT NOT NULL
    );
    CREATE TABLE works (
        work_id         TEXT PRIMARY KEY,
        instrument_type TEXT NOT NULL,
        jurisdiction    TEXT NOT NULL,
        number          TEXT NOT NULL DEFAULT '',
        issuing_body    TEXT NOT NULL DEFAULT '',
        date_adopted    TEXT NOT NULL DEFAULT '',
        date_published  TEXT NOT NULL DEFAULT '',
        date_in_force   TEXT NOT NULL DEFAULT '',
        status          TEXT NOT NULL DEFAULT 'unknown',
        topics          TEXT NOT NULL DEFAULT '[]',
        gazette         TEXT NOT NULL DEFAULT '',
        field_sources   TEXT NOT NULL DEFAULT '{}',
        withdrawn_at    TEXT,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
    );
    CREATE INDEX works_jurisdiction ON works (jurisdiction);
    CREATE TABLE relations (
        work_id TEXT NOT NULL REFERENCES works (work_id) ON DELETE CASCADE,
        kind    TEXT NOT NULL,
        target  TEXT NOT NULL,
        note    TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (work_id, kind, target)
    );
    CREATE TABLE expressions (
        expression_id TEXT PRIMARY KEY,
        work_id       TEXT NOT NULL REFERENCES works (work_id) ON DELETE CASCADE,
        language      TEXT NOT NULL,
        title         TEXT NOT NULL,
        version_date  TEXT NOT NULL DEFAULT '',
        file_sha256   TEXT NOT NULL REFERENCES files (sha256),
        languages     TEXT NOT NULL DEFAULT '[]',
        warnings      TEXT NOT NULL DEFAULT '[]',
        field_sources TEXT NOT NULL DEFAULT '{}',
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
    );
    CREATE INDEX expressions_work ON expressions (work_id);
    CREATE INDEX expressions_file ON expressions (file_sha256);
    CREATE TABLE parts (
        expression_id TEXT NOT NULL REFERENCES expressions (expression_id) ON DELETE CASCADE,
        seq           INTEGER NOT NULL,
        kind          TEXT NOT NULL,
        number        TEXT NOT NULL DEFAULT '',
        heading       TEXT NOT NULL DEFAULT '',
        text          TEXT NOT NULL DEFAULT '',
        anchor        TEXT NOT NULL,
        parent        TEXT NOT NULL DEFAULT '',
        language      TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (expression_id, seq)
    );
    CREATE TABLE ingest_events (
        id       INTEGER PRIMARY KEY,
        at       TEXT NOT NULL,
        actor    TEXT NOT NULL DEFAULT '',
        path     TEXT NOT NULL,
        sha256   TEXT NOT NULL DEFAULT '',
        outcome  TEXT NOT NULL,
        reason   TEXT NOT NULL DEFAULT '',
        work_id  TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE audit (
        id      INTEGER PRIMARY KEY,
        at      TEXT NOT NULL,
        actor   TEXT NOT NULL DEFAULT '',
        action  TEXT NOT NULL,
        target  TEXT NOT NULL,
        detail  TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX audit_target ON audit (target);
    CREATE TABLE users (
        name          TEXT PRIMARY KEY,
        role          TEXT NOT NULL CHECK (role IN ('librarian', 'admin')),
        password_hash TEXT NOT NULL DEFAULT '',
        created_at    TEXT NOT NULL
    );
    """,
)


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations this database lacks; return the resulting version.

    Raises :class:`CatalogueError` when the database is newer than this code.
    """
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    if current > len(MIGRATIONS):
        raise CatalogueError(
            f"catalogue schema version {current} is newer than this Migralex "
            f"(knows {len(MIGRATIONS)}); upgrade Migralex before opening it"
        )
    for version in range(current, len(MIGRATIONS)):
        with conn:
            conn.executescript(
                "BEGIN;" + MIGRATIONS[version] + f"PRAGMA user_version = {version + 1};"
            )
    return len(MIGRATIONS)
