"""Display labels of record values in the interface language.

Vocabulary values (jurisdictions, instrument types, topics, statuses, document
languages) are labelled by :func:`index.facets.labeller`, the same function that
labels facets; parts and relations by the message catalogues.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from index import fields as F
from index.facets import labeller
from library.model import PART_KINDS, RELATION_KINDS
from library.vocabulary import Vocabularies
from web.i18n import Translator


@dataclass(frozen=True)
class Labels:
    """Labels in one language: ``labels.jurisdiction("MX")`` → "México"."""

    vocab: Vocabularies
    t: Translator

    @cached_property
    def _label(self) -> Callable[[str, str], str]:
        return labeller(self.vocab, self.t.lang)

    def value(self, field: str, value: str) -> str:
        """The label of a facet value (index field name, value)."""
        return self._label(field, value) if value else ""

    def jurisdiction(self, code: str) -> str:
        return self.value(F.JURISDICTION, code)

    def instrument_type(self, type_id: str) -> str:
        return self.value(F.INSTRUMENT_TYPE, type_id)

    def status(self, status: str) -> str:
        return self.value(F.STATUS, status)

    def language(self, code: str) -> str:
        return self.value(F.LANGUAGE, code)

    def topic(self, concept_id: str) -> str:
        return self.value(F.TOPICS, concept_id)

    def part(self, kind: str, number: str) -> str:
        """A part's label, e.g. "Artículo 5 bis"; unknown kinds show as they are stored."""
        name = self.t(f"part.{kind}") if kind in PART_KINDS else kind
        return f"{name} {number}".strip()

    def relation(self, kind: str, inverse: bool = False) -> str:
        """ "Amends", or "Amended by" when ``inverse``; unknown kinds show as stored."""
        if kind not in RELATION_KINDS:
            return kind
        return self.t(f"relation.{kind}.inverse" if inverse else f"relation.{kind}")
