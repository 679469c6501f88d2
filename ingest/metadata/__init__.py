"""Bibliographic metadata of a legal document, from its text and its own metadata.

:func:`derive_metadata` is the facade: it takes what an extractor returned and
gives every metadata field it can find, each marked ``embedded`` (the file said
so) or ``derived`` (a rule of legal drafting read it from the text). Values the
file states win over derived ones when they are valid.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ingest.extracted import Extracted
from ingest.metadata.casing import recase
from ingest.metadata.dates import normalise_date
from ingest.metadata.dating import choose_dates, year_from_title
from ingest.metadata.instrument import content_type, normalise_type, running_lines, title_type
from ingest.metadata.issuer import formula_body, normalise_body
from ingest.metadata.jurisdiction import derive_jurisdiction, normalise_jurisdiction
from ingest.metadata.number import find_number
from ingest.metadata.status import normalise_status, text_status
from ingest.metadata.text import fold, head_lines
from ingest.metadata.title import choose_title, cited_title, is_boilerplate, trim_subject
from ingest.metadata.topics import find_topics
from library.model import Part

if TYPE_CHECKING:
    from library.vocabulary import Vocabularies

__all__ = ["DerivedMetadata", "derive_metadata"]

EMBEDDED = "embedded"
DERIVED = "derived"
#: Types for which a file's creation date stands for the publication year.
_PUBLICATION_TYPES = ("guideline", "study", "other")
_WEAK_TITLE = re.compile(
    r"(microsoft (word|powerpoint)|^untitled|^sin titulo|\.(docx?|pdf|indd|odt|rtf|txt)$|^\s*$|"
    r"^documento\d*$|^document\d*$|_)"
)
_YEAR = re.compile(r"(?<![\d.,/-])((?:19|20)\d\d)(?![\d.,/-]\d)")
_SITE_SUFFIX = re.compile(r"\s*(\||–|—)\s*[^|]*$")
#: Names of legislation portals and gazettes: an HTML title naming the site, not the text.
_SITE = re.compile(
    r"^(dof|infoleg|suin|juriscol|diario oficial|boletin oficial|legifrance|planalto|"
    r"leychile|impo|spij|el peruano)\b"
)


@dataclass(frozen=True)
class DerivedMetadata:
    """Metadata fields and where each came from.

    :param values: field name → value (ISO dates; ``topics`` ``;``-separated, most salient first).
    :param sources: field name → ``embedded`` or ``derived`` (:data:`library.model.Provenance`).
    """

    values: Mapping[str, str] = field(default_factory=dict)
    sources: Mapping[str, str] = field(default_factory=dict)


class _Fields:
    """Collects values; the first valid value given for a field wins."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}
        self.sources: dict[str, str] = {}

    def offer(self, name: str, value: str, source: str) -> None:
        if value and name not in self.values:
            self.values[name] = value
            self.sources[name] = source


def _embedded_title(meta: Mapping[str, str], lines: list[str]) -> str:
    """The title a file states, if it looks like a real title."""
    title = re.sub(r"\s+", " ", meta.get("title") or "").strip()
    if title:
        title = _SITE_SUFFIX.sub("", title).strip()
        if not is_boilerplate(title) and not _SITE.search(fold(title)):
            return title
    for key in ("pdf_title", "doc_title"):
        weak = re.sub(r"\s+", " ", meta.get(key) or "").strip()
        if (
            weak
            and not _WEAK_TITLE.search(fold(weak))
            and len(weak.split()) > 1
            and _in_head(weak, lines)
        ):
            return weak
    return ""


def _publication_year(meta: Mapping[str, str], lines: list[str], text: str) -> tuple[str, str]:
    """The year a publication without a dated formula was made: its file's creation year,
    unless the file's metadata are a template's (its title is not the text's, as in "Author
    instructions"); then the latest past year the text mentions (its newest citation)."""
    for created, title in (("pdf_created", "pdf_title"), ("doc_created", "doc_title")):
        year = normalise_date(meta.get(created, ""))[:4]
        if not year:
            continue
        stated = (meta.get(title) or "").strip()
        if not stated or _in_head(stated, lines):
            return year, EMBEDDED
        this_year = date.today().year
        mentioned = [int(y) for y in _YEAR.findall(text) if int(y) <= this_year]
        if mentioned and max(mentioned) > int(year):
            return str(max(mentioned)), DERIVED
        return year, EMBEDDED
    return "", DERIVED


def _in_head(title: str, lines: list[str]) -> bool:
    words = [w for w in re.findall(r"\w+", fold(title)) if len(w) > 2]
    head = fold(" ".join(lines))
    return bool(words) and sum(1 for w in words if w in head) >= 0.6 * len(words)


def _has_number(title: str) -> bool:
    return bool(find_number(title))


def _title(
    meta: Mapping[str, str],
    lines: list[str],
    running: frozenset[str],
    vocab: Vocabularies,
    language: str,
) -> tuple[str, str, str]:
    """(title, source, the line naming the instrument)."""
    embedded = _embedded_title(meta, lines)
    choice = choose_title(lines, vocab, language, running)
    if choice.number_line and fold(choice.title) != fold(recase(choice.number_line, language)):
        return choice.title, DERIVED, choice.type_line  # type, number and subject from the text
    if embedded and _extends(choice.title, embedded):
        return choice.title, DERIVED, choice.type_line or embedded
    if embedded:
        if _has_number(embedded) or not choice.number_line:
            return _embedded_recased(embedded, language), EMBEDDED, choice.type_line or embedded
        if not _covers(choice.title, embedded):
            # the file's title is a short name; the text adds the type and number
            title = f"{recase(choice.number_line, language)} - {recase(trim_subject(embedded), language)}"
            return title, DERIVED, choice.number_line
    return choice.title, DERIVED, choice.type_line or choice.title


def _embedded_recased(title: str, language: str) -> str:
    head, sep, rest = title.partition(" - ")
    if sep:
        return f"{recase(head, language)} - {recase(trim_subject(rest), language)}"
    return recase(trim_subject(title), language)


def _extends(title: str, name: str) -> bool:
    """The text's title holds the file's title and adds to it (a long title, a number)."""
    return fold(title).startswith(fold(name).strip()) and len(title) > len(name) + 5


def _covers(title: str, name: str) -> bool:
    return fold(name).strip() in fold(title) and len(fold(title)) > len(fold(name)) + 15


#: What a file says of itself as a whole, besides the text: evidence for jurisdiction.
_CONTEXT_KEYS = ("title", "description", "pdf_title", "doc_title", "running_header")


def _context(meta: Mapping[str, str]) -> str:
    return "\n".join(meta.get(key) or "" for key in _CONTEXT_KEYS)


def derive_metadata(
    extracted: Extracted, parts: tuple[Part, ...], language: str, vocab: Vocabularies
) -> DerivedMetadata:
    """Every metadata field that can be had from a file's own metadata and its text.

    :param extracted: what the extractor returned (text, blocks, embedded metadata).
    :param parts: the parts segmentation found (used for the text when blocks are absent).
    :param language: ISO 639-1 code of the document.
    :param vocab: the controlled vocabularies.
    """
    meta = extracted.metadata
    text = extracted.text or "\n\n".join(p.text for p in parts)
    lines = (
        head_lines(extracted)
        if extracted.blocks or extracted.text
        else [p.heading for p in parts[:20]]
    )
    out = _Fields()

    paged = bool(extracted.pages) or extracted.format == "pdf"
    running = frozenset(running_lines(text)) if paged else frozenset()
    title, title_source, type_line = _title(meta, lines, running, vocab, language)
    cited = cited_title(text, title)
    if cited:
        title = f"{title} ({cited})"
    out.offer("title", title, title_source)

    stated_type = normalise_type(meta.get("instrument_type", ""), vocab, language)
    out.offer("instrument_type", stated_type, EMBEDDED)
    hinted = normalise_type(meta.get("instrument_type_hint", ""), vocab, language)
    derived_type = title_type(type_line, vocab, language) if type_line else None
    if derived_type is None and title:
        derived_type = title_type(title, vocab, language)
    # a hint names the rank; the title's own type is more precise only when the hint is missing
    out.offer("instrument_type", hinted, EMBEDDED)
    out.offer(
        "instrument_type",
        derived_type or content_type(text, title, meta.get("running_header", "")),
        DERIVED,
    )

    out.offer("number", (meta.get("number") or "").strip(), EMBEDDED)
    out.offer("number", find_number(type_line) or find_number(title), DERIVED)

    status = text_status(text)
    dating = choose_dates(
        text,
        type_line or title,
        consolidated=status == "amended",
        treaty=out.values.get("instrument_type") == "treaty",
    )
    for name in ("date_adopted", "date_published", "date_in_force"):
        out.offer(name, normalise_date(meta.get(name, "")), EMBEDDED)
    out.offer("date_adopted", dating.adopted, DERIVED)
    out.offer("date_published", dating.published, DERIVED)
    out.offer("date_adopted", year_from_title(type_line) or year_from_title(title), DERIVED)
    out.offer(
        "date_adopted",
        out.values.get("date_published", ""),
        out.sources.get("date_published", DERIVED),
    )
    if out.values.get("instrument_type") in _PUBLICATION_TYPES:
        out.offer("date_adopted", *_publication_year(meta, lines, text))

    out.offer("jurisdiction", normalise_jurisdiction(meta.get("jurisdiction", ""), vocab), EMBEDDED)
    out.offer(
        "jurisdiction", normalise_jurisdiction(meta.get("jurisdiction_hint", ""), vocab), EMBEDDED
    )
    out.offer(
        "jurisdiction",
        derive_jurisdiction(
            title, text, out.values.get("instrument_type", ""), vocab, _context(meta)
        ),
        DERIVED,
    )

    out.offer("issuing_body", normalise_body(meta.get("issuing_body", "")), EMBEDDED)
    out.offer("issuing_body", formula_body(text), DERIVED)
    out.offer("issuing_body", normalise_body(meta.get("issuing_body_hint", "")), EMBEDDED)

    stated_status = normalise_status(meta.get("status", ""))
    out.offer("status", stated_status if stated_status != "unknown" else "", EMBEDDED)
    out.offer("status", status, DERIVED)

    stated_topics = (meta.get("topics") or "").strip()
    out.offer("topics", stated_topics, EMBEDDED)
    out.offer("topics", ";".join(find_topics(title, text, vocab, language)), DERIVED)

    out.offer("gazette", (meta.get("gazette") or "").strip(), EMBEDDED)
    return DerivedMetadata(dict(out.values), dict(out.sources))
