"""Article-level hits: the best parts of one hit, with HTML-escaped, marked snippets.

Run on the page shown only. The words to mark are concrete indexed words (the
query's stem variants, prefix and fuzzy expansions), so a part is matched with one
accent- and case-insensitive regular expression over its original text: no folding or
stemming of the text, and offsets are offsets in the original. Phrases are found the
same way; a hit whose text lacks a required phrase is dropped (this is the exact
position check that the index's neighbour hashes only approximate).
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from index import analysis
from index import fields as F
from index.mapping import StoredPart

_GAP = r"[\W_]+"
_BEFORE = r"(?<![^\W_])"
_AFTER = r"(?![^\W_])"
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class PartHit:
    """A matching part of a hit: where it is and a snippet to show."""

    anchor: str
    number: str
    kind: str
    heading: str
    snippet_html: str
    score: int


#: Accented lower-case letters of the collection's languages, by folded letter.
_ACCENTED = {
    "a": "áàâãäå",
    "e": "éèêë",
    "i": "íìîïı",
    "o": "óòôõöø",
    "u": "úùûü",
    "c": "ç",
    "n": "ñ",
    "y": "ýÿ",
}


@cache
def _letter_classes() -> dict[str, str]:
    """Folded letter -> regex class of its lower-case accented forms (small classes
    keep the per-query regex quick to compile)."""
    return {base: f"[{base}{chars}]" for base, chars in _ACCENTED.items()}


def _lower(text: str) -> str:
    """Lower case with offsets kept (``İ`` is the one letter whose lower case is longer)."""
    return text.replace("İ", "I").lower()


def word_pattern(word: str) -> str:
    """A regex matching the folded ``word`` in lower-cased text with any accents.

    >>> bool(re.fullmatch(word_pattern("migracion"), "migración"))
    True
    >>> bool(re.fullmatch(word_pattern("25871"), "25.871"))
    True
    """
    if word.isdigit() and len(word) > 3:
        head = len(word) % 3 or 3
        groups = [word[:head]] + [word[i : i + 3] for i in range(head, len(word), 3)]
        return "[.,]?".join(groups)
    classes = _letter_classes()
    return "".join(classes.get(ch, re.escape(ch)) for ch in word)


def _trie(words: Iterable[str]) -> str:
    """One alternation of ``words`` as a trie, so the regex engine does not try each."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _render(root)


def _render(node: dict[str, Any]) -> str:
    classes = _letter_classes()
    end = "" in node
    branches = [
        (_GAP if ch == " " else classes.get(ch, re.escape(ch))) + _render(child)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return "(?:" + body + ")?"
    return body


class Matcher:
    """One compiled pattern for the words and phrases of a query.

    :param words: folded words to mark.
    :param phrases: folded phrases to mark (sequences of words).
    :param groups: the terms of each query word or phrase (phrases joined by spaces),
        for :meth:`coverage`; without them each distinct term counts as one.
    """

    def __init__(
        self,
        words: Iterable[str],
        phrases: Iterable[Sequence[str]],
        groups: Iterable[Iterable[str]] = (),
    ) -> None:
        self._group_of = {term: n for n, group in enumerate(groups) for term in group}
        words = {w for w in words if w}
        numbers = {w for w in words if w.isdigit() and len(w) > 3}
        numbers |= {" ".join(p) for p in phrases if any(w.isdigit() and len(w) > 3 for w in p)}
        alternatives = sorted(
            (_GAP.join(map(word_pattern, n.split(" "))) for n in numbers), key=len, reverse=True
        )
        # Words and phrases (a space stands for any run of non-word characters) in one
        # trie; a regex alternation takes the longest branch first at each letter.
        plain = (words | {" ".join(p) for p in phrases if p}) - numbers
        if plain:
            alternatives.append(_trie(sorted(plain)))
        self.pattern = (
            re.compile("(?:" + "|".join(alternatives) + ")" + _AFTER) if alternatives else None
        )

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Offsets of whole-word matches in ``text``."""
        if self.pattern is None or not text:
            return []
        lowered = _lower(text)
        out = []
        for m in self.pattern.finditer(lowered):
            start = m.start()
            if start and (lowered[start - 1].isalnum()):
                continue
            out.append(m.span())
        return out

    def coverage(self, matched: Iterable[str]) -> int:
        """How many of the query's words and phrases the ``matched`` texts stand for.

        "trabajos" and "trabajar" both stand for the query word "trabajadoras": a part
        holding them and "doméstico" covers two words of "trabajadoras domésticas".

        :param matched: texts of spans found by :meth:`spans`.
        """
        keys = {" ".join(analysis.word_tokens(text)) for text in matched}
        if not self._group_of:
            return len(keys)
        return len({self._group_of.get(key, key) for key in keys})


def phrase_found(phrase: Sequence[str], texts: Iterable[str]) -> bool:
    """Whether the words of ``phrase`` appear next to each other in one of ``texts``."""
    pattern = re.compile(_BEFORE + _GAP.join(map(word_pattern, phrase)) + _AFTER)
    return any(pattern.search(_lower(t)) for t in texts if t)


def _window(text: str, spans: list[tuple[int, int]], size: int) -> tuple[int, int]:
    best, best_count = 0, -1
    j = 0
    for i, (start, _end) in enumerate(spans):
        while j < len(spans) and spans[j][1] <= start + size:
            j += 1
        if j - i > best_count:
            best, best_count = i, j - i
    start = spans[best][0]
    lead = min(start, max(0, (size - (spans[best][1] - start)) // 4))
    begin = max(0, start - lead)
    space = text.rfind(" ", max(0, begin - 20), begin + 1)
    if begin > 0 and space >= 0:
        begin = space + 1
    end = min(len(text), begin + size)
    space = text.find(" ", end)
    if end < len(text) and 0 <= space - end < 20:
        end = space
    return begin, end


def snippet_html(text: str, spans: list[tuple[int, int]], size: int = F.SNIPPET_CHARS) -> str:
    """An HTML-escaped extract of ``text`` around ``spans``, matches wrapped in ``<mark>``.

    :param text: the part's text.
    :param spans: match offsets in ``text`` (sorted, not overlapping).
    :param size: length of the extract in characters.

    >>> snippet_html("a <b> & migración", [(8, 17)])
    'a &lt;b&gt; &amp; <mark>migración</mark>'
    """
    if not spans:
        end = min(len(text), size)
        return html.escape(" ".join(text[:end].split())) + ("…" if end < len(text) else "")
    begin, end = _window(text, spans, size)
    tag = F.HIGHLIGHT_TAG
    out: list[str] = ["…"] if begin > 0 else []
    pos = begin
    for start, stop in spans:
        if start < begin or stop > end:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f"<{tag}>{html.escape(text[start:stop])}</{tag}>")
        pos = stop
    out.append(html.escape(text[pos:end]))
    if end < len(text):
        out.append("…")
    return _SPACE.sub(" ", "".join(out)).strip()


#: Between the texts of parts scanned at once (a match may still run across it: such
#: a match marks every part it touches, see :func:`_touched`).
_JOIN = "\n\n"


def _touched(parts: Sequence[StoredPart], matcher: Matcher) -> list[int]:
    """Indexes of the parts that may hold a match, from one scan of all their texts.

    Every match found within one part is also found in the joined text or lies under a
    match found there (which may run across a boundary), so marking each part that a
    match of the joined text overlaps loses none; :func:`best_parts` then matches
    those parts one by one.
    """
    texts: list[str] = []
    for part in parts:
        texts += (part.text, part.heading)
    starts: list[int] = []
    pos = 0
    for text in texts:
        starts.append(pos)
        pos += len(text) + len(_JOIN)
    touched: set[int] = set()
    for begin, end in matcher.spans(_JOIN.join(texts)):
        first = bisect_right(starts, begin) - 1
        last = bisect_right(starts, max(begin, end - 1)) - 1
        touched.update(i // 2 for i in range(first, last + 1))
    return sorted(touched)


def best_parts(
    parts: Sequence[StoredPart], matcher: Matcher, limit: int = F.PARTS_PER_HIT
) -> tuple[PartHit, ...]:
    """The ``limit`` parts that cover most of the query's words, each with a snippet.

    Ties go to more distinct forms, then more matches, then document order.

    :param parts: the parts of the hit's expression.
    :param matcher: the query's words and phrases.
    :param limit: parts kept.
    """
    scored: list[tuple[int, int, int, StoredPart, list[tuple[int, int]]]] = []
    for order in _touched(parts, matcher):
        part = parts[order]
        spans = matcher.spans(part.text)
        heading_spans = matcher.spans(part.heading)
        if not spans and not heading_spans:
            continue
        matched = [part.text[a:b] for a, b in spans]
        matched += [part.heading[a:b] for a, b in heading_spans]
        # The query words covered come first: no repetition of one word (at most
        # 4 + 10 points) outweighs one more word of the query.
        forms = {analysis.fold(text) for text in matched}
        score = 15 * matcher.coverage(matched) + min(len(forms), 4) + min(len(matched), 10)
        scored.append((-score, order, score, part, spans))
    scored.sort(key=lambda item: (item[0], item[1]))
    return tuple(
        PartHit(
            part.anchor,
            part.number,
            part.kind,
            part.heading,
            snippet_html(part.text, spans) if part.text else html.escape(part.heading),
            score,
        )
        for _neg, _order, score, part, spans in scored[:limit]
    )
