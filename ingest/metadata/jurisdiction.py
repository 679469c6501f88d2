"""The jurisdiction of a document: a country (ISO 3166-1 alpha-2) or an organisation code.

Evidence is what the vocabulary recognises (country names, demonyms, gazettes,
national bodies, organisation names) in the title, the heading area and the
signatures at the end, the title weighing most. International instruments
(treaties, declarations, and documents without a country) go to the organisation
named most.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ingest.metadata.text import fold

if TYPE_CHECKING:
    from library.vocabulary import Vocabularies

HEAD = 3000
TAIL = 2000
TITLE_WEIGHT = 5
INTERNATIONAL_TYPES = ("treaty", "declaration")


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


def derive_jurisdiction(title: str, text: str, instrument_type: str, vocab: Vocabularies) -> str:
    """The jurisdiction best supported by the text, or "".

    :param title: the document's title.
    :param text: the whole text.
    :param instrument_type: the type id already derived.
    :param vocab: the controlled vocabularies.
    """
    scores: Counter[str] = Counter()
    for code, count in vocab.find_jurisdictions(title):
        scores[code] += TITLE_WEIGHT * count
    tail = text[-TAIL:] if len(text) > HEAD + TAIL else ""
    for area in (text[:HEAD], tail):
        for code, count in vocab.find_jurisdictions(area):
            scores[code] += count
    if not scores:
        return ""
    organisations = {c: s for c, s in scores.items() if _is_organisation(c, vocab)}
    countries = {c: s for c, s in scores.items() if c not in organisations}
    if instrument_type in INTERNATIONAL_TYPES and organisations:
        return _best(organisations)
    if not countries:
        return _best(organisations)
    best_country = _best(countries)
    if organisations:
        best_org = _best(organisations)
        # a text about an organisation's work that names countries only in passing
        if organisations[best_org] >= 2 * countries[best_country] and not _national_markers(text):
            return best_org
    return best_country


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
