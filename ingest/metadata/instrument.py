"""The instrument type of a document: from its title, else from what its text is like.

Type ids follow the vocabulary (``law``, ``decree``, ``regulation``, ``treaty``,
``declaration``, ``constitution``, ``resolution``, ``guideline``, ``study``, ``other``).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from ingest.metadata.text import fold

if TYPE_CHECKING:
    from library.vocabulary import Vocabularies

#: Types whose name may come after an adjective in a title ("Universal Declaration",
#: "European Convention", "Immigration and Refugee Protection Act").
_LATE_TYPES = ("treaty", "declaration", "constitution", "law", "code")
#: Articles: a type name right after one, inside a title, is a common noun.
_ARTICLES = frozenset(
    "la le les l the el los las o a os as del al du des au aux do da dos das".split()
)
#: Kinds of document the vocabulary of legal instruments does not name.
_GUIDANCE = re.compile(
    r"\b(guidance|guidelines?|guide|handbook|toolkit|manual|guia|orientacion(?:es)?|"
    r"orientations?|lineamientos|directrices|cartilha|lignes directrices|principes directeurs|"
    r"principios rectores|guiding principles|good practices|buenas practicas|boas praticas)\b"
)
_STUDY = re.compile(
    r"\b(abstract|resumen|resumo|resume|palabras clave|palavras-chave|keywords|mots-cles|"
    r"metodologia|methodology|methodologie|bibliografia|bibliography|references|referencias|"
    r"working paper|documento de trabajo|estudio|study|etude|estudo|informe|report|rapport|"
    r"relatorio)\b"
)
#: A heading that asks a question ("¿Qué es la violencia doméstica?", "Where to get help?").
_QUESTION = re.compile(r"(?m)^[ \t]*[¿#*\s]*[^\n?.]{3,80}\?[*\s]*$")
MIN_QUESTIONS = 3
#: A constitution of an international organisation is a treaty.
_ORGANISATION = re.compile(r"\b(organi[sz]ation|organizacion|organizacao|organisation)\b")
_NORMATIVE = (
    "constitution",
    "law",
    "code",
    "decree",
    "regulation",
    "resolution",
    "treaty",
    "declaration",
)


def line_type(line: str, vocab: Vocabularies, language: str = "") -> str | None:
    """The instrument type whose local name begins ``line`` ("Ley Nº 25.871" → ``law``).

    :param line: a cleaned line.
    :param vocab: the controlled vocabularies.
    :param language: ISO 639-1 code of the document, or "".
    """
    found = vocab.match_instrument_type(line, language or None)
    if found is None and language:
        found = vocab.match_instrument_type(line, None)
    if found is None and _GUIDANCE.match(fold(line)):
        return "guideline"
    return _refine(found, line)


def title_type(title: str, vocab: Vocabularies, language: str = "") -> str | None:
    """The instrument type named by a title, at its start or after a few qualifiers.

    :param title: a title ("Universal Declaration of Human Rights" → ``declaration``).
    :param vocab: the controlled vocabularies.
    :param language: ISO 639-1 code of the document, or "".
    """
    found = line_type(title, vocab, language)
    if found:
        return found
    words = re.split(r"\s+", title.strip())
    for i in range(1, min(len(words), 6)):
        if i > 1 and fold(words[i - 1]) in _ARTICLES:
            continue  # "éliminer la traite", "combat the trade": a noun in a phrase, not a type
        late = vocab.match_instrument_type(" ".join(words[i:]), language or None)
        if late in _LATE_TYPES:
            return _refine(late, title)
    return None


def _refine(found: str | None, title: str) -> str | None:
    if found == "code":
        return "law"  # codes are laws
    if found == "constitution" and _ORGANISATION.search(fold(title)):
        return "treaty"
    return found


def running_lines(text: str, min_count: int = 3) -> list[str]:
    """Lines repeated through a paged document: running headers and footers.

    :param text: the whole text.
    :param min_count: how often a line must occur.
    """
    counts = Counter(line.strip() for line in text.splitlines() if len(line.strip()) > 15)
    return [line for line, n in counts.items() if n >= min_count]


def content_type(text: str, title: str, running: str = "") -> str:
    """The type of a document that names no legal instrument: guideline, study or other.

    :param text: the whole text.
    :param title: its title.
    :param running: running headers or footers removed from the text, which often name
        the series or the work a chapter belongs to ("Extract from …: Guidance for …").
    """
    lines = "\n".join([*running_lines(text), running])
    head = fold(title + "\n" + text[:3000] + "\n" + lines)
    if _GUIDANCE.search(head):
        return "guideline"
    if len(set(m.group(1) for m in _STUDY.finditer(fold(text[:6000] + text[-4000:])))) >= 3:
        return "study"
    if len(_QUESTION.findall(text)) >= MIN_QUESTIONS:
        return "guideline"  # set out as questions and answers: a leaflet or FAQ for the public
    return "other"


def normalise_type(value: str, vocab: Vocabularies, language: str = "") -> str:
    """A type id from a type a file states: an id already, or a local name ("ley", "decreto_supremo").

    :param value: the stated type.
    :param vocab: the controlled vocabularies.
    :param language: ISO 639-1 code of the document, or "".
    """
    value = value.strip()
    if not value:
        return ""
    known = (
        set(getattr(vocab, "instrument_types", {}) or ())
        | set(_NORMATIVE)
        | {
            "guideline",
            "study",
            "other",
            "judgment",
        }
    )
    if value.lower() in known:
        return _refine(value.lower(), "") or ""
    found = vocab.match_instrument_type(value.replace("_", " "), language or None)
    if found is None:
        found = vocab.match_instrument_type(value.replace("_", " "), None)
    return _refine(found, value) or ""
