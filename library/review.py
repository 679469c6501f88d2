"""What a librarian reviews: the works most recently ingested or edited.

Reads only; changes go through :class:`library.store.Catalogue`.
"""

from __future__ import annotations

from dataclasses import dataclass

from library.store import Catalogue


@dataclass(frozen=True)
class RecentWork:
    """A work and when it last changed."""

    work_id: str
    updated_at: str
    withdrawn: bool


def recent_works(catalogue: Catalogue, limit: int = 50) -> list[RecentWork]:
    """The ``limit`` works changed last (ingested, edited or withdrawn), newest first.

    :param catalogue: the catalogue to read.
    :param limit: how many works at most.
    """
    rows = catalogue.conn.execute(
        "SELECT work_id, updated_at, withdrawn_at FROM works"
        " ORDER BY updated_at DESC, work_id LIMIT ?",
        (limit,),
    )
    return [RecentWork(r["work_id"], r["updated_at"], r["withdrawn_at"] is not None) for r in rows]


def changed_since(catalogue: Catalogue, since: str) -> list[RecentWork]:
    """Works changed at or after ``since`` (ISO 8601 UTC, as the catalogue writes it).

    :param since: e.g. the start of an index rebuild, to catch up what changed meanwhile.
    """
    rows = catalogue.conn.execute(
        "SELECT work_id, updated_at, withdrawn_at FROM works WHERE updated_at >= ?"
        " ORDER BY work_id",
        (since,),
    )
    return [RecentWork(r["work_id"], r["updated_at"], r["withdrawn_at"] is not None) for r in rows]
