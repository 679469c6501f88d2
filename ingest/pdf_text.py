"""Text of PDF lines: ligatures and odd spaces, bare page numbers, hyphenation.

Pure string functions used by :mod:`ingest.pdf_layout` and :mod:`ingest.pdf`
(and by :mod:`ingest.ocr` for OCR text): nothing here knows about geometry.
"""

from __future__ import annotations

import re

LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
    | dict.fromkeys("\u00a0\u2002\u2003\u2009", " ")
    | dict.fromkeys("\u200b\ufeff", "")
)
_CID = re.compile(r"\(cid:\d+\)")
_SPACES = re.compile(r"\s+")
_PAGE_NUMBER = re.compile(
    r"(?:[-\u2013\u2014]\s*)?\d{1,6}(?:\s*[-\u2013\u2014])?"
    r"|(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
    r"|(?:p[aá]g(?:ina)?|page|p|fl|folha|seite)\.?\s*\d{1,6}(?:\s*(?:de|of|sur|/)\s*\d{1,6})?"
    r"|\d{1,6}\s*(?:de|of|sur|/)\s*\d{1,6}",
    re.IGNORECASE,
)
#: A line or paragraph ending a sentence (closing quotes and brackets allowed).
END_OF_SENTENCE = re.compile(r"[.:;!?]['\"»”’)\]]*$")


def clean_text(text: str) -> str:
    """Normalise one extracted line: ligatures, odd spaces, ``(cid:N)`` garbage.

    :param text: the raw line text.

    >>> clean_text("  la  \\ufb01rma (cid:3) ")
    'la firma'
    """
    return _SPACES.sub(" ", _CID.sub("", text.translate(LIGATURES))).strip()


def is_page_number(text: str) -> bool:
    """Whether a line is a bare page number ("3", "- 3 -", "Página 3 de 40").

    :param text: a cleaned line.

    >>> [is_page_number(t) for t in ("12", "- 3 -", "Página 3 de 40", "Artículo 3")]
    [True, True, True, False]
    """
    return bool(_PAGE_NUMBER.fullmatch(text.strip()))


def join_lines(first: str, second: str) -> str:
    """Join two lines of one paragraph, re-joining a word hyphenated at the break.

    :param first: the text so far.
    :param second: the next line.

    >>> join_lines("la migra-", "ción regular")
    'la migración regular'
    >>> join_lines("Estado", "Parte")
    'Estado Parte'
    """
    if not first:
        return second
    if not second:
        return first
    if first.endswith(("\u00ad", "\u00ac")):
        return first[:-1] + second
    if first.endswith("-") and len(first) > 1 and first[-2].isalpha():
        word = second.split(" ", 1)[0]
        if second[0].islower() or (first[-2].isupper() and len(word) > 1 and word.isupper()):
            return first[:-1] + second
    return f"{first} {second}"


def continues(previous: str, following: str) -> bool:
    """Whether a paragraph cut by a column or page break goes on in the next one.

    :param previous: text of the last paragraph before the break.
    :param following: text of the first paragraph after it.
    """
    if not previous or not following:
        return False
    return not END_OF_SENTENCE.search(previous) and following[0].islower()
