"""``migralex users add`` and ``users list``."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from cli import main
from library.datadir import DataDir
from library.users import verify


def test_add_with_password_on_stdin_then_list(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    runner = CliRunner()
    added = runner.invoke(
        main,
        ["users", "add", "ana", "--role", "admin", "--password-stdin", "--data", data],
        input="s3cret-pass\n",
    )
    assert added.exit_code == 0, added.output
    assert "s3cret-pass" not in added.output
    listed = runner.invoke(main, ["users", "list", "--json", "--data", data])
    assert json.loads(listed.output)["role"] == "admin"
    with DataDir(Path(data)).open_catalogue() as catalogue:
        assert verify(catalogue, "ana", "s3cret-pass") is not None


def test_the_prompt_asks_twice_and_hides_the_password(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    result = CliRunner().invoke(
        main, ["users", "add", "bea", "--role", "librarian", "--data", data],
        input="long password\nlong password\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "long password" not in result.output and "Repeat for confirmation" in result.output


def test_a_short_password_is_refused_with_a_reason(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["users", "add", "ana", "--role", "librarian", "--password-stdin",
         "--data", str(tmp_path / "d")],
        input="short\n",
    )  # fmt: skip
    assert result.exit_code != 0 and "too short" in result.output
