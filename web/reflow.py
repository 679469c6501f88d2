"""Paragraphs for reading: hard-wrapped lines of a converted text joined again.

Texts converted from print often keep the printed lines, each as its own paragraph
("…creado por el Decreto N° 7979 de fecha" / "30 de abril de 1956, por el…"). The
catalogue keeps the text as it came (citations quote it); the document page shows it
reflowed, lines joined as ingest joins PDF lines (:func:`ingest.pdf_text.join_lines`).
A part is taken as hard-wrapped when most of its paragraphs stop in mid sentence; then a paragraph runs on into the next when it does not end a sentence (or
ends in an abbreviation such as "t.o." or "art."), or when the next starts in lower
case, unless the next one opens an item of a list ("a)", "1.", "II -", "•").
"""

from __future__ import annotations

import re

from ingest.pdf_text import join_lines

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
#: A paragraph ending a sentence or a lead-in (closing quotes and brackets allowed).
_ENDS_SENTENCE = re.compile(r"[.:;!?]['\"»”’)\]*_]*$")
#: The opening of a list item: "a)", "b.", "1.", "1)", "12 -", "IV.", "I -", bullets.
_ITEM = re.compile(
    r"^(?:[-–—•·*]\s|§|\(?[a-zñ]\)|[a-zñ]\.\s|\(?\d{1,3}[.)º°]|\d{1,3}\s*[-–—]\s"
    r"|\(?[ivxlcdm]{1,6}[.)]\s|[IVXLCDM]{1,6}\s*[.)\-–—]\s)",
)
#: A paragraph ending in an abbreviation ("(t.o.", "art.", "inc.") has not ended its sentence.
_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:(?:[a-záéíóúç]{1,3}\.){2,4}|(?:arts?|incs?|núm|nro|nros|dto|ref|cf|pág|"
    r"págs|sec|secs|párr|al|ss|sr|sra|dr|dra|lit|ap|apdo|n[oº°]|p|pp|vol|cap)\.)$",
    re.IGNORECASE,
)
#: Share of a part's paragraphs stopping in mid sentence that marks it hard-wrapped.
WRAPPED_SHARE = 0.5


def paragraphs(text: str) -> tuple[str, ...]:
    """The paragraphs of a part's ``text`` as a reader should see them.

    :param text: the stored text (paragraphs separated by blank lines).

    >>> paragraphs("Sustitúyase\\n\\nen cuanto a sus normas al\\n\\nConsejo creado en\\n\\n1956.")
    ('Sustitúyase en cuanto a sus normas al Consejo creado en 1956.',)
    >>> paragraphs("Son deberes:\\n\\na) pagar el salario.\\n\\nb) dar descanso.")
    ('Son deberes:', 'a) pagar el salario.', 'b) dar descanso.')
    """
    found = [p.strip() for p in _PARAGRAPH_BREAK.split(text.strip()) if p.strip()]
    if len(found) < 3:
        return tuple(found)
    open_ended = sum(1 for p in found[:-1] if _runs_on(p))
    if open_ended < WRAPPED_SHARE * (len(found) - 1):
        return tuple(found)
    out = [found[0]]
    for paragraph in found[1:]:
        if (not _runs_on(out[-1]) and not paragraph[:1].islower()) or _ITEM.match(paragraph):
            out.append(paragraph)
        else:
            out[-1] = join_lines(out[-1], paragraph)
    return tuple(out)


def _runs_on(paragraph: str) -> bool:
    """Whether a paragraph stops in mid sentence (or on an abbreviation)."""
    return not _ENDS_SENTENCE.search(paragraph) or bool(_ABBREVIATION.search(paragraph))
