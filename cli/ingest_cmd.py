"""``migralex ingest``: files and folders into the catalogue."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from cli.common import data_option, emit_json, json_option, opened
from index.sync import sync_works
from ingest.extracted import Limits
from ingest.outcome import FileOutcome, summarise
from ingest.pipeline import Batch, collect_files, run
from ingest.usermeta import GivenMetadata, load_csv
from library.errors import LibraryError
from library.settings import setting
from library.vocabulary import load_vocabularies


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@data_option
@click.option(
    "--metadata",
    "metadata_csv",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="CSV of given metadata (columns as in corpus/catalog.csv), matched by sha256 or path.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(0, 64),
    default=None,
    help="Worker processes for extraction (default: number of cores; 0 = in this process).",
)
@click.option(
    "--max-mb",
    type=click.IntRange(1),
    default=200,
    show_default=True,
    help="Largest file accepted, in MB.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(1),
    default=300,
    show_default=True,
    help="Seconds allowed per file.",
)
@click.option(
    "--user",
    "actor",
    default=lambda: os.environ.get("USER", ""),
    help="Name recorded in the audit trail.",
)
@json_option
def ingest(
    paths: tuple[Path, ...],
    data_dir: str | None,
    metadata_csv: Path | None,
    jobs: int | None,
    max_mb: int,
    timeout: float,
    actor: str,
    as_json: bool,
) -> None:
    """Ingest files (PDF, HTML, XML, DOCX, ODT, RTF, DOC, Markdown, text) into the catalogue.

    Each file ends as ingested, duplicate (same bytes already there) or rejected
    with a reason; one bad file never stops the batch. Metadata given in
    --metadata or in a FILE.meta.json beside a file wins over derived metadata.

    \b
    Example:
      migralex ingest ../shared/corpus/docs --data instance --jobs 2 --json
    """
    vocab = load_vocabularies()
    try:
        given = load_csv(metadata_csv, vocab) if metadata_csv else GivenMetadata()
    except LibraryError as exc:
        raise click.ClickException(str(exc)) from exc
    limits = Limits(
        max_bytes=max_mb * 1024 * 1024,
        max_seconds=timeout,
        max_memory_mb=setting("worker_memory_mb"),
        max_ratio=setting("max_zip_ratio"),
    )
    files = tuple(collect_files(paths))  # walked once: the batch gets the file list
    batch = Batch(files, given, jobs if jobs is not None else (os.cpu_count() or 1), limits, actor)
    total = len(files)
    show_bar = not as_json and sys.stderr.isatty()
    with opened(data_dir) as (data, catalogue), click.progressbar(
        length=total, label="Ingesting", file=sys.stderr, show_pos=True,
        item_show_func=_label, hidden=not show_bar,
    ) as bar:  # fmt: skip

        def on_outcome(outcome: FileOutcome) -> None:
            if as_json:
                emit_json(outcome.to_json())
            elif show_bar:
                bar.update(1, outcome)
            elif outcome.outcome == "rejected":
                click.echo(f"rejected  {outcome.path}: {outcome.reason}", err=True)

        outcomes = run(batch, catalogue, data.file_store(), vocab, on_outcome)
        summary = summarise(outcomes)
        indexed, _ = sync_works(
            data.index_path, catalogue, [o.work_id for o in outcomes if o.outcome == "ingested"]
        )
        summary["indexed"] = indexed
        summary["catalogue"] = catalogue.counts()
    if as_json:
        emit_json(summary)
        return
    click.echo(
        f"{summary['files']} files: {summary['ingested']} ingested, {summary['duplicate']} duplicate, "
        f"{summary['rejected']} rejected ({summary['pages']} pages, {summary['extraction_seconds']} s of extraction)"
    )
    for item in summary["rejected_files"]:
        click.echo(f"  rejected {item['path']}: {item['reason']}")
    counts = summary["catalogue"]
    click.echo(f"Index updated: {summary['indexed']} document(s)")
    click.echo(
        f"Catalogue at {data.root}: {counts['works']} works, {counts['expressions']} expressions, {counts['parts']} parts"
    )


def _label(outcome: FileOutcome | None) -> str:
    return f"{outcome.outcome} {outcome.path.name}" if outcome else ""
