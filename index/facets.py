"""Facet values per document, read once per segment from the index columns, and counted.

Counts count documents (expressions). A facet's counts ignore that facet's own
selection (OR within a facet) and apply every other facet's (AND across facets), so
the values next to a ticked one stay selectable.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

from whoosh.searching import Searcher

from index import fields as F
from index.postings import field_lengths

#: Fields whose per-document lengths BM25 needs.
SCORED_FIELDS: tuple[str, ...] = (F.BODY_EXACT, F.TITLE, F.NUMBER)

#: Columns kept per segment, for facets and sorts.
COLUMNS: tuple[str, ...] = (*F.FACETS, F.SORT_DATE, F.SORT_TITLE)

#: Years at or above this are the numeric column's default: no year.
MISSING_YEAR = 10_000
LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "mul": {"es": "multilingüe", "en": "multilingual", "pt": "multilíngue", "fr": "multilingue"},
    "es": {"es": "español", "en": "Spanish", "pt": "espanhol", "fr": "espagnol"},
    "en": {"es": "inglés", "en": "English", "pt": "inglês", "fr": "anglais"},
    "pt": {"es": "portugués", "en": "Portuguese", "pt": "português", "fr": "portugais"},
    "fr": {"es": "francés", "en": "French", "pt": "francês", "fr": "français"},
}
STATUS_NAMES: dict[str, dict[str, str]] = {
    "in_force": {"es": "vigente", "en": "in force", "pt": "em vigor", "fr": "en vigueur"},
    "repealed": {"es": "derogada", "en": "repealed", "pt": "revogada", "fr": "abrogé"},
    "amended": {"es": "modificada", "en": "amended", "pt": "alterada", "fr": "modifié"},
    "not_in_force": {
        "es": "no vigente",
        "en": "not in force",
        "pt": "não vigente",
        "fr": "pas en vigueur",
    },
    "unknown": {"es": "desconocido", "en": "unknown", "pt": "desconhecido", "fr": "inconnu"},
}


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet with the number of matching documents that have it."""

    value: str
    label: str
    count: int
    selected: bool


def _decode(field: str, value: Any) -> Any:
    if field in F.MULTI_VALUED_FACETS:
        text = value.decode("utf-8") if isinstance(value, bytes) else (value or "")
        return tuple(text.split())
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if field == F.YEAR:  # a document without a year holds the column's default
        return str(value) if value and value < MISSING_YEAR else ""
    return value or ""


class SegmentColumns:
    """Column values of one segment (immutable: deletions do not change columns)."""

    def __init__(self, reader: Any) -> None:
        self.values: dict[str, list[Any]] = {}
        for field in COLUMNS:
            if reader.has_column(field):
                creader = reader.column_reader(field)
                self.values[field] = [_decode(field, v) for v in creader]
            else:
                empty: Any = () if field in F.MULTI_VALUED_FACETS else ""
                self.values[field] = [empty] * reader.doc_count_all()
        self.lengths = field_lengths(reader, SCORED_FIELDS)


class Columns:
    """Column values by global document number, for one searcher.

    :param searcher: the open searcher.
    :param cache: segment id -> :class:`SegmentColumns`, kept by the caller across
        refreshes so unchanged segments are not read again (pruned here).
    """

    def __init__(self, searcher: Searcher, cache: dict[str, SegmentColumns]) -> None:
        lists: dict[str, list[Any]] = {field: [] for field in COLUMNS}
        lengths: dict[str, list[int]] = {field: [] for field in SCORED_FIELDS}
        alive: set[str] = set()
        for leaf, _offset in searcher.leaf_searchers():
            reader = leaf.reader()
            key = _segment_key(reader)
            alive.add(key)
            seg = cache.get(key)
            if seg is None:
                seg = cache[key] = SegmentColumns(reader)
            for field in COLUMNS:
                lists[field].extend(seg.values[field])
            for field in SCORED_FIELDS:
                lengths[field].extend(seg.lengths[field])
        for key in set(cache) - alive:
            del cache[key]
        self.lists = lists
        self.lengths = lengths

    def column(self, field: str) -> list[Any]:
        return self.lists[field]


def _segment_key(reader: Any) -> str:
    segment = reader.segment() if hasattr(reader, "segment") else None
    return segment.segment_id() if segment is not None else str(id(reader))


def count(columns: Columns, field: str, docs: Iterable[int]) -> Counter[str]:
    """Documents per value of ``field`` among ``docs``."""
    values = columns.column(field)
    if field in F.MULTI_VALUED_FACETS:
        return Counter(chain.from_iterable(map(values.__getitem__, docs)))
    return Counter(map(values.__getitem__, docs))


def facet_counts(
    columns: Columns,
    docs: set[int],
    selections: Mapping[str, tuple[set[int], Sequence[str]]],
    label: Callable[[str, str], str],
    size: int,
) -> dict[str, tuple[FacetValue, ...]]:
    """Facet values with counts, each facet ignoring its own selection.

    :param columns: column values of the searcher.
    :param docs: documents matching the query (before facet selections).
    :param selections: facet -> (documents allowed by its selection, selected values).
    :param label: ``(facet, value) -> display label``.
    :param size: most frequent values kept per facet (selected ones always kept).
    """
    out: dict[str, tuple[FacetValue, ...]] = {}
    for field in F.FACETS:
        base = docs
        for other, (allowed, _values) in selections.items():
            if other != field:
                base = base & allowed
        counts = count(columns, field, base)
        counts.pop("", None)
        chosen = set(selections.get(field, (set(), ()))[1])
        if field == F.YEAR:
            ranked = sorted(counts.items(), key=lambda kv: kv[0], reverse=True)[:size]
        else:
            ranked = counts.most_common(size)
        shown = dict(ranked)
        for value in chosen:
            shown.setdefault(value, counts.get(value, 0))
        out[field] = tuple(
            FacetValue(_shown(field, value), label(field, value), n, value in chosen)
            for value, n in (
                sorted(shown.items(), key=lambda kv: kv[0], reverse=True)
                if field == F.YEAR
                else sorted(shown.items(), key=lambda kv: (-kv[1], kv[0]))
            )
        )
    return out


def _shown(field: str, value: str) -> str:
    """A facet value as users see and send it back (jurisdiction codes upper case)."""
    return value.upper() if field == F.JURISDICTION else value


def labeller(vocab: Any, lang: str) -> Callable[[str, str], str]:
    """A ``(facet, value) -> label`` function in ``lang`` using the vocabularies."""

    def label(field: str, value: str) -> str:
        try:
            if field == F.JURISDICTION and vocab is not None:
                return str(vocab.jurisdiction(value).name(lang))
            if field == F.INSTRUMENT_TYPE and vocab is not None:
                return str(vocab.instrument_type(value).label(lang))
            if field == F.TOPICS and vocab is not None:
                return str(vocab.concept(value).label(lang))
        except (LookupError, ValueError):
            pass
        if field == F.LANGUAGE:
            return LANGUAGE_NAMES.get(value, {}).get(lang, value)
        if field == F.STATUS:
            return STATUS_NAMES.get(value, {}).get(lang, value)
        if field == F.JURISDICTION:
            return value.upper()
        return value

    return label
