"""Turn a processed file plus given metadata into Work, Expression and File records.

Precedence for every field: given (by a person) > embedded (the file's own
metadata) > derived (heuristics). Each field's provenance is recorded so a
librarian can review what was not given.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from ingest.process import Processed
from library.ids import make_expression_id, make_work_id
from library.model import EXPRESSION_FIELDS, WORK_FIELDS, Expression, File, Work


@dataclass(frozen=True)
class FileFacts:
    """What the pipeline knows of the file itself."""

    sha256: str
    size: int
    original_name: str
    added_by: str
    added_at: str


def merged_values(
    processed: Processed, given: Mapping[str, str]
) -> tuple[dict[str, str], dict[str, str]]:
    """Field values and their provenance, given values first."""
    values: dict[str, str] = {}
    sources: dict[str, str] = {}
    for name, value in processed.metadata.values.items():
        if value:
            values[name] = value
            sources[name] = processed.metadata.sources.get(name, "derived")
    if processed.language and "language" not in values:
        values["language"], sources["language"] = processed.language, "derived"
    for name, value in given.items():
        if value:
            values[name], sources[name] = value, "given"
    return values, sources


#: ``work_id -> (catalogued work or None, its expression ids)``.
WorkLookup = Callable[[str], tuple[Work | None, frozenset[str]]]


def _nothing_catalogued(work_id: str) -> tuple[Work | None, frozenset[str]]:
    return None, frozenset()


def build_records(
    processed: Processed,
    given: Mapping[str, str],
    facts: FileFacts,
    lookup: WorkLookup = _nothing_catalogued,
) -> tuple[Work, Expression, File]:
    """Records for one new file.

    :param lookup: what the catalogue already holds under the work id; an existing
        work keeps its given values and has its gaps filled, and the new expression
        gets an id its other expressions do not have.
    """
    values, sources = merged_values(processed, given)
    title = values.get("title") or facts.original_name.rsplit(".", 1)[0] or "Untitled"
    if "title" not in values:
        sources["title"] = "derived"
    work_id = make_work_id(
        values.get("jurisdiction", ""),
        values.get("instrument_type", "other"),
        values.get("date_adopted") or values.get("date_published", ""),
        values.get("number", ""),
        title,
    )
    work = Work(
        work_id=work_id,
        instrument_type=values.get("instrument_type", "other"),
        jurisdiction=values.get("jurisdiction", ""),
        number=values.get("number", ""),
        issuing_body=values.get("issuing_body", ""),
        date_adopted=values.get("date_adopted", ""),
        date_published=values.get("date_published", ""),
        date_in_force=values.get("date_in_force", ""),
        status=values.get("status", "unknown"),
        topics=tuple(t for t in values.get("topics", "").split(";") if t),
        gazette=values.get("gazette", ""),
        field_sources={k: v for k, v in sources.items() if k in WORK_FIELDS},
    )
    existing, taken_expression_ids = lookup(work_id)
    if existing is not None:
        work = merge_works(existing, work)
    language = values.get("language", "")
    expression = Expression(
        expression_id=make_expression_id(work.work_id, language, taken_expression_ids),
        work_id=work.work_id,
        language=language,
        title=title,
        file_sha256=facts.sha256,
        version_date=values.get("version_date", ""),
        parts=processed.parts,
        languages=processed.languages,
        warnings=processed.warnings,
        field_sources={k: v for k, v in sources.items() if k in EXPRESSION_FIELDS},
    )
    file = File(
        sha256=facts.sha256,
        format=processed.format,
        bytes=facts.size,
        pages=processed.pages,
        source_url=values.get("source_url", ""),
        original_name=facts.original_name,
        added_by=facts.added_by,
        added_at=facts.added_at,
    )
    return work, expression, file


def merge_works(old: Work, new: Work) -> Work:
    """The catalogued work updated by a new file's metadata.

    A field keeps its old value when that was given by a person (and the new one
    was not), or when the new file has no value; topics are united.
    """
    changes: dict[str, object] = {}
    sources = dict(old.field_sources)
    for name in WORK_FIELDS:
        if name == "topics":
            continue
        old_value, new_value = getattr(old, name), getattr(new, name)
        old_given = old.field_sources.get(name) == "given"
        new_given = new.field_sources.get(name) == "given"
        if (
            new_value
            and new_value not in ("unknown", "other")
            and (new_given or not old_value)
            and not (old_given and not new_given)
        ):
            changes[name] = new_value
            sources[name] = new.field_sources.get(name, "derived")
    changes["topics"] = tuple(dict.fromkeys(old.topics + new.topics))
    return replace(old, **changes, field_sources=sources)  # type: ignore[arg-type]
