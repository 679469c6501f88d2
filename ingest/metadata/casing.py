"""Bring ALL-CAPS titles to the casing a librarian would write."""

from __future__ import annotations

import re

from ingest.metadata.text import is_all_caps

_ROMAN = re.compile(r"^[IVXLC]+$")
_SMALL_EN = frozenset("a an and as at by for from in into of on or the to with via".split())
_KEEP_UPPER = frozenset(["ONU", "OEA", "OIT", "OIM", "UN", "ILO", "IOM", "OAS", "DOF", "RE", "EU"])
_NUMBER_SIGNS = {"Nº": "Nº", "N°": "N°", "NO.": "No.", "NÚM.": "Núm.", "NUM.": "Núm.", "N.º": "N.º"}


def recase(title: str, language: str = "") -> str:
    """Sentence case (es/pt/fr) or title case (en) for the ALL-CAPS segments of a title.

    Segments are separated by `` - ``; mixed-case segments are kept as they are,
    except a leading ALL-CAPS word ("LINEAMIENTOS Generales para…").

    :param title: the title as found.
    :param language: ISO 639-1 code.

    >>> recase("LEY 26.364 - PREVENCION Y SANCION DE LA TRATA DE PERSONAS", "es")
    'Ley 26.364 - Prevención y sanción de la trata de personas'
    >>> recase("DECRETO-LEI Nº 4.657, DE 4 DE SETEMBRO DE 1942", "pt")
    'Decreto-Lei Nº 4.657, de 4 de setembro de 1942'
    >>> recase("LINEAMIENTOS Generales para la expedición de visas", "es")
    'Lineamientos Generales para la expedición de visas'
    """
    segments = title.split(" - ")
    return " - ".join(_recase_segment(s, language) for s in segments)


def _recase_segment(segment: str, language: str) -> str:
    if not is_all_caps(segment):
        first, _, rest = segment.partition(" ")
        if rest and is_all_caps(first) and len(first) > 3 and not is_all_caps(rest):
            return _cap(first.lower()) + " " + rest
        return segment
    words = segment.split(" ")
    out: list[str] = []
    before_number = True
    for i, word in enumerate(words):
        bare = word.strip("().,;:")
        if any(c.isdigit() for c in word):
            before_number = False
            out.append(word)
        elif word.upper() in _NUMBER_SIGNS:
            out.append(_NUMBER_SIGNS[word.upper()])
        elif _ROMAN.match(bare) and len(bare) > 1 or bare in _KEEP_UPPER and i > 0:
            out.append(word)
        elif i == 0 or (
            before_number and _numbered(words) and bare.lower() not in ("de", "del", "da", "do")
        ):
            out.append("-".join(_cap(p) for p in word.lower().split("-")))
        elif language == "en" and bare.lower() not in _SMALL_EN:
            out.append(_cap(word.lower()))
        else:
            out.append(word.lower())
    return _restore_accents(" ".join(out))


def _numbered(words: list[str]) -> bool:
    return any(any(c.isdigit() for c in w) for w in words[:5])


def _cap(word: str) -> str:
    for i, c in enumerate(word):
        if c.isalpha():
            return word[:i] + c.upper() + word[i + 1 :]
    return word


#: Accents that ALL-CAPS Spanish texts often drop, restored for the commonest legal words.
_ACCENTS = {
    "prevencion": "prevención", "sancion": "sanción", "proteccion": "protección",
    "regulacion": "regulación", "victimas": "víctimas", "migracion": "migración",
    "nacion": "nación", "republica": "república", "codigo": "código", "constitucion": "constitución",
    "domestico": "doméstico", "genero": "género", "aprobacion": "aprobación",
    "apatrida": "apátrida", "ambito": "ámbito", "regimen": "régimen", "politica": "política",
    "reglamentacion": "reglamentación", "extranjeria": "extranjería", "educacion": "educación",
    "administracion": "administración", "organizacion": "organización", "informacion": "información",
    "proteccion,": "protección,", "derogacion": "derogación", "modificacion": "modificación",
}  # fmt: skip


def _restore_accents(text: str) -> str:
    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        fixed = _ACCENTS.get(word.lower())
        if fixed is None:
            return word
        return _cap(fixed) if word[0].isupper() else fixed

    return re.sub(r"[A-Za-z]+", fix, text)
