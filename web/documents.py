"""The document page's view model: a work, one of its expressions, and its parts.

A document is addressed as ``{work_id}`` (the expression in the interface language,
else the first) or ``{expression_id}`` (``{work_id}@{language}``), the ids that search
hits carry. Withdrawn works are not found, as in search.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from library.errors import DocumentNotFound
from library.model import Expression, File, Part, Record, Relation
from library.store import Catalogue
from web.labels import Labels
from web.reflow import paragraphs

#: Longest document reference looked up (work ids are short and readable).
MAX_REF_CHARS = 300
#: Part kinds that make up the body of a text; the others (chapters…) form the contents.
TEXT_KINDS: frozenset[str] = frozenset({"article", "paragraph", "body"})
#: Deepest nesting given its own heading level (h3 for top-level parts … h6).
MAX_DEPTH = 3

#: (work id or expression id, anchor or "") -> URL of a document page.
DocLink = Callable[[str, str], str]
#: (search argument, value) -> URL of a search with that one filter.
FilterLink = Callable[[str, str], str]


@dataclass(frozen=True)
class Field:
    """One line of metadata: label, value, and a link when there is one."""

    label: str
    value: str
    url: str = ""
    external: bool = False


@dataclass(frozen=True)
class PartBlock:
    anchor: str
    kind: str
    label: str
    heading: str
    paragraphs: tuple[str, ...]  # the text as it reads (web.reflow), not as stored
    level: int  # HTML heading level, 3 to 6


@dataclass(frozen=True)
class Version:
    language_label: str
    title: str
    url: str
    current: bool


@dataclass(frozen=True)
class Related:
    label: str
    work_id: str
    title: str
    url: str  # "" when the other work is not in the library


@dataclass(frozen=True)
class DocumentView:
    """Everything the document page shows."""

    work_id: str
    expression_id: str
    title: str
    language: str
    status: str
    status_label: str
    fields: tuple[Field, ...]
    topics: tuple[Field, ...]
    versions: tuple[Version, ...]
    relations: tuple[Related, ...]
    file_fields: tuple[Field, ...]
    download_url: str
    contents: tuple[PartBlock, ...]
    parts: tuple[PartBlock, ...]
    warnings: tuple[str, ...]
    other_languages: str


def split_ref(ref: str) -> tuple[str, str]:
    """``(work_id, expression_id or "")`` of a document reference.

    >>> split_ref("ar/law/2004/25871@es")
    ('ar/law/2004/25871', 'ar/law/2004/25871@es')
    >>> split_ref("ar/law/2004/25871")
    ('ar/law/2004/25871', '')
    """
    if "@" in ref:
        return ref.rsplit("@", 1)[0], ref
    return ref, ""


def load(catalogue: Catalogue, ref: str, ui_language: str) -> tuple[Record, Expression]:
    """The record and the expression a reference names.

    :raises DocumentNotFound: unknown or withdrawn work, or unknown expression.
    """
    work_id, expression_id = split_ref(ref.strip("/")[:MAX_REF_CHARS])
    record = catalogue.get_record(work_id)
    if catalogue.is_withdrawn(work_id) or not record.expressions:
        raise DocumentNotFound(f"no work {work_id!r} in the library")
    if expression_id:
        for expression in record.expressions:
            if expression.expression_id == expression_id:
                return record, expression
        raise DocumentNotFound(f"no version {expression_id!r} of {work_id!r}")
    preferred = [e for e in record.expressions if e.language == ui_language]
    return record, (preferred or list(record.expressions))[0]


def _levels(parts: tuple[Part, ...]) -> list[int]:
    parent_of = {p.anchor: p.parent for p in parts if p.anchor}
    levels = []
    for part in parts:
        depth, seen, parent = 0, {part.anchor}, part.parent
        while parent and parent in parent_of and parent not in seen and depth < MAX_DEPTH:
            seen.add(parent)
            depth += 1
            parent = parent_of[parent]
        levels.append(3 + depth)
    return levels


def part_blocks(parts: tuple[Part, ...], labels: Labels) -> tuple[PartBlock, ...]:
    """The parts in order, labelled, with heading levels from their nesting."""
    return tuple(
        PartBlock(
            p.anchor, p.kind, labels.part(p.kind, p.number), p.heading, paragraphs(p.text), level
        )
        for p, level in zip(parts, _levels(parts), strict=True)
    )


def safe_external_url(url: str) -> str:
    """``url`` when it is an http(s) address, else "" (no ``javascript:`` links).

    >>> safe_external_url("https://www.oas.org/x"), safe_external_url("javascript:alert(1)")
    ('https://www.oas.org/x', '')
    """
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else ""


def _file_fields(file: File | None, labels: Labels) -> tuple[Field, ...]:
    if file is None:
        return ()
    t = labels.t
    out = [
        Field(t("field.format"), file.format.upper()),
        Field(t("field.size"), t.size(file.bytes)),
    ]
    if file.pages:
        out.append(Field(t("field.pages"), t.number(file.pages)))
    if file.original_name:
        out.append(Field(t("field.file"), file.original_name))
    source = safe_external_url(file.source_url)
    if source:
        out.append(Field(t("field.source_url"), source, source, external=True))
    elif file.source_url:
        out.append(Field(t("field.source_url"), file.source_url))
    return tuple(out)


def _related(
    record: Record,
    incoming: tuple[Relation, ...],
    titles: Mapping[str, str],
    labels: Labels,
    doc_link: DocLink,
) -> tuple[Related, ...]:
    out = []
    for relation, inverse in [(r, False) for r in record.work.relations] + [
        (r, True) for r in incoming
    ]:
        known = relation.target in titles
        out.append(
            Related(
                label=labels.relation(relation.kind, inverse),
                work_id=relation.target,
                title=titles.get(relation.target, ""),
                url=doc_link(relation.target, "") if known else "",
            )
        )
    return tuple(out)


def document_view(
    catalogue: Catalogue,
    record: Record,
    expression: Expression,
    labels: Labels,
    doc_link: DocLink,
    filter_link: FilterLink,
    file_link: Callable[[str], str],
) -> DocumentView:
    """The page of ``expression``, one language version of ``record``'s work."""
    work, t = record.work, labels.t
    fields = [Field(t("field.work_id"), work.work_id)]
    if work.instrument_type:
        fields.append(Field(t("field.instrument_type"), labels.instrument_type(work.instrument_type),
                            filter_link("type", work.instrument_type)))  # fmt: skip
    if work.jurisdiction:
        fields.append(Field(t("field.jurisdiction"), labels.jurisdiction(work.jurisdiction),
                            filter_link("country", work.jurisdiction.upper())))  # fmt: skip
    for name in ("number", "issuing_body", "date_adopted", "date_published", "date_in_force"):
        value = getattr(work, name)
        if value:
            url = filter_link("body", value) if name == "issuing_body" else ""
            fields.append(Field(t(f"field.{name}"), value, url))
    fields.append(
        Field(t("field.status"), labels.status(work.status), filter_link("status", work.status))
    )
    if work.gazette:
        fields.append(Field(t("field.gazette"), work.gazette))
    fields.append(Field(t("field.language"), labels.language(expression.language)))
    if expression.version_date:
        fields.append(Field(t("field.version_date"), expression.version_date))
    incoming = catalogue.relations_to(work.work_id)
    targets = [r.target for r in work.relations] + [r.target for r in incoming]
    titles = catalogue.work_titles(targets)
    file = next((f for f in record.files if f.sha256 == expression.file_sha256), None)
    blocks = part_blocks(expression.parts, labels)
    structure = tuple(b for b in blocks if b.kind not in TEXT_KINDS and b.anchor)
    return DocumentView(
        work_id=work.work_id,
        expression_id=expression.expression_id,
        title=expression.title or work.work_id,
        language=expression.language,
        status=work.status,
        status_label=labels.status(work.status),
        fields=tuple(fields),
        topics=tuple(Field(labels.topic(c), c, filter_link("topic", c)) for c in work.topics),
        versions=tuple(
            Version(
                labels.language(e.language),
                e.title,
                doc_link(e.expression_id, ""),
                e.expression_id == expression.expression_id,
            )  # fmt: skip
            for e in record.expressions
        ),
        relations=_related(record, incoming, titles, labels, doc_link),
        file_fields=_file_fields(file, labels),
        download_url=file_link(file.sha256) if file else "",
        contents=structure or tuple(b for b in blocks if b.anchor),
        parts=blocks,
        warnings=expression.warnings,
        other_languages=", ".join(labels.language(code) for code in expression.languages)
        if expression.mixed_language
        else "",
    )
