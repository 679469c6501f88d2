"""The catalogue: the source of truth, on SQLite in WAL mode.

Everything that writes records goes through :class:`Catalogue`; the index and
the web front end read from it. Each write is one transaction, recorded in the
audit trail with its actor.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from library.errors import CatalogueError, DocumentNotFound
from library.migrations import migrate
from library.model import Expression, File, Part, Record, Relation, Work


def utc_now() -> str:
    """The current time as ISO 8601 UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class Catalogue:
    """A handle on ``catalogue.sqlite``; use as a context manager or call :meth:`close`.

    :param path: the database file (its folder is created on demand).
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.schema_version = migrate(self.conn)
        except sqlite3.DatabaseError as exc:
            raise CatalogueError(
                f"cannot open the catalogue at {self.path}: {exc}; restore it from a backup "
                "or move it aside to start a new one"
            ) from exc

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Catalogue:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- files -----------------------------------------------------------------

    def has_file(self, sha256: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM files WHERE sha256 = ?", (sha256,)).fetchone()
        return row is not None

    def get_file(self, sha256: str) -> File:
        row = self.conn.execute("SELECT * FROM files WHERE sha256 = ?", (sha256,)).fetchone()
        if row is None:
            raise DocumentNotFound(f"no file with sha256 {sha256} in the catalogue")
        return File(**dict(row))

    # -- writes ----------------------------------------------------------------

    def add_document(self, work: Work, expression: Expression, file: File, actor: str = "") -> None:
        """Store a new file with its expression, creating or updating the work, atomically."""
        now = utc_now()
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            self._insert_file(file)
            self._upsert_work(work, now)
            self._insert_expression(expression, now)
            self._audit(
                actor,
                "ingest",
                expression.expression_id,
                {"sha256": file.sha256, "work": work.work_id},
            )

    def update_work(self, work: Work, actor: str, note: str = "") -> None:
        """Replace a work's metadata (its expressions are kept); audited."""
        before = self.get_work(work.work_id)
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            self._upsert_work(work, utc_now())
            changed = {
                k: [v, getattr(work, k)]
                for k, v in asdict(before).items()
                if k != "field_sources" and v != asdict(work)[k]
            }
            self._audit(actor, "edit", work.work_id, {"changed": changed, "note": note})

    def retitle(self, expression_id: str, title: str, actor: str, note: str = "") -> None:
        """Give one expression a new title (marked ``given``); audited on its work.

        :param expression_id: the expression to rename.
        :param title: the new title.
        """
        row = self.conn.execute(
            "SELECT work_id, title, field_sources FROM expressions WHERE expression_id = ?",
            (expression_id,),
        ).fetchone()
        if row is None:
            raise DocumentNotFound(f"no expression {expression_id!r} in the catalogue")
        sources = {**json.loads(row["field_sources"]), "title": "given"}
        now = utc_now()
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute(
                "UPDATE expressions SET title = ?, field_sources = ?, updated_at = ?"
                " WHERE expression_id = ?",
                (title, json.dumps(sources), now, expression_id),
            )
            self.conn.execute(
                "UPDATE works SET updated_at = ? WHERE work_id = ?", (now, row["work_id"])
            )
            self._audit(
                actor,
                "edit",
                row["work_id"],
                {"changed": {f"title@{expression_id}": [row["title"], title]}, "note": note},
            )

    def withdraw(self, work_id: str, actor: str, reason: str) -> None:
        """Hide a work from search and listings; nothing is deleted."""
        self.get_work(work_id)
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute(
                "UPDATE works SET withdrawn_at = ?, updated_at = ? WHERE work_id = ?",
                (utc_now(), utc_now(), work_id),
            )
            self._audit(actor, "withdraw", work_id, {"reason": reason})

    def log_ingest(
        self,
        path: str,
        sha256: str,
        outcome: str,
        reason: str = "",
        work_id: str = "",
        actor: str = "",
    ) -> None:
        """Record the outcome of one file of an ingest batch."""
        self.conn.execute(
            "INSERT INTO ingest_events (at, actor, path, sha256, outcome, reason, work_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (utc_now(), actor, path, sha256, outcome, reason, work_id),
        )

    def _insert_file(self, file: File) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO files VALUES (:sha256, :format, :bytes, :pages, :source_url,"
            " :original_name, :added_by, :added_at)",
            asdict(file),
        )

    def _upsert_work(self, work: Work, now: str) -> None:
        row = _work_row(work)
        self.conn.execute(
            "INSERT INTO works (work_id, instrument_type, jurisdiction, number, issuing_body,"
            " date_adopted, date_published, date_in_force, status, topics, gazette, field_sources,"
            " created_at, updated_at) VALUES (:work_id, :instrument_type, :jurisdiction, :number,"
            " :issuing_body, :date_adopted, :date_published, :date_in_force, :status, :topics,"
            " :gazette, :field_sources, :now, :now)"
            " ON CONFLICT (work_id) DO UPDATE SET instrument_type = :instrument_type,"
            " jurisdiction = :jurisdiction, number = :number, issuing_body = :issuing_body,"
            " date_adopted = :date_adopted, date_published = :date_published,"
            " date_in_force = :date_in_force, status = :status, topics = :topics,"
            " gazette = :gazette, field_sources = :field_sources, updated_at = :now",
            {**row, "now": now},
        )
        self.conn.execute("DELETE FROM relations WHERE work_id = ?", (work.work_id,))
        self.conn.executemany(
            "INSERT OR IGNORE INTO relations VALUES (?, ?, ?, ?)",
            [(work.work_id, r.kind, r.target, r.note) for r in work.relations],
        )

    def _insert_expression(self, expression: Expression, now: str) -> None:
        e = expression
        self.conn.execute(
            "INSERT INTO expressions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                e.expression_id, e.work_id, e.language, e.title, e.version_date, e.file_sha256,
                json.dumps(list(e.languages)), json.dumps(list(e.warnings), ensure_ascii=False),
                json.dumps(dict(e.field_sources)), now, now,
            ),
        )  # fmt: skip
        self.conn.executemany(
            "INSERT INTO parts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    e.expression_id,
                    i,
                    p.kind,
                    p.number,
                    p.heading,
                    p.text,
                    p.anchor,
                    p.parent,
                    p.language,
                )
                for i, p in enumerate(e.parts)
            ],
        )

    def _audit(self, actor: str, action: str, target: str, detail: dict[str, Any]) -> None:
        self.conn.execute(
            "INSERT INTO audit (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)",
            (utc_now(), actor, action, target, json.dumps(detail, ensure_ascii=False, default=str)),
        )

    # -- reads -----------------------------------------------------------------

    def get_work(self, work_id: str) -> Work:
        row = self.conn.execute("SELECT * FROM works WHERE work_id = ?", (work_id,)).fetchone()
        if row is None:
            raise DocumentNotFound(f"no work {work_id!r} in the catalogue; try `migralex search`")
        relations = tuple(
            Relation(r["kind"], r["target"], r["note"])
            for r in self.conn.execute(
                "SELECT * FROM relations WHERE work_id = ? ORDER BY kind, target", (work_id,)
            )
        )
        return _work_from_row(row, relations)

    def relations_to(self, work_id: str) -> tuple[Relation, ...]:
        """Relations of other works pointing at ``work_id`` ("amended by"…), withdrawn works
        left out: each as ``Relation(kind, source work_id, note)``.

        :param work_id: the target work.
        """
        rows = self.conn.execute(
            "SELECT r.work_id, r.kind, r.note FROM relations r JOIN works w USING (work_id)"
            " WHERE r.target = ? AND w.withdrawn_at IS NULL ORDER BY r.kind, r.work_id",
            (work_id,),
        )
        return tuple(Relation(r["kind"], r["work_id"], r["note"]) for r in rows)

    def work_titles(self, work_ids: Iterable[str]) -> dict[str, str]:
        """The title of each work of ``work_ids`` that is in the catalogue and not
        withdrawn (its first expression's title).

        :param work_ids: works to name, e.g. the targets of relations.
        """
        wanted = list(dict.fromkeys(work_ids))
        if not wanted:
            return {}
        marks = ", ".join("?" * len(wanted))
        rows = self.conn.execute(
            "SELECT e.work_id, e.title FROM expressions e JOIN works w USING (work_id)"
            f" WHERE e.work_id IN ({marks}) AND w.withdrawn_at IS NULL"
            " ORDER BY e.created_at DESC, e.expression_id DESC",
            wanted,
        )
        return {r["work_id"]: r["title"] for r in rows}  # the first expression wins

    def is_withdrawn(self, work_id: str) -> bool:
        row = self.conn.execute(
            "SELECT withdrawn_at FROM works WHERE work_id = ?", (work_id,)
        ).fetchone()
        return row is not None and row["withdrawn_at"] is not None

    def expression_ids(self, work_id: str | None = None) -> set[str]:
        """Ids of all expressions, or of one work's."""
        if work_id is None:
            rows = self.conn.execute("SELECT expression_id FROM expressions")
        else:
            rows = self.conn.execute(
                "SELECT expression_id FROM expressions WHERE work_id = ?", (work_id,)
            )
        return {r[0] for r in rows}

    def get_record(self, work_id: str) -> Record:
        """The work with its expressions (and their parts) and files."""
        work = self.get_work(work_id)
        expressions = tuple(
            _expression_from_row(row, self._parts(row["expression_id"]))
            for row in self.conn.execute(
                "SELECT * FROM expressions WHERE work_id = ? ORDER BY created_at, expression_id",
                (work_id,),
            )
        )
        files = tuple(
            self.get_file(sha) for sha in dict.fromkeys(e.file_sha256 for e in expressions)
        )
        return Record(work, expressions, files)

    def work_ids(self, include_withdrawn: bool = False) -> list[str]:
        where = "" if include_withdrawn else " WHERE withdrawn_at IS NULL"
        return [
            r[0] for r in self.conn.execute(f"SELECT work_id FROM works{where} ORDER BY work_id")
        ]

    def iter_records(self) -> Iterator[Record]:
        """Every work in force in the catalogue (withdrawn ones excepted), one at a time."""
        for work_id in self.work_ids():
            yield self.get_record(work_id)

    def work_for_file(self, sha256: str) -> str | None:
        row = self.conn.execute(
            "SELECT work_id FROM expressions WHERE file_sha256 = ? LIMIT 1", (sha256,)
        ).fetchone()
        return row[0] if row else None

    def audit_trail(self, target: str) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT * FROM audit WHERE target = ? ORDER BY id", (target,))
        return [{**dict(r), "detail": json.loads(r["detail"])} for r in rows]

    def counts(self) -> dict[str, int]:
        """Numbers of works, expressions, parts and files."""
        return {
            table: self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("works", "expressions", "parts", "files")
        }

    def _parts(self, expression_id: str) -> tuple[Part, ...]:
        rows = self.conn.execute(
            "SELECT kind, number, heading, text, anchor, parent, language FROM parts"
            " WHERE expression_id = ? ORDER BY seq",
            (expression_id,),
        )
        return tuple(Part(**dict(r)) for r in rows)


def _work_row(work: Work) -> dict[str, Any]:
    row = asdict(work)
    row.pop("relations")
    row["topics"] = json.dumps(list(work.topics))
    row["field_sources"] = json.dumps(dict(work.field_sources))
    return row


def _work_from_row(row: sqlite3.Row, relations: tuple[Relation, ...]) -> Work:
    data = dict(row)
    for key in ("withdrawn_at", "created_at", "updated_at"):
        data.pop(key)
    data["topics"] = tuple(json.loads(data["topics"]))
    data["field_sources"] = json.loads(data["field_sources"])
    return Work(**data, relations=relations)


def _expression_from_row(row: sqlite3.Row, parts: tuple[Part, ...]) -> Expression:
    data = dict(row)
    data.pop("created_at")
    data.pop("updated_at")
    data["languages"] = tuple(json.loads(data["languages"]))
    data["warnings"] = tuple(json.loads(data["warnings"]))
    data["field_sources"] = json.loads(data["field_sources"])
    return Expression(**data, parts=parts)
