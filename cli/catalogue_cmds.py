"""Commands that read the catalogue: ``show``."""

from __future__ import annotations

import click

from cli.common import data_option, emit_json, json_option, opened
from library.errors import DocumentNotFound
from library.jsonout import record_to_json


@click.command()
@click.argument("work_id")
@data_option
@json_option
def show(work_id: str, data_dir: str | None, as_json: bool) -> None:
    """Print the stored record of one work.

    \b
    Example:
      migralex show ar/law/2004/25871 --json
    """
    with opened(data_dir, create=False) as (_, catalogue):
        try:
            record = catalogue.get_record(work_id)
        except DocumentNotFound as exc:
            raise click.ClickException(str(exc)) from exc
    if as_json:
        emit_json(record_to_json(record))
        return
    work = record.work
    click.echo(click.style(work.work_id, bold=True))
    for name in ("instrument_type", "jurisdiction", "number", "issuing_body", "date_adopted",
                 "date_published", "status", "gazette"):  # fmt: skip
        value = getattr(work, name)
        if value:
            source = work.field_sources.get(name, "")
            click.echo(f"  {name:<16} {value}" + (f"  ({source})" if source else ""))
    if work.topics:
        click.echo(f"  {'topics':<16} {', '.join(work.topics)}")
    for rel in work.relations:
        click.echo(f"  {rel.kind:<16} {rel.target}")
    for expression in record.expressions:
        click.echo(f"\n  [{expression.language or '?'}] {expression.title}")
        click.echo(
            f"      {expression.expression_id} — {len(expression.parts)} parts, file {expression.file_sha256[:12]}…"
        )
        for warning in expression.warnings:
            click.echo(f"      ! {warning}")
