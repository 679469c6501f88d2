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
import unicodedata
from dataclasses import dataclass

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


def _number(match: re.Match[str], kind: str) -> tuple[str, str, int | None] | None:
    """(number as printed and normalised, slug, sequence integer) of a NUMBER match."""
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


def _after_number(line: str, end: int) -> tuple[str, bool] | None:
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
    number = _number(match, kind)
    if number is None:
        return None
    after = _after_number(line, match.end())
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
        number = _number(item, "article")
        after = _after_number(line, item.end())
        if number and after is not None:
            trans = bool(_TRANSITORY_WORD_RE.match(item["ptype"]))
            return Heading("article", number[0], number[1], number[2], after[0], True, trans)
    lone = _LONE_TRANSITORY_RE.match(line)
    if lone:
        after = _after_number(line, lone.end())
        if after is not None:
            return Heading("article", "único", "unico", None, after[0], after[1], True)
    annex = _ANNEX_ALONE_RE.match(line)
    if annex:
        after = _after_number(line, annex.end())
        if after is not None and (after[1] or not after[0] or after[0].isupper()):
            kind = "schedule" if fold(annex["kw"]).startswith("sched") else "annex"
            return Heading(kind, "", "", None, after[0], after[1])
    return None


def match_ordinal_item(line: str) -> Heading | None:
    """An item of a block of provisions numbered by a word: "PRIMERO.-", "Única."."""
    match = _ORDINAL_ITEM_RE.match(line)
    if match is None or not (match["ordinal"] or match["word"]) or not _capitalised(line):
        return None
    number = _number(match, "article")
    after = _after_number(line, match.end())
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
