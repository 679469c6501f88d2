"""The record model shared by ingest, library, index and web.

FRBR as Akoma Ntoso uses it (see DESIGN.md):

- :class:`Work` — the instrument itself ("Ley 25.871", "Belém do Pará Convention");
- :class:`Expression` — one language version of a work, made of :class:`Part` records;
- :class:`File` — the original bytes as received (the manifestation), never modified;
- :class:`Part` — an addressable unit (article, chapter, annex…) that search hits point at.

Records are frozen: a change is a new record (``dataclasses.replace``), written
through :class:`library.store.Catalogue`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

#: Where a metadata value came from. ``given`` by a person (CSV, ``.meta.json``,
#: the review form); ``embedded`` in the file's own metadata (front matter,
#: XML attributes, PDF info); ``derived`` by heuristics on the text. A librarian
#: reviews the last two.
Provenance = Literal["given", "embedded", "derived"]
PROVENANCES: tuple[str, ...] = ("given", "embedded", "derived")

STATUSES: tuple[str, ...] = ("in_force", "repealed", "amended", "not_in_force", "unknown")
RELATION_KINDS: tuple[str, ...] = ("amends", "repeals", "regulates", "implements", "ratifies")
PART_KINDS: tuple[str, ...] = (
    "preamble",
    "book",
    "part",
    "title",
    "chapter",
    "section",
    "subsection",
    "division",
    "article",
    "paragraph",
    "annex",
    "schedule",
    "final",
    "body",
)

#: Metadata fields a file or a person may supply for a work or its expression.
WORK_FIELDS: tuple[str, ...] = (
    "instrument_type",
    "jurisdiction",
    "number",
    "issuing_body",
    "date_adopted",
    "date_published",
    "date_in_force",
    "status",
    "topics",
    "gazette",
)
EXPRESSION_FIELDS: tuple[str, ...] = ("language", "title", "version_date")
FILE_FIELDS: tuple[str, ...] = ("source_url",)
METADATA_FIELDS: tuple[str, ...] = WORK_FIELDS + EXPRESSION_FIELDS + FILE_FIELDS


@dataclass(frozen=True)
class Relation:
    """A typed link from one work to another (``amends``, ``repeals``…)."""

    kind: str
    target: str  # work_id of the other work
    note: str = ""


@dataclass(frozen=True)
class Part:
    """An addressable unit of an expression; search hits point at parts.

    :param kind: one of :data:`PART_KINDS`.
    :param number: as printed, normalised ("5", "5 bis", "XIV"); empty for a preamble.
    :param anchor: stable within the expression, e.g. ``art-5-bis``, ``cap-2``.
    :param parent: anchor of the enclosing part (chapter of an article), or "".
    :param language: detected language of this part (ISO 639-1), or "".
    """

    kind: str
    number: str
    heading: str
    text: str
    anchor: str
    parent: str = ""
    language: str = ""

    @property
    def label(self) -> str:
        """A short human label, e.g. ``article 5 bis``."""
        return f"{self.kind} {self.number}".strip()


@dataclass(frozen=True)
class File:
    """The original bytes as received, stored content-addressed and never modified."""

    sha256: str
    format: str
    bytes: int
    pages: int | None = None
    source_url: str = ""
    original_name: str = ""
    added_by: str = ""
    added_at: str = ""  # ISO 8601, UTC


@dataclass(frozen=True)
class Expression:
    """One language version of a work, as extracted from one file.

    :param expression_id: ``{work_id}@{language}``, with a suffix when the same
        work already has another file in that language.
    :param languages: languages found in the text, most frequent first; more than
        one means the document is mixed-language.
    :param warnings: what extraction noticed (empty text layer, OCR used, …).
    """

    expression_id: str
    work_id: str
    language: str
    title: str
    file_sha256: str
    version_date: str = ""
    parts: tuple[Part, ...] = ()
    languages: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    field_sources: Mapping[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The whole text, part after part."""
        return "\n\n".join(p.text for p in self.parts if p.text)

    @property
    def mixed_language(self) -> bool:
        return len(self.languages) > 1


@dataclass(frozen=True)
class Work:
    """The instrument itself, independent of language and format.

    :param work_id: ``{jurisdiction}/{type}/{date-or-year}/{number-or-slug}``,
        lower case, e.g. ``ar/law/2004/25871``.
    :param field_sources: for each metadata field, its :data:`Provenance`.
    """

    work_id: str
    instrument_type: str
    jurisdiction: str
    number: str = ""
    issuing_body: str = ""
    date_adopted: str = ""  # YYYY-MM-DD, YYYY-MM or YYYY
    date_published: str = ""
    date_in_force: str = ""
    status: str = "unknown"
    topics: tuple[str, ...] = ()
    relations: tuple[Relation, ...] = ()
    gazette: str = ""
    field_sources: Mapping[str, str] = field(default_factory=dict)

    @property
    def year(self) -> int | None:
        """Year of adoption (else publication), or None."""
        for value in (self.date_adopted, self.date_published):
            if len(value) >= 4 and value[:4].isdigit():
                return int(value[:4])
        return None


@dataclass(frozen=True)
class Record:
    """A work with its expressions and files: what ``migralex show`` prints."""

    work: Work
    expressions: tuple[Expression, ...]
    files: tuple[File, ...]
