"""Controlled vocabularies: jurisdictions, instrument types and the topics thesaurus.

The data are the JSON files of ``library/vocabularies/``, written and reviewed by
people; this module loads them into frozen records and finds them in text.

Matching is on :func:`fold`-ed text, whole words, longest phrase first: in
"Estados Unidos Mexicanos" only Mexico counts, not the United States. Strings the
data mark ``ambiguous`` ("Diario Oficial", "Congreso Nacional", Spanish "trata")
are matched, so that they hide their shorter parts, but never counted. Acronyms of
jurisdictions ("OEA", "DOF", "USA") are matched case-sensitively.

``code`` is a narrower type of ``law`` (a Código Penal is a law):
:meth:`Vocabularies.match_instrument_type` returns ``code`` and callers that file
codes as laws follow :attr:`InstrumentType.broader`.

Folding and the phrase matcher are in :mod:`library.phrases`, the records in
:mod:`library.vocabulary_records` and the consistency checks in
:mod:`library.vocabulary_check`; their public names stay importable from here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

from library.errors import LibraryError
from library.phrases import PhraseMatcher, dedupe, plain
from library.phrases import fold as fold
from library.vocabulary_check import validate as validate
from library.vocabulary_records import KINDS as KINDS
from library.vocabulary_records import LANGUAGES as LANGUAGES
from library.vocabulary_records import MULTILINGUAL as MULTILINGUAL
from library.vocabulary_records import Concept as Concept
from library.vocabulary_records import InstrumentType as InstrumentType
from library.vocabulary_records import Jurisdiction as Jurisdiction
from library.vocabulary_records import LocalName as LocalName

_CLAUSE_END = re.compile(r"\s-\s|[:;(\[]")
_LEADING_PUNCTUATION = re.compile(r"^[\W_]+")


class UnknownEntry(LibraryError, LookupError):
    """A code or id that no vocabulary holds."""


@dataclass(frozen=True)
class Vocabularies:
    """The three vocabularies, keyed by code or id, with lookups and matching in text."""

    jurisdictions: Mapping[str, Jurisdiction]
    instrument_types: Mapping[str, InstrumentType]
    concepts: Mapping[str, Concept]
    non_identifying: tuple[str, ...] = ()  # phrases containing a name that name something else
    load_problems: tuple[str, ...] = ()  # found while reading the data (duplicate ids)

    # ---- jurisdictions -------------------------------------------------------------
    def jurisdiction(self, code: str) -> Jurisdiction:
        """The jurisdiction of a code (any case) or of an unambiguous name ("Council of Europe").

        :param code: ISO 3166-1 alpha-2, an organisation code, or a name.
        :raises UnknownEntry: (a LookupError) when nothing matches.
        """
        found = self.jurisdiction_by_name(code)
        if found is None:
            raise UnknownEntry(
                f"unknown jurisdiction {code!r}: use an ISO 3166-1 alpha-2 code or one of "
                + ", ".join(c for c, j in self.jurisdictions.items() if j.kind != "country")
            )
        return self.jurisdictions[found]

    def jurisdiction_by_name(self, name: str) -> str | None:
        """The code of a jurisdiction given as a code, name, alias or acronym, or None.

        A longer text ("Council of Europe (member States)") gives the jurisdiction it
        names most, if one is named most.

        :param name: what a file or a person states.
        """
        key = name.strip().upper()
        if key in self.jurisdictions:
            return key
        exact = self._identifier_matcher.table.get(fold(name))
        acronyms = self._acronym_matcher.table
        exact = exact or acronyms.get(plain(name)) or acronyms.get(plain(name).upper())
        if exact:
            return exact
        found = self.find_jurisdictions(name)
        if found and (len(found) == 1 or found[0][1] > found[1][1]):
            return found[0][0]
        return None

    def find_jurisdictions(self, text: str) -> list[tuple[str, int]]:
        """Codes named in ``text`` with their number of unambiguous mentions, most first.

        :param text: any text.

        >>> load_vocabularies().find_jurisdictions("Estados Unidos Mexicanos y la OEA")
        [('MX', 1), ('OAS', 1)]
        """
        counts = self._identifier_matcher.counts(fold(text))
        counts.update(self._acronym_matcher.counts(plain(text)))
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    @cached_property
    def _identifier_matcher(self) -> PhraseMatcher:
        pairs: list[tuple[str, str | None]] = []
        for code, j in self.jurisdictions.items():
            for term in j.identifiers():
                folded = fold(term)
                variants = (
                    (folded, folded + "s", folded + "es") if term in j.demonyms else (folded,)
                )
                pairs.extend((v, code) for v in variants)
            pairs.extend((fold(a), None) for a in j.ambiguous)
        pairs.extend((fold(p), None) for p in self.non_identifying)
        return PhraseMatcher.build(pairs)

    @cached_property
    def _acronym_matcher(self) -> PhraseMatcher:
        return PhraseMatcher.build(
            (plain(a), code) for code, j in self.jurisdictions.items() for a in j.acronyms
        )

    # ---- instrument types ----------------------------------------------------------
    def instrument_type(self, type_id: str) -> InstrumentType:
        """The instrument type of an id.

        :param type_id: e.g. ``decree``.
        :raises UnknownEntry: (a LookupError) for an unknown id.
        """
        try:
            return self.instrument_types[type_id.strip().lower()]
        except KeyError:
            known = ", ".join(self.instrument_types)
            raise UnknownEntry(f"unknown instrument type {type_id!r} (known: {known})") from None

    def match_instrument_type(
        self, phrase: str, language: str | None = None, *, in_title: bool = False
    ) -> str | None:
        """The type whose local name begins ``phrase``, longest name first.

        :param phrase: a title or heading ("Decreto Supremo Nº 119-2003-RE").
        :param language: only names in this language (and document symbols); None: all.
        :param in_title: when no name begins the phrase, take the first one in its first
            clause, as in English titles ("Citizenship Act (An Act respecting…)").

        >>> load_vocabularies().match_instrument_type("Decreto Supremo Nº 119", "es")
        'decree'
        """
        matcher = self._type_matchers.get(language or "", self._type_matchers[""])
        text = _LEADING_PUNCTUATION.sub("", fold(phrase))
        found = matcher.first(text, at_start=True)
        if found is None and in_title:
            found = matcher.first(_CLAUSE_END.split(text, maxsplit=1)[0])
        return found

    @cached_property
    def _type_matchers(self) -> dict[str, PhraseMatcher]:
        def pairs(lang: str) -> Iterable[tuple[str, str | None]]:
            for t in self.instrument_types.values():
                for n in t.local_names:
                    if not lang or n.language in (lang, MULTILINGUAL):
                        yield fold(n.name), t.id

        return {lang: PhraseMatcher.build(pairs(lang)) for lang in ("", *LANGUAGES)}

    # ---- topics --------------------------------------------------------------------
    def concept(self, concept_id: str) -> Concept:
        """The concept of an id.

        :param concept_id: e.g. ``trafficking``.
        :raises UnknownEntry: (a LookupError) for an unknown id.
        """
        try:
            return self.concepts[concept_id.strip().lower()]
        except KeyError:
            raise UnknownEntry(
                f"unknown topic {concept_id!r} (see library/vocabularies/topics.json)"
            ) from None

    def broader(self, concept_id: str) -> str | None:
        """The id of the broader concept, or None for a top concept.

        :param concept_id: a concept id.
        """
        return self.concept(concept_id).broader

    def narrower(self, concept_id: str) -> tuple[str, ...]:
        """Ids of the concepts whose broader concept is ``concept_id``.

        :param concept_id: a concept id.
        """
        self.concept(concept_id)
        return tuple(c.id for c in self.concepts.values() if c.broader == concept_id)

    def find_concepts(self, text: str, language: str | None = None) -> dict[str, int]:
        """Concept ids with their number of label mentions in ``text``, most first.

        :param text: any text (fast on megabytes: one compiled regex per language).
        :param language: match labels of this language only; None or unknown: all.

        >>> load_vocabularies().find_concepts("La trata de personas y el tráfico de migrantes", "es")
        {'smuggling': 1, 'trafficking': 1}
        """
        matcher = self._concept_matchers.get(language or "", self._concept_matchers[""])
        counts = matcher.counts(fold(text))
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

    @cached_property
    def _concept_matchers(self) -> dict[str, PhraseMatcher]:
        def pairs(lang: str) -> Iterable[tuple[str, str | None]]:
            for c in self.concepts.values():
                for term in c.terms(lang or None):
                    yield fold(term), None if c.is_ambiguous(term, lang or None) else c.id

        return {lang: PhraseMatcher.build(pairs(lang)) for lang in ("", *LANGUAGES)}

    @cached_property
    def _concepts_by_term(self) -> dict[str, tuple[str, ...]]:
        index: dict[str, list[str]] = {}
        for c in self.concepts.values():
            for term in c.terms():
                ids = index.setdefault(fold(term), [])
                if c.id not in ids:
                    ids.append(c.id)
        return {term: tuple(ids) for term, ids in index.items()}

    def concepts_for_term(self, term: str) -> tuple[str, ...]:
        """Ids of the concepts one of whose labels, in any language, is ``term`` (folded).

        :param term: a word or phrase.
        """
        return self._concepts_by_term.get(fold(term), ())

    def expand_query_terms(self, term: str) -> dict[str, tuple[str, ...]]:
        """The labels per language of the concept(s) labelled ``term``, for cross-language search.

        Ambiguous labels (Spanish "trata" alone) are left out of the expansion.

        :param term: a search term ("trata de personas").
        :returns: ``{"es": (...), "en": (...), "pt": (...), "fr": (...)}``, or {} when
            ``term`` labels no concept.
        """
        ids = self.concepts_for_term(term)
        if not ids:
            return {}
        return {
            lang: dedupe(
                t
                for cid in ids
                for t in self.concepts[cid].terms(lang)
                if not self.concepts[cid].is_ambiguous(t, lang)
            )
            for lang in LANGUAGES
        }


# ---- loading ----------------------------------------------------------------------------
def _strings(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value or ())


def _keyed(records: Iterable[Any], what: str, problems: list[str]) -> dict[str, Any]:
    keyed: dict[str, Any] = {}
    for record in records:
        key = record.code if isinstance(record, Jurisdiction) else record.id
        if key in keyed:
            problems.append(f"duplicate {what} {key!r}")
        keyed[key] = record
    return keyed


def _read(name: str) -> Any:
    return json.loads((resources.files("library") / "vocabularies" / name).read_text("utf-8"))


def _jurisdiction(j: dict[str, Any]) -> Jurisdiction:
    lists = ("aliases", "acronyms", "demonyms", "gazettes", "bodies", "ambiguous")
    return Jurisdiction(
        code=j["code"],
        kind=j["kind"],
        names=dict(j["names"]),
        oas_member=bool(j.get("oas_member")),
        note=j.get("note", ""),
        **{key: _strings(j.get(key)) for key in lists},
    )


def _instrument_type(t: dict[str, Any]) -> InstrumentType:
    names = (
        LocalName(n["name"], n["language"], _strings(n.get("countries"))) for n in t["local_names"]
    )
    return InstrumentType(
        t["id"], dict(t["labels"]), tuple(names), t.get("broader"), t.get("note", "")
    )


def _concept(c: dict[str, Any]) -> Concept:
    def per_language(key: str) -> dict[str, tuple[str, ...]]:
        return {lang: _strings(v) for lang, v in c.get(key, {}).items()}

    return Concept(
        c["id"],
        dict(c["prefLabel"]),
        per_language("altLabel"),
        c.get("broader"),
        _strings(c.get("related")),
        per_language("ambiguous"),
        c.get("note", ""),
    )


@cache
def load_vocabularies() -> Vocabularies:
    """The vocabularies packaged with Migralex, read once (treat them as immutable)."""
    countries = _read("countries.json")
    problems: list[str] = []
    return Vocabularies(
        jurisdictions=_keyed(
            map(_jurisdiction, countries["jurisdictions"]), "jurisdiction", problems
        ),
        instrument_types=_keyed(
            map(_instrument_type, _read("instrument_types.json")["types"]), "type", problems
        ),
        concepts=_keyed(map(_concept, _read("topics.json")["concepts"]), "concept", problems),
        non_identifying=_strings(countries.get("non_identifying")),
        load_problems=tuple(problems),
    )
