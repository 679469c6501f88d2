from __future__ import annotations

from pathlib import Path

import pytest

from ingest.extracted import Block, Limits
from ingest.rtf import document_encoding, extract_rtf
from library.errors import ExtractionError

LIMITS = Limits()


def rtf(body: str, header: str = r"{\rtf1\ansi\ansicpg1252\deff0") -> bytes:
    return (header + "{\\fonttbl{\\f0 Times;}}" + body + "}").encode("ascii")


def test_code_page_and_unicode_escapes_both_give_accents() -> None:
    result = extract_rtf(
        rtf(r"Migraci\'f3n \u233?xtranjer\u237\'edo\par Art\'edculo 1\par"), LIMITS
    )
    assert result.format == "rtf"
    assert result.blocks == (Block("Migración éxtranjerío"), Block("Artículo 1"))


def test_the_declared_code_page_is_used_for_hex_escapes() -> None:
    data = rtf(r"\'c7\'e0\'ea\'ee\'ed\par", header=r"{\rtf1\ansi\ansicpg1251")
    assert document_encoding(data) == "cp1251"
    assert extract_rtf(data, LIMITS).text == "Закон"


def test_windows_1252_is_the_default_code_page() -> None:
    data = rtf(r"\'93cita\'94 \'80 5\par", header=r"{\rtf1\ansi")
    assert extract_rtf(data, LIMITS).text == "“cita” € 5"


def test_surrogate_pairs_join_and_soft_hyphens_vanish() -> None:
    data = rtf(r"\uc1 ok \u-10179?\u-8694? mi\-gra\-ci\'f3n\par")
    assert extract_rtf(data, LIMITS).text == "ok 😊 migración"


def test_raw_8bit_bytes_are_read_in_the_declared_code_page() -> None:
    data = b"{\\rtf1\\ansi\\ansicpg1252 Naci\xf3n\\par}"
    assert extract_rtf(data, LIMITS).text == "Nación"


def test_destinations_are_skipped_and_info_gives_hints() -> None:
    body = (
        r"{\info{\title Ley de Migraci\'f3n}{\creatim\yr2008\mo1\dy17\hr0\min0}}"
        r"{\*\generator Writer;}{\pict\pngblip 89504e47}Texto\par"
    )
    result = extract_rtf(rtf(body), LIMITS)
    assert result.text == "Texto"
    assert dict(result.metadata) == {"doc_title": "Ley de Migración", "doc_created": "2008-01-17"}


def test_bytes_that_are_not_rtf_are_refused() -> None:
    with pytest.raises(ExtractionError, match="not an RTF document"):
        extract_rtf(b"%PDF-1.4", LIMITS)


@pytest.mark.slow
def test_corpus_rtf_matches_its_markdown_original_line_for_line(shared_corpus: Path) -> None:
    folder = shared_corpus / "docs/ar"
    result = extract_rtf(
        (folder / "ley-26485-proteccion-integral-mujeres.rtf").read_bytes(), LIMITS
    )
    original = (folder / "ley-26485-proteccion-integral-mujeres.md").read_text(encoding="utf-8")
    assert [b.text for b in result.blocks] == [
        line.strip() for line in original.splitlines() if line.strip()
    ]
    assert "Ley de protección integral para prevenir" in result.text
    assert not result.warnings
