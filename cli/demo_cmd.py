"""``migralex demo``: ingest the demo collection into a data directory, then serve it."""

from __future__ import annotations

import os
from pathlib import Path

import click

from cli.serve_cmd import host_option, port_option, run_server
from library.settings import setting

REPO = Path(__file__).resolve().parents[1]
DEMO_CATALOG = REPO / "corpus" / "catalog.csv"
DROP_FOLDER = REPO / "corpus" / "drop"


def demo_sources() -> list[Path]:
    """Where the demo documents are: $MIGRALEX_DEMO_CORPUS, ../shared/corpus/docs, and the drop folder."""
    candidates = [
        Path(os.environ["MIGRALEX_DEMO_CORPUS"])
        if os.environ.get("MIGRALEX_DEMO_CORPUS")
        else None,
        REPO.parent / "shared" / "corpus" / "docs",
        DROP_FOLDER,
    ]
    return [p for p in candidates if p is not None and p.is_dir()]


@click.command()
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Data directory (default: $MIGRALEX_DATA or ./instance).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(0, 64),
    default=None,
    help="Worker processes for extraction.",
)
@click.option(
    "--serve/--no-serve",
    default=True,
    show_default=True,
    help="Serve the web front end once ingested.",
)
@host_option
@port_option
@click.pass_context
def demo(
    ctx: click.Context, data_dir: str | None, jobs: int | None, serve: bool, host: str, port: int
) -> None:
    """Ingest the demo collection (with the true metadata of corpus/catalog.csv), then serve it.

    Documents come from $MIGRALEX_DEMO_CORPUS, else ../shared/corpus/docs, plus
    corpus/drop. Running it again only adds what is new. Ingesting indexes too;
    the site is then served as by `migralex serve` until Ctrl+C.

    \b
    Example:
      migralex demo --data instance --port 8000
      migralex demo --no-serve
    """
    from cli.ingest_cmd import ingest

    sources = demo_sources()
    if not any(p.is_file() and not p.name.startswith(".") for s in sources for p in s.rglob("*")):
        raise click.ClickException(
            "no demo documents found: put files in corpus/drop or set MIGRALEX_DEMO_CORPUS to a folder of documents"
        )
    click.echo("Demo collection: " + ", ".join(str(s) for s in sources))
    ctx.invoke(ingest, paths=tuple(sources), data_dir=data_dir, metadata_csv=DEMO_CATALOG, jobs=jobs,
               max_mb=setting("max_file_mb"), timeout=setting("extraction_timeout"), actor="demo", as_json=False)  # fmt: skip
    if serve:
        run_server(data_dir, host, port)
