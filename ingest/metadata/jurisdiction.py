"""The jurisdiction of a document: a country (ISO 3166-1 alpha-2) or an organisation code.

Evidence is what the vocabulary recognises (country names, demonyms, gazettes,
national bodies, organisation names) in the title, the heading area and the
signatures at the end, the title weighing most. The file's own title and its
running headers (which often name the series or the work a chapter belongs to)
weigh like the title. International instruments (treaties, declarations, and
documents without a country) go to the organisation named most; an organisation
named in the title or running header beats countries merely mentioned in the text.
A text that is not legislation (a guideline, study or article) and names several
countries about equally, with no organisation, has no single jurisdiction.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from ingest.metadata.text import fold

if TYPE_CHECKING:
    from library.vocabulary import Vocabularies

HEAD = 3000
TAIL = 2000
TITLE_WEIGHT = 5
INTERNATIONAL_TYPES = ("treaty", "declaration")
#: Types of texts that are not legislation: they speak about countries without being theirs.
NON_LEGAL_TYPES = ("guideline", "study", "other")
#: How far the best country must outscore the next in a non-legal text.
DOMINANCE = 2
#: An acronym written as a word after an article ("la Oim", "the Ilo"): texts that recase
#: acronyms still name the organisation.
_CAPITALISED_ACRONYM = re.compile(
    r"\b(?i:la|el|los|las|the|le|les|a|o|os|as|de|del|of|da|do)\s+([A-Z][a-z]{2,5})\b"
)


def normalise_jurisdiction(value: str, vocab: Vocabularies) -> str:
    """A jurisdiction code from what a file states ("ar", "Argentina", "OEA"), or "".

    :param value: the stated value.
    :param vocab: the controlled vocabularies.
    """
    value = value.strip()
    if not value:
        return ""
    codes = vocab.jurisdictions
    if value.upper() in codes:
        return value.upper()
    found = vocab.find_jurisdictions(value)
    return found[0][0] if found else ""


def _is_organisation(code: str, vocab: Vocabularies) -> bool:
    return vocab.jurisdiction(code).kind not in ("country",)


def derive_jurisdiction(
    title: str, text: str, instrument_type: str, vocab: Vocabularies, context: str = ""
) -> str:
    """The jurisdiction best supported by the text, or "".

    :param title: the document's title.
    :param text: the whole text.
    :param instrument_type: the type id already derived.
    :param vocab: the controlled vocabularies.
    :param context: what else names the document as a whole: the file's own title and
        description, its running headers. Weighs like the title.
    """
    scores: Counter[str] = Counter()
    named: Counter[str] = Counter()  # in the title or the context
    for area in (title, context):
        for code, count in _mentions(area, vocab):
            scores[code] += TITLE_WEIGHT * count
            named[code] += count
    tail = text[-TAIL:] if len(text) > HEAD + TAIL else ""
    for area in (text[:HEAD], tail):
        for code, count in _mentions(area, vocab):
            scores[code] += count
    if not scores:
        return ""
    organisations = {c: s for c, s in scores.items() if _is_organisation(c, vocab)}
    countries = {c: s for c, s in scores.items() if c not in organisations}
    if organisations and (instrument_type in INTERNATIONAL_TYPES or not countries):
        return _best(organisations)
    best_country = _best(countries)
    national = _national_markers(text)
    if organisations:
        best_org = _best(organisations)
        if not national and (
            organisations[best_org] >= 2 * countries[best_country]  # countries in passing
            or (named[best_org] and not named[best_country])  # the organisation heads the text
        ):
            return best_org
    if instrument_type in NON_LEGAL_TYPES and not national and not named[best_country]:
        others = [s for c, s in countries.items() if c != best_country]
        if others and countries[best_country] < DOMINANCE * max(others):
            return ""  # a text about several countries, issued by none of them
    return best_country


def _mentions(text: str, vocab: Vocabularies) -> list[tuple[str, int]]:
    """What the vocabulary finds in ``text``, with organisations' acronyms recased as words
    ("la Oim")."""
    found = Counter(dict(vocab.find_jurisdictions(text)))
    words = " ".join(m.group(1).upper() for m in _CAPITALISED_ACRONYM.finditer(text))
    if words:
        found.update(
            {c: n for c, n in vocab.find_jurisdictions(words) if _is_organisation(c, vocab)}
        )
    return list(found.items())


def _best(scores: dict[str, int]) -> str:
    return max(sorted(scores), key=lambda c: scores[c])


def _national_markers(text: str) -> bool:
    """Enacting formulas of national legislation ("sancionan con fuerza de ley", "decreta")."""
    head = fold(text[:HEAD])
    return any(
        marker in head
        for marker in (
            "fuerza de ley",
            "decreta:",
            "d e c r e t a",
            "decreta e eu sanciono",
            "ha dado la ley siguiente",
            "enacts as follows",
            "edicte",
            "a adopte",
            "proyecto de ley",
        )
    )
