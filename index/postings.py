"""Posting lists read a block at a time into arrays, and BM25 scores computed from them.

Whoosh's matcher tree costs several microseconds of Python per posting (a method
call chain for every ``next()`` and ``score()``). Here each W3 block's id, weight and
value arrays are read at once (the lean blocks of ``index/codec.py`` straight into
NumPy), and BM25 is one vectorised sum per weighted term over the matching set,
which ``index/plan.py`` has already computed as a mask. Readers of other matcher
types fall back to the public matcher API.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound
from whoosh.searching import Searcher

K1 = 1.2
B = 0.75
#: Document numbers (global) and term frequencies, as stored in the arrays below.
ID_TYPE = np.int32
WEIGHT_TYPE = np.float32
EMPTY_IDS = np.zeros(0, dtype=ID_TYPE)
EMPTY_WEIGHTS = np.zeros(0, dtype=WEIGHT_TYPE)


def _raw_matcher(reader: Any, field: str, text: str) -> Any:
    matcher = reader.postings(field, text)
    while isinstance(matcher, FilterMatcher):  # deletions: the caller intersects with live docs
        matcher = matcher.child
    return matcher


def _block_ids(matcher: Any) -> np.ndarray:
    data = matcher._data
    if isinstance(data[0], bytes):  # a lean block: delta-coded uint32
        return np.cumsum(np.frombuffer(data[0], dtype=np.uint32), dtype=np.int64)
    if matcher._ids is None:
        matcher._read_ids()
    return np.asarray(matcher._ids, dtype=np.int64)


def _block_weights(matcher: Any, count: int) -> np.ndarray:
    data = matcher._data
    if isinstance(data[1], bytes):  # a lean block: packed float32
        return np.frombuffer(data[1], dtype=WEIGHT_TYPE)
    if matcher._weights is None:
        matcher._read_weights()
    weights = np.asarray(matcher._weights, dtype=WEIGHT_TYPE)
    return weights if len(weights) == count else np.ones(count, dtype=WEIGHT_TYPE)


def _block_values(matcher: Any) -> tuple[np.ndarray, bytes]:
    """Byte length of each posting value in the current block, and the values joined."""
    raw = matcher._data[2]
    if isinstance(raw, tuple) and len(raw) == 2 and isinstance(raw[0], bytes):  # lean
        return np.frombuffer(raw[0], dtype=np.uint32).astype(np.int64), raw[1]
    if matcher._values is None:
        matcher._read_values()
    values = [v or b"" for v in matcher._values]
    return np.fromiter(map(len, values), dtype=np.int64, count=len(values)), b"".join(values)


def _leaf(
    matcher: Any, values: bool
) -> tuple[list[np.ndarray], list[np.ndarray], list[np.ndarray], list[bytes]]:
    ids: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    lengths: list[np.ndarray] = []
    blobs: list[bytes] = []
    if isinstance(matcher, W3LeafMatcher):  # LeanLeafMatcher too
        while matcher.is_active():
            if matcher._data is None:
                matcher._read_data()
            block = _block_ids(matcher)
            ids.append(block)
            weights.append(_block_weights(matcher, len(block)))
            if values:
                n, blob = _block_values(matcher)
                lengths.append(n)
                blobs.append(blob)
            if matcher._lastblock:
                break
            matcher._next_block()
    else:
        one_ids: list[int] = []
        one_weights: list[float] = []
        one_values: list[bytes] = []
        while matcher.is_active():
            one_ids.append(matcher.id())
            one_weights.append(matcher.weight())
            if values:
                one_values.append(matcher.value() or b"")
            matcher.next()
        ids.append(np.asarray(one_ids, dtype=np.int64))
        weights.append(np.asarray(one_weights, dtype=WEIGHT_TYPE))
        if values:
            lengths.append(np.fromiter(map(len, one_values), dtype=np.int64))
            blobs.append(b"".join(one_values))
    return ids, weights, lengths, blobs


def _read(
    searcher: Searcher, field: str, text: str, values: bool
) -> tuple[np.ndarray, np.ndarray, np.ndarray, bytes]:
    ids: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    lengths: list[np.ndarray] = []
    blobs: list[bytes] = []
    for leaf, offset in searcher.leaf_searchers():
        try:
            matcher = _raw_matcher(leaf.reader(), field, text)
        except TermNotFound:
            continue
        i, w, n, b = _leaf(matcher, values)
        ids += [block + offset for block in i] if offset else i
        weights += w
        lengths += n
        blobs += b
    if not ids:
        return EMPTY_IDS, EMPTY_WEIGHTS, np.zeros(0, dtype=np.int64), b""
    joined_lengths = np.concatenate(lengths) if lengths else np.zeros(0, dtype=np.int64)
    return (
        np.concatenate(ids).astype(ID_TYPE),
        np.concatenate(weights),
        joined_lengths,
        b"".join(blobs),
    )


def read(searcher: Searcher, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
    """Global doc numbers and weights (term frequencies) of a term.

    Deleted documents are included; intersect with the live documents when needed.
    """
    ids, weights, _lengths, _blob = _read(searcher, field, text, values=False)
    return ids, weights


class Neighbours:
    """The neighbour hashes stored in each posting of one term (``index/analysis.py``).

    A posting value is little-endian 16-bit units: the frequency (two units), the
    number of hashes of following words, those hashes, then the hashes of preceding
    words. All values of the term are kept as one array, so a phrase check is a few
    vectorised comparisons instead of a Python loop over the postings.
    """

    def __init__(self, byte_lengths: np.ndarray, blob: bytes) -> None:
        self.units = np.frombuffer(blob[: len(blob) // 2 * 2], dtype="<u2")
        sizes = byte_lengths // 2
        starts = np.zeros(len(sizes), dtype=np.int64)
        np.cumsum(sizes[:-1], out=starts[1:])
        ends = starts + sizes
        framed = sizes >= 3  # a bare frequency has no neighbours
        header = np.minimum(starts + 2, max(0, len(self.units) - 1))
        after_count = np.where(framed, self.units[header] if len(self.units) else 0, 0)
        after_start = np.where(framed, starts + 3, ends)
        # int32 offsets: a term's hashes never reach 2**31 units, and the arrays are cached.
        self.starts = starts.astype(np.int32)
        self.ends = ends.astype(np.int32)
        self.after_start = after_start.astype(np.int32)
        self.after_end = np.minimum(after_start + after_count, ends).astype(np.int32)

    @property
    def nbytes(self) -> int:
        """Memory held by the arrays (for the posting cache)."""
        return self.units.nbytes + 16 * len(self.starts)

    def __len__(self) -> int:
        return len(self.starts)

    def _within(self, value: int, low: np.ndarray, high: np.ndarray) -> np.ndarray:
        found = np.zeros(len(self.starts), dtype=bool)
        where = np.flatnonzero(self.units == value)
        if len(where):
            owner = np.searchsorted(self.starts, where, side="right") - 1
            inside = (where >= low[owner]) & (where < high[owner])
            found[owner[inside]] = True
        return found

    def having(self, before: int | None, after: int | None) -> np.ndarray:
        """Per posting: holds ``before`` among the preceding and ``after`` among the
        following words' hashes (None: no condition)."""
        ok = np.ones(len(self.starts), dtype=bool)
        if after is not None:
            ok &= self._within(after, self.after_start, self.after_end)
        if before is not None:
            ok &= self._within(before, self.after_end, self.ends)
        return ok


def read_neighbours(
    searcher: Searcher, field: str, text: str
) -> tuple[np.ndarray, np.ndarray, Neighbours]:
    """Global doc numbers, weights and the neighbour hashes of each posting of a term."""
    ids, weights, lengths, blob = _read(searcher, field, text, values=True)
    return ids, weights, Neighbours(lengths, blob)


def bm25(
    searcher: Searcher,
    terms: Mapping[tuple[str, str], float],
    docs: np.ndarray,
    lengths: Mapping[str, np.ndarray],
    postings: Any,
) -> np.ndarray:
    """BM25 scores of the documents in the mask ``docs`` for weighted ``terms``.

    :param searcher: the open searcher (for statistics).
    :param terms: ``(field, term) -> boost``.
    :param docs: boolean mask of the documents to score (others stay at 0).
    :param lengths: field -> length of that field for each global doc number.
    :param postings: ``(field, term) -> (ids, weights)`` (memoised reads).
    :returns: a score per global doc number; every term adds a positive amount, so
        a matching document with any term scores above 0.
    """
    scores = np.zeros(len(docs), dtype=np.float64)
    total = max(1, searcher.doc_count_all())
    for (field, text), boost in terms.items():
        ids, weights = postings(field, text)
        if not len(ids):
            continue
        idf = np.log(1 + (total - len(ids) + 0.5) / (len(ids) + 0.5))
        keep = docs[ids]
        ids, tf = ids[keep], weights[keep].astype(np.float64)
        if not len(ids):
            continue
        factor = boost * idf * (K1 + 1)
        field_lengths = lengths.get(field)
        if field_lengths is None:
            scores[ids] += factor * tf / (tf + K1)
        else:
            avg = searcher.avg_field_length(field) or 1.0
            norm = K1 * (1 - B) + (K1 * B / avg) * field_lengths[ids]
            scores[ids] += factor * tf / (tf + norm)
    return scores


def field_lengths(reader: Any, fields: Iterable[str]) -> dict[str, np.ndarray]:
    """Per-document lengths of ``fields`` in one segment (read once per segment)."""
    out: dict[str, np.ndarray] = {}
    count = reader.doc_count_all()
    for field in fields:
        out[field] = np.fromiter(
            (reader.doc_field_length(d, field, 0) for d in range(count)),
            dtype=np.float32,
            count=count,
        )
    return out
