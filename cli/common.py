"""Options and helpers shared by the commands."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click

from library.datadir import DataDir
from library.errors import LibraryError
from library.store import Catalogue

F = TypeVar("F", bound=Callable[..., Any])


def data_option(func: F) -> F:
    """``--data DIR``: the data directory (else $MIGRALEX_DATA, else ./instance)."""
    return click.option(
        "--data",
        "data_dir",
        type=click.Path(file_okay=False),
        default=None,
        help="Data directory (default: $MIGRALEX_DATA or ./instance).",
    )(func)


def json_option(func: F) -> F:
    """``--json``: one JSON object per line on standard output."""
    return click.option("--json", "as_json", is_flag=True, help="Print one JSON object per line.")(
        func
    )


def emit_json(obj: dict[str, Any]) -> None:
    """Write one JSON line to standard output, flushed (scripts read it as it comes)."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, sort_keys=False) + "\n")
    sys.stdout.flush()


@contextmanager
def opened(data_dir: str | None, create: bool = True) -> Iterator[tuple[DataDir, Catalogue]]:
    """The data directory and its catalogue; library errors become click errors.

    :param create: make a new catalogue when there is none (else fail with advice).
    """
    data = DataDir.resolve(data_dir)
    if not create and not data.catalogue_path.exists():
        raise click.ClickException(
            f"no catalogue at {data.catalogue_path}; run `migralex ingest PATH --data {data.root}` first"
        )
    try:
        with data.open_catalogue() as catalogue:
            yield data, catalogue
    except LibraryError as exc:
        raise click.ClickException(str(exc)) from exc
