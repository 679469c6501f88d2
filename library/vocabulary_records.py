"""The records of the controlled vocabularies: jurisdictions, instrument types, concepts.

Frozen values read from ``library/vocabularies/`` by
:func:`library.vocabulary.load_vocabularies`; :class:`library.vocabulary.Vocabularies`
holds them with lookups and matching in text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from library.phrases import dedupe, fold

LANGUAGES: tuple[str, ...] = ("es", "en", "pt", "fr")
#: Language of names used in every language (document symbols such as ``A/RES/``).
MULTILINGUAL = "mul"
KINDS: tuple[str, ...] = ("country", "organization")


@dataclass(frozen=True)
class Jurisdiction:
    """A country (ISO 3166-1 alpha-2) or an organisation, with what names it in text."""

    code: str
    kind: str  # one of KINDS
    names: Mapping[str, str]  # official short name per language
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()  # matched case-sensitively
    demonyms: tuple[str, ...] = ()
    gazettes: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()  # used by it but not only by it: never counted
    oas_member: bool = False
    note: str = ""

    def name(self, lang: str = "en") -> str:
        """The short name in ``lang``, else in English.

        :param lang: ISO 639-1 code.
        """
        return self.names.get(lang) or self.names.get("en") or self.code

    def identifiers(self) -> tuple[str, ...]:
        """Names, aliases, demonyms, gazettes and bodies, except the ambiguous ones."""
        shared = {fold(a) for a in self.ambiguous}
        every = (*self.names.values(), *self.aliases, *self.demonyms, *self.gazettes, *self.bodies)
        return dedupe(s for s in every if fold(s) not in shared)


@dataclass(frozen=True)
class LocalName:
    """A name an instrument type goes by ("Decreto Supremo"), where and in which language."""

    name: str
    language: str  # ISO 639-1, or MULTILINGUAL
    countries: tuple[str, ...] = ()  # empty: used everywhere the language is


@dataclass(frozen=True)
class InstrumentType:
    """A type of legal instrument (``law``, ``decree``…) with its local names."""

    id: str
    labels: Mapping[str, str]
    local_names: tuple[LocalName, ...] = ()
    broader: str | None = None
    note: str = ""

    def label(self, lang: str = "en") -> str:
        """The label in ``lang``, else in English.

        :param lang: ISO 639-1 code.
        """
        return self.labels.get(lang) or self.labels.get("en") or self.id


@dataclass(frozen=True)
class Concept:
    """A thesaurus concept with its labels in each language."""

    id: str
    pref: Mapping[str, str]
    alt: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    broader: str | None = None
    related: tuple[str, ...] = ()
    ambiguous: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    note: str = ""

    def label(self, lang: str = "en") -> str:
        """The preferred label in ``lang``, else in English.

        :param lang: ISO 639-1 code.
        """
        return self.pref.get(lang) or self.pref.get("en") or self.id

    def terms(self, lang: str | None = None) -> tuple[str, ...]:
        """Preferred and alternative labels in ``lang``, or in every language.

        :param lang: ISO 639-1 code, or None for all languages.
        """
        langs = LANGUAGES if lang is None else (lang,)
        return dedupe(t for lg in langs for t in (self.pref.get(lg, ""), *self.alt.get(lg, ())))

    def is_ambiguous(self, term: str, lang: str | None = None) -> bool:
        """Whether ``term`` must not count alone as a mention of this concept.

        :param term: a label.
        :param lang: the language it is in, or None for any.
        """
        langs = LANGUAGES if lang is None else (lang,)
        folded = fold(term)
        return any(folded == fold(a) for lg in langs for a in self.ambiguous.get(lg, ()))
