"""Commands over the index: ``search``, ``reindex``, ``check``."""

from __future__ import annotations

import sys
from html import unescape

import click

from cli.common import data_option, emit_json, json_option, opened
from index import indexer
from index.jsonout import hit_to_json, page_summary_json
from index.search import SearchPage, SearchParams
from index.service import SearchService
from library.settings import setting

SORTS = ("relevance", "newest", "oldest", "title")


@click.command()
@click.argument("query", required=False, default="")
@data_option
@click.option(
    "--country", "countries", multiple=True, help="Jurisdiction code (repeat for OR): mx, ar, UN…"
)
@click.option(
    "--type", "types", multiple=True, help="Instrument type (repeat for OR): law, decree, treaty…"
)
@click.option(
    "--lang",
    "languages",
    multiple=True,
    help="Language of the document (repeat for OR): es, en, pt, fr.",
)
@click.option("--year-from", type=int, default=None, help="Earliest year of adoption.")
@click.option("--year-to", type=int, default=None, help="Latest year of adoption.")
@click.option(
    "--topic", "topics", multiple=True, help="Thesaurus concept id (repeat for OR): trafficking…"
)
@click.option(
    "--status",
    "statuses",
    multiple=True,
    help="in_force, repealed, amended, not_in_force, unknown.",
)
@click.option("--sort", type=click.Choice(SORTS), default="relevance", show_default=True)
@click.option("--page", type=click.IntRange(1), default=1, show_default=True)
@click.option(
    "--limit",
    type=click.IntRange(1, 100),
    default=setting("page_size"),
    show_default=True,
    help="Hits per page.",
)
@click.option(
    "--only-language", is_flag=True, help="No cross-language results: only the query's language."
)
@json_option
def search(
    query: str, data_dir: str | None, countries: tuple[str, ...], types: tuple[str, ...],
    languages: tuple[str, ...], year_from: int | None, year_to: int | None, topics: tuple[str, ...],
    statuses: tuple[str, ...], sort: str, page: int, limit: int, only_language: bool, as_json: bool,
) -> None:  # fmt: skip
    """Search the library: words, "phrases", AND/OR/NOT, -word, prefix*, fuzzy~, field:value.

    A query that cannot be parsed is answered as plain words, with a notice.
    Thesaurus concepts ("trata de personas") also find the other languages'
    instruments, ranked below those in the query's language.

    \b
    Example:
      migralex search "trata de personas" --country mx --year-from 2008 --json
      migralex search 'lang:pt "trabalhadoras domésticas"'
    """
    params = SearchParams(
        q=query, countries=countries, types=types, languages=languages,
        years=(year_from, year_to) if year_from or year_to else None, topics=topics,
        statuses=statuses, sort=sort, page=page, page_size=limit, only_language=only_language,
        facet_size=setting("facet_size"),
    )  # fmt: skip
    with opened(data_dir, create=False) as (data, _):
        if indexer.current_generation(data.index_path) is None and not data.index_path.exists():
            raise click.ClickException(
                f"no index at {data.index_path}; run `migralex reindex --data {data.root}`"
            )
        with SearchService(data.index_path) as service:
            result = service.search(params)
    if as_json:
        for hit in result.hits:
            emit_json(hit_to_json(hit))
        emit_json(page_summary_json(result))
    else:
        _print_page(result)


def _print_page(page: SearchPage) -> None:
    for notice in page.notices:
        click.echo(click.style(f"note: {notice}", fg="yellow"), err=True)
    if page.suggestions:
        click.echo(f"Did you mean: {' / '.join(page.suggestions)}")
    click.echo(f"{page.total} result(s), page {page.page} of {page.pages}")
    for hit in page.hits:
        year = hit.year or "s.f."
        click.echo(f"\n{hit.rank:>3}. {click.style(hit.title, bold=True)}")
        click.echo(
            f"     {hit.work_id}  [{hit.language}] {hit.jurisdiction} · {hit.instrument_type} · {year} · {hit.status}"
        )
        for part in hit.parts:
            snippet = part.snippet_html.replace("<mark>", "»").replace("</mark>", "«")
            click.echo(f"     #{part.anchor}: {unescape(snippet)}")


@click.command()
@data_option
def reindex(data_dir: str | None) -> None:
    """Rebuild the index from the catalogue (built aside, then swapped in).

    \b
    Example:
      migralex reindex --data instance
    """
    with opened(data_dir, create=False) as (data, catalogue):
        total = catalogue.counts()["expressions"]
        with click.progressbar(length=total, label="Indexing", file=sys.stderr,
                               hidden=not sys.stderr.isatty()) as bar:  # fmt: skip
            done = [0]

            def progress(count: int) -> None:
                bar.update(count - done[0])
                done[0] = count

            count = indexer.rebuild_catalogue(data.index_path, catalogue, progress)
    click.echo(f"Indexed {count} documents into {data.index_path}")


@click.command()
@data_option
@click.option("--repair", is_flag=True, help="Re-index what drifted instead of only reporting it.")
@json_option
def check(data_dir: str | None, repair: bool, as_json: bool) -> None:
    """Report drift between the catalogue and the index; exit 1 when there is some.

    \b
    Example:
      migralex check --data instance || migralex reindex --data instance
    """
    with opened(data_dir, create=False) as (data, catalogue):
        ix = indexer.open_or_create(data.index_path)
        try:
            action = indexer.repair if repair else indexer.check
            report = action(ix, catalogue.iter_records())
        finally:
            ix.close()
    drift = {
        "missing": list(report.missing),
        "stale": list(report.stale),
        "orphaned": list(report.orphaned),
    }
    if as_json:
        emit_json({"ok": report.ok, "repaired": repair and not report.ok, **drift})
    else:
        for kind, ids in drift.items():
            for expression_id in ids:
                click.echo(f"{kind:<9} {expression_id}")
        if report.ok:
            click.echo("index and catalogue agree")
        else:
            verb = "repaired" if repair else "found"
            click.echo(f"{verb}: {sum(len(v) for v in drift.values())} drifting document(s)"
                       + ("" if repair else "; run `migralex reindex` or `migralex check --repair`"))  # fmt: skip
    if not report.ok and not repair:
        sys.exit(1)
