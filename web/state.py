"""What one app holds for its life, and what one request opens.

:class:`Library` (on ``app.extensions["migralex"]``) owns the data directory, the
vocabularies and one long-lived :class:`~index.service.SearchService`, which threads
share (the service serialises searches itself).

The catalogue (SQLite) is opened per request, lazily on ``g``, and closed at teardown:
a SQLite connection belongs to the thread that opened it.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, current_app, g

from index.search import SearchPage, SearchParams
from index.service import SearchService
from library.datadir import DataDir
from library.files import FileStore
from library.store import Catalogue
from library.vocabulary import Vocabularies, load_vocabularies

EXTENSION = "migralex"


@dataclass
class Library:
    """The resources of one app: data directory, vocabularies and search service."""

    data: DataDir
    vocab: Vocabularies
    service: SearchService

    @classmethod
    def open(cls, data: DataDir) -> Library:
        """Open the search service over ``data``'s index.

        :param data: the data directory (its catalogue must exist).
        """
        vocab = load_vocabularies()
        return cls(data, vocab, SearchService(data.index_path, vocab=vocab))

    def search(self, params: SearchParams) -> SearchPage:
        """One search (thread-safe: see :meth:`SearchService.search`)."""
        return self.service.search(params)

    def file_store(self) -> FileStore:
        return self.data.file_store()

    def close(self) -> None:
        """Close the searcher (tests create many apps)."""
        self.service.close()


def library(app: Flask | None = None) -> Library:
    """The :class:`Library` of ``app`` (default: the current app)."""
    return (app or current_app).extensions[EXTENSION]  # type: ignore[no-any-return]


def catalogue() -> Catalogue:
    """The catalogue for this request, opened on first use."""
    if "catalogue" not in g:
        g.catalogue = library().data.open_catalogue()
    return g.catalogue  # type: ignore[no-any-return]


def close_catalogue(_exc: BaseException | None = None) -> None:
    """Teardown hook: close the request's catalogue if one was opened."""
    opened = g.pop("catalogue", None)
    if opened is not None:
        opened.close()


def init_app(app: Flask, data: DataDir) -> None:
    """Attach a :class:`Library` over ``data`` to ``app`` and the teardown hook."""
    app.extensions[EXTENSION] = Library.open(data)
    app.teardown_appcontext(close_catalogue)
