"""The heading grammar of legal texts in es/pt/fr/en, used by :mod:`ingest.segment`.

One line is tested at a time, from its start: ``match_heading(line)`` says
whether the line opens a structural unit (book, part, title, chapter,
section, article, annex, block of transitory or final provisions) and splits
it into keyword, number and the rest of the line. The rules are those of legal
drafting, not of any particular source:

- a heading keyword is followed by a number (arabic, roman, ordinal word,
  "único", "premier", French code numbers such as ``L. 311-1``);
- after the number comes typical punctuation (``.`` ``.-`` ``°`` ``:`` ``—``),
  the end of the line, or a capitalised word; a lower-case word or a comma
  ("Artículo 5 de la Ley…", "Article 3, paragraph 2") means a reference in
  running text, not a heading;
- a line opening with a quotation mark is a quoted (amending) text.

Every regex here is anchored and free of nested quantifiers, so a line is
matched in linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.segment_numbers import NUMBER, number_parts
from ingest.segment_numbers import fold as fold
from ingest.segment_numbers import ordinal_value as ordinal_value
from ingest.segment_numbers import roman_value as roman_value
from ingest.segment_numbers import slugify as slugify
from ingest.segment_numbers import to_roman as to_roman

#: Nesting rank of container kinds (smaller encloses larger).
LEVELS: dict[str, int] = {
    "book": 1,
    "part": 2,
    "title": 3,
    "chapter": 4,
    "section": 5,
    "subsection": 6,
}

#: Anchor prefix of each part kind.
ANCHOR_PREFIX: dict[str, str] = {
    "book": "book",
    "part": "part",
    "title": "tit",
    "chapter": "cap",
    "section": "sec",
    "subsection": "subsec",
    "article": "art",
    "annex": "annex",
    "schedule": "sched",
}

_ARTICLE_KW = r"(?:art[ií]culo|artigo|article|art)(?![\w])\.?"
_CONTAINER_KW: tuple[tuple[str, str], ...] = (
    ("book", r"libro|livro|livre|book"),
    ("part", r"parte|partie|part"),
    ("title", r"t[ií]tulo|titre|title"),
    ("subsection", r"subsecci[oó]n|subse[cç][cç]?[aã]o|sous-section|subsection|paragraphe"),
    ("section", r"secci[oó]n|se[cç][cç]?[aã]o|section|sec\.|subcap[ií]tulo|p[aá]rrafo"),
    ("chapter", r"cap[ií]tulo|chapitre|chapter"),
    ("annex", r"anexo|annexe|annex|ap[eé]ndice|appendix"),
    ("schedule", r"schedule"),
)
_KIND_OF_GROUP = {f"k_{kind}": kind for kind, _ in _CONTAINER_KW}
_CONTAINERS = "|".join(f"(?P<k_{kind}>{kw})" for kind, kw in _CONTAINER_KW)

#: Leading markup and indentation that is not part of a line's words.
LEAD = r"[\s#>*_]*"

_HEADING_RE = re.compile(
    rf"""^{LEAD}
    (?:
        (?P<k_article>{_ARTICLE_KW})[\s*_]*(?P<pretrans>transitori[oa]\b\s*)?
      | (?:{_CONTAINERS})(?![\w])[\s*_]*
    )
    {NUMBER}
    [*_]*(?P<posttrans>\s+transitori[oa]s?(?![\w]))?
    """,
    re.IGNORECASE | re.VERBOSE,
)

#: A lone "Artículo transitorio" (a single transitory article).
_LONE_TRANSITORY_RE = re.compile(
    rf"^{LEAD}(?:{_ARTICLE_KW})\s+transitori[oa](?![\w])", re.IGNORECASE
)

_PROVISION_KINDS = (
    r"transitori[ao]s?|transitoires?|transit[oó]ri[ao]s?|transitional|finales?|finais|final"
    r"|adicionales?|complementari[ao]s?|complementaires?|derogatori[ao]s?|modificatori[ao]s?"
)
#: A block of transitory/final provisions, alone on its line.
_PROVISIONS_RE = re.compile(
    rf"""^{LEAD}(?:
        (?:disposiciones|disposici[oó]n|dispositions?|disposi[cç][oõ]es|disposi[cç][aã]o
           |provisions?|art[ií]culos|artigos|articles)
        (?:\s*(?:,|y|e|et|and)?\s*(?:{_PROVISION_KINDS}))+
      | (?:{_PROVISION_KINDS})\s+provisions?
      | transitori[oa]s|transit[oó]rios
    )[\s*_.:]*$""",
    re.IGNORECASE | re.VERBOSE,
)
_TRANSITORY_WORD_RE = re.compile(r"transit", re.IGNORECASE)

#: "Disposición transitoria primera." — one numbered provision.
_PROVISION_ITEM_RE = re.compile(
    rf"""^{LEAD}(?:disposici[oó]n|disposition|disposi[cç][aã]o)\s+
    (?P<ptype>{_PROVISION_KINDS})\s+{NUMBER}""",
    re.IGNORECASE | re.VERBOSE,
)
#: "PRIMERO.-", "Segunda." — an item inside a block of provisions.
_ORDINAL_ITEM_RE = re.compile(rf"^{LEAD}{NUMBER}[*_]*\s*(?=[.\-–—:])", re.IGNORECASE | re.VERBOSE)

_PREAMBLE_RE = re.compile(
    rf"^{LEAD}(?:pre[aá]mbulo|pre[aâ]mbulo|pr[ée]ambule|preamble)[\s*_.:]*$", re.IGNORECASE
)
_ANNEX_ALONE_RE = re.compile(
    rf"^{LEAD}(?P<kw>anexos?|annex(?:es?)?|ap[eé]ndices?|appendix|appendices|schedules?)(?![\w])",
    re.IGNORECASE,
)

_MARKUP_RE = re.compile(r"[*_`\\]+")
_SEPARATORS = ".-–—:°º)|"


@dataclass(frozen=True)
class Heading:
    """One recognised heading line.

    :param kind: a :data:`library.model.PART_KINDS` value, or ``provisions``
        for a block of transitory/final provisions.
    :param number: as printed, normalised ("5", "5 bis", "XIV", "L. 311-1").
    :param slug: the number for anchors ("5-bis", "14", "l-311-1").
    :param seq: the integer that orders articles, or None (code numbers).
    :param rest: what follows the number on the line, markup and separators removed.
    :param separated: the number was followed by punctuation, not by a word.
    :param transitory: the heading names itself transitory.
    :param ordinal_only: an item numbered only by an ordinal word ("Primero.-").
    :param raw_rest: the rest of the line as printed, markup included.
    """

    kind: str
    number: str
    slug: str
    seq: int | None
    rest: str
    separated: bool
    transitory: bool = False
    ordinal_only: bool = False
    raw_rest: str = ""


def clean(line: str) -> str:
    """The words of a line: indentation, heading marks and emphasis removed.

    >>> clean("### **CAPÍTULO II  **")
    'CAPÍTULO II'
    """
    return _MARKUP_RE.sub("", line.lstrip(" \t#>")).strip()


def _afternumber_parts(line: str, end: int) -> tuple[str, bool] | None:
    """The rest of the line after a heading's number, or None if it reads as running text."""
    raw = line[end:]
    text = _MARKUP_RE.sub("", raw).strip()
    if not text:
        return "", True
    if text[0] in _SEPARATORS:
        rest = text.lstrip(_SEPARATORS + " \t")
        if rest[:1].islower():
            return None
        return rest, True
    if not raw[:1].isspace() and raw[:1] not in "*_":
        return None  # "Art. 5bis", "Artículo 12,"
    first = text[0]
    if first.isupper() or first in "(«\"“[¿¡'‘":
        return text, False
    return None


def match_heading(line: str) -> Heading | None:
    """Recognise a structural heading at the start of ``line``.

    :param line: one line of text, possibly with Markdown heading or emphasis marks.
    :returns: the heading, or None when the line is not one (running text,
        a reference such as "Artículo 5 de la Ley", a quoted article).

    >>> match_heading("ARTICULO 1°.- La admisión").number
    '1'
    >>> match_heading("Artículo 5 de la Ley 123") is None
    True
    """
    if not _capitalised(line):
        return None  # "artículo 11. Para el cálculo…": a wrapped sentence
    match = _HEADING_RE.match(line)
    if match is None:
        return _match_provisions(line)
    kind = (
        "article"
        if match["k_article"]
        else next(
            _KIND_OF_GROUP[g] for g, v in match.groupdict().items() if g in _KIND_OF_GROUP and v
        )
    )
    number = number_parts(match, kind)
    if number is None:
        return None
    after = _afternumber_parts(line, match.end())
    if after is None:
        return None
    rest, separated = after
    transitory = bool(match["pretrans"] or match["posttrans"])
    raw_rest = line[match.end() :]
    return Heading(
        kind, number[0], number[1], number[2], rest, separated, transitory, False, raw_rest
    )


def _match_provisions(line: str) -> Heading | None:
    """Blocks of provisions, lone transitory articles, annexes without a number."""
    if _PROVISIONS_RE.match(line):
        transitory = bool(_TRANSITORY_WORD_RE.search(line))
        return Heading("provisions", "", "", None, clean(line), True, transitory)
    item = _PROVISION_ITEM_RE.match(line)
    if item:
        number = number_parts(item, "article")
        after = _afternumber_parts(line, item.end())
        if number and after is not None:
            trans = bool(_TRANSITORY_WORD_RE.match(item["ptype"]))
            return Heading("article", number[0], number[1], number[2], after[0], True, trans)
    lone = _LONE_TRANSITORY_RE.match(line)
    if lone:
        after = _afternumber_parts(line, lone.end())
        if after is not None:
            return Heading("article", "único", "unico", None, after[0], after[1], True)
    annex = _ANNEX_ALONE_RE.match(line)
    if annex:
        after = _afternumber_parts(line, annex.end())
        if after is not None and (after[1] or not after[0] or after[0].isupper()):
            kind = "schedule" if fold(annex["kw"]).startswith("sched") else "annex"
            return Heading(kind, "", "", None, after[0], after[1])
    return None


def match_ordinal_item(line: str) -> Heading | None:
    """An item of a block of provisions numbered by a word: "PRIMERO.-", "Única."."""
    match = _ORDINAL_ITEM_RE.match(line)
    if match is None or not (match["ordinal"] or match["word"]) or not _capitalised(line):
        return None
    number = number_parts(match, "article")
    after = _afternumber_parts(line, match.end())
    if number is None or after is None:
        return None
    return Heading(
        "article", number[0], number[1], number[2], after[0], True, False, True, line[match.end() :]
    )


def _capitalised(line: str) -> bool:
    """The first letter of the line is a capital, as in every heading."""
    for ch in line:
        if ch.isalpha():
            return ch.isupper()
    return False


def is_preamble(line: str) -> bool:
    """The line is a lone "Preamble" heading (any of the four languages)."""
    return bool(_PREAMBLE_RE.match(line))


#: The end of a sentence announcing the new wording of an amended provision.
_AMENDMENT_INTRO_RE = re.compile(
    r"(?:\b(?:as[ií]|siguiente|siguientes|redactad[oa]s?|reads?|follows|following|seguinte"
    r"|reda[cç][aã]o|r[ée]dig[ée]e?s?|suit|suivante|ainsi|texto|t[ée]rminos|worded)"
    r"|[«\"“])[\s*_»\"”]*:[\s*_]*$",
    re.IGNORECASE,
)


def announces_amendment(line: str) -> bool:
    """The line introduces quoted text: "…quedará así:", "…shall read as follows:"."""
    return bool(_AMENDMENT_INTRO_RE.search(line))


def is_provisions_name(text: str) -> bool:
    """The text names a block of transitory or final provisions."""
    return bool(_PROVISIONS_RE.match(text))


def is_transitory_name(text: str) -> bool:
    """The text names transitory provisions."""
    return bool(_TRANSITORY_WORD_RE.search(text))
