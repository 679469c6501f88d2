"""Keep the index in step with the catalogue, work by work.

The catalogue is the source of truth; after an ingest, an edit or a
withdrawal, :func:`sync_works` brings those works' documents in the index up
to date (withdrawn works are removed).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from index import indexer
from library.store import Catalogue


def sync_works(index_dir: Path, catalogue: Catalogue, work_ids: Iterable[str]) -> tuple[int, int]:
    """Re-index the given works from the catalogue in one commit.

    :param index_dir: the index folder (created when absent).
    :param catalogue: the open catalogue.
    :param work_ids: works that were added, edited or withdrawn.
    :returns: (expressions indexed, documents removed).
    """
    ids = list(dict.fromkeys(w for w in work_ids if w))
    if not ids:
        return 0, 0
    ix = indexer.open_or_create(index_dir)
    try:
        withdrawn = {w for w in ids if catalogue.is_withdrawn(w)}
        removed = sum(indexer.delete_work(ix, w) for w in withdrawn)
        live = [catalogue.get_record(w) for w in ids if w not in withdrawn]
        indexed = indexer.index_records(ix, live) if live else 0
    finally:
        ix.close()
    return indexed, removed
