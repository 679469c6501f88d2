"""Numbers of legal headings: arabic, roman, ordinal words and French code numbers.

:data:`NUMBER` is the regex of every printed form of a heading's number
("5", "5 bis", "1°", "XIV", "décimo primero", "único", "L. 311-1"), used by the
heading grammar of :mod:`ingest.segment_patterns`; :func:`number_parts` reads
a match of it into the number as printed, its slug and its place in sequence.
"""

from __future__ import annotations

import re
import unicodedata

_UNITS: dict[str, int] = {
    # es
    "primero": 1, "primera": 1, "primer": 1, "segundo": 2, "segunda": 2,
    "tercero": 3, "tercera": 3, "tercer": 3, "cuarto": 4, "cuarta": 4,
    "quinto": 5, "quinta": 5, "sexto": 6, "sexta": 6, "septimo": 7,
    "septima": 7, "setimo": 7, "setima": 7, "octavo": 8, "octava": 8,
    "noveno": 9, "novena": 9,
    # pt
    "primeiro": 1, "primeira": 1, "terceiro": 3, "terceira": 3,
    "oitavo": 8, "oitava": 8, "nono": 9, "nona": 9,
    # fr
    "premier": 1, "premiere": 1, "deuxieme": 2, "second": 2, "seconde": 2,
    "troisieme": 3, "quatrieme": 4, "cinquieme": 5, "sixieme": 6,
    "septieme": 7, "huitieme": 8, "neuvieme": 9, "dixieme": 10,
    # en
    "first": 1, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
_TENS: dict[str, int] = {
    "decimo": 10, "decima": 10, "vigesimo": 20, "vigesima": 20,
    "trigesimo": 30, "trigesima": 30, "cuadragesimo": 40, "cuadragesima": 40,
    "quadragesimo": 40, "quincuagesimo": 50, "quincuagesima": 50,
}  # fmt: skip
_SPECIAL: dict[str, int] = {
    "undecimo": 11, "undecima": 11, "duodecimo": 12, "duodecima": 12,
}  # fmt: skip
#: Words standing for a number that has no digits: kept as printed (lower case).
_WORD_NUMBERS = ("unico", "unica", "unique", "preliminar", "preliminaire", "preliminary", "final")
_SUFFIXES = "bis|ter|qu[aá]ter|quinquies|sexies|septies|octies|nonies|novies|decies"


def fold(text: str) -> str:
    """Lower-case ASCII form of ``text`` (accents dropped), for comparisons.

    >>> fold("Título ÚNICO")
    'titulo unico'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _accent_free_alternation(words: list[str]) -> str:
    """A regex alternation matching each word with or without its accents."""
    table = {"a": "[aá]", "e": "[eéè]", "i": "[ií]", "o": "[oóô]", "u": "[uú]"}
    longest_first = sorted(set(words), key=len, reverse=True)
    return "|".join("".join(table.get(c, re.escape(c)) for c in w) for w in longest_first)


_TENS_RE = _accent_free_alternation(list(_TENS))
_UNITS_RE = _accent_free_alternation(list(_UNITS) + list(_SPECIAL))
_WORDS_RE = _accent_free_alternation(list(_WORD_NUMBERS))
_END = r"(?![\w])"

#: Number of an article or a container, in any of the printed forms.
NUMBER = rf"""
(?P<number>
    (?P<code>(?-i:[LRDAO])\s?\.?\s?\*{{0,2}}\s?\d+(?:-\d+)*)(?=[\s.:\-–—*_)]|$)
  | (?P<hyphen>\d+(?:-\d+)+)(?![\w-])
  | (?P<arabic>\d{{1,5}})(?:\s?\.?\s?[°º˚ªᵒ]|(?:o|a|er|re)(?=[\s.\-–—:*_]|$))?
        (?P<suffix>(?:\s?-\s?|\s)(?:{_SUFFIXES}){_END}|-(?-i:[A-Z]){_END})?
  | (?P<ordinal>(?:(?:{_TENS_RE})\s?(?:{_UNITS_RE})?|(?:{_UNITS_RE})){_END})
  | (?P<word>(?:{_WORDS_RE}){_END})
  | (?P<roman>(?-i:[IVXLCDM]{{1,7}})(?:er|re|ER|RE)?)(?![\w])
)
"""


def roman_value(text: str) -> int | None:
    """Value of an upper-case roman numeral, or None if it is not a well-formed one.

    >>> roman_value("XIV"), roman_value("IIII"), roman_value("MIX")
    (14, None, 1009)
    """
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(text):
        value = values.get(ch)
        if value is None:
            return None
        following = values.get(text[i + 1], 0) if i + 1 < len(text) else 0
        total += -value if value < following else value
    return total if total and to_roman(total) == text else None


def to_roman(value: int) -> str:
    """Canonical roman numeral of ``value`` (1-3999)."""
    pairs: tuple[tuple[int, str], ...] = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"))
    pairs += ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"))
    pairs += ((4, "IV"), (1, "I"))
    out = []
    for amount, numeral in pairs:
        count, value = divmod(value, amount)
        out.append(numeral * count)
    return "".join(out)


def ordinal_value(word: str) -> int | None:
    """Value of an ordinal word in es/pt/fr/en ("décimo primero" -> 11)."""
    folded = fold(word).replace(" ", "")
    if folded in _UNITS:
        return _UNITS[folded]
    if folded in _SPECIAL:
        return _SPECIAL[folded]
    for tens, value in _TENS.items():
        if folded.startswith(tens):
            unit = folded[len(tens) :]
            if not unit:
                return value
            if unit in _UNITS and _UNITS[unit] < 10:
                return value + _UNITS[unit]
    return None


def slugify(text: str) -> str:
    """ASCII, lower-case, hyphen-separated form of ``text``.

    >>> slugify("L. 311-1"), slugify("12 bis"), slugify("R*311-2")
    ('l-311-1', '12-bis', 'r-311-2')
    """
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def number_parts(match: re.Match[str], kind: str) -> tuple[str, str, int | None] | None:
    """(number as printed and normalised, slug, sequence integer) of a NUMBER match.

    :param match: a match of a regex holding :data:`NUMBER`.
    :param kind: the heading's kind; an article is not numbered by "preliminar" or "final".
    :returns: None when the match is no number (a roman-looking word, a bad ordinal).
    """
    if match["code"]:
        printed = re.sub(r"\s+", " ", match["code"]).strip()
        return printed, slugify(printed), None
    if match["hyphen"]:
        return match["hyphen"], match["hyphen"], None
    if match["arabic"]:
        value = int(match["arabic"])
        suffix = (match["suffix"] or "").strip(" -")
        if suffix and suffix.isalpha() and len(suffix) == 1:
            return f"{value}-{suffix.upper()}", f"{value}-{suffix.lower()}", value
        printed = f"{value} {suffix.lower()}" if suffix else str(value)
        return printed, slugify(printed), value
    if match["ordinal"]:
        ordinal = ordinal_value(match["ordinal"])
        return (str(ordinal), str(ordinal), ordinal) if ordinal else None
    if match["word"]:
        word = match["word"].lower()
        if kind == "article" and fold(word) not in ("unico", "unica", "unique"):
            return None
        return word, slugify(word), None
    roman = match["roman"]
    numeral = roman[:-2] if roman[-2:].lower() in ("er", "re") else roman
    roman_number = roman_value(numeral)
    if roman_number is None or (numeral != roman and roman_number != 1):
        return None
    return numeral, str(roman_number), roman_number
