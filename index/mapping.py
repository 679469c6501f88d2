"""Records to index fields: the only place that knows how a record becomes a document.

Pure functions: :func:`to_fields` (one expression of a record -> field values),
:func:`stamp` (a content stamp that changes whenever those values would), and
:func:`pack_parts` / :func:`unpack_parts` for the parts kept in the index for snippets.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from index import analysis
from index import fields as F
from index.schema import SCHEMA_VERSION
from library.model import Expression, Record


@dataclass(frozen=True)
class StoredPart:
    """A part as kept in the index: enough to pick, label and quote it."""

    kind: str
    number: str
    heading: str
    anchor: str
    text: str


def body_text(expression: Expression) -> str:
    """The searchable text of an expression: each part's heading and text."""
    chunks: list[str] = []
    for part in expression.parts:
        if part.heading:
            chunks.append(part.heading)
        if part.text:
            chunks.append(part.text)
    return "\n\n".join(chunks)


def sort_date(record: Record, expression: Expression) -> str:
    """The date used by the newest/oldest sorts: adoption, else publication, else version."""
    work = record.work
    for value in (work.date_adopted, work.date_published, expression.version_date):
        if value:
            return value
    return ""


def pack_parts(expression: Expression) -> bytes:
    """The parts of ``expression`` as compressed JSON, for the stored ``parts`` field."""
    rows = [[p.kind, p.number, p.heading, p.anchor, p.text] for p in expression.parts]
    return zlib.compress(json.dumps(rows, ensure_ascii=False).encode("utf-8"), 1)


def unpack_parts(blob: bytes | None) -> tuple[StoredPart, ...]:
    """Inverse of :func:`pack_parts` (empty for a missing or damaged blob)."""
    if not blob:
        return ()
    try:
        rows = json.loads(zlib.decompress(blob).decode("utf-8"))
    except (zlib.error, ValueError):
        return ()
    return tuple(StoredPart(*row) for row in rows)


def stamp(record: Record, expression: Expression) -> str:
    """A content stamp of everything the index derives from this expression.

    :param record: the work's record (work metadata and files).
    :param expression: one of ``record.expressions``.
    """
    work = record.work
    payload = {
        "v": SCHEMA_VERSION,
        "work": [
            work.work_id,
            work.instrument_type,
            work.jurisdiction,
            work.number,
            work.issuing_body,
            work.date_adopted,
            work.date_published,
            work.status,
            list(work.topics),
        ],
        "expression": [
            expression.expression_id,
            expression.language,
            expression.title,
            expression.version_date,
            expression.file_sha256,
        ],
        "parts": [[p.kind, p.number, p.heading, p.anchor, p.text] for p in expression.parts],
    }
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:32]


def _facet(value: str) -> str | None:
    value = value.strip().lower()
    return value or None


def to_fields(record: Record, expression: Expression) -> dict[str, Any]:
    """The field values of one expression's index document.

    :param record: the work's record.
    :param expression: one of ``record.expressions``.
    """
    work = record.work
    lang = (expression.language or "und").lower()
    key = analysis.language_key(lang)
    text = (key, body_text(expression))
    title_text = " ".join(x for x in (expression.title, work.number) if x)
    values: dict[str, Any] = {
        F.EXPRESSION_ID: expression.expression_id,
        F.WORK_ID: work.work_id,
        F.STAMP: stamp(record, expression).encode("ascii"),
        F.BODY_EXACT: text,
        F.TITLE: (key, title_text),
        F.NUMBER: (key, work.number),
        F.LANGUAGE: lang,
        F.SORT_DATE: sort_date(record, expression).encode("ascii", "replace"),
        F.SORT_TITLE: analysis.fold(expression.title).encode("utf-8"),
        F.DISPLAY_TITLE: expression.title,
        F.SHA256: expression.file_sha256,
        F.PARTS: pack_parts(expression),
    }
    facets = {
        F.JURISDICTION: _facet(work.jurisdiction),
        F.INSTRUMENT_TYPE: _facet(work.instrument_type),
        F.STATUS: _facet(work.status),
        F.ISSUING_BODY: work.issuing_body.strip() or None,
        F.TOPICS: " ".join(t.strip().lower() for t in work.topics if t.strip()) or None,
    }
    values.update({name: value for name, value in facets.items() if value})
    if work.year is not None:
        values[F.YEAR] = work.year
    return values


def expected_stamps(records: Iterator[Record] | list[Record]) -> dict[str, str]:
    """``{expression_id: stamp}`` for every expression of ``records``."""
    return {e.expression_id: stamp(r, e) for r in records for e in r.expressions}
