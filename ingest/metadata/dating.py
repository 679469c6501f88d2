"""Which of the dates in a text is the adoption date, and which the publication date.

Legal drafting puts them in a few places: the title ("Lei nº 13.445, de 24 de maio
de 2017", "Loi n° 2018-778 du 10 septembre 2018"), labelled lines in the heading
("Sancionada: Diciembre 17 de 2003", "Nueva Ley publicada en el Diario Oficial … el
25 de mayo de 2011"), a place-and-date line ("Bs. As., 3/5/2010"), and the final
formula ("Dada en la Sala de Sesiones … a los diecisiete días…", "Done at New York").
Dates inside cross-references ("Decreto Nº 464 del 21 de febrero de 1977") and
amendment notes ("Última reforma publicada DOF 15-01-2026") are never taken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.metadata.dates import DateMatch, find_dates
from ingest.metadata.text import HEAD_CHARS, TAIL_CHARS, fold

_ADOPTED = re.compile(
    r"(sancionad[oa]s?|promulgad[oa]s?|dad[oa] en|adoptad[oa]|adopted|adopts|adopte|adopta|"
    r"done at|fait a|feito em|hech[oa] en|expedid[oa]|firmad[oa]|signed|enacted|assented|"
    r"sala de (?:las )?sesiones|palacio|casa de gobierno|residencia del poder ejecutivo|"
    r"aprobad[oa] (?:por|en) (?:el|la) (?:congreso|asamblea|senado|camara|conferencia)|"
    r"sanction|sancion|promulgacion|enactment|date of enactment)[^.;]{0,60}$"
)
_PUBLISHED = re.compile(
    r"(publicad[oa]s?|publicacion|publicacao|publication|published|publiee?s?|parution|"
    r"diario oficial|boletin oficial|b\.\s?o\.|dof:?|gaceta oficial|journal officiel|"
    r"el peruano|registro oficial|(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)\s*,?)"
    r"[^.;]{0,60}$"
)
_AMENDED = re.compile(
    r"(reforma|reformad|modificad|modifica|actualizad|actualizacion|amended|amendment|"
    r"derogad|sustituid|incorporad|abrogad|erratas|consolidad|vigencia|en vigor|into force|"
    r"vigor|alterad|revogad|redacao|updated|last|ultima|ultimo|nota|consultad)[^.;]{0,40}$"
)
#: "Ley Nº 26.842 …", "Decreto 1023/94 del", "Resolución Legislativa Nº 15014 de":
#: the date belongs to another instrument.
_CROSS_REFERENCE = re.compile(
    r"(ley|leyes|lei|loi|act|decreto|decretos|decret|decree|resolucion|resolution|"
    r"reglamento|convencion|convention|protocolo|protocol|acuerdo|ordenanza|disposicion|"
    r"circular|oficio|expediente|dfl|dl)\b[^.;\n]{0,40}?\d[\d./-]*\s*,?\s*"
    r"(de|del|du|of|from|dated|de fecha|do|da)?\s*$"
)
#: The final formula of a treaty or law, wherever it stands ("DONE at Strasbourg, this
#: 24th day of November 1977", "adopts this sixteenth day of June…", "Dada en la Sala
#: de Sesiones…, a los diecisiete días…"). It opens a sentence.
_FINAL_FORMULA = re.compile(
    r"(?:^|[.:;]\s*|\n\s*)(?:done at|fait a|hech[oa] en|feito em|dad[oa] en|adopts this|"
    r"adopta en este|adopte ce)[^.;]{0,160}?(?:,|\bthis|\bce|\ba los|\baos|\bon|\bthe)\s*$"
)
#: A treaty's signature clause: "opened for signature at New York, on the thirty-first day
#: of March…", "shall be open to all States for signature from 12 to 15 December 2000".
_OPENED_FOR_SIGNATURE = re.compile(
    r"(?:open(?:ed)?\b[^.;]{0,40}\bfor signature|abiert[oa]s?\b[^.;]{0,40}\ba la firma|"
    r"ouverte?s?\b[^.;]{0,40}\ba la signature|abert[oa]s?\b[^.;]{0,40}\ba assinatura)"
    r"[^.;]{0,60}$"
)
_PLACE_LINE = re.compile(
    r"(^|\n)\s*[a-z][a-z .'-]{1,40},\s*(a\s+|el\s+|le\s+|em\s+|on\s+)?(los\s+)?$"
)


@dataclass(frozen=True)
class Dating:
    """The dates chosen for a document; "" when not found.

    :param adopted: date of adoption, enactment or signature.
    :param published: date of publication in a gazette.
    """

    adopted: str = ""
    published: str = ""


def _context(folded: str, match: DateMatch) -> str:
    before = folded[max(0, match.start - 120) : match.start]
    cut = before.rfind("\n\n")
    before = before[cut + 2 :] if cut >= 0 else before
    return re.sub(r"[ \t]+", " ", re.sub(r"\s*\n\s*", "\n", before))


def _classify(folded: str, match: DateMatch, *, in_tail: bool) -> tuple[str, int]:
    """(kind, strength) of one date: kind is adopted/published/skip/bare."""
    ctx = _context(folded, match)
    near = ctx[-70:]
    if _AMENDED.search(near[-45:]):
        return "skip", 0
    if _CROSS_REFERENCE.search(near[-50:]):
        return "skip", 0
    if _PUBLISHED.search(near):
        return "published", 2
    adopted = _ADOPTED.search(near)
    if adopted:
        if not in_tail and adopted.group(1) in ("done at", "fait a", "feito em", "hecho en"):
            return "skip", 0  # a treaty's preamble citing where another treaty was done
        return "adopted", 3
    if _PLACE_LINE.search(ctx):
        return "adopted", 1
    return "bare", 0


def _formula_dates(text: str, formula: re.Pattern[str]) -> list[str]:
    """Dates anywhere in ``text`` that ``formula`` introduces."""
    folded = fold(text)
    if len(folded) != len(text):
        folded = "".join(fold(c)[:1] or " " for c in text)
    found: list[str] = []
    for match in find_dates(text):
        before = folded[max(0, match.start - 200) : match.start]
        if formula.search(before):
            found.append(match.value)
    return found


def choose_dates(
    text: str, title: str = "", *, consolidated: bool = False, treaty: bool = False
) -> Dating:
    """Pick the adoption and publication dates of a document.

    :param text: the whole text.
    :param title: the document's title, whose own date (if any) is its adoption date.
    :param consolidated: the text is a consolidated version: its last lines belong to
        the latest amendment, so they say nothing of the adoption.
    :param treaty: the text is a treaty: the date it was opened for signature (in its
        final clauses, often in words) stands for its adoption when nothing better does.

    >>> choose_dates("Ley 25.871\\n\\nSancionada: Diciembre 17 de 2003.\\n\\nPromulgada: Enero 20 de 2004.")
    Dating(adopted='2003-12-17', published='')
    >>> choose_dates("LEY DE MIGRACIÓN\\nNueva Ley publicada en el Diario Oficial de la Federación el 25 de mayo de 2011\\nÚltima reforma publicada DOF 15-01-2026")
    Dating(adopted='', published='2011-05-25')
    """
    adopted: list[tuple[int, int, str]] = []  # (strength, position, value)
    published: list[tuple[int, int, str]] = []
    title_dates = find_dates(title) if title else []
    if title_dates:
        adopted.append((4, 0, title_dates[0].value))
    for value in _formula_dates(text, _FINAL_FORMULA)[:1]:
        adopted.append((5, 0, value))
    if treaty:
        for value in _formula_dates(text, _OPENED_FOR_SIGNATURE)[:1]:
            adopted.append((3, len(text), value))
    head = text[:HEAD_CHARS]
    areas: list[tuple[str, int, bool]] = [(head, 0, False)]
    if len(text) > HEAD_CHARS and not consolidated:
        start = max(HEAD_CHARS, len(text) - TAIL_CHARS)
        areas.append((text[start:], start, True))
    for area, offset, in_tail in areas:
        folded = fold(area)
        if len(folded) != len(area):
            folded = "".join(fold(c)[:1] or " " for c in area)
        for match in find_dates(area):
            kind, strength = _classify(folded, match, in_tail=in_tail)
            position = offset + match.start
            if kind == "adopted":
                adopted.append((strength, position, match.value))
            elif kind == "published":
                published.append((strength, position, match.value))
    year = title_dates[0].value[:4] if title_dates else year_from_title(title)
    if year:  # the title's year is authoritative: a date of another year is another act's
        adopted = [c for c in adopted if c[2][:4] == year] or [(0, 0, year)]
    best_adopted = max(adopted, key=lambda c: (c[0], -c[1]))[2] if adopted else ""
    best_published = min(published, key=lambda c: c[1])[2] if published else ""
    return Dating(best_adopted, best_published)


def year_from_title(title: str) -> str:
    """The year a title gives without a full date ("Decreto 616/2010", "Ley 1465 de 2011").

    :param title: a title.

    >>> year_from_title("Decreto 616/2010")
    '2010'
    >>> year_from_title("LEY 1465 DE 2011")
    '2011'
    >>> year_from_title("Loi n° 2018-778")
    '2018'
    """
    folded = fold(title)
    m = re.search(r"\d[\d.]*\s*(?:/|de|del|of|-)\s*((?:1[6-9]|20)\d\d)\b", folded)
    if m:
        return m.group(1)
    m = re.search(r"\b((?:1[6-9]|20)\d\d)\s*-\s*\d+", folded)
    if m:
        return m.group(1)
    m = re.search(r"(?:,|\bof|\bde)\s*((?:1[6-9]|20)\d\d)\b", folded)
    return m.group(1) if m else ""
