"""Whether an instrument is in force, amended or repealed, as its heading says."""

from __future__ import annotations

import re

from ingest.metadata.text import fold

STATUS_AREA = 2500

_REPEALED = re.compile(
    r"\b(derogad[oa]|abrogad[oa]|repealed|revogad[oa]|abroge|abrogee|sin vigencia|no vigente|"
    r"texto derogado|ley derogada|norma derogada)\b"
)
_AMENDED = re.compile(
    r"\b(ultima reforma|ultimas reformas|texto actualizado|texto consolidado|texto ordenado|"
    r"modificad[oa] por|reformad[oa] por|consolidated|as amended|last amended|"
    r"version consolidee|texto compilado|redacao dada)\b"
)
_IN_FORCE = re.compile(r"\b(texto vigente|en vigor|in force|en vigueur|em vigor|vigente)\b")
_WORDS: dict[str, str] = {
    "in_force": "in_force", "vigente": "in_force", "en vigor": "in_force", "in force": "in_force",
    "en vigueur": "in_force", "em vigor": "in_force", "vigor": "in_force", "current": "in_force",
    "repealed": "repealed", "derogado": "repealed", "derogada": "repealed", "abrogado": "repealed",
    "abrogada": "repealed", "revogado": "repealed", "revogada": "repealed", "abroge": "repealed",
    "amended": "amended", "modificado": "amended", "reformado": "amended",
    "not_in_force": "not_in_force", "no vigente": "repealed", "unknown": "unknown",
}  # fmt: skip


def normalise_status(value: str) -> str:
    """A status id from a status a file states ("vigente" → ``in_force``), or "".

    :param value: the stated status.

    >>> normalise_status("VIGENTE")
    'in_force'
    """
    return _WORDS.get(fold(value).strip().replace("-", "_"), "")


def text_status(text: str) -> str:
    """The status the heading area of a text states, else ``unknown``.

    Repeal wins over amendment, which wins over "in force" (a consolidated
    text is both in force and amended).

    :param text: the whole text.

    >>> text_status("LEY DE MIGRACIÓN\\nTEXTO VIGENTE\\nÚltima reforma publicada DOF 15-01-2026")
    'amended'
    """
    head = fold(text[:STATUS_AREA])
    # "Derogado" inside an article note ("Artículo 5 derogado por…") is not the instrument's status
    for m in _REPEALED.finditer(head):
        before = head[max(0, m.start() - 60) : m.start()]
        if not re.search(
            r"(art\.?|articulo|article|artigo|inciso|paragrafo|numeral|§)\s*\S*\s*\S*$", before
        ):
            return "repealed"
    if _AMENDED.search(head):
        return "amended"
    if _IN_FORCE.search(head):
        return "in_force"
    return "unknown"
