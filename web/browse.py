"""The countries page: every jurisdiction of the collection, by kind, with its count."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from index import fields as F
from index.search import SearchPage
from library.vocabulary import KINDS, Vocabularies, fold


@dataclass(frozen=True)
class Jurisdiction:
    code: str
    name: str
    count: int
    url: str


@dataclass(frozen=True)
class Group:
    kind: str  # "country" or "organization"
    title_key: str
    members: tuple[Jurisdiction, ...]


def jurisdiction_groups(
    page: SearchPage, vocab: Vocabularies, link: Callable[[str], str]
) -> tuple[Group, ...]:
    """Countries, then organisations, each sorted by name in the interface language.

    :param page: a search of the whole collection whose jurisdiction facet lists every
        value (a facet size above the number of jurisdictions).
    :param link: jurisdiction code -> URL of its documents.
    """
    by_kind: dict[str, list[Jurisdiction]] = {kind: [] for kind in KINDS}
    for value in page.facets.get(F.JURISDICTION, ()):
        known = vocab.jurisdictions.get(value.value.upper())
        kind = known.kind if known else "country"
        by_kind.setdefault(kind, []).append(
            Jurisdiction(value.value, value.label, value.count, link(value.value))
        )
    return tuple(
        Group(kind, f"countries.{kind}", tuple(sorted(members, key=lambda j: fold(j.name))))
        for kind, members in by_kind.items()
        if members
    )
