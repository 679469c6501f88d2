from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from ingest.docx import extract_docx
from ingest.extracted import Block, Limits
from library.errors import ExtractionError, LimitExceeded, UnsupportedFormat
from tests.ingest.office_fixtures import (
    W,
    docx_bytes,
    w_paragraph,
    w_styles,
    w_table,
    zip_bomb,
    zip_bytes,
)

LIMITS = Limits()


def test_paragraphs_headings_and_table_rows_come_out_in_reading_order() -> None:
    body = (
        w_paragraph("Ley de Migraciones", "Title")
        + w_paragraph("Capítulo I", "Heading1")
        + w_paragraph("Artículo 1. Toda persona tiene derecho a migrar.")
        + w_table([["Documento", "Plazo"], ["Pasaporte", "90 días"]])
        + w_paragraph("Sección 1", "Heading2")
    )
    styles = w_styles(
        ("Title", "Title", ""), ("Heading1", "heading 1", ""), ("Heading2", "heading 2", "")
    )
    result = extract_docx(docx_bytes(body, styles), LIMITS)
    assert result.format == "docx"
    assert result.blocks == (
        Block("Ley de Migraciones", "heading", 1),
        Block("Capítulo I", "heading", 1),
        Block("Artículo 1. Toda persona tiene derecho a migrar."),
        Block("Documento | Plazo", "table"),
        Block("Pasaporte | 90 días", "table"),
        Block("Sección 1", "heading", 2),
    )
    assert result.text.startswith("Ley de Migraciones\n\nCapítulo I\n\nArtículo 1.")


def test_localized_style_ids_are_headings_through_their_style_names() -> None:
    styles = w_styles(("Ttulo1", "heading 1", ""), ("Titre2", "heading 2", ""))
    body = w_paragraph("TÍTULO PRELIMINAR", "Ttulo1") + w_paragraph("Chapitre 2", "Titre2")
    blocks = extract_docx(docx_bytes(body, styles), LIMITS).blocks
    assert blocks == (Block("TÍTULO PRELIMINAR", "heading", 1), Block("Chapitre 2", "heading", 2))


def test_outline_level_is_inherited_through_based_on_styles() -> None:
    styles = w_styles(
        ("Capitulo", "Capitulo", '<w:pPr><w:outlineLvl w:val="1"/></w:pPr>'),
        ("CapituloLey", "Capitulo ley", '<w:basedOn w:val="Capitulo"/>'),
        (
            "Cuerpo",
            "Cuerpo",
            '<w:basedOn w:val="Capitulo"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr>',
        ),
    )
    body = w_paragraph("CAPÍTULO II", "CapituloLey") + w_paragraph("Texto.", "Cuerpo")
    blocks = extract_docx(docx_bytes(body, styles), LIMITS).blocks
    assert blocks == (Block("CAPÍTULO II", "heading", 2), Block("Texto."))


def test_heading_style_ids_are_recognised_without_styles_xml() -> None:
    body = w_paragraph("Chapter 3", "Heading3") + w_paragraph("Text", "Normal")
    blocks = extract_docx(docx_bytes(body), LIMITS).blocks
    assert blocks == (Block("Chapter 3", "heading", 3), Block("Text"))


def test_tabs_breaks_symbols_are_kept_and_deleted_and_fallback_text_dropped() -> None:
    body = (
        "<w:p><w:r><w:t>Art.</w:t><w:tab/><w:t>5</w:t><w:br/><w:t>segunda línea</w:t></w:r>"
        '<w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:t xml:space="preserve"> ítem</w:t></w:r>'
        "<w:del><w:r><w:delText>borrado</w:delText></w:r></w:del>"
        "<w:r><w:instrText>HYPERLINK x</w:instrText></w:r>"
        "<mc:AlternateContent><mc:Choice><w:r><w:t> caja</w:t></w:r></mc:Choice>"
        "<mc:Fallback><w:r><w:t> caja</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>"
    )
    text = extract_docx(docx_bytes(body), LIMITS).text
    assert text == "Art.\t5\nsegunda línea• ítem caja"


def test_footnotes_are_marked_and_appended_in_reference_order() -> None:
    body = (
        '<w:p><w:r><w:t>Texto</w:t></w:r><w:r><w:footnoteReference w:id="7"/></w:r>'
        '<w:r><w:t> y más</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>'
    )
    notes = (
        f'<w:footnotes xmlns:w="{W}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:t>---</w:t></w:r></w:p></w:footnote>'
        '<w:footnote w:id="2"><w:p><w:r><w:t>Nota dos.</w:t></w:r></w:p></w:footnote>'
        '<w:footnote w:id="7"><w:p><w:r><w:t>Nota uno.</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    result = extract_docx(docx_bytes(body, footnotes=notes), LIMITS)
    assert [b.text for b in result.blocks] == [
        "Texto[1] y más[2]",
        "[1] Nota uno.",
        "[2] Nota dos.",
    ]


def test_core_properties_become_hints_not_the_language() -> None:
    core = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>Ley 18.250</dc:title>'
        "<dc:language>en-US</dc:language><dc:creator></dc:creator>"
        "<dcterms:created>2008-01-17T10:00:00Z</dcterms:created></cp:coreProperties>"
    )
    result = extract_docx(docx_bytes(w_paragraph("Ley"), core=core), LIMITS)
    assert dict(result.metadata) == {
        "doc_title": "Ley 18.250",
        "doc_language": "en-US",
        "doc_created": "2008-01-17",
    }


def test_an_empty_document_is_a_warning() -> None:
    result = extract_docx(docx_bytes(""), LIMITS)
    assert result.text == "" and result.warnings == ("the document has no text",)


def test_a_zip_that_is_not_a_word_document_is_unsupported() -> None:
    with pytest.raises(UnsupportedFormat, match="not a Word document"):
        extract_docx(zip_bytes({"photo.jpg": b"\xff\xd8\xff"}), LIMITS)


def test_a_truncated_docx_is_a_damaged_container() -> None:
    data = docx_bytes(w_paragraph("x" * 2000))
    with pytest.raises(ExtractionError, match="damaged zip container"):
        extract_docx(data[:-60], LIMITS)


def test_malformed_document_xml_is_damaged_xml() -> None:
    data = docx_bytes("", document="<w:document><w:body><w:p>")
    with pytest.raises(ExtractionError, match="word/document.xml: damaged XML"):
        extract_docx(data, LIMITS)


def test_entities_in_document_xml_are_refused() -> None:
    bomb = '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]><d>&b;</d>'
    with pytest.raises(ExtractionError, match="declares entities"):
        extract_docx(docx_bytes("", document=bomb), LIMITS)


def test_a_zip_bomb_disguised_as_docx_is_refused() -> None:
    with pytest.raises(LimitExceeded, match="zip bomb suspected: word/document.xml"):
        extract_docx(zip_bomb(), LIMITS)


CONVERSIONS = [
    ("uy/ley-18250-migraciones.docx", "uy/ley-18250-migraciones.md"),
    ("int/ilo-c189-domestic-workers-2011_en.docx", "int/ilo-c189-domestic-workers-2011_en.md"),
    ("br/lindb-decreto-lei-4657-1942.docx", "br/lindb-decreto-lei-4657-1942.html"),
]


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


@pytest.mark.slow
@pytest.mark.parametrize(("docx", "original"), CONVERSIONS)
def test_corpus_docx_text_matches_the_document_it_was_converted_from(
    shared_corpus: Path, docx: str, original: str
) -> None:
    extracted = extract_docx((shared_corpus / "docs" / docx).read_bytes(), LIMITS)
    raw = (shared_corpus / "docs" / original).read_bytes()
    source = (
        BeautifulSoup(raw, "html.parser").get_text(" ")
        if original.endswith(".html")
        else raw.decode("utf-8")
    )
    mine, theirs = _words(extracted.text), _words(source)
    assert len(mine & theirs) / len(mine | theirs) > 0.9
    assert not extracted.warnings
