"""The migralex command line, through click and through its installed entry point."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main
from tests.ingest.laws import ENGLISH_TREATY, SPANISH_LAW


def _entry_point() -> str:
    script = Path(sys.executable).parent / "migralex"
    found = str(script) if script.exists() else shutil.which("migralex")
    if not found:
        pytest.skip("the migralex console script is not installed (pip install -e .)")
    return found


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and f"migralex {command}" in result.output


def test_ingest_json_prints_one_object_per_file_then_a_summary(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "ley.txt").write_text(SPANISH_LAW, encoding="utf-8")
    (docs / "treaty.txt").write_text(ENGLISH_TREATY, encoding="utf-8")
    (docs / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    result = subprocess.run(
        [_entry_point(), "ingest", str(docs), "--data", str(tmp_path / "data"), "--json", "--jobs", "1"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    files, summary = lines[:-1], lines[-1]
    assert [f["outcome"] for f in files] == ["rejected", "ingested", "ingested"]
    assert files[0]["reason"]
    required = {"path", "sha256", "outcome", "reason", "work_id", "title", "language", "instrument_type",
                "jurisdiction", "date_adopted", "topics", "parts", "seconds"}  # fmt: skip
    assert all(required <= set(f) for f in files)
    assert summary["summary"] is True and (summary["ingested"], summary["rejected"]) == (2, 1)


def test_show_json_prints_the_stored_record(tmp_path: Path) -> None:
    law = tmp_path / "ley.txt"
    law.write_text(SPANISH_LAW, encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(
        main, ["ingest", str(law), "--data", str(tmp_path / "d"), "--json", "--jobs", "0"]
    )
    work_id = json.loads(out.output.splitlines()[0])["work_id"]
    result = runner.invoke(main, ["show", work_id, "--data", str(tmp_path / "d"), "--json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["work"]["work_id"] == work_id
    assert record["expressions"][0]["parts"][0]["anchor"]
    assert record["files"][0]["sha256"] == json.loads(out.output.splitlines()[0])["sha256"]


def test_show_unknown_work_says_so_and_fails(tmp_path: Path) -> None:
    law = tmp_path / "ley.txt"
    law.write_text(SPANISH_LAW, encoding="utf-8")
    runner = CliRunner()
    runner.invoke(main, ["ingest", str(law), "--data", str(tmp_path / "d"), "--jobs", "0"])
    result = runner.invoke(main, ["show", "xx/law/nd/none", "--data", str(tmp_path / "d")])
    assert result.exit_code == 1
    assert "no work 'xx/law/nd/none'" in result.output


def test_show_without_a_catalogue_explains_what_to_do(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["show", "ar/law/2004/25871", "--data", str(tmp_path / "none")]
    )
    assert result.exit_code == 1
    assert "run `migralex ingest" in result.output
    assert not (tmp_path / "none").exists()


def test_invalid_metadata_csv_is_refused_before_ingesting_anything(tmp_path: Path) -> None:
    law = tmp_path / "ley.txt"
    law.write_text(SPANISH_LAW, encoding="utf-8")
    csv_file = tmp_path / "meta.csv"
    csv_file.write_text("path,instrument_type,date\nley.txt,lawx,17/12/2003\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["ingest", str(law), "--data", str(tmp_path / "d"), "--metadata", str(csv_file)]
    )
    assert result.exit_code == 1
    assert "row 2: unknown instrument_type 'lawx'" in result.output
    assert "row 2: date_adopted '17/12/2003' is not YYYY" in result.output
    assert not (tmp_path / "d").exists()


def test_metadata_csv_rows_match_files_by_path(tmp_path: Path) -> None:
    law = tmp_path / "ley.txt"
    law.write_text(SPANISH_LAW, encoding="utf-8")
    (tmp_path / "meta.csv").write_text(
        "path,title,country,instrument_type,date,language,topics,status\n"
        "ley.txt,Ley de Migraciones,AR,law,2003-12-17,es,migration;trafficking,in_force\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    result = runner.invoke(
        main,
        [
            "ingest",
            str(law),
            "--data",
            str(tmp_path / "d"),
            "--metadata",
            str(tmp_path / "meta.csv"),
            "--json",
            "--jobs",
            "0",
        ],
    )
    first = json.loads(result.output.splitlines()[0])
    assert (first["title"], first["date_adopted"], first["topics"]) == (
        "Ley de Migraciones",
        "2003-12-17",
        ["migration", "trafficking"],
    )
