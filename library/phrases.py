"""Folding text for comparison and finding known phrases in it.

:func:`fold` is the one normal form the vocabularies are matched in: lower
case, no accents, typographic apostrophes and dashes made plain, white space
collapsed. :class:`PhraseMatcher` finds a table of phrases in folded text as
whole words, longest phrase first, in one compiled regex.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_TYPOGRAPHY: dict[str, str] = {
    **dict.fromkeys("\u2018\u2019\u201b\u02bc\u02b9\u2032\u00b4`", "'"),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
    **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", ""),
    **dict(zip("œŒæÆøØłŁđ", ("oe", "OE", "ae", "AE", "o", "O", "l", "L", "d"), strict=True)),
}
_TYPOGRAPHIC = re.compile("[" + re.escape("".join(_TYPOGRAPHY)) + "]")


def _normalise(text: str, lower: bool) -> str:
    text = unicodedata.normalize("NFKD", text)
    if lower:
        text = text.casefold()
        if not unicodedata.is_normalized("NFKD", text):
            text = unicodedata.normalize("NFKD", text)
    text = _TYPOGRAPHIC.sub(lambda m: _TYPOGRAPHY[m.group()], text)
    return " ".join(_MARKS.sub("", text).split())


def fold(text: str) -> str:
    """Lower case without accents, typographic apostrophes/dashes or runs of white space.

    :param text: any text.

    >>> fold("  Organización\\u00a0de l’Europe — OEA ")
    "organizacion de l'europe - oea"
    """
    return _normalise(text, lower=True)


def plain(text: str) -> str:
    """Like :func:`fold` but keeping case, for acronyms.

    :param text: any text.

    >>> plain("  l’OEA — Organización ")
    "l'OEA - Organizacion"
    """
    return _normalise(text, lower=False)


def dedupe(items: Iterable[str]) -> tuple[str, ...]:
    """The non-empty items, each once, in their first order.

    :param items: strings, possibly repeated or empty.
    """
    return tuple(dict.fromkeys(item for item in items if item))


def _trie_pattern(phrases: Iterable[str]) -> str:
    """One regex alternation of ``phrases`` factored as a trie, longer matches first."""
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node(trie)


def _trie_node(node: dict[str, Any]) -> str:
    branches = [re.escape(ch) + _trie_node(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@dataclass(frozen=True)
class PhraseMatcher:
    """Whole-word, longest-first matching of phrases; a phrase maps to a value or None."""

    pattern: re.Pattern[str] | None
    table: Mapping[str, str | None]

    @classmethod
    def build(cls, pairs: Iterable[tuple[str, str | None]]) -> PhraseMatcher:
        """A matcher of ``(phrase, value)`` pairs.

        A phrase paired with None, or with two different values, is still matched
        (so that it hides its shorter parts) but never counted.

        :param pairs: phrases, already folded, with the value each stands for.
        """
        table: dict[str, str | None] = {}
        blocked: set[str] = set()
        for phrase, value in pairs:
            if value is None or table.get(phrase, value) != value:
                blocked.add(phrase)  # ambiguous, or claimed by two values
            table[phrase] = value
        table.update(dict.fromkeys(blocked))
        table.pop("", None)
        if not table:
            return cls(None, {})
        # whole words; a phrase ending in punctuation may be followed by anything ("A/RES/70")
        end = r"(?:(?<=\w)(?!\w)|(?<!\w))"
        return cls(re.compile(rf"(?<!\w)(?:{_trie_pattern(sorted(table))}){end}"), table)

    def counts(self, text: str) -> Counter[str]:
        """How many times each value's phrases occur in ``text``.

        :param text: text in the form the phrases were given in (usually folded).
        """
        found: Counter[str] = Counter()
        for phrase in self.pattern.findall(text) if self.pattern else ():
            if (value := self.table.get(phrase)) is not None:
                found[value] += 1
        return found

    def first(self, text: str, at_start: bool = False) -> str | None:
        """The value of the first counted phrase, or with ``at_start`` of a phrase at 0.

        :param text: text in the form the phrases were given in (usually folded).
        :param at_start: only a phrase at the very start of ``text`` counts.
        """
        if at_start:
            match = self.pattern.match(text) if self.pattern else None
            return self.table.get(match.group()) if match else None
        for phrase in self.pattern.findall(text) if self.pattern else ():
            if (value := self.table.get(phrase)) is not None:
                return value
        return None
