"""The one place where the benchmarks call our index and search service.

Both ``relevance.py`` and ``search_speed.py`` go through these few functions, so a
change of the ``index`` API is adapted here once.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.baselines import BuildStats
from library.model import Record

PAGE_SIZE = 10


@dataclass(frozen=True)
class OursPage:
    """What the benchmarks read from a :class:`index.search.SearchPage`."""

    ids: tuple[str, ...]  # expression ids in rank order
    sha256s: tuple[str, ...]  # the file of each hit
    total: int
    facets: Mapping[str, int] = field(default_factory=dict)  # values per facet
    snippets: int = 0  # highlighted part snippets on the page


def build(index_dir: Path, records: Iterable[Record], procs: int = 2) -> BuildStats:
    """A fresh index of ``records`` (``index.indexer.rebuild``), timed.

    :param index_dir: the index folder (created).
    :param records: records to index.
    :param procs: writer processes (``multisegment`` is set by the indexer when > 1).
    """
    from index.indexer import rebuild

    started = time.perf_counter()
    count = rebuild(index_dir, records, procs=procs)
    return BuildStats(count, time.perf_counter() - started)


def open_service(index_dir: Path) -> Any:
    """A long-lived search service on ``index_dir`` (one searcher, reused)."""
    from index.service import SearchService

    return SearchService(index_dir)


def search(
    service: Any, q: str, filters: Mapping[str, Any] | None = None, page_size: int = PAGE_SIZE
) -> OursPage:
    """The full search call: query, filters, facet counts and highlighted snippets of one page.

    :param service: from :func:`open_service`.
    :param q: the user's query.
    :param filters: SearchParams field names (``countries``, ``types``, ``languages``,
        ``years`` as a ``(from, to)`` pair, ``topics``, ``statuses``).
    """
    from index.search import SearchParams

    params = SearchParams(q=q, page_size=page_size, **_params(filters or {}))
    page = service.search(params)
    snippets = sum(1 for hit in page.hits for part in hit.parts if part.snippet_html)
    facets = {name: len(values) for name, values in _facet_items(page.facets)}
    return OursPage(
        tuple(hit.expression_id for hit in page.hits),
        tuple(getattr(hit, "sha256", "") for hit in page.hits),
        page.total,
        facets,
        snippets,
    )


def add_one(service: Any, record: Record) -> float:
    """Seconds to add one record to the live index and see it in the next search."""
    started = time.perf_counter()
    service.update(record)
    service.doc_count()  # reopens the searcher on the new commit
    return time.perf_counter() - started


def _params(filters: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, values in filters.items():
        out[name] = tuple(values)
    return out


def _facet_items(facets: Any) -> Iterable[tuple[str, Any]]:
    if isinstance(facets, Mapping):
        return facets.items()
    return [(getattr(f, "name", str(i)), getattr(f, "values", f)) for i, f in enumerate(facets)]
