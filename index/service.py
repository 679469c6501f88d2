"""A long-lived search service: one searcher and its helpers, reused across queries.

The caller owns it (the CLI for one command, the web app on ``app.extensions``); there
is no module-level handle. It may be shared by threads: searches and writes take turns. The searcher is refreshed when the index changes — after
this service's own writes, another process's commits, or a rebuild that swapped in a
new generation — and per-segment facet columns survive refreshes.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from whoosh.index import FileIndex

from index import indexer
from index.facets import Columns, SegmentColumns
from index.search import SearchContext, SearchPage, SearchParams, search
from index.terms import Lexicon
from library.model import Record


def _default_vocabularies() -> Any:
    try:
        from library.vocabulary import load_vocabularies
    except ImportError:  # pragma: no cover - the thesaurus ships with the library
        return None
    return load_vocabularies()


class SearchService:
    """Search and incremental updates over the index in ``index_dir``.

    :param index_dir: the index folder (created empty when absent).
    :param vocab: the vocabularies (thesaurus and labels); loaded when not given,
        ``False`` for none.
    """

    def __init__(self, index_dir: Path | str, vocab: Any = None) -> None:
        self.index_dir = Path(index_dir)
        self.vocab = _default_vocabularies() if vocab is None else (vocab or None)
        self._lock = threading.RLock()
        self._segment_columns: dict[str, SegmentColumns] = {}
        self._ix: FileIndex = indexer.open_or_create(self.index_dir)
        self._generation = indexer.current_generation(self.index_dir)
        self._context: SearchContext | None = None

    # -- lifecycle -------------------------------------------------------------------
    def __enter__(self) -> SearchService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the searcher (the service reopens one if used again)."""
        with self._lock:
            if self._context is not None:
                self._context.searcher.close()
                self._context = None

    def _follow_swap(self) -> None:
        """Reopen the index if a rebuild swapped in a new generation."""
        with self._lock:
            generation = indexer.current_generation(self.index_dir)
            if generation != self._generation:  # a rebuild swapped the index
                self.close()
                self._ix = indexer.open_or_create(self.index_dir)
                self._generation = generation
                self._segment_columns.clear()

    def _fresh_context(self) -> SearchContext:
        with self._lock:
            self._follow_swap()
            ctx = self._context
            if ctx is not None and ctx.searcher.up_to_date():
                return ctx
            # A new searcher (about 1 ms with non-compound segments), the old one closed:
            # Whoosh's refresh() can leave the files of merged-away segments open.
            searcher = self._ix.searcher()
            if ctx is not None:
                ctx.searcher.close()
            ctx = SearchContext(
                searcher=searcher,
                lexicon=Lexicon(searcher),
                columns=Columns(searcher, self._segment_columns),
                vocab=self.vocab,
            )
            self._context = ctx
            return ctx

    # -- API --------------------------------------------------------------------------
    def search(self, params: SearchParams) -> SearchPage:
        """One full search call (hits, parts, facets, totals, suggestions, notices).

        Searches are serialised: a refresh closes the searcher it replaces, which must
        not happen under another thread's search, and the per-searcher memos are not
        written for concurrent use. A search is milliseconds of mostly GIL-bound work.

        :param params: what to search for.
        """
        with self._lock:
            return search(self._fresh_context(), params)

    def update(self, record: Record) -> None:
        """Index (or re-index) one work; the next search sees it.

        :param record: the work's current record.
        """
        with self._lock:
            self._follow_swap()  # never write into a generation a rebuild replaced
            indexer.update_work(self._ix, record)

    def delete(self, work_id: str) -> int:
        """Remove one work from the index; returns the number of documents removed.

        :param work_id: the withdrawn work's id.
        """
        with self._lock:
            self._follow_swap()
            return indexer.delete_work(self._ix, work_id)

    def doc_count(self) -> int:
        """Number of documents (expressions) in the index."""
        with self._lock:
            return int(self._fresh_context().searcher.doc_count())

    @property
    def index(self) -> FileIndex:
        """The Whoosh index (for :func:`index.indexer.check` and :func:`~index.indexer.repair`)."""
        return self._ix
