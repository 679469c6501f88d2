from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.extracted import Limits
from ingest.ocr import OCR_USED, ocr_available, ocr_paragraphs, ocr_pdf_pages
from ingest.pdf import extract_pdf
from library.errors import ExtractionError
from tests.ingest.pdf_fixtures import Page, column, make_pdf, scanned, text_page

needs_ocr = pytest.mark.skipif(not ocr_available(), reason="tesseract or pdftoppm not installed")


def fake_run(languages: str) -> Callable[..., subprocess.CompletedProcess[str]]:
    def run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(
            args, 0, f"List of available languages (3):\n{languages}\n", ""
        )

    return run


def test_ocr_is_unavailable_without_the_programs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ingest.ocr.shutil.which", lambda name: None)
    assert ocr_available() is False


def test_ocr_needs_every_requested_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ingest.ocr.shutil.which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr("ingest.ocr.subprocess.run", fake_run("eng\nspa\nosd"))
    assert ocr_available() is False
    assert ocr_available("spa+eng") is True


def test_ocr_refuses_to_run_without_the_programs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ingest.ocr.shutil.which", lambda name: None)
    with pytest.raises(ExtractionError, match="install tesseract-ocr"):
        ocr_pdf_pages(b"%PDF-1.4", [1], Limits())


def test_ocr_output_becomes_paragraphs_with_hyphenation_undone() -> None:
    text = "Artículo 3. Para efectos de la pre-\nsente Ley se entenderá\npor:\n\n\nI. Autoridad\n\f"
    assert ocr_paragraphs(text) == [
        "Artículo 3. Para efectos de la presente Ley se entenderá por:",
        "I. Autoridad",
    ]


@needs_ocr
def test_ocr_stops_when_the_time_budget_is_spent() -> None:
    data = make_pdf([text_page(["Artículo 1. Texto."])])
    assert ocr_pdf_pages(data, [1], Limits(max_seconds=0)) == {}


@needs_ocr
def test_a_scanned_pdf_is_read_by_ocr_with_a_warning() -> None:
    words = "Artículo 5. La persona migrante tiene derecho a la educación y a la salud."
    data = scanned(make_pdf([Page(column([words], 72, 700, chars=60, size=16, leading=20))]))
    started = time.monotonic()
    result = extract_pdf(data, Limits())
    assert time.monotonic() - started < 60
    assert result.warnings == (OCR_USED,)
    assert "persona migrante tiene derecho" in result.text
    assert result.blocks[0].page == 1


@pytest.mark.slow
@needs_ocr
def test_scanned_page_of_the_migration_law_is_readable_spanish(shared_corpus: Path) -> None:
    path = shared_corpus / "docs" / "mx" / "ley-de-migracion-p3-scanned.pdf"
    result = extract_pdf(path.read_bytes(), Limits())
    assert result.warnings == (OCR_USED,)
    for words in ("Artículo 3", "Para efectos de la presente Ley se entenderá por", "Apátrida"):
        assert words in result.text
    assert (
        "Centro de Evaluación y Control de Confianza del Instituto Nacional de Migración"
        in result.text
    )
