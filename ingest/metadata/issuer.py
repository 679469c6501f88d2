"""The body that issued an instrument, read from its enacting formula."""

from __future__ import annotations

import re

from ingest.metadata.text import fold, is_all_caps

#: Enacting formulas (folded) and the body each names. Order matters: the first match wins.
_FORMULAS: tuple[tuple[str, str], ...] = (
    (r"el senado y (la )?camara de diputados de la nacion argentina", "Honorable Congreso de la Nación Argentina"),
    (r"el senado y (la )?camara de representantes de la republica oriental del uruguay", "Poder Legislativo de la República Oriental del Uruguay"),
    (r"congreso general de los estados unidos mexicanos|honorable congreso de la union", "Congreso de la Unión"),
    (r"el congreso de colombia", "Congreso de la República de Colombia"),
    (r"(h\.|honorable) congreso nacional ha dado su aprobacion", "Congreso Nacional de Chile"),
    (r"el congreso de la republica (del peru)?[^.]{0,40}ha dado la ley", "Congreso de la República del Perú"),
    (r"congresso nacional decreta", "Congresso Nacional"),
    (r"assembleia nacional constituinte", "Assembleia Nacional Constituinte"),
    (r"(by and with the advice and consent of the senate and house of commons of canada)", "Parliament of Canada"),
    (r"(avec le consentement du senat et de la chambre des communes du canada)", "Parlement du Canada"),
    (r"le parlement a adopte|l'assemblee nationale et le senat ont adopte", "Parlement"),
    (r"general conference of the international labour organi[sz]ation", "International Labour Conference"),
    (r"conference generale de l'organisation internationale du travail", "Conférence internationale du Travail"),
    (r"conferencia general de la organizacion internacional del trabajo", "Conferencia Internacional del Trabajo"),
    (r"the member states of the council of europe", "Council of Europe (member States)"),
    (r"\bthe general assembly\b|\bla asamblea general\b|\bl'assemblee generale\b", "United Nations General Assembly"),
    (r"el presidente de la republica|o presidente da republica|le president de la republique", "Presidente de la República"),
)  # fmt: skip
_SMALL = frozenset("de del la las los el y e do da dos das of the and et des du le".split())
_COMPILED = tuple((re.compile(p), name) for p, name in _FORMULAS)
#: Words that show a stated value names a body, not a list of signatories.
_BODY_WORDS = re.compile(
    r"\b(congreso|congresso|congress|parlamento|parliament|parlement|asamblea|assembly|"
    r"assembleia|assemblee|senado|senate|camara|ministerio|ministry|ministere|ministerio|"
    r"secretaria|poder|presidencia|gobierno|government|gouvernement|conferencia|conference|"
    r"council|consejo|conseil|organi[sz]acion|organization|organisation|comision|commission|"
    r"defensoria|tribunal|corte|court|departamento|department|direccion|instituto|universidad)\b"
)


def formula_body(text: str) -> str:
    """The body named by the enacting formula in the heading area of ``text``, or "".

    :param text: the whole text.

    >>> formula_body("El Senado y Cámara de Diputados de la Nación Argentina reunidos en Congreso…")
    'Honorable Congreso de la Nación Argentina'
    """
    head = re.sub(r"\s+", " ", fold(text[:6000]))
    for pattern, name in _COMPILED:
        if pattern.search(head):
            return name
    return ""


def normalise_body(value: str) -> str:
    """A stated issuing body, recased, or "" when it is not a body (a list of signatories…).

    :param value: the stated value.

    >>> normalise_body("HONORABLE CONGRESO DE LA NACION ARGENTINA")
    'Honorable Congreso de la Nacion Argentina'
    """
    value = re.sub(r"\s+", " ", value).strip()
    if not value or not _BODY_WORDS.search(fold(value)):
        return ""
    if is_all_caps(value):
        value = " ".join(w if w in _SMALL else w.capitalize() for w in value.lower().split())
    return value
