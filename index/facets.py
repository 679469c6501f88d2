"""Facet values per document, read once per segment from the index columns, and counted.

Counts count documents (expressions). A facet's counts ignore that facet's own
selection (OR within a facet) and apply every other facet's (AND across facets), so
the values next to a ticked one stay selectable.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
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


def _encode(values: list[Any]) -> tuple[list[Any], np.ndarray]:
    """Sorted distinct values and each document's code (its value's index among them)."""
    labels = sorted(set(values))
    index = {v: n for n, v in enumerate(labels)}
    codes = np.fromiter(map(index.__getitem__, values), dtype=np.int32, count=len(values))
    return labels, codes


class SegmentColumns:
    """Column values of one segment, encoded (immutable: deletions do not change columns).

    Single-valued fields: sorted distinct values and a code per document. Multi-valued
    fields (topics): the same for each (document, value) pair.
    """

    def __init__(self, reader: Any) -> None:
        self.count = int(reader.doc_count_all())
        self.labels: dict[str, list[Any]] = {}
        self.codes: dict[str, np.ndarray] = {}
        self.pair_docs: dict[str, np.ndarray] = {}
        for field in COLUMNS:
            if reader.has_column(field):
                values = [_decode(field, v) for v in reader.column_reader(field)]
            else:
                empty: Any = () if field in F.MULTI_VALUED_FACETS else ""
                values = [empty] * self.count
            if field in F.MULTI_VALUED_FACETS:
                docs = [d for d, vs in enumerate(values) for _ in vs]
                flat = [v for vs in values for v in vs]
                self.labels[field], self.codes[field] = _encode(flat)
                self.pair_docs[field] = np.asarray(docs, dtype=np.int32)
            else:
                self.labels[field], self.codes[field] = _encode(values)
        self.lengths = field_lengths(reader, SCORED_FIELDS)


class Columns:
    """Column values by global document number, for one searcher, as NumPy codes.

    ``labels(field)`` are the field's distinct values in sorted order and
    ``codes(field)`` each document's index into them, so codes sort as the values do.

    :param searcher: the open searcher.
    :param cache: segment id -> :class:`SegmentColumns`, kept by the caller across
        refreshes so unchanged segments are not read again (pruned here).
    """

    def __init__(self, searcher: Searcher, cache: dict[str, SegmentColumns]) -> None:
        segments: list[tuple[SegmentColumns, int]] = []
        alive: set[str] = set()
        for leaf, offset in searcher.leaf_searchers():
            reader = leaf.reader()
            key = _segment_key(reader)
            alive.add(key)
            seg = cache.get(key)
            if seg is None:
                seg = cache[key] = SegmentColumns(reader)
            segments.append((seg, offset))
        for key in set(cache) - alive:
            del cache[key]
        self._labels: dict[str, list[Any]] = {}
        self._codes: dict[str, np.ndarray] = {}
        self._pair_docs: dict[str, np.ndarray] = {}
        for field in COLUMNS:
            labels = sorted(set().union(*(seg.labels[field] for seg, _ in segments)))
            index = {v: n for n, v in enumerate(labels)}
            codes: list[np.ndarray] = []
            docs: list[np.ndarray] = []
            for seg, offset in segments:
                remap = np.fromiter(map(index.__getitem__, seg.labels[field]), dtype=np.int32,
                                    count=len(seg.labels[field]))  # fmt: skip
                codes.append(remap[seg.codes[field]] if len(remap) else seg.codes[field])
                if field in F.MULTI_VALUED_FACETS:
                    docs.append(seg.pair_docs[field] + offset)
            self._labels[field] = labels
            self._codes[field] = _joined(codes, np.int32)
            if field in F.MULTI_VALUED_FACETS:
                self._pair_docs[field] = _joined(docs, np.int32)
        self.lengths: dict[str, np.ndarray] = {
            field: _joined([seg.lengths[field] for seg, _ in segments], np.float32)
            for field in SCORED_FIELDS
        }

    def labels(self, field: str) -> list[Any]:
        """The distinct values of ``field``, sorted."""
        return self._labels[field]

    def codes(self, field: str) -> np.ndarray:
        """Each document's code of a single-valued ``field`` (index into :meth:`labels`)."""
        return self._codes[field]

    def code(self, field: str, value: Any) -> int | None:
        """The code of ``value`` in ``field``, None when no document has it."""
        labels = self._labels[field]
        n = bisect_left(labels, value)
        return n if n < len(labels) and labels[n] == value else None

    def years_between(self, low: int, high: int) -> np.ndarray:
        """Mask of the documents whose year is in ``low..high`` (inclusive)."""
        years = np.array([int(v) if v else -1 for v in self._labels[F.YEAR]], dtype=np.int64)
        wanted = (years >= low) & (years <= high)
        codes = self._codes[F.YEAR]
        return wanted[codes] if len(years) else np.zeros(len(codes), dtype=bool)

    def count(self, field: str, docs: np.ndarray) -> dict[Any, int]:
        """Documents per value of ``field`` among the mask ``docs`` (values counted > 0)."""
        labels = self._labels[field]
        if field in F.MULTI_VALUED_FACETS:
            chosen = self._codes[field][docs[self._pair_docs[field]]]
        else:
            chosen = self._codes[field][docs]
        counts = np.bincount(chosen, minlength=len(labels))
        return {labels[n]: int(counts[n]) for n in np.flatnonzero(counts).tolist()}


def _joined(parts: list[np.ndarray], dtype: Any) -> np.ndarray:
    return np.concatenate(parts).astype(dtype, copy=False) if parts else np.zeros(0, dtype=dtype)


def _segment_key(reader: Any) -> str:
    segment = reader.segment() if hasattr(reader, "segment") else None
    return segment.segment_id() if segment is not None else str(id(reader))


def facet_counts(
    columns: Columns,
    docs: np.ndarray,
    selections: Mapping[str, tuple[np.ndarray, Sequence[str]]],
    label: Callable[[str, str], str],
    size: int,
) -> dict[str, tuple[FacetValue, ...]]:
    """Facet values with counts, each facet ignoring its own selection.

    :param columns: column values of the searcher.
    :param docs: mask of the documents matching the query (before facet selections).
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
        counts = columns.count(field, base)
        counts.pop("", None)
        chosen = set(selections.get(field, (set(), ()))[1])
        if field == F.YEAR:
            ranked = sorted(counts.items(), key=lambda kv: kv[0], reverse=True)[:size]
        else:
            ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:size]
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
