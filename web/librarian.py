"""View models of the librarian pages: the review dashboard and the work page.

Templates get ready-made values: labels in the interface language, links, and for
each metadata field whether its value was given by a person or derived/embedded
(to be reviewed).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, BinaryIO

from flask import url_for

from index import indexer
from index.service import SearchService
from ingest import upload
from ingest.extracted import Limits
from library import relations
from library.model import RELATION_KINDS, WORK_FIELDS, Record, Work
from library.review import recent_works as recent
from library.settings import setting
from library.store import Catalogue
from web.labels import Labels
from web.metadata_form import Submission
from web.state import Library

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
                         url_for("librarian.work", work_id=item.work_id), review)
        )  # fmt: skip
    return rows


@dataclass(frozen=True)
class AuditEntry:
    """One line of a work's audit trail, ready to show."""

    at: str
    actor: str
    action: str  # label
    details: tuple[str, ...]


def _show(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(_show(v) for v in value)
    if isinstance(value, dict):
        return f"{value.get('kind', '')} {value.get('target', '')}".strip()
    return str(value) if value not in ("", None) else "—"


def _field_label(name: str, labels: Labels) -> str:
    if name.startswith("title@"):
        return f"{labels.t('librarian.field.title')} ({name.partition('@')[2]})"
    if name == "relations":
        return labels.t("librarian.relations")
    return labels.t(f"field.{name}")


def work_trail(catalogue: Catalogue, record: Record) -> list[dict[str, Any]]:
    """The audit rows of a work and of its expressions (ingests are recorded on these),
    oldest first."""
    rows = catalogue.audit_trail(record.work.work_id)
    for expression in record.expressions:
        rows += catalogue.audit_trail(expression.expression_id)
    return sorted(rows, key=lambda row: row["id"])


def audit_entries(trail: list[dict[str, Any]], labels: Labels) -> list[AuditEntry]:
    """An audit trail (from :func:`work_trail`), newest first."""
    t = labels.t
    out = []
    for row in reversed(trail):
        detail = row["detail"] if isinstance(row["detail"], dict) else {}
        lines = [
            t(
                "audit.change",
                field=_field_label(name, labels),
                old=_show(pair[0]),
                new=_show(pair[1]),
            )
            for name, pair in detail.get("changed", {}).items()
            if isinstance(pair, list) and len(pair) == 2
        ]
        if detail.get("sha256"):
            lines.append(t("audit.file", sha=str(detail["sha256"])[:12]))
        for key in ("reason", "note"):
            if detail.get(key):
                lines.append(t(f"audit.{key}", text=str(detail[key])))
        action = row["action"]
        label = t(f"audit.action.{action}") if action in AUDIT_ACTIONS else action
        out.append(AuditEntry(row["at"], row["actor"], label, tuple(lines)))
    return out


AUDIT_ACTIONS = frozenset({"ingest", "edit", "withdraw"})


def save_metadata(
    catalogue: Catalogue, service: SearchService, record: Record, done: Submission, actor: str
) -> None:
    """Save a checked metadata form, then re-index the work (unless it is withdrawn).

    :param done: a submission without errors, from :func:`web.metadata_form.parse_metadata`.
    :param actor: the signed-in user, named in the audit trail.
    """
    if done.work != record.work:
        catalogue.update_work(done.work, actor=actor, note=done.note)
    for expression_id, title in done.titles.items():
        catalogue.retitle(expression_id, title, actor=actor, note=done.note)
    _reindex(catalogue, service, record.work.work_id)


def withdraw(
    catalogue: Catalogue, service: SearchService, work_id: str, reason: str, actor: str
) -> None:
    """Withdraw a work and take it out of the index."""
    catalogue.withdraw(work_id, actor=actor, reason=reason)
    service.delete(work_id)


@dataclass(frozen=True)
class UploadOutcome:
    """What became of an uploaded file, ready to show."""

    outcome: str  # ingested, duplicate or rejected
    name: str
    reason: str
    work_id: str
    title: str
    work_url: str


#: Files accepted in one upload form (their total is bounded by MAX_CONTENT_LENGTH);
#: larger batches belong to ``migralex ingest``.
MAX_FILES_PER_UPLOAD = 50


def ingest_upload(
    catalogue: Catalogue,
    lib: Library,
    stream: BinaryIO,
    filename: str,
    actor: str,
    config: Mapping[str, Any],
) -> UploadOutcome:
    """Ingest one uploaded file (limits from the app's config) and index what it added.

    :param config: ``MAX_CONTENT_LENGTH`` bounds the file, ``INGEST_TIMEOUT`` its
        extraction, ``INGEST_JOBS`` chooses a worker process (1) or this one (0).
    """
    limits = Limits(
        max_bytes=config["MAX_CONTENT_LENGTH"],
        max_seconds=config["INGEST_TIMEOUT"],
        max_memory_mb=setting("worker_memory_mb"),
        max_ratio=setting("max_zip_ratio"),
    )
    outcome = upload.ingest_upload(stream, filename, catalogue, lib.file_store(), lib.vocab,
                                   limits, actor, jobs=config["INGEST_JOBS"])  # fmt: skip
    if outcome.outcome == "ingested":
        lib.service.update(catalogue.get_record(outcome.work_id))
    url = url_for("librarian.work", work_id=outcome.work_id) if outcome.work_id else ""
    title = outcome.title
    if outcome.work_id and not title:
        title = title_of(catalogue.get_record(outcome.work_id))
    return UploadOutcome(outcome.outcome, outcome.path.name, outcome.reason, outcome.work_id,
                         title, url)  # fmt: skip


@dataclass(frozen=True)
class RelationRow:
    kind: str
    kind_label: str
    target: str
    title: str  # "" when the target is not in the catalogue (or withdrawn)
    url: str


def relation_rows(catalogue: Catalogue, work: Work, labels: Labels) -> list[RelationRow]:
    """The work's relations with their targets' titles and librarian pages."""
    titles = catalogue.work_titles(r.target for r in work.relations)
    return [
        RelationRow(r.kind, labels.relation(r.kind), r.target, titles.get(r.target, ""),
                    url_for("librarian.work", work_id=r.target) if r.target in titles else "")
        for r in work.relations
    ]  # fmt: skip


def relation_kinds(labels: Labels) -> list[tuple[str, str]]:
    """``(kind, label)`` of each relation kind, for the form's select."""
    return [(kind, labels.relation(kind)) for kind in RELATION_KINDS]


#: Message keys of :class:`library.relations.RelationError` codes.
RELATION_ERRORS = {
    "kind": "form.error.choice",
    "target": "relation.error.target",
    "self": "relation.error.self",
    "exists": "relation.error.exists",
}


def add_relation(
    catalogue: Catalogue,
    service: SearchService,
    work_id: str,
    kind: str,
    target: str,
    note: str,
    actor: str,
) -> str:
    """Add a relation and re-index the work; the message key of the error, or ""."""
    if not target:
        return "form.error.required"
    if len(note) > relations.MAX_NOTE:
        return "form.error.too_long"
    try:
        relations.add_relation(catalogue, work_id, kind, target, actor=actor, note=note)
    except relations.RelationError as exc:
        return RELATION_ERRORS[exc.code]
    _reindex(catalogue, service, work_id)
    return ""


def remove_relation(
    catalogue: Catalogue, service: SearchService, work_id: str, kind: str, target: str, actor: str
) -> None:
    """Remove a relation (if there is such) and re-index the work."""
    if relations.remove_relation(catalogue, work_id, kind, target, actor=actor):
        _reindex(catalogue, service, work_id)


def _reindex(catalogue: Catalogue, service: SearchService, work_id: str) -> None:
    if not catalogue.is_withdrawn(work_id):
        service.update(catalogue.get_record(work_id))


def rebuild_index(catalogue: Catalogue, lib: Library) -> int:
    """Rebuild the index from the catalogue (built aside, then swapped in, works changed
    meanwhile indexed again); searches go on meanwhile and follow the swap.

    :returns: the number of expressions indexed.
    """
    return indexer.rebuild_catalogue(lib.data.index_path, catalogue, procs=1)
