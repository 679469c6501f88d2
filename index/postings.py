"""Posting lists read a block at a time, and BM25 scores computed from them.

Whoosh's matcher tree costs several microseconds of Python per posting (a method
call chain for every ``next()`` and ``score()``). Reading each W3 block's id, weight
and value arrays at once and summing BM25 over them in plain loops costs a fraction
of that; the set of matching documents is already known (``index/plan.py``), so
scoring is a flat sum over the query's weighted terms. Readers of other matcher
types fall back to the public matcher API.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound
from whoosh.searching import Searcher

K1 = 1.2
B = 0.75


def _raw_matcher(reader: Any, field: str, text: str) -> Any:
    matcher = reader.postings(field, text)
    while isinstance(matcher, FilterMatcher):  # deletions: the caller intersects with live docs
        matcher = matcher.child
    return matcher


def _leaf(matcher: Any, offset: int, values: bool) -> tuple[list[int], list[float], list[Any]]:
    ids: list[int] = []
    weights: list[float] = []
    vals: list[Any] = []
    if isinstance(matcher, W3LeafMatcher):  # LeanLeafMatcher too
        while matcher.is_active():
            if matcher._ids is None:
                matcher._read_ids()
            if matcher._weights is None:
                matcher._read_weights()
            ids.extend(matcher._ids)
            weights.extend(matcher._weights)
            if values:
                if matcher._values is None:
                    matcher._read_values()
                vals.extend(matcher._values)
            if matcher._lastblock:
                break
            matcher._next_block()
    else:
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            if values:
                vals.append(matcher.value())
            matcher.next()
    if offset:
        ids = [i + offset for i in ids]
    return ids, weights, vals


def read(
    searcher: Searcher, field: str, text: str, values: bool = False
) -> tuple[list[int], list[float], list[Any]]:
    """Global doc numbers, weights (term frequencies) and optionally raw values of a term.

    Deleted documents are included; intersect with the live documents when needed.
    """
    ids: list[int] = []
    weights: list[float] = []
    vals: list[Any] = []
    for leaf, offset in searcher.leaf_searchers():
        try:
            matcher = _raw_matcher(leaf.reader(), field, text)
        except TermNotFound:
            continue
        i, w, v = _leaf(matcher, offset, values)
        ids += i
        weights += w
        vals += v
    return ids, weights, vals


def bm25(
    searcher: Searcher,
    terms: Mapping[tuple[str, str], float],
    docs: set[int],
    lengths: Mapping[str, list[int]],
    postings: Any,
) -> dict[int, float]:
    """BM25 scores of ``docs`` for weighted ``terms``, summed over fields.

    :param searcher: the open searcher (for statistics).
    :param terms: ``(field, term) -> boost``.
    :param docs: documents to score (others are skipped).
    :param lengths: field -> length of that field for each global doc number.
    :param postings: ``(field, term) -> (ids, weights)`` (memoised reads).
    """
    scores: dict[int, float] = {}
    total = max(1, searcher.doc_count_all())
    get = scores.get
    for (field, text), boost in terms.items():
        ids, weights = postings(field, text)
        if not ids:
            continue
        idf = math.log(1 + (total - len(ids) + 0.5) / (len(ids) + 0.5))
        avg = searcher.avg_field_length(field) or 1.0
        field_lengths = lengths.get(field)
        factor = boost * idf * (K1 + 1)
        norm = K1 * (1 - B)
        slope = K1 * B / avg
        if field_lengths is None:
            for d, tf in zip(ids, weights, strict=False):
                if d in docs:
                    scores[d] = get(d, 0.0) + factor * tf / (tf + K1)
        else:
            for d, tf in zip(ids, weights, strict=False):
                if d in docs:
                    scores[d] = get(d, 0.0) + factor * tf / (tf + norm + slope * field_lengths[d])
    return scores


def field_lengths(reader: Any, fields: Iterable[str]) -> dict[str, list[int]]:
    """Per-document lengths of ``fields`` in one segment (read once per segment)."""
    out: dict[str, list[int]] = {}
    count = reader.doc_count_all()
    for field in fields:
        out[field] = [reader.doc_field_length(d, field, 0) for d in range(count)]
    return out
