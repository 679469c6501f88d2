"""Format sniffing from bytes: magic numbers, zip directories, text classification."""

from __future__ import annotations

import csv
import io
import os
import zipfile
from pathlib import Path

import pytest

from ingest.sniff import sniff
from library.errors import ExtractionError, UnsupportedFormat


def make_zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_pdf_magic_at_start() -> None:
    assert sniff(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj") == "pdf"


def test_pdf_magic_after_leading_junk_within_first_kilobyte() -> None:
    assert sniff(b"\x00" * 300 + b"%PDF-1.4\n") == "pdf"


def test_zip_with_word_document_is_docx() -> None:
    data = make_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
    assert sniff(data) == "docx"


def test_zip_with_opendocument_text_mimetype_is_odt() -> None:
    data = make_zip(
        {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}
    )
    assert sniff(data) == "odt"


def test_plain_zip_archive_is_unsupported_with_a_clear_message() -> None:
    with pytest.raises(UnsupportedFormat, match="looks like a ZIP archive; Migralex reads PDF"):
        sniff(make_zip({"notes.txt": b"hello"}))


def test_excel_workbook_is_named_in_the_message() -> None:
    with pytest.raises(UnsupportedFormat, match="Excel workbook"):
        sniff(make_zip({"xl/workbook.xml": b"<workbook/>"}))


def test_opendocument_spreadsheet_is_unsupported() -> None:
    data = make_zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"})
    with pytest.raises(UnsupportedFormat, match="OpenDocument spreadsheet"):
        sniff(data)


def test_damaged_zip_is_unsupported_not_a_crash() -> None:
    with pytest.raises(UnsupportedFormat, match="damaged ZIP"):
        sniff(b"PK\x03\x04" + b"\x00" * 40)


def test_ole2_compound_file_is_doc() -> None:
    assert sniff(bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 512) == "doc"


def test_rtf_even_after_a_byte_order_mark() -> None:
    assert sniff(b"{\\rtf1\\ansi Hola}") == "rtf"
    assert sniff(b"\xef\xbb\xbf{\\rtf1\\ansi Hola}") == "rtf"


def test_png_header_is_unsupported_and_named() -> None:
    with pytest.raises(UnsupportedFormat) as caught:
        sniff(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64)
    message = str(caught.value)
    assert message.startswith("unsupported format: looks like a PNG image;")
    assert "Markdown and plain text" in message


def test_short_ascii_magic_does_not_reject_text_that_starts_like_it() -> None:
    assert sniff(b"BMW y MZ son siglas.\nOtra linea de texto.\n") == "text"


def test_empty_file_is_an_extraction_error_not_unsupported() -> None:
    for data in (b"", b"  \n\t\n"):
        with pytest.raises(ExtractionError, match="empty file") as caught:
            sniff(data)
        assert not isinstance(caught.value, UnsupportedFormat)


def test_binary_junk_is_unsupported() -> None:
    junk = bytes((i * 37 + 11) % 256 for i in range(4096))
    with pytest.raises(UnsupportedFormat, match="binary data of unknown format"):
        sniff(junk)


def test_xml_declaration_with_legislative_root_is_xml() -> None:
    data = b'<?xml version="1.0"?>\n<Statute><Body><Section>1</Section></Body></Statute>'
    assert sniff(data) == "xml"


def test_root_element_without_declaration_is_xml() -> None:
    assert sniff(b"<akomaNtoso><act><body/></act></akomaNtoso>") == "xml"


def test_xhtml_with_xml_declaration_is_html() -> None:
    data = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x.dtd">'
        b'<html xmlns="http://www.w3.org/1999/xhtml"><body>Ley</body></html>'
    )
    assert sniff(data) == "html"


def test_html_after_a_leading_comment_and_whitespace_is_html() -> None:
    assert sniff(b"\t<!-- saved from url -->\n<!DOCTYPE HTML PUBLIC>\n<HTML><p>x") == "html"
    assert sniff(b"<html><head><title>t</title></head></html>") == "html"


def test_html_fragment_is_html() -> None:
    assert sniff(b"<div><p>Art\xc3\xadculo 1.</p><p>Art\xc3\xadculo 2.</p></div>") == "html"


def test_markdown_starting_with_a_meta_line_is_markdown() -> None:
    data = (
        b"<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />\n\n"
        b"##Verdrag betreffende\n\n####Convention relating\n\nThe Parties agree.\n"
    )
    assert sniff(data) == "markdown"


def test_yaml_front_matter_is_markdown() -> None:
    data = b'---\ntitle: "Ley 1"\ncountry: "ar"\n---\nTexto sin marcas.\n'
    assert sniff(data) == "markdown"


def test_several_headings_tables_or_links_are_markdown() -> None:
    assert sniff(b"# Ley\n\ntexto\n\n## Art\xc3\xadculo 1\n\ntexto\n") == "markdown"
    assert sniff(b"texto\n\n| a | b |\n|---|---|\n| 1 | 2 |\n") == "markdown"
    assert sniff(b"Ver [ley](a.md) y [decreto](b.md).\n") == "markdown"


def test_prose_is_text() -> None:
    assert sniff("Artículo 1. Toda persona # tiene derechos.\n".encode()) == "text"


def test_utf16_text_with_bom_is_text() -> None:
    data = "\ufeffLey de Migración\n\nArtículo 1.".encode("utf-16-le")
    assert sniff(b"\xff\xfe" + data[2:]) == "text"


def test_latin1_text_is_text() -> None:
    assert sniff("Ley de protección al niño, señor.\n".encode("latin-1")) == "text"


# --- the shared corpus -------------------------------------------------------

#: catalog format -> sniffed formats accepted (converted TXT files hold Markdown;
#: a Markdown file may use no Markdown syntax at all).
ACCEPTED = {"markdown": {"markdown", "text"}, "txt": {"text", "markdown"}}


def catalog_rows(corpus: Path) -> list[dict[str, str]]:
    with open(corpus / "catalog.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.slow
def test_every_corpus_file_sniffs_to_its_catalogued_format(shared_corpus: Path) -> None:
    wrong = []
    markdown = sniffed_markdown = 0
    for row in catalog_rows(shared_corpus):
        result = sniff((shared_corpus / row["path"]).read_bytes())
        if result not in ACCEPTED.get(row["format"], {row["format"]}):
            wrong.append((row["path"], row["format"], result))
        if row["format"] == "markdown":
            markdown += 1
            sniffed_markdown += result == "markdown"
    assert not wrong
    assert sniffed_markdown >= 0.9 * markdown


@pytest.mark.slow
def test_corpus_file_names_play_no_part(shared_corpus: Path, tmp_path: Path) -> None:
    source = shared_corpus / "docs" / "int" / "udhr_spa.xml"
    renamed = tmp_path / "document.pdf"
    renamed.write_bytes(source.read_bytes())
    assert sniff(renamed.read_bytes()) == "xml"
    assert os.path.basename(renamed).endswith(".pdf")
