"""Damaged and disguised files through the whole pipeline: each gets a clear
outcome and the rest of the batch is unaffected."""

from __future__ import annotations

from pathlib import Path

from ingest.pipeline import Batch, run
from library.datadir import DataDir
from library.vocabulary import load_vocabularies
from tests.ingest.laws import SPANISH_LAW
from tests.ingest.office_fixtures import zip_bomb
from tests.ingest.pdf_fixtures import make_pdf, text_page

PARAGRAPHS = [p.replace("\n", " ") for p in SPANISH_LAW.split("\n\n") if p.strip()]


def _outcomes(tmp_path: Path, files: dict[str, bytes]) -> dict[str, object]:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, data in files.items():
        (docs / name).write_bytes(data)
    data_dir = DataDir(tmp_path / "data")
    with data_dir.open_catalogue() as catalogue:
        outcomes = run(
            Batch((docs,), jobs=1), catalogue, data_dir.file_store(), load_vocabularies()
        )
    return {o.path.name: o for o in outcomes}


def test_broken_and_disguised_files_get_clear_outcomes(tmp_path: Path) -> None:
    pdf = make_pdf([text_page(PARAGRAPHS)])
    files = {
        "a-empty.pdf": b"",
        "b-truncated.pdf": pdf[: len(pdf) // 3],
        "c-encrypted.pdf": make_pdf([text_page(PARAGRAPHS)], user_password="secret"),
        "d-really-a-pdf.docx": pdf,
        "e-latin1.txt": SPANISH_LAW.encode("latin-1", errors="replace"),
        "f-bomb.docx": zip_bomb(),
        "g-good.txt": SPANISH_LAW.replace("27.999", "28.000").encode("utf-8"),
    }
    got = _outcomes(tmp_path, files)
    assert got["a-empty.pdf"].outcome == "rejected" and "empty" in got["a-empty.pdf"].reason
    assert got["b-truncated.pdf"].outcome in ("ingested", "rejected")
    if got["b-truncated.pdf"].outcome == "rejected":
        assert "PDF" in got["b-truncated.pdf"].reason
    assert (
        got["c-encrypted.pdf"].outcome == "rejected" and "password" in got["c-encrypted.pdf"].reason
    )
    disguised = got["d-really-a-pdf.docx"]
    assert disguised.outcome == "ingested" and disguised.format == "pdf"
    latin1 = got["e-latin1.txt"]
    assert latin1.outcome == "ingested" and latin1.language == "es"
    assert got["f-bomb.docx"].outcome == "rejected" and "zip bomb" in got["f-bomb.docx"].reason
    assert got["g-good.txt"].outcome == "ingested"


def test_latin1_text_keeps_its_accents(tmp_path: Path) -> None:
    got = _outcomes(tmp_path, {"ley.txt": SPANISH_LAW.encode("latin-1")})
    data = DataDir(tmp_path / "data")
    with data.open_catalogue() as catalogue:
        text = catalogue.get_record(got["ley.txt"].work_id).expressions[0].text
    assert "inalienable" in text and "PROTECCIÓN" in text.upper() and "Ã" not in text
