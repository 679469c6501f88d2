"""The number of an instrument, as printed in its title ("25.871", "616/2010", "119-2003-RE")."""

from __future__ import annotations

import re

_NUMBER = r"(?P<n>\d[\d.]*(?:[/-]\d[\d.]*)*(?:-[A-Z]{1,6}\b)?(?:\s*\([IVXLC]+-[A-Z]/\d\d\))?)"
_SIGNED = re.compile(
    r"(?:\b[Nn]\s?[º°o]|\b[Nn]\.\s?[º°o]|\b[Nn]ro|\b[Nn][úu]m|\b[Nn][úu]mero|\bN[Oo]|\bno|\bNr)\.?\s*"
    + _NUMBER
)
_CHAPTER = re.compile(r"^\s*(?P<n>[A-Z]{1,2}-\d+(?:\.\d+)?)\s*$")
_DATE_AFTER = re.compile(r"^\s*(?:de|del|du|of|,)?\s*(?:de\s+)?\d{1,2}\s+(?:de\s+)?[A-Za-zÀ-ÿ]{3,}")


def find_number(line: str) -> str:
    """The instrument number in a title-like line, or "".

    A number counts when a number sign (Nº, No., núm., n°) precedes it, or when it
    comes right after the type name ("Ley 26.364", "Decreto 616/2010", "LEY 1465 DE 2011").

    :param line: a cleaned title line.

    >>> find_number("Ley N° 25.871")
    '25.871'
    >>> find_number("DECRETO SUPREMO Nº 119-2003-RE")
    '119-2003-RE'
    >>> find_number("Loi n° 2018-778 du 10 septembre 2018")
    '2018-778'
    >>> find_number("LEY 1465 DE 2011")
    '1465'
    >>> find_number("AG/RES. 2141 (XXXV-O/05)")
    '2141 (XXXV-O/05)'
    >>> find_number("Convention concerning Migration for Employment (Revised 1949)")
    ''
    """
    signed = _SIGNED.search(line)
    if signed:
        return _tidy(signed.group("n"))
    chapter = _CHAPTER.match(line)
    if chapter:
        return chapter.group("n")
    words = line.split()
    for i, word in enumerate(words[:4]):
        if i == 0:
            continue
        m = re.match(_NUMBER, " ".join(words[i:]))
        if m:
            rest = " ".join(words[i:])[m.end() :]
            if re.fullmatch(r"(?:1[6-9]|20)\d\d", m.group("n")) and not rest.strip():
                return ""  # "Constitution of 1988": a year, not a number
            if _DATE_AFTER.match(rest) and "." not in m.group("n") and len(m.group("n")) <= 2:
                return ""  # "Decreto de 3 de mayo": a day
            return _tidy(m.group("n"))
        if re.search(r"\d", word):
            break
    return ""


def _tidy(number: str) -> str:
    return number.strip().rstrip(".,;:")
