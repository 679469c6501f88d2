"""Dates written in legal texts, in Spanish, Portuguese, French and English.

:func:`find_dates` finds every date it can read in a text, with its position,
so that the rules choosing the adoption or publication date can look at what
surrounds it. Values are ISO strings: ``YYYY-MM-DD``, or ``YYYY`` for a year alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.metadata.text import fold

MONTHS: dict[str, int] = {
    # es
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    # pt
    "janeiro": 1, "fevereiro": 2, "marco": 3, "maio": 5, "junho": 6, "julho": 7,
    "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
    # fr
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8, "septembre": 9,
    "octobre": 10, "novembre": 11, "decembre": 12,
    # en
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip

#: Numbers written in words, as used in the final formulas of laws and treaties
#: ("a los diecisiete días del mes de diciembre", "this first day of July").
_UNITS: dict[str, int] = {
    "un": 1, "uno": 1, "primero": 1, "primer": 1, "um": 1, "primeiro": 1, "one": 1, "first": 1,
    "premier": 1, "dos": 2, "dois": 2, "two": 2, "second": 2, "deux": 2, "tres": 3, "three": 3,
    "third": 3, "trois": 3, "cuatro": 4, "quatro": 4, "four": 4, "fourth": 4, "quatre": 4,
    "cinco": 5, "five": 5, "fifth": 5, "cinq": 5, "seis": 6, "six": 6, "sixth": 6, "siete": 7,
    "sete": 7, "seven": 7, "seventh": 7, "sept": 7, "ocho": 8, "oito": 8, "eight": 8,
    "eighth": 8, "huit": 8, "nueve": 9, "nove": 9, "nine": 9, "ninth": 9, "neuf": 9, "diez": 10,
    "dez": 10, "ten": 10, "tenth": 10, "dix": 10, "once": 11, "onze": 11, "eleven": 11,
    "eleventh": 11, "doce": 12, "doze": 12, "twelve": 12, "twelfth": 12, "douze": 12,
    "trece": 13, "treze": 13, "thirteen": 13, "thirteenth": 13, "treize": 13, "catorce": 14,
    "catorze": 14, "quatorze": 14, "fourteen": 14, "fourteenth": 14, "quince": 15, "quinze": 15,
    "fifteen": 15, "fifteenth": 15, "dieciseis": 16, "dezesseis": 16, "sixteen": 16,
    "sixteenth": 16, "seize": 16, "diecisiete": 17, "dezessete": 17, "seventeen": 17,
    "seventeenth": 17, "dieciocho": 18, "dezoito": 18, "eighteen": 18, "eighteenth": 18,
    "diecinueve": 19, "dezenove": 19, "nineteen": 19, "nineteenth": 19, "veinte": 20,
    "vinte": 20, "twenty": 20, "twentieth": 20, "vingt": 20, "veintiuno": 21, "veintiun": 21,
    "veintidos": 22, "veintitres": 23, "veinticuatro": 24, "veinticinco": 25,
    "veintiseis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29, "treinta": 30,
    "trinta": 30, "thirty": 30, "thirtieth": 30, "trente": 30,
}  # fmt: skip
_HUNDREDS: dict[str, int] = {
    "novecientos": 900, "novecentos": 900, "ochocientos": 800, "oitocentos": 800,
    "nine hundred": 900, "eight hundred": 800, "neuf cents": 900, "neuf cent": 900,
    "huit cents": 800, "huit cent": 800,
}  # fmt: skip
_TENS: dict[str, int] = {
    "cuarenta": 40, "quarenta": 40, "forty": 40, "cincuenta": 50, "cinquenta": 50, "fifty": 50,
    "sesenta": 60, "sessenta": 60, "sixty": 60, "setenta": 70, "seventy": 70, "ochenta": 80,
    "oitenta": 80, "eighty": 80, "noventa": 90, "ninety": 90, "treinta": 30, "trinta": 30,
    "thirty": 30, "veinte": 20, "vinte": 20, "twenty": 20, "diez": 10, "ten": 10,
    "quarante": 40, "cinquante": 50, "soixante": 60, "trente": 30, "vingt": 20, "dix": 10,
    "quatrevingt": 80, "quatrevingts": 80,
}  # fmt: skip

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"(?P<d>[0-3]?\d)(?:\s*(?:o|º|°|er|ero|st|nd|rd|th)\b|\s*[º°])?"

_PATTERNS: tuple[re.Pattern[str], ...] = (
    # 17 de diciembre de 2003 / 24 de maio de 2017 / 10 septembre 2018 / 18 December 1979
    re.compile(
        rf"\b{_DAY}\s*(?:(?:day|jour|dia|dias)\s+(?:of|de|del|do)\s+(?:the\s+month\s+of\s+)?)?"
        rf"(?:de\s+|del\s+)?(?:mes\s+de\s+)?(?P<m>{_MONTH})\.?\s*(?:de\s+|del\s+|,\s*|de\s+l'an\s+)?(?:ano\s+|año\s+)?(?P<y>1[6-9]\d\d|20\d\d)\b"
    ),
    # December 18, 1979 / Diciembre 17 de 2003
    re.compile(rf"\b(?P<m>{_MONTH})\s+{_DAY}\s*(?:,|de|del)?\s*(?P<y>1[6-9]\d\d|20\d\d)\b"),
    # 2003-12-17
    re.compile(r"\b(?P<y>1[6-9]\d\d|20\d\d)-(?P<mn>[01]?\d)-(?P<d>[0-3]?\d)\b"),
    # 17/12/2003, 17.12.2003, 17-12-2003, 3/5/2010
    re.compile(r"\b(?P<d>[0-3]?\d)[/.-](?P<mn>[01]?\d)[/.-](?P<y>1[6-9]\d\d|20\d\d)\b"),
)

_WORD = r"[a-z]+(?:\s+(?:y|e|et)\s+[a-z]+|-[a-z]+)?"
_WORDS_DATE = re.compile(
    rf"\b(?P<dw>{_WORD})\s+(?:(?:dias?|day|jour)s?\s+)?(?:del\s+|do\s+|de\s+|of\s+)?(?:mes\s+de\s+|mês\s+de\s+|month\s+of\s+|mois\s+de\s+)?(?P<m>{_MONTH})\s*,?\s*(?:del?\s+|do\s+|of\s+|de\s+l'|)?(?:ano|year|an|the\s+year)?\s*(?:de\s+|of\s+)?(?P<yw>1[6-9]\d\d\b|20\d\d\b|(?:[a-z]+[\s-]*){{1,7}})"
)


@dataclass(frozen=True)
class DateMatch:
    """A date read in a text.

    :param start: offset of the match in the text it was found in.
    :param value: ISO date ``YYYY-MM-DD``.
    """

    start: int
    end: int
    value: str


def _iso(year: int, month: int, day: int) -> str | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def words_to_int(words: str) -> int | None:
    """Read a small number written in Spanish, Portuguese, English or French words.

    :param words: folded words, e.g. ``dos mil tres`` or ``one thousand nine hundred and forty-nine``.

    >>> words_to_int("mil novecientos noventa y ocho")
    1998
    >>> words_to_int("diecisiete")
    17
    """
    text = re.sub(r"quatre[\s-]+vingt", "quatrevingt", words)
    text = re.sub(r"[-,]", " ", text)
    text = re.sub(r"\b(y|e|and|et)\b", " ", text)
    for name, value in _HUNDREDS.items():
        text = text.replace(name, f" {value} ")
    tokens = text.split()
    total = 0
    current = 0
    found = False
    for token in tokens:
        if token.isdigit():
            current += int(token)
            found = True
        elif token in ("mil", "thousand", "mille"):
            total += (current or 1) * 1000
            current = 0
            found = True
        elif token in ("cien", "ciento", "cem", "cento", "hundred", "cent", "cents"):
            current = (current or 1) * 100
            found = True
        elif token in _TENS:
            current += _TENS[token]
            found = True
        elif token in _UNITS:
            current += _UNITS[token]
            found = True
        elif found:
            break
    value = total + current
    return value if found and value else None


def find_dates(text: str) -> list[DateMatch]:
    """Every date readable in ``text``, in order of position, without overlaps.

    :param text: any text (not folded: offsets refer to it).

    >>> [d.value for d in find_dates("Sancionada: Diciembre 17 de 2003. Bs. As., 3/5/2010")]
    ['2003-12-17', '2010-05-03']
    >>> [d.value for d in find_dates("Loi n° 2018-778 du 1er septembre 2018")]
    ['2018-09-01']
    """
    folded = fold(text)
    if len(folded) != len(text):  # ligatures and the like: positions would drift
        folded = "".join(fold(c)[:1] or " " for c in text)
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for pattern in _PATTERNS:
        for m in pattern.finditer(folded):
            groups = m.groupdict()
            month = MONTHS[groups["m"]] if groups.get("m") else int(groups["mn"])
            value = _iso(int(groups["y"]), month, int(groups["d"]))
            if value and free(m.start(), m.end()):
                found.append(DateMatch(m.start(), m.end(), value))
                taken.append((m.start(), m.end()))
    for m in _WORDS_DATE.finditer(folded):
        day = words_to_int(m.group("dw"))
        year = words_to_int(m.group("yw"))
        if day and year and 1600 <= year <= 2099 and free(m.start(), m.end()):
            value = _iso(year, MONTHS[m.group("m")], day)
            if value:
                found.append(DateMatch(m.start(), m.end(), value))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def normalise_date(value: str) -> str:
    """An ISO date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) from a date as a file states it.

    :param value: ``2003-12-17``, ``2003-12-17T10:00:00Z``, ``17/12/2003``, ``D:20031217``,
        ``17 de diciembre de 2003``… Returns "" when nothing can be read.

    >>> normalise_date("D:20220917101010+02'00'")
    '2022-09-17'
    >>> normalise_date("2004")
    '2004'
    """
    value = value.strip()
    m = re.fullmatch(r"(?:D:)?(\d{4})(\d\d)(\d\d).*", value)
    if m:
        return _iso(int(m[1]), int(m[2]), int(m[3])) or ""
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", value)
    if m:
        return _iso(int(m[1]), int(m[2]), int(m[3])) or ""
    m = re.fullmatch(r"(\d{4})(?:-(\d\d))?", value)
    if m:
        return value if not m[2] or 1 <= int(m[2]) <= 12 else m[1]
    dates = find_dates(value)
    return dates[0].value if dates else ""
