from __future__ import annotations

from pathlib import Path

import pytest

from ingest.extracted import Block, Limits
from ingest.odt import extract_odt
from library.errors import ExtractionError, LimitExceeded, UnsupportedFormat
from tests.ingest.office_fixtures import odt_bytes, zip_bomb

LIMITS = Limits()


def test_headings_keep_their_outline_level_and_paragraphs_follow_in_order() -> None:
    body = (
        '<text:h text:outline-level="1">TÍTULO I</text:h>'
        '<text:h text:outline-level="2">Capítulo 1</text:h>'
        '<text:p>Artículo 1.<text:s/>Objeto<text:s text:c="3"/>de la ley.</text:p>'
    )
    result = extract_odt(odt_bytes(body), LIMITS)
    assert result.format == "odt"
    assert result.blocks == (
        Block("TÍTULO I", "heading", 1),
        Block("Capítulo 1", "heading", 2),
        Block("Artículo 1. Objeto de la ley."),
    )


def test_paragraph_styles_derived_from_heading_styles_are_headings() -> None:
    styles = (
        '<style:style style:name="P1" style:family="paragraph" '
        'style:parent-style-name="Heading_20_2"/>'
        '<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Title"/>'
        '<style:style style:name="P3" style:family="paragraph" style:parent-style-name="Standard"/>'
    )
    body = '<text:p text:style-name="P2">Ley</text:p><text:p text:style-name="P1">Sección</text:p>'
    body += '<text:p text:style-name="P3">Texto</text:p>'
    blocks = extract_odt(odt_bytes(body, styles), LIMITS).blocks
    assert blocks == (Block("Ley", "heading", 1), Block("Sección", "heading", 2), Block("Texto"))


def test_tabs_line_breaks_spans_and_links_are_read() -> None:
    body = (
        "<text:p>a<text:tab/>b<text:line-break/><text:span>c</text:span> "
        '<text:a xlink:href="x" xmlns:xlink="http://www.w3.org/1999/xlink">d</text:a></text:p>'
    )
    assert extract_odt(odt_bytes(body), LIMITS).text == "a\tb\nc d"


def test_lists_and_tables_become_list_and_table_blocks() -> None:
    body = (
        "<text:list><text:list-item><text:p>pasaporte</text:p></text:list-item>"
        "<text:list-item><text:p>visa</text:p><text:list><text:list-item>"
        "<text:p>de trabajo</text:p></text:list-item></text:list></text:list-item></text:list>"
        "<table:table><table:table-header-rows><table:table-row><table:table-cell>"
        "<text:p>País</text:p></table:table-cell><table:table-cell><text:p>Plazo</text:p>"
        "</table:table-cell></table:table-row></table:table-header-rows><table:table-row>"
        "<table:table-cell><text:p>Chile</text:p></table:table-cell><table:covered-table-cell/>"
        "<table:table-cell><text:p>90</text:p><text:p>días</text:p></table:table-cell>"
        "</table:table-row></table:table>"
    )
    blocks = extract_odt(odt_bytes(body), LIMITS).blocks
    assert blocks == (
        Block("pasaporte", "list"),
        Block("visa", "list"),
        Block("de trabajo", "list"),
        Block("País | Plazo", "table"),
        Block("Chile | 90 días", "table"),
    )


def test_notes_are_marked_and_appended_and_deletions_and_tocs_skipped() -> None:
    body = (
        "<text:tracked-changes><text:changed-region><text:deletion>"
        "<text:p>texto borrado</text:p></text:deletion></text:changed-region></text:tracked-changes>"
        "<text:table-of-content><text:index-body><text:p>Índice 1</text:p></text:index-body>"
        "</text:table-of-content>"
        '<text:p>Ley<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        "<text:note-body><text:p>Publicada en 2008.</text:p></text:note-body></text:note> vigente.</text:p>"
    )
    blocks = extract_odt(odt_bytes(body), LIMITS).blocks
    assert blocks == (Block("Ley[1] vigente."), Block("[1] Publicada en 2008."))


def test_meta_xml_gives_title_and_creation_date_hints() -> None:
    meta = (
        "<dc:title>Ley 6984</dc:title><dc:language>es-PY</dc:language>"
        "<meta:creation-date>2022-05-06T19:49:43</meta:creation-date>"
    )
    result = extract_odt(odt_bytes("<text:p>x</text:p>", meta=meta), LIMITS)
    assert dict(result.metadata) == {
        "doc_title": "Ley 6984",
        "doc_language": "es-PY",
        "doc_created": "2022-05-06",
    }


def test_other_opendocument_types_are_unsupported() -> None:
    data = odt_bytes("", mimetype="application/vnd.oasis.opendocument.spreadsheet")
    with pytest.raises(UnsupportedFormat, match="spreadsheet"):
        extract_odt(data, LIMITS)


def test_a_truncated_odt_is_damaged_and_a_bomb_is_refused() -> None:
    data = odt_bytes("<text:p>" + "x" * 3000 + "</text:p>")
    with pytest.raises(ExtractionError, match="damaged zip container"):
        extract_odt(data[:-50], LIMITS)
    with pytest.raises(LimitExceeded, match="zip bomb suspected: content.xml"):
        extract_odt(zip_bomb("content.xml"), LIMITS)


@pytest.mark.slow
def test_corpus_odt_study_has_its_headings_tables_and_accents(shared_corpus: Path) -> None:
    data = (shared_corpus / "docs/py/sistema-qa-legislacion-paraguaya.odt").read_bytes()
    result = extract_odt(data, LIMITS)
    headings = [b.text for b in result.blocks if b.kind == "heading"]
    assert "Sistema de Preguntas y Respuestas sobre Legislación Paraguaya" in headings
    assert any(h.endswith("Conclusiones y recomendaciones") for h in headings)
    assert any(b.kind == "table" and "Precisión" in b.text for b in result.blocks)
    assert "Ley de Migraciones (Ley N° 6984/22)" in result.text
    assert result.metadata["doc_created"] == "2009-02-17"
    assert not result.warnings
