"""The title of a document: the heading lines that name the instrument.

Legal texts open with boilerplate (gazette mastheads, "Texto vigente", amendment
notes), then a line naming the instrument, either by type and number ("Ley 26.364",
"DECRETO SUPREMO Nº 119-2003-RE") or by name ("LEY DE MIGRACIÓN", "Convention on
the Elimination of All Forms of Discrimination against Women"). A bare type-and-number
line is joined with the subject line next to it ("Ley 26.364 - Prevención y sanción
de la trata de personas…").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ingest.metadata.casing import recase
from ingest.metadata.dates import find_dates
from ingest.metadata.instrument import line_type, title_type
from ingest.metadata.number import find_number
from ingest.metadata.text import fold, is_all_caps

if TYPE_CHECKING:
    from library.vocabulary import Vocabularies

#: Lines that never name the instrument (folded text, matched at the start).
_BOILERPLATE = re.compile(
    r"^(camara de diputados|secretaria general|secretaria de servicios parlamentarios|"
    r"texto vigente|texto actualizado|texto consolidado|ultima reforma|ultimas reformas|"
    r"nuev[oa] (ley|reglamento|codigo|decreto)|(ley|reglamento|codigo|constitucion) publicad|"
    r"diario oficial|boletin oficial|gaceta oficial|journal officiel|official gazette|"
    r"poder (legislativo|ejecutivo|judicial)|congreso de la republica|"
    r"(el|la|o|a|the|le) president[ea]|por cuanto|considerando|visto|whereas|"
    r"infoleg|ver antecedentes|short title|titre abrege|titulo abreviado|indice|sumario|contenido|table of contents|contents|"
    r"preamb|al margen|subtipo|nota|note|(\(\s*\)|\(\*\))|usuario|inicio|home|menu|"
    r"sancionad|promulgad|publicad|dad[oa] en|bs\.? ?as|teniendo presente|"
    r"el senado y camara|el congreso|the general assembly|la asamblea|"
    r"fe de erratas|vigencia|vigente|derogad|abrogad|repealed|in force|en vigor)"
)
_STRUCTURE = re.compile(
    r"^(titulo|capitulo|seccion|libro|parte|chapter|part|section|title|chapitre|titre|"
    r"livre|capitulo|disposiciones|disposicoes|dispositions|provisions)\b"
)
_ONLY_DATE_OR_NUMBER = re.compile(r"^[\d\s.,/:()-]*$")
#: Long titles of common-law and French drafting, followed by a short title.
_LONG_TITLE = re.compile(r"^(an act|a bill|loi concernant|loi portant|loi relative|loi visant)\b")
#: Function words that tell a line's language (Dutch included: bilingual treaty files).
_STOPWORDS: dict[str, frozenset[str]] = {
    "es": frozenset("de el la los las del y en por para con que se su al una un sobre".split()),
    "pt": frozenset(
        "de o a os as do da dos das e em por para com que no na ao um uma sobre".split()
    ),
    "fr": frozenset("de le la les des du et en pour par avec que au aux un une sur dans".split()),
    "en": frozenset("the of and in for to with on by an a against relating concerning".split()),
    "nl": frozenset("het de en van voor tot inzake betreffende een op met tegen".split()),
}
SUBJECT_MAX = 120
#: A footnote mark glued to the last word of a heading ("…DE TODOS LOS MIGRANTES8").
_NOTE_MARK = re.compile(r"(?<=[^\W\d_]{4})\d{1,2}$")


@dataclass(frozen=True)
class TitleChoice:
    """A title and what was learnt while finding it.

    :param title: the title, recased.
    :param type_line: the line naming the instrument by type, or "".
    :param number_line: the type-and-number line, or "".
    """

    title: str
    type_line: str = ""
    number_line: str = ""


def foreign(line: str, language: str) -> bool:
    """True when ``line`` reads as another language than ``language``.

    :param line: a line.
    :param language: ISO 639-1 code; unknown codes never make a line foreign.
    """
    own = _STOPWORDS.get(language)
    if own is None:
        return False
    words = re.findall(r"[a-z]+", fold(line))
    mine = sum(1 for w in words if w in own)
    for code, stop in _STOPWORDS.items():
        if code != language and sum(1 for w in words if w in stop and w not in own) >= max(
            2, mine + 1
        ):
            return True
    return False


def is_boilerplate(line: str) -> bool:
    """True for lines that never name the instrument (mastheads, notes, dates alone…).

    :param line: a cleaned line.
    """
    folded = fold(line).strip(" .:-\"'“”«»")
    if len(folded) < 3 or _ONLY_DATE_OR_NUMBER.match(folded):
        return True
    if _BOILERPLATE.match(folded):
        return True
    dates = find_dates(folded)
    if dates:
        rest = folded[: dates[0].start] + folded[dates[0].end :]
        if not re.search(r"\d", rest) and len(re.sub(r"[^a-z]", "", rest)) <= 14:
            return True  # a date line, perhaps with a weekday or a place
    if re.match(r"^-{3,}$|^[a-z][a-z_]{1,30}:\s*[\"'\w]", line):
        return True  # front matter left in the text (key: value)
    return "|" in line or folded.startswith(("(*)", "http"))


def _words_after_number(line: str, number: str) -> int:
    rest = line.split(number, 1)[1] if number and number in line else ""
    rest = re.sub(r"\b(de|del|du|of|do|da)\b", " ", fold(rest))
    rest = re.sub(r"[\d.,/()-]", " ", rest)
    for d in ("de", "del"):
        rest = rest.replace(f" {d} ", " ")
    words = [w for w in rest.split() if len(w) > 2]
    return len([w for w in words if not any(m == w for m in _MONTH_WORDS)])


_MONTH_WORDS = frozenset(
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre "
    "diciembre janeiro fevereiro marco maio junho julho setembro outubro novembro dezembro "
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre "
    "january february march april may june july august september october november december".split()
)


def _subject_ok(line: str, language: str) -> bool:
    folded = fold(line)
    return (
        len(line) >= 10
        and not is_boilerplate(line)
        and not _STRUCTURE.match(folded)
        and not foreign(line, language)
        and not line.rstrip().endswith(":")
        and not re.match(r"^(que|whereas|considerando|visto|el|la|the)\b.*\b(ha|has|se)\b", folded)
    )


def _is_prose(line: str) -> bool:
    """A sentence of running text: the heading area is over."""
    if is_all_caps(line):
        return len(line) > 400
    return len(line) > 250 or (len(line) > 100 and line.rstrip().endswith("."))


#: Formulas that close an epigraph and add nothing to it.
_CLOSING = re.compile(
    r"[,;]?\s*(y|e|and|et)\s+(se dictan|se expiden|dá|da|for|dispose)\s+"
    r"(otras disposiciones|outras providencias|other purposes|diverses dispositions)\.?$"
)


def _unglue(line: str) -> str:
    """Cut a preamble that a converter glued to the title ("…(Revised 1949)The General…")."""
    glued = re.search(
        r"(?<=[a-z.)])(?=(?:The|La|Le|El|Los|Las|Les|Os|As|Preamble|Preámbulo) )", line
    )
    return line[: glued.start()] if glued and glued.start() > 15 else line


_CITED = re.compile(
    r"(?:may be cited as|peut etre citee? sous le (?:nom|titre) de|podra citarse como|"
    r"se denominara|podera ser citad[oa] como)\s+(?:the\s+|la\s+|el\s+|le\s+|a\s+|o\s+)?"
)


def cited_title(text: str, title: str) -> str:
    """The short title an instrument gives itself ("may be cited as the Domestic Workers
    Convention, 2011"), when the title does not already hold it; else "".

    :param text: the whole text.
    :param title: the title found so far.
    """
    folded = fold(text[:20000])
    m = _CITED.search(folded)
    if not m:
        return ""
    rest = text[m.end() : m.end() + 150]
    short = re.split(r"[.:;\n]|\s\(", rest)[0].strip(" ,\"'“”")
    if not (3 <= len(short) <= 100) or fold(short) in fold(title) or _LONG_TITLE.match(fold(title)):
        return ""
    return short


def trim_subject(subject: str) -> str:
    """Shorten a long subject to its first sentence or clause.

    :param subject: a subject line or an epigraph.
    """
    subject = _unglue(subject.strip())
    subject = _CLOSING.sub("", fold_free_strip(subject))
    if len(subject) <= SUBJECT_MAX:
        return subject
    sentences = re.split(r"(?<=[.;])\s+", subject)
    out = sentences[0]
    for sentence in sentences[1:]:
        if len(out) >= 40:
            break
        out += " " + sentence
    if len(out) > SUBJECT_MAX:
        # a clause opens with a conjunction, a relative or a gerund ("…, estableciendo el…")
        clauses = re.split(
            r",\s+(?=(?:se|y|e|and|et|que|which|(?i:\w+(?:ando|iendo|endo)))\b)", out
        )
        kept = clauses[0]
        for clause in clauses[1:]:
            if len(kept) >= 50:
                break
            kept += ", " + clause
        out = kept
    return fold_free_strip(out)


def fold_free_strip(text: str) -> str:
    """Strip spaces and trailing punctuation.

    :param text: a title or part of one.
    """
    return text.strip().rstrip(".;:,- ").strip()


def _bare_number_line(line: str) -> bool:
    number = find_number(line)
    return bool(number) and _words_after_number(line, number) < 2


def _subject_near(lines: list[str], at: int, vocab: Vocabularies, language: str) -> str:
    """The subject line next to a bare type-and-number line ``lines[at]``."""
    nxt = next(
        (i for i in range(at + 1, min(len(lines), at + 3)) if not is_boilerplate(lines[i])), None
    )
    if nxt is not None:
        line = _unglue(lines[nxt])
        if _is_prose(line):
            line = trim_subject(line)
        contents = re.match(r"^(disposiciones|disposicoes|dispositions)\b", fold(line))
        if _subject_ok(line, language) and not (
            _bare_number_line(line) or _is_prose(line) or contents
        ):
            return line
    around = list(range(at + 1, min(len(lines), at + 9))) + list(range(at - 1, max(-1, at - 4), -1))
    for i in around:
        line = lines[i]
        if (
            line_type(line, vocab, language)
            and not find_number(line)
            and _subject_ok(line, language)
        ) and len(line.split()) > 1:
            return line
    for i in range(at - 1, max(-1, at - 3), -1):
        line = lines[i]  # an epigraph above the number (Chilean drafting), perhaps long
        if (
            _subject_ok(line, language)
            and not _bare_number_line(line)
            and not _is_prose(line)
            and len(trim_subject(line)) <= 2 * SUBJECT_MAX
        ):
            return line
    return ""


#: Types known by their name rather than their number: "Constitución de la Nación
#: Argentina (Ley Nº 24.430)", "Convention concerning… (Convention 97)".
_NAMED_TYPES = ("constitution", "code", "treaty", "declaration")


def _join(number_line: str, subject: str, typ: str | None, language: str) -> str:
    number_part = recase(number_line, language)
    if not subject:
        return number_part
    subject_part = recase(trim_subject(subject), language)
    if typ in _NAMED_TYPES:
        return f"{subject_part} ({number_part})"
    return f"{number_part} - {subject_part}"


def choose_title(
    lines: list[str], vocab: Vocabularies, language: str = "", running: frozenset[str] = frozenset()
) -> TitleChoice:
    """Find the title among the first lines of a document.

    :param lines: cleaned head lines (see :func:`ingest.metadata.text.head_lines`).
    :param vocab: the controlled vocabularies.
    :param language: ISO 639-1 code of the document.
    :param running: running headers and footers of the document, never its title.
    """
    lines = [line for line in lines if line.strip() and line.strip() not in running]
    lines = [_NOTE_MARK.sub("", line) for line in lines]
    found = _find_type_line(lines, vocab, language)
    if found is None:
        for line in lines:
            if _subject_ok(line, language) and len(line.split()) >= 2 and len(line) <= 300:
                return TitleChoice(_tidy(recase(trim_subject(line), language)))
        return TitleChoice("")
    at, typ = found
    line = lines[at]
    if _bare_number_line(line):
        subject = _subject_near(lines, at, vocab, language)
        subject_type = title_type(subject, vocab, language) if subject else None
        named = subject_type if subject_type in _NAMED_TYPES else typ
        return TitleChoice(_tidy(_join(line, subject, named, language)), line, line)
    if not find_number(line):
        for j in range(at + 1, min(len(lines), at + 3)):
            other = lines[j]
            other_type = line_type(other, vocab, language)
            if other_type and _bare_number_line(other):
                if typ in _NAMED_TYPES:
                    return TitleChoice(_tidy(_join(other, line, typ, language)), line, other)
                subject = _subject_near(lines, j, vocab, language) or line
                return TitleChoice(_tidy(_join(other, subject, other_type, language)), other, other)
        if _LONG_TITLE.match(fold(line)) and at + 1 < len(lines):
            short = lines[at + 1]
            if len(short) < len(line) and title_type(short, vocab, language):
                return TitleChoice(_tidy(f"{short} ({line})"), line)
    return TitleChoice(
        _tidy(recase(trim_subject(line), language)), line, line if find_number(line) else ""
    )


#: How many title-like lines from the top may hold a type named after qualifiers.
LATE_TYPE_LINES = 4


def _find_type_line(lines: list[str], vocab: Vocabularies, language: str) -> tuple[int, str] | None:
    candidates = 0
    for i, line in enumerate(lines[:60]):
        if _is_prose(line):
            return None
        if is_boilerplate(line) or foreign(line, language):
            continue
        if line.rstrip().endswith(":") or _STRUCTURE.match(fold(line)):
            continue
        candidates += 1
        typ = line_type(line, vocab, language)
        if typ and (find_number(line) or len(line.split()) >= 2):
            return i, typ
        if candidates <= LATE_TYPE_LINES and len(line) <= 250 and len(line.split()) >= 2:
            typ = title_type(line, vocab, language)
            if typ:
                return i, typ
    return None


def _tidy(title: str) -> str:
    title = re.sub(r"\s+", " ", title).strip(" .;:-")
    title = re.sub(r"(?<=[A-Za-zÀ-ÿ])\d{1,2}$", "", title)  # a footnote mark glued to the last word
    return title
