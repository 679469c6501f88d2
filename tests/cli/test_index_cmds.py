"""search, reindex and check through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main
from library.datadir import DataDir
from tests.ingest.laws import ENGLISH_TREATY, SPANISH_LAW


@pytest.fixture()
def data_dir(tmp_path: Path) -> str:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "ley.txt").write_text(SPANISH_LAW, encoding="utf-8")
    (docs / "treaty.txt").write_text(ENGLISH_TREATY, encoding="utf-8")
    data = str(tmp_path / "data")
    result = CliRunner().invoke(main, ["ingest", str(docs), "--data", data, "--jobs", "0"])
    assert result.exit_code == 0, result.output
    assert "Index updated: 2 document(s)" in result.output
    return data


def _search(data: str, *args: str) -> list[dict]:
    result = CliRunner().invoke(main, ["search", *args, "--data", data, "--json"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_ingested_documents_are_searchable_at_once_with_folded_words(data_dir: str) -> None:
    *hits, summary = _search(data_dir, "migracion")
    assert summary["summary"] is True and summary["total"] >= 1
    first = hits[0]
    required = {"rank", "score", "work_id", "title", "language", "jurisdiction", "instrument_type",
                "year", "status", "sha256", "parts"}  # fmt: skip
    assert required <= set(first)
    assert first["language"] == "es"
    assert any("<mark>" in p["snippet"] for p in first["parts"])
    assert {"anchor", "number", "snippet"} <= set(first["parts"][0])


def test_filters_restrict_results(data_dir: str) -> None:
    *hits, summary = _search(data_dir, "", "--lang", "en")
    assert [h["language"] for h in hits] == ["en"] and summary["total"] == 1


def test_malformed_query_is_answered_with_a_notice(data_dir: str) -> None:
    *hits, summary = _search(data_dir, '"trata de (personas')
    assert summary["notices"]
    assert hits


def test_check_finds_drift_and_reindex_repairs_it(data_dir: str) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["check", "--data", data_dir]).exit_code == 0
    with DataDir.resolve(data_dir).open_catalogue() as catalogue:
        work_id = catalogue.work_ids()[0]
        catalogue.withdraw(work_id, actor="test", reason="drift")
    drift = runner.invoke(main, ["check", "--data", data_dir, "--json"])
    assert drift.exit_code == 1
    assert json.loads(drift.output)["orphaned"]
    rebuilt = runner.invoke(main, ["reindex", "--data", data_dir])
    assert rebuilt.exit_code == 0 and "Indexed 1 documents" in rebuilt.output
    assert runner.invoke(main, ["check", "--data", data_dir]).exit_code == 0


def test_check_repair_fixes_drift_in_place(data_dir: str) -> None:
    runner = CliRunner()
    with DataDir.resolve(data_dir).open_catalogue() as catalogue:
        catalogue.withdraw(catalogue.work_ids()[0], actor="test", reason="drift")
    assert runner.invoke(main, ["check", "--data", data_dir, "--repair"]).exit_code == 0
    assert runner.invoke(main, ["check", "--data", data_dir]).exit_code == 0


def test_search_without_an_index_explains_what_to_do(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["search", "ley", "--data", str(tmp_path / "none")])
    assert result.exit_code == 1 and "migralex ingest" in result.output
