"""Stable, readable identifiers: ``{jurisdiction}/{type}/{year}/{number-or-slug}``."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_STOP = frozenset(
    "de del la las los el y e o en a al da do das dos des du le les et of the and on for in to "
    "sobre por".split()
)


def slugify(text: str, max_words: int = 8) -> str:
    """A lower-case ASCII slug of the significant words of ``text``.

    >>> slugify("Ley de Migración (México)")
    'ley-migracion-mexico'
    >>> slugify("25.871")
    '25871'
    >>> slugify("I-2.5")
    'i-2-5'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    ascii_text = re.sub(r"(?<=\d)[.,](?=\d{3}\b)", "", ascii_text)  # thousands separators
    words = [w for w in _NON_ALNUM.split(ascii_text) if w]
    significant = [w for w in words if w not in _STOP] or words
    return "-".join(significant[:max_words])


def make_work_id(
    jurisdiction: str, instrument_type: str, date: str, number: str = "", title: str = ""
) -> str:
    """Build a work id from its metadata.

    :param jurisdiction: ISO 3166-1 alpha-2 or an organisation code.
    :param date: ISO date or year; the year is used.
    :param number: the instrument's number, preferred over the title.
    :param title: used for the last segment when there is no number.

    >>> make_work_id("AR", "law", "2004-01-21", "25.871")
    'ar/law/2004/25871'
    >>> make_work_id("OAS", "treaty", "1994", title="Convención de Belém do Pará")
    'oas/treaty/1994/convencion-belem-para'
    """
    year = date[:4] if len(date) >= 4 and date[:4].isdigit() else "nd"
    last = slugify(number) if slugify(number) else slugify(title) or "untitled"
    return "/".join(
        (slugify(jurisdiction) or "xx", slugify(instrument_type) or "other", year, last)
    )


def make_expression_id(work_id: str, language: str, taken: set[str] | frozenset[str]) -> str:
    """``{work_id}@{language}``, suffixed ``-2``, ``-3``… when already taken.

    >>> make_expression_id("ar/law/2004/25871", "es", {"ar/law/2004/25871@es"})
    'ar/law/2004/25871@es-2'
    """
    base = f"{work_id}@{language or 'und'}"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate
