"""View models of the librarian pages: the review dashboard and the work page.

Templates get ready-made values: labels in the interface language, links, and for
each metadata field whether its value was given by a person or derived/embedded
(to be reviewed).
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import url_for

from library.model import WORK_FIELDS, Record
from library.review import recent_works as recent
from library.store import Catalogue
from web.labels import Labels

#: Provenances a librarian should look at.
TO_REVIEW = frozenset({"derived", "embedded"})


@dataclass(frozen=True)
class FieldSource:
    """One metadata field, its value as shown, and where the value came from."""

    label: str
    value: str
    provenance: str  # given, embedded, derived, or "" when unknown


@dataclass(frozen=True)
class DashboardRow:
    work_id: str
    title: str
    updated_at: str
    withdrawn: bool
    edit_url: str
    to_review: tuple[FieldSource, ...]


def field_value(record: Record, field: str, labels: Labels) -> str:
    """A work field's value as a reader sees it."""
    value = getattr(record.work, field)
    if field == "jurisdiction":
        return labels.jurisdiction(value)
    if field == "instrument_type":
        return labels.instrument_type(value)
    if field == "status":
        return labels.status(value)
    if field == "topics":
        return ", ".join(labels.topic(t) for t in value)
    return str(value)


def field_sources(record: Record, labels: Labels) -> tuple[FieldSource, ...]:
    """Every work field and the title of each expression, with their provenance."""
    out = [
        FieldSource(labels.t(f"field.{name}"), field_value(record, name, labels),
                    record.work.field_sources.get(name, ""))
        for name in WORK_FIELDS
    ]  # fmt: skip
    out += [
        FieldSource(
            f"{labels.t('librarian.field.title')} ({labels.language(e.language)})",
            e.title,
            e.field_sources.get("title", ""),
        )
        for e in record.expressions
    ]
    return tuple(out)


def title_of(record: Record) -> str:
    return record.expressions[0].title if record.expressions else record.work.work_id


def recent_works(catalogue: Catalogue, labels: Labels, limit: int = 50) -> list[DashboardRow]:
    """The dashboard's rows: works changed last, with their fields still to review."""
    rows = []
    for item in recent(catalogue, limit):
        record = catalogue.get_record(item.work_id)
        review = tuple(
            s for s in field_sources(record, labels) if s.provenance in TO_REVIEW and s.value
        )
        rows.append(
            DashboardRow(item.work_id, title_of(record), item.updated_at, item.withdrawn,
                         url_for("documents.show", ref=item.work_id), review)
        )  # fmt: skip
    return rows
