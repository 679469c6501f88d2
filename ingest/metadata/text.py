"""Small text helpers shared by the metadata rules: folding, cleaning, head lines."""

from __future__ import annotations

import re
import unicodedata

from ingest.extracted import Extracted

#: How much of the start of a document counts as its heading area.
HEAD_CHARS = 4000
#: How much of the end counts as the final formula (signatures, "Dada en…").
TAIL_CHARS = 2500

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_ESCAPE = re.compile(r"\\([\\*_#()\[\]])")
_MD_STARS = re.compile(r"\*+")
_MD_MARKS = re.compile(r"(?<!\w)_{1,3}|_{1,3}(?!\w)|^#+\s*|<!--.*?-->|<[^>]{1,200}>")
_SPACES = re.compile(r"\s+")
_ARTICLE = re.compile(
    r"^((art[ií]culo|article|artigo|art\.|section)\s*(1|i|primero|premier|first)\b|1\s+(This|The|Cette|La|Le|El)\s)",
    re.IGNORECASE,
)


def fold(text: str) -> str:
    """Lower-case and strip accents, for comparisons.

    :param text: any text.

    >>> fold("Constitución PÚBLICA")
    'constitucion publica'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def clean_line(line: str) -> str:
    """Remove Markdown emphasis, links, HTML comments and extra spaces from one line.

    :param line: a raw line or block of text.

    >>> clean_line("**Ley 25.871** [Ver](#1)")
    'Ley 25.871 Ver'
    """
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_ESCAPE.sub("", line)
    line = _MD_STARS.sub("", line)
    line = _MD_MARKS.sub(" ", line)
    line = line.replace("&apos;", "'").replace("&quot;", '"')
    return _SPACES.sub(" ", line).strip(" \t|")


def head_lines(extracted: Extracted, limit: int = 60) -> list[str]:
    """The cleaned, non-empty lines at the start of a document, up to its first article.

    A block whose lines are all short (a title broken over several lines by a PDF
    layout) becomes one line, and so do consecutive short ALL-CAPS headings; a line
    that runs a heading into the text after it is split.

    :param extracted: the extractor's result.
    :param limit: most lines returned.
    """
    if extracted.blocks:
        chunks = [(b.text, b.kind == "heading") for b in extracted.blocks]
    else:
        chunks = [(c, False) for c in extracted.text[:HEAD_CHARS].split("\n\n")]
    lines: list[str] = []
    previous_heading = False
    widest = 0
    seen_chars = 0
    for chunk, heading in chunks:
        raw = [clean_line(x) for x in chunk.splitlines()]
        raw = [x for x in raw if x]
        if not raw:
            continue
        if len(raw) > 1 and all(len(x) <= 60 for x in raw) and len(raw) <= 8:
            parts = [" ".join(raw)]
        else:
            parts = raw
        parts = [piece for part in parts for piece in _split_heading(part)]
        for part in parts:
            if _ARTICLE.match(part):
                return lines
            if lines and (
                _continues(lines[-1], part)
                or heading
                and previous_heading
                and _same_heading(lines[-1], part, widest)
            ):
                lines[-1] = f"{lines[-1]} {part}"
                widest = max(widest, len(part))
                continue
            lines.append(part)
            widest = len(part)
            seen_chars += len(part)
            if len(lines) >= limit or seen_chars >= HEAD_CHARS:
                return lines
        previous_heading = heading
    return lines


_STRUCTURE_START = re.compile(
    r"\s(?=(?:CAP[IÍ]TULO|T[IÍ]TULO|CHAPTER|CHAPITRE|SECCI[OÓ]N|LIBRO|BOOK|PART[EI]?)\s+[IVXLC\d]+\b)"
)


def _split_heading(line: str) -> list[str]:
    """Split "LEY DE NACIONALIDAD Nueva Ley publicada…" and "LEY X CAPÍTULO I…" in two: an
    ALL-CAPS run of two words or more, then a capitalised word and another word."""
    m = re.match(
        r"^((?:[A-ZÁÉÍÓÚÑÇÂÊÔÃÕÀÜ][A-ZÁÉÍÓÚÑÇÂÊÔÃÕÀÜ'’-]*\s+){2,}?)(?=[A-ZÁÉÍÓÚ][a-záéíóúñçâêôãõàü]+\s+[A-Za-záéíóúñ])",
        line,
    )
    if m and is_all_caps(m.group(1)):
        return [m.group(1).strip(), line[m.end() :].strip()]
    structure = _STRUCTURE_START.search(line)
    if structure and structure.start() > 3 and is_all_caps(line[: structure.start()]):
        return [line[: structure.start()].strip(), line[structure.end() :].strip()]
    return [line]


#: A line this short, in a heading, is a layout's break inside a title.
SHORT_LINE = 25


def _same_heading(previous: str, line: str, widest: int) -> bool:
    """Consecutive ALL-CAPS heading lines without numbers: one title broken by the layout
    (``previous`` holds the lines joined so far, ``widest`` the length of the longest)."""
    return (
        is_all_caps(previous)
        and is_all_caps(line)
        # a short heading so far, or a title set in a narrow box, line by short line
        and (len(previous) <= 60 or widest <= SHORT_LINE)
        and len(previous) <= 200
        and previous != line
        and not re.search(r"\d", previous + line)
        and not previous.rstrip().endswith((".", ":", ";"))
    )


#: An enumerated item ("a. Promover…", "b) …"): it starts a paragraph of its own.
_ITEM = re.compile(r"^[a-z][.)]\s")


def _continues(previous: str, line: str) -> bool:
    """True when ``line`` carries on a sentence broken off at the end of ``previous``."""
    if not previous or not line or not line[0].isalpha() or _ITEM.match(line):
        return False
    last = previous.rstrip()[-1]
    if previous.split()[-1].lower() in _JOINERS:
        return True
    if is_all_caps(previous) and is_all_caps(line):
        return last.isalpha() and len(previous) > 25 and previous.split()[-1].lower() in _JOINERS
    return line[0].islower() and (last.isalpha() or last == ",")


#: Words after which an ALL-CAPS title cannot end.
_JOINERS = frozenset(
    "de del la las los el y e o a en por para con sin sobre the of and for to in on with "
    "des du le les et pour dans da do das dos em na no com".split()
)


def head_text(text: str) -> str:
    """The heading area of a text (its first :data:`HEAD_CHARS` characters).

    :param text: the whole text.
    """
    return text[:HEAD_CHARS]


def tail_text(text: str) -> str:
    """The final-formula area of a text (its last :data:`TAIL_CHARS` characters).

    :param text: the whole text.
    """
    return text[-TAIL_CHARS:] if len(text) > HEAD_CHARS else ""


def is_all_caps(text: str) -> bool:
    """True when the letters of ``text`` are (almost) all upper case.

    :param text: a line.
    """
    letters = [c for c in text if c.isalpha() and c.upper() != c.lower()]  # cased letters only
    if len(letters) < 3:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper / len(letters) >= 0.9
