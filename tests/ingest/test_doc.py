from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from ingest import doc
from ingest.doc import OLE2_MAGIC, extract_doc
from ingest.extracted import Block, Limits
from library.errors import ExtractionError, LimitExceeded

LIMITS = Limits(max_seconds=7)
FAKE_DOC = OLE2_MAGIC + bytes(1024)


def test_without_antiword_the_error_says_how_to_fix_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doc.shutil, "which", lambda name: None)
    with pytest.raises(ExtractionError, match="needs antiword: apt-get install antiword"):
        extract_doc(FAKE_DOC, LIMITS)


def test_bytes_without_the_ole2_signature_are_refused() -> None:
    with pytest.raises(ExtractionError, match="not a Word 97-2003 document"):
        extract_doc(b"PK\x03\x04 a docx", LIMITS)


def fake_antiword(monkeypatch: pytest.MonkeyPatch, stdout: bytes, seen: dict[str, Any]) -> None:
    monkeypatch.setattr(doc.shutil, "which", lambda name: "/usr/bin/antiword")

    def run(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
        seen.update(args=args, kwargs=kwargs, input=Path(args[-1]).read_bytes())
        return subprocess.CompletedProcess(args, 0, stdout, b"")

    monkeypatch.setattr(doc.subprocess, "run", run)


def test_antiword_runs_on_a_temporary_file_without_a_shell_under_the_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: dict[str, Any] = {}
    fake_antiword(monkeypatch, "  Artículo 1o.- Texto\n\nsegundo   párrafo\n\f".encode(), seen)
    result = extract_doc(FAKE_DOC, LIMITS)
    assert result.format == "doc"
    assert result.blocks == (Block("Artículo 1o.- Texto"), Block("segundo párrafo"))
    assert seen["args"][:5] == ["/usr/bin/antiword", "-m", "UTF-8.txt", "-w", "0"]
    assert seen["input"] == FAKE_DOC
    assert seen["kwargs"]["timeout"] == 7 and not seen["kwargs"].get("shell")
    assert not Path(seen["args"][-1]).exists()


def test_antiword_past_the_time_budget_is_a_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doc.shutil, "which", lambda name: "/usr/bin/antiword")

    def run(args: list[str], **kwargs: Any) -> None:
        raise subprocess.TimeoutExpired(args, kwargs["timeout"])

    monkeypatch.setattr(doc.subprocess, "run", run)
    with pytest.raises(LimitExceeded, match="7s time budget"):
        extract_doc(FAKE_DOC, LIMITS)


@pytest.mark.skipif(shutil.which("antiword") is None, reason="antiword not installed")
def test_antiword_rejecting_the_file_is_an_extraction_error() -> None:
    with pytest.raises(ExtractionError, match="antiword could not read this .doc"):
        extract_doc(FAKE_DOC, LIMITS)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("antiword") is None, reason="antiword not installed")
def test_corpus_doc_comes_out_in_utf8_with_its_accents(shared_corpus: Path) -> None:
    result = extract_doc(
        (shared_corpus / "docs/mx/codigo-civil-federal.doc").read_bytes(), Limits()
    )
    assert result.blocks[0] == Block("CÓDIGO CIVIL FEDERAL")
    assert "Artículo 2o.- La capacidad jurídica es igual para el hombre y la mujer" in result.text
    assert "Última reforma publicada DOF" in result.text
    assert "Ã" not in result.text and "\ufffd" not in result.text
    assert len(result.blocks) > 5000
