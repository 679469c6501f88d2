"""``migralex serve`` and ``migralex demo`` hand the app to waitress."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cli import main
from tests.ingest.laws import SPANISH_LAW


@pytest.fixture()
def served(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[dict[str, Any]]]:
    """Calls of waitress.serve, recorded instead of serving (the apps closed afterwards)."""
    import waitress

    from web.state import library

    calls: list[dict[str, Any]] = []

    def fake_serve(app: Any, **kwargs: Any) -> None:
        calls.append({"app": app, **kwargs})

    monkeypatch.setattr(waitress, "serve", fake_serve)
    yield calls
    for call in calls:
        library(call["app"]).close()


def _ingested(tmp_path: Path) -> str:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "ley.txt").write_text(SPANISH_LAW, encoding="utf-8")
    data = str(tmp_path / "data")
    result = CliRunner().invoke(main, ["ingest", str(docs), "--data", data, "--jobs", "0"])
    assert result.exit_code == 0, result.output
    return data


def test_serve_builds_the_app_over_the_data_dir_and_prints_the_url(
    tmp_path: Path, served: list[dict[str, Any]]
) -> None:
    data = _ingested(tmp_path)
    result = CliRunner().invoke(
        main, ["serve", "--data", data, "--port", "8123", "--host", "127.0.0.1"]
    )
    assert result.exit_code == 0, result.output
    assert "http://127.0.0.1:8123/" in result.output
    (call,) = served
    assert (call["host"], call["port"]) == ("127.0.0.1", 8123)
    client = call["app"].test_client()
    page = client.get("/search?q=migraciones&lang=en").get_data(as_text=True)
    assert "1 result" in page


def test_serve_behind_https_sends_the_session_cookie_over_https_only(
    tmp_path: Path, served: list[dict[str, Any]]
) -> None:
    data = _ingested(tmp_path)
    plain = CliRunner().invoke(main, ["serve", "--data", data])
    behind_tls = CliRunner().invoke(main, ["serve", "--data", data, "--https"])
    assert plain.exit_code == behind_tls.exit_code == 0, behind_tls.output
    first, second = served
    assert not first["app"].config["SESSION_COOKIE_SECURE"] and first["url_scheme"] == "http"
    assert second["app"].config["SESSION_COOKIE_SECURE"] and second["url_scheme"] == "https"


def test_serve_without_a_catalogue_explains_what_to_do(tmp_path: Path, served: list) -> None:
    result = CliRunner().invoke(main, ["serve", "--data", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "no catalogue" in result.output and "migralex demo" in result.output
    assert served == []


def test_serve_refuses_a_bad_port(tmp_path: Path, served: list) -> None:
    result = CliRunner().invoke(main, ["serve", "--data", str(tmp_path), "--port", "99999"])
    assert result.exit_code == 2 and served == []


def test_demo_ingests_then_serves(
    tmp_path: Path, served: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "ley.txt").write_text(SPANISH_LAW, encoding="utf-8")
    monkeypatch.setattr("cli.demo_cmd.demo_sources", lambda: [docs])
    data = str(tmp_path / "data")
    result = CliRunner().invoke(main, ["demo", "--data", data, "--jobs", "0", "--port", "8124"])
    assert result.exit_code == 0, result.output
    assert "Index updated" in result.output and "http://127.0.0.1:8124/" in result.output
    assert [c["port"] for c in served] == [8124]
    again = CliRunner().invoke(main, ["demo", "--data", data, "--jobs", "0", "--no-serve"])
    assert again.exit_code == 0 and "http://" not in again.output
    assert len(served) == 1
