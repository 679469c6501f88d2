"""Plain-text extraction and the shared text decoding."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ingest.encoding import decode_text
from ingest.extracted import Limits
from ingest.text import extract_text, is_tokenized, looks_like_heading, repair_artefacts
from library.errors import ExtractionError, LimitExceeded

LIMITS = Limits()


def test_latin1_text_with_accents_decodes_as_windows_1252() -> None:
    data = "Artículo 1. La niña y el señor — «migración».\n".encode("cp1252")
    text, encoding, warnings = decode_text(data)
    assert text == "Artículo 1. La niña y el señor — «migración».\n"
    assert encoding == "cp1252"
    assert warnings == []


def test_utf16_with_bom_decodes() -> None:
    data = "\ufeffLey 26.844\r\nRégimen especial".encode("utf-16-le")
    text, encoding, _ = decode_text(data)
    assert text == "Ley 26.844\nRégimen especial"
    assert encoding == "utf-16-le"


def test_utf32_bom_is_not_mistaken_for_utf16() -> None:
    text, encoding, _ = decode_text("\ufeffAção".encode("utf-32"))
    assert (text, encoding) == ("Ação", "utf-32-le")


def test_bomless_utf16_is_recognised_by_its_nul_pattern() -> None:
    text, encoding, _ = decode_text("Ley de Migración, artículo 1.".encode("utf-16-le"))
    assert (text, encoding) == ("Ley de Migración, artículo 1.", "utf-16-le")


def test_bytes_win_over_a_wrong_declaration() -> None:
    data = "Código Civil Federal".encode()
    assert decode_text(data, declared="iso-8859-1")[:2] == ("Código Civil Federal", "utf-8")
    assert decode_text(data, declared="utf-16")[:2] == ("Código Civil Federal", "utf-8")


def test_declared_charset_is_used_when_utf8_fails_and_it_fits() -> None:
    data = "Ley № 5".encode("cp1251")
    assert decode_text(data, declared="windows-1251")[:2] == ("Ley № 5", "cp1251")


def test_declared_utf16_on_single_byte_bytes_is_ignored() -> None:
    data = "Constitución".encode("cp1252")
    assert decode_text(data, declared="utf-16")[:2] == ("Constitución", "cp1252")


def test_cyrillic_single_byte_text_is_not_forced_into_windows_1252() -> None:
    data = "Закон о миграции и гражданстве, статья первая.".encode("cp1251")
    text, encoding, _ = decode_text(data)
    assert text.startswith("Закон") and encoding == "cp1251"


def test_replaced_characters_are_counted_in_a_warning() -> None:
    data = b"\xef\xbb\xbfok \xff\xfe end"
    text, _, warnings = decode_text(data)
    assert text.count("\ufffd") == 2
    assert len(warnings) == 1 and warnings[0].startswith("2 byte sequence(s)")


def test_newlines_are_normalised_and_text_is_nfc() -> None:
    text, _, _ = decode_text("a\r\nb\rc e\u0301".encode())
    assert text == "a\nb\nc é"


def test_tokenized_text_is_detokenized_when_pervasive() -> None:
    data = (
        b"Central America &apos;s Triangle of Despair\n"
        b"SAN JOSE - During the past five years , some 100,000 children ( many alone ) came .\n"
        b"They are a tragic subset , and the region &apos;s governments are weak .\n"
        b"Taxes are 16 % of GDP , which limits them .\n"
        b"\xc2\xbf Qu\xc3\xa9 ha cambiado ?\n"
    )
    result = extract_text(data, LIMITS)
    assert "Central America's Triangle of Despair" in result.text
    assert "some 100,000 children (many alone) came." in result.text
    assert "16% of GDP, which" in result.text
    assert "¿Qué ha cambiado?" in result.text
    assert any("tokenization" in w for w in result.warnings)
    assert any("HTML entities" in w for w in result.warnings)


def test_ordinary_text_keeps_its_spacing() -> None:
    french = "Ce rapport indique : le nombre ; les titres ! Voilà, c'est dit. Merci, au revoir."
    assert repair_artefacts(french) == (french, [])
    assert not is_tokenized("One stray , comma in well formed text. Another sentence. Done.")


def test_a_single_entity_is_left_alone() -> None:
    text = "See http://x.org/?a=1&amp;b=2 for details."
    assert repair_artefacts(text)[0] == text


def test_paragraphs_split_on_blank_lines_and_headings_detected() -> None:
    data = (
        "LEY DE MIGRACIONES\n\nCAPÍTULO I\n\nArtículo 1.- Toda persona tiene\n"
        "derecho a migrar.\n\nArticle 3\n\nTexto final del documento.\n"
    ).encode()
    blocks = extract_text(data, LIMITS).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "LEY DE MIGRACIONES"),
        ("heading", "CAPÍTULO I"),
        ("paragraph", "Artículo 1.- Toda persona tiene\nderecho a migrar."),
        ("heading", "Article 3"),
        ("paragraph", "Texto final del documento."),
    ]


def test_each_sentence_line_is_a_paragraph_when_there_are_no_blank_lines() -> None:
    data = b"Title line\nFirst sentence here.\nSecond one.\nThird one.\nFourth.\nFifth.\n"
    blocks = extract_text(data, LIMITS).blocks
    assert len(blocks) == 6


def test_hard_wrapped_prose_without_blank_lines_stays_one_paragraph() -> None:
    data = b"The parties agree that every\nmigrant worker shall enjoy the\nrights set out in this\nConvention without distinction.\n"
    blocks = extract_text(data, LIMITS).blocks
    assert len(blocks) == 1


def test_heading_rules() -> None:
    assert looks_like_heading("TÍTULO II - DE LOS DERECHOS")
    assert looks_like_heading("Chapitre 3")
    assert not looks_like_heading("Artículo 1º.- Los extranjeros tienen derecho a la salud")
    assert not looks_like_heading("Parte de los recursos serán asignados")
    assert not looks_like_heading("LOS EXTRANJEROS TIENEN DERECHO A LA SALUD.")


def test_empty_file_is_an_error() -> None:
    with pytest.raises(ExtractionError, match="empty file"):
        extract_text(b"\n  \n", LIMITS)


def test_size_limit_is_enforced() -> None:
    with pytest.raises(LimitExceeded):
        extract_text(b"x" * 101, Limits(max_bytes=100))


def test_large_text_extracts_quickly() -> None:
    data = ("Artículo 1. Texto de prueba , con comas .\n\n" * 50000).encode()
    start = time.perf_counter()
    extract_text(data, LIMITS)
    assert time.perf_counter() - start < 10  # generous: catches quadratic behaviour only


# --- the shared corpus -------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    [
        "int/central-america-triangle-of-despair_en.txt",
        "int/oim-mujeres-migrantes-no-deben-quedarse-atras_es.txt",
    ],
)
def test_corpus_tokenized_texts_are_repaired(shared_corpus: Path, name: str) -> None:
    result = extract_text((shared_corpus / "docs" / name).read_bytes(), LIMITS)
    assert result.format == "text"
    assert " ," not in result.text and " ." not in result.text
    assert "&apos;" not in result.text and "&quot;" not in result.text
    assert result.blocks[0].kind == "heading"
    assert len(result.blocks) > 20


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "needle"),
    [
        ("uy/ley-18076-refugiados_latin1.txt", "Toda persona tiene derecho a solicitar"),
        ("ar/ley-26844-casas-particulares_utf16.txt", "Régimen Especial de Contrato"),
    ],
)
def test_corpus_legacy_encodings_decode_without_damage(
    shared_corpus: Path, name: str, needle: str
) -> None:
    result = extract_text((shared_corpus / "docs" / name).read_bytes(), LIMITS)
    assert needle in result.text
    assert "\ufffd" not in result.text and "Ã" not in result.text
    assert not result.warnings
