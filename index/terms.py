"""What a query word means in the index: stem variants, prefixes, fuzzy matches, docsets.

A :class:`Lexicon` wraps one open searcher and memoises its answers; the search
service makes a new one whenever it refreshes its searcher, so nothing outlives the
segments it was computed from.
"""

from __future__ import annotations

import heapq
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

import numpy as np
from whoosh.searching import Searcher

from index import analysis, postings
from index import fields as F

#: At most this many indexed words stand for one prefix* or fuzzy~ word (most frequent).
MAX_EXPANSION = 48
#: Lexicon entries scanned for one stem (a stem of 3-4 letters may start many words).
MAX_SCAN = 4000
TEXT_FIELDS: tuple[str, ...] = (F.BODY_EXACT, F.TITLE)
#: Entries memoised per searcher before the memo is cleared.
MAX_MEMO = 100_000
#: Memory for decoded posting lists kept across queries (ids and weights, 8 bytes each,
#: and the neighbour hashes of the words phrases were checked on).
CACHE_BYTES = 128 << 20


class Lexicon:
    """Term lookups on one searcher, memoised.

    Sets of documents are boolean masks over the searcher's global document numbers
    (``numpy`` arrays of :attr:`size`): AND, OR and NOT are ``&``, ``|`` and ``~``.

    :param searcher: an open Whoosh searcher (the caller keeps it open while in use).
    """

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.size = int(searcher.doc_count_all())
        self._variants: dict[str, tuple[str, ...]] = {}
        self._live: np.ndarray | None = None
        # (kind, field, term) -> (entry, size in bytes); kind is "postings" or "neighbours".
        self._cache: OrderedDict[tuple[str, str, str], tuple[Any, int]] = OrderedDict()
        self._cache_bytes = 0
        self._df: dict[tuple[str, str], int] = {}

    def postings(self, field: str, term: str) -> tuple[np.ndarray, np.ndarray]:
        """Doc numbers (deleted ones included) and weights (term frequencies) of a term.

        Kept in a least-recently-used cache of :data:`CACHE_BYTES` for the life of the
        searcher (frequent words recur across queries).
        """
        found = self._cached(("postings", field, term))
        if found is None:
            found = postings.read(self.searcher, field, term)
            self._remember(("postings", field, term), found, 8 * len(found[0]))
        return found

    def neighbours(self, field: str, term: str) -> tuple[np.ndarray, postings.Neighbours]:
        """Doc numbers of a term and the neighbour hashes of each posting (cached too)."""
        found = self._cached(("neighbours", field, term))
        if found is None:
            ids, weights, neighbours = postings.read_neighbours(self.searcher, field, term)
            found = (ids, neighbours)
            self._remember(("neighbours", field, term), found, neighbours.nbytes + 4 * len(ids))
            if ("postings", field, term) not in self._cache:  # the same read gave them
                self._remember(("postings", field, term), (ids, weights), 8 * len(ids))
        return found

    def _cached(self, key: tuple[str, str, str]) -> Any:
        found = self._cache.get(key)
        if found is None:
            return None
        self._cache.move_to_end(key)
        return found[0]

    def _remember(self, key: tuple[str, str, str], entry: Any, size: int) -> None:
        size += 100
        if size > CACHE_BYTES // 4:
            return
        old = self._cache.pop(key, None)
        if old is not None:
            self._cache_bytes -= old[1]
        self._cache[key] = (entry, size)
        self._cache_bytes += size
        while self._cache_bytes > CACHE_BYTES:
            _key, (_entry, gone) = self._cache.popitem(last=False)
            self._cache_bytes -= gone

    # -- statistics -------------------------------------------------------------------
    def doc_frequency(self, field: str, term: str) -> int:
        """Number of documents holding ``term`` in ``field`` (deleted ones included)."""
        key = (field, term)
        found = self._df.get(key)
        if found is None:
            try:
                found = int(self.reader.doc_frequency(field, term))
            except (KeyError, ValueError, TypeError):
                found = 0
            if len(self._df) > MAX_MEMO:
                self._df.clear()
            self._df[key] = found
        return found

    def exists(self, term: str) -> bool:
        """Whether ``term`` is indexed in the body or a title."""
        return any(self.doc_frequency(field, term) for field in TEXT_FIELDS)

    # -- document sets (masks) ------------------------------------------------------------
    def empty(self) -> np.ndarray:
        """A mask of no document."""
        return np.zeros(self.size, dtype=bool)

    def live(self) -> np.ndarray:
        """A mask of every live (not deleted) document (a fresh copy)."""
        if self._live is None:
            live = np.zeros(self.size, dtype=bool)
            if self.reader.has_deletions():
                live[np.fromiter(self.reader.all_doc_ids(), dtype=np.int64)] = True
            else:
                live[:] = True
            self._live = live
        return self._live.copy()

    def docs(self, field: str, term: str) -> np.ndarray:
        """Mask of the live documents holding ``term`` in ``field``."""
        return self.docs_any(((field, term),))

    def docs_any(self, pairs: Iterable[tuple[str, str]]) -> np.ndarray:
        """Union of :meth:`docs` over ``(field, term)`` pairs."""
        out = self.empty()
        for field, term in pairs:
            if self.doc_frequency(field, term):
                out[self.postings(field, term)[0]] = True
        if self.reader.has_deletions():
            out &= self.live()
        return out

    # -- expansions ------------------------------------------------------------------
    def _prefixed(self, prefix: str, scan: int = MAX_SCAN) -> list[str]:
        out: list[str] = []
        for field in TEXT_FIELDS:
            for n, btext in enumerate(self.reader.expand_prefix(field, prefix)):
                if n >= scan:
                    break
                out.append(btext.decode("utf-8") if isinstance(btext, bytes) else btext)
        return list(dict.fromkeys(out))

    def variants(self, word: str, language: str = "") -> tuple[str, ...]:
        """Indexed words with the same Snowball stem as ``word``.

        :param word: a folded word. A stop word of every language yields only itself
            (if indexed at all).
        :param language: stem in this language only; "" (unknown) stems in each of
            es/en/pt/fr, which also finds cognates in the other languages.
        """
        key = f"{language}:{word}"
        found = self._variants.get(key)
        if found is not None:
            return found
        languages = (language,) if language in F.STEMMED_LANGUAGES else F.STEMMED_LANGUAGES
        stems = {
            lang: analysis.stem(word, lang)
            for lang in languages
            if word not in analysis.stop_words(lang)
        }
        out = {word} if self.exists(word) else set()
        prefixes = {s[:-1] if len(s) > 4 else s for s in stems.values()}
        for prefix in prefixes:
            for term in self._prefixed(prefix):
                if term not in out and any(
                    analysis.stem(term, lang) == s for lang, s in stems.items()
                ):
                    out.add(term)
        result = tuple(sorted(out, key=lambda t: (t != word, t)))
        if len(self._variants) > MAX_MEMO:
            self._variants.clear()
        self._variants[key] = result
        return result

    def prefix(self, prefix: str, limit: int = MAX_EXPANSION) -> tuple[str, ...]:
        """The ``limit`` most frequent indexed words starting with ``prefix``."""
        terms = self._prefixed(prefix, scan=50_000)
        return self._most_frequent(terms, limit)

    def fuzzy(self, word: str, maxdist: int, limit: int = MAX_EXPANSION) -> tuple[str, ...]:
        """The ``limit`` most frequent indexed words within ``maxdist`` edits of ``word``."""
        prefix = 1 if len(word) > 3 else 0
        found: set[str] = set()
        for field in TEXT_FIELDS:
            found |= self._within(field, word, maxdist, prefix)
        return self._most_frequent(sorted(found), limit)

    def _within(self, field: str, word: str, maxdist: int, prefix: int) -> set[str]:
        """Terms within ``maxdist`` edits, asking each segment (its DFA walk is fast;
        the multi-segment reader falls back to a Python scan of the lexicon)."""
        found: set[str] = set()
        for leaf, _offset in self.searcher.leaf_searchers():
            for term in leaf.reader().terms_within(field, word, maxdist, prefix=prefix):
                found.add(as_text(term))
        return found

    def _most_frequent(self, terms: list[str], limit: int) -> tuple[str, ...]:
        if len(terms) <= limit:
            return tuple(terms)
        return tuple(
            heapq.nlargest(limit, terms, key=lambda t: self.doc_frequency(F.BODY_EXACT, t))
        )

    def suggest(self, word: str) -> str | None:
        """The most frequent indexed word one edit (or one swap) from ``word``.

        Candidates share the word's first letters (2, or 3 for words over 5 letters);
        two words are one edit apart when they share a one-letter deletion.
        """
        if len(word) < 3 or word.isdigit():
            return None
        prefix = word[:3] if len(word) > 5 else word[:2]
        wanted = _deletions(word) | {word}
        candidates: set[str] = set()
        for leaf, _offset in self.searcher.leaf_searchers():
            for raw in leaf.reader().expand_prefix(F.BODY_EXACT, prefix):
                term = as_text(raw)
                if (
                    abs(len(term) - len(word)) <= 1
                    and term != word
                    and (term in wanted or _deletions(term) & wanted)
                ):
                    candidates.add(term)
        if not candidates:
            return None
        return max(sorted(candidates), key=lambda t: self.doc_frequency(F.BODY_EXACT, t))


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def as_text(value: Any) -> str:
    """A term from the reader as ``str``."""
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)
