"""Head lines: how a layout's broken headings are put back together."""

from __future__ import annotations

from ingest.extracted import Block, Extracted
from ingest.metadata.text import head_lines


def _pdf(*blocks: tuple[str, str]) -> Extracted:
    made = tuple(Block(text, kind) for text, kind in blocks)
    return Extracted(text="\n\n".join(b.text for b in made), format="pdf", blocks=made)


def test_a_title_set_line_by_line_in_a_narrow_box_is_one_line() -> None:
    lines = head_lines(
        _pdf(
            ("COOPERATE IN", "heading"),
            ("FACILITATING SAFE", "heading"),
            ("AND DIGNIFIED RETURN", "heading"),
            ("AND READMISSION, AS", "heading"),
            ("WELL AS SUSTAINABLE", "heading"),
            ("REINTEGRATION", "heading"),
            ("Associated actions", "paragraph"),
        )
    )
    assert lines[0] == (
        "COOPERATE IN FACILITATING SAFE AND DIGNIFIED RETURN AND READMISSION, AS "
        "WELL AS SUSTAINABLE REINTEGRATION"
    )


def test_a_section_heading_after_a_wide_title_and_an_item_stay_apart() -> None:
    lines = head_lines(
        _pdf(
            ("PROMOVER TRANSFERENCIAS DE REMESAS MÁS RÁPIDAS, SEGURAS Y ECONÓMICAS", "heading"),
            ("ACCIONES CONEXAS", "heading"),
            ("a. Elaborar una hoja de ruta para reducir los costos", "paragraph"),
        )
    )
    assert lines == [
        "PROMOVER TRANSFERENCIAS DE REMESAS MÁS RÁPIDAS, SEGURAS Y ECONÓMICAS",
        "ACCIONES CONEXAS",
        "a. Elaborar una hoja de ruta para reducir los costos",
    ]


def test_an_all_caps_name_is_split_from_the_gazette_note_run_into_it() -> None:
    lines = head_lines(
        _pdf(("LEY DE NACIONALIDAD Nueva Ley publicada en el Diario Oficial", "paragraph"))
    )
    assert lines == ["LEY DE NACIONALIDAD", "Nueva Ley publicada en el Diario Oficial"]
