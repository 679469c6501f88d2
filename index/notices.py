"""Notices: what a search tells its user about how it read the query.

A :class:`Notice` is the English sentence (what ``migralex search`` prints and the
JSON carries) and also a ``code`` with its ``params``, from which an interface in
another language writes its own sentence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from index import analysis
from index import fields as F

#: Codes of :func:`query_not_understood` (``QuerySyntaxError.code`` values).
SYNTAX_CODES: tuple[str, ...] = (
    "syntax",
    "unbalanced_quote",
    "unbalanced_paren",
    "dangling_operator",
    "empty_group",
    "too_long",
)
_LANGUAGE_NAMES = {"es": "Spanish", "en": "English", "pt": "Portuguese", "fr": "French"}


class Notice(str):
    """An English notice that also carries a ``code`` and its ``params``.

    It is a ``str``, so it prints, compares and serialises as its sentence.
    """

    code: str
    params: Mapping[str, Any]

    def __new__(cls, text: str, code: str, **params: Any) -> Notice:
        notice = super().__new__(cls, text)
        notice.code = code
        notice.params = params
        return notice

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (str(self), self.code, dict(self.params)))


def _rebuild(text: str, code: str, params: dict[str, Any]) -> Notice:
    return Notice(text, code, **params)


def query_not_understood(message: str, code: str, words: str) -> Notice:
    """A malformed query, answered as its plain ``words`` (none: everything)."""
    text = f"{message} — searched for the words: {words}" if words else message
    return Notice(text, code if code in SYNTAX_CODES else "syntax", words=words)


def common_words_only(words: str) -> Notice:
    """A query or phrase made only of words the index leaves out."""
    text = (
        f'"{words}" is made of common words only, which the index leaves out: '
        "add a word that carries meaning"
    )
    return Notice(text, "common_words_only", words=words)


def found_as_ordinary_words(words: Sequence[str]) -> Notice:
    """A query of common words, answered with the texts where they are ordinary words."""
    languages = [
        lang for lang in F.STEMMED_LANGUAGES if any(w in analysis.stop_words(lang) for w in words)
    ]
    names = [_LANGUAGE_NAMES[lang] for lang in languages]
    named = " and ".join((", ".join(names[:-1]), names[-1])) if len(names) > 1 else "".join(names)
    those = "that language" if len(names) == 1 else "those languages"
    joined = " ".join(words)
    if len(words) == 1:
        text = (
            f'"{joined}" is a common word in {named}, which the index leaves out of texts '
            f"in {those}: the results are texts where it is an ordinary word"
        )
    else:
        text = (
            f'"{joined}" is made of common words in {named}, which the index leaves '
            f"out of texts in {those}: the results are texts where they are ordinary words"
        )
    code = "ordinary_word" if len(words) == 1 else "ordinary_words"
    return Notice(text, code, words=joined, languages=tuple(languages))
