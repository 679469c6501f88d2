"""Adding and removing a work's typed links to other works (amends, regulates…).

Each change is one :meth:`Catalogue.update_work`, so it is audited with its actor.
"""

from __future__ import annotations

from dataclasses import replace

from library.errors import DocumentNotFound, MetadataError
from library.model import RELATION_KINDS, Relation
from library.store import Catalogue

MAX_NOTE = 300


class RelationError(MetadataError):
    """A relation cannot be made as asked.

    :param code: ``kind`` (unknown kind), ``target`` (no such work), ``self``
        (a work cannot point at itself) or ``exists``.
    """

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


def add_relation(
    catalogue: Catalogue, work_id: str, kind: str, target: str, actor: str, note: str = ""
) -> None:
    """Link ``work_id`` to ``target`` by ``kind``.

    :param kind: one of :data:`library.model.RELATION_KINDS`.
    :param target: the id of another work of the catalogue, not withdrawn.
    :raises RelationError: see its codes.
    """
    work = catalogue.get_work(work_id)
    target = target.strip().strip("/").lower()
    if kind not in RELATION_KINDS:
        raise RelationError(f"unknown relation kind {kind!r}", "kind")
    if target == work_id:
        raise RelationError("a work cannot be related to itself", "self")
    try:
        catalogue.get_work(target)
    except DocumentNotFound:
        raise RelationError(f"no work {target!r} in the catalogue", "target") from None
    if catalogue.is_withdrawn(target):
        raise RelationError(f"work {target!r} is withdrawn", "target")
    if any(r.kind == kind and r.target == target for r in work.relations):
        raise RelationError("this relation exists already", "exists")
    relation = Relation(kind, target, note.strip()[:MAX_NOTE])
    catalogue.update_work(
        replace(work, relations=(*work.relations, relation)), actor=actor, note=note
    )


def remove_relation(catalogue: Catalogue, work_id: str, kind: str, target: str, actor: str) -> bool:
    """Remove one relation; False when there was none such."""
    work = catalogue.get_work(work_id)
    kept = tuple(r for r in work.relations if not (r.kind == kind and r.target == target))
    if len(kept) == len(work.relations):
        return False
    catalogue.update_work(replace(work, relations=kept), actor=actor)
    return True
