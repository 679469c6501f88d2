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
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import Any

from library.errors import LibraryError

LANGUAGES: tuple[str, ...] = ("es", "en", "pt", "fr")
#: Language of names used in every language (document symbols such as ``A/RES/``).
MULTILINGUAL = "mul"
KINDS: tuple[str, ...] = ("country", "organization")

_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_TYPOGRAPHY: dict[str, str] = {
    **dict.fromkeys("\u2018\u2019\u201b\u02bc\u02b9\u2032\u00b4`", "'"),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
    **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", ""),
    **dict(zip("œŒæÆøØłŁđ", ("oe", "OE", "ae", "AE", "o", "O", "l", "L", "d"), strict=True)),
}
_TYPOGRAPHIC = re.compile("[" + re.escape("".join(_TYPOGRAPHY)) + "]")
_CLAUSE_END = re.compile(r"\s-\s|[:;(\[]")
_LEADING_PUNCTUATION = re.compile(r"^[\W_]+")


class UnknownEntry(LibraryError, LookupError):
    """A code or id that no vocabulary holds."""


def _normalise(text: str, lower: bool) -> str:
    text = unicodedata.normalize("NFKD", text)
    if lower:
        text = text.casefold()
        if not unicodedata.is_normalized("NFKD", text):
            text = unicodedata.normalize("NFKD", text)
    text = _TYPOGRAPHIC.sub(lambda m: _TYPOGRAPHY[m.group()], text)
    return " ".join(_MARKS.sub("", text).split())


def fold(text: str) -> str:
    """Lower case without accents, typographic apostrophes/dashes or runs of white space.

    :param text: any text.

    >>> fold("  Organización\\u00a0de l’Europe — OEA ")
    "organizacion de l'europe - oea"
    """
    return _normalise(text, lower=True)


def _plain(text: str) -> str:
    """Like :func:`fold` but keeping case, for acronyms."""
    return _normalise(text, lower=False)


def _dedupe(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for item in items if item))


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
        return _dedupe(s for s in every if fold(s) not in shared)


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
        return _dedupe(t for lg in langs for t in (self.pref.get(lg, ""), *self.alt.get(lg, ())))

    def is_ambiguous(self, term: str, lang: str | None = None) -> bool:
        """Whether ``term`` must not count alone as a mention of this concept.

        :param term: a label.
        :param lang: the language it is in, or None for any.
        """
        langs = LANGUAGES if lang is None else (lang,)
        folded = fold(term)
        return any(folded == fold(a) for lg in langs for a in self.ambiguous.get(lg, ()))


def _trie_pattern(phrases: Iterable[str]) -> str:
    """One regex alternation of ``phrases`` factored as a trie, longer matches first."""
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node(trie)


def _trie_node(node: dict[str, Any]) -> str:
    branches = [re.escape(ch) + _trie_node(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@dataclass(frozen=True)
class _Matcher:
    """Whole-word, longest-first matching of phrases; a phrase maps to a value or None."""

    pattern: re.Pattern[str] | None
    table: Mapping[str, str | None]

    @classmethod
    def build(cls, pairs: Iterable[tuple[str, str | None]]) -> _Matcher:
        table: dict[str, str | None] = {}
        blocked: set[str] = set()
        for phrase, value in pairs:
            if value is None or table.get(phrase, value) != value:
                blocked.add(phrase)  # ambiguous, or claimed by two values
            table[phrase] = value
        table.update(dict.fromkeys(blocked))
        table.pop("", None)
        if not table:
            return cls(None, {})
        # whole words; a phrase ending in punctuation may be followed by anything ("A/RES/70")
        end = r"(?:(?<=\w)(?!\w)|(?<!\w))"
        return cls(re.compile(rf"(?<!\w)(?:{_trie_pattern(sorted(table))}){end}"), table)

    def counts(self, text: str) -> Counter[str]:
        found: Counter[str] = Counter()
        for phrase in self.pattern.findall(text) if self.pattern else ():
            if (value := self.table.get(phrase)) is not None:
                found[value] += 1
        return found

    def first(self, text: str, at_start: bool = False) -> str | None:
        """The value of the first counted phrase, or with ``at_start`` of a phrase at 0."""
        if at_start:
            match = self.pattern.match(text) if self.pattern else None
            return self.table.get(match.group()) if match else None
        for phrase in self.pattern.findall(text) if self.pattern else ():
            if (value := self.table.get(phrase)) is not None:
                return value
        return None


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
        exact = exact or acronyms.get(_plain(name)) or acronyms.get(_plain(name).upper())
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
        counts.update(self._acronym_matcher.counts(_plain(text)))
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    @cached_property
    def _identifier_matcher(self) -> _Matcher:
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
        return _Matcher.build(pairs)

    @cached_property
    def _acronym_matcher(self) -> _Matcher:
        return _Matcher.build(
            (_plain(a), code) for code, j in self.jurisdictions.items() for a in j.acronyms
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
    def _type_matchers(self) -> dict[str, _Matcher]:
        def pairs(lang: str) -> Iterable[tuple[str, str | None]]:
            for t in self.instrument_types.values():
                for n in t.local_names:
                    if not lang or n.language in (lang, MULTILINGUAL):
                        yield fold(n.name), t.id

        return {lang: _Matcher.build(pairs(lang)) for lang in ("", *LANGUAGES)}

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
    def _concept_matchers(self) -> dict[str, _Matcher]:
        def pairs(lang: str) -> Iterable[tuple[str, str | None]]:
            for c in self.concepts.values():
                for term in c.terms(lang or None):
                    yield fold(term), None if c.is_ambiguous(term, lang or None) else c.id

        return {lang: _Matcher.build(pairs(lang)) for lang in ("", *LANGUAGES)}

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
            lang: _dedupe(
                t
                for cid in ids
                for t in self.concepts[cid].terms(lang)
                if not self.concepts[cid].is_ambiguous(t, lang)
            )
            for lang in LANGUAGES
        }


# ---- loading and checking ----------------------------------------------------------------
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


def _claims(owners: Iterable[tuple[str, str]], what: str) -> list[str]:
    """Problems for each folded string claimed by more than one owner."""
    claimed: dict[str, set[str]] = {}
    for text, owner in owners:
        claimed.setdefault(text, set()).add(owner)
    return [
        f"{what} {text!r} is claimed by {', '.join(sorted(who))}"
        for text, who in sorted(claimed.items())
        if len(who) > 1
    ]


def validate(v: Vocabularies) -> list[str]:
    """Problems in the vocabularies, one sentence each; an empty list when they are sound.

    :param v: the vocabularies to check.
    """
    problems = list(v.load_problems)
    for code, j in v.jurisdictions.items():
        if j.kind not in KINDS:
            problems.append(f"jurisdiction {code}: kind {j.kind!r} is not one of {KINDS}")
        if j.kind == "country" and not re.fullmatch(r"[A-Z]{2}", code):
            problems.append(f"jurisdiction {code}: a country code is two upper-case letters")
        problems += [
            f"jurisdiction {code}: no {lg} name" for lg in LANGUAGES if not j.names.get(lg)
        ]
    problems += _claims(
        ((fold(t), c) for c, j in v.jurisdictions.items() for t in j.identifiers()), "name"
    )
    problems += _claims(
        ((_plain(a), c) for c, j in v.jurisdictions.items() for a in j.acronyms), "acronym"
    )
    for tid, t in v.instrument_types.items():
        problems += [
            f"instrument type {tid}: no {lg} label" for lg in LANGUAGES if not t.labels.get(lg)
        ]
        if t.broader is not None and t.broader not in v.instrument_types:
            problems.append(f"instrument type {tid}: unknown broader type {t.broader!r}")
        for n in t.local_names:
            if n.language not in (*LANGUAGES, MULTILINGUAL):
                problems.append(f"instrument type {tid}: {n.name!r} has language {n.language!r}")
            problems += [
                f"instrument type {tid}: {n.name!r} names unknown country {cc!r}"
                for cc in n.countries
                if cc not in v.jurisdictions
            ]
    problems += _claims(
        (
            (f"{n.language}:{fold(n.name)}", tid)
            for tid, t in v.instrument_types.items()
            for n in t.local_names
        ),
        "local name",
    )
    for cid, c in v.concepts.items():
        problems += [f"concept {cid}: no {lg} prefLabel" for lg in LANGUAGES if not c.pref.get(lg)]
        for other in (c.broader, *c.related):
            if other is not None and other not in v.concepts:
                problems.append(f"concept {cid}: unknown broader or related concept {other!r}")
        for lang, terms in c.ambiguous.items():
            known = {fold(t) for t in c.terms(lang)}
            problems += [
                f"concept {cid}: ambiguous {t!r} is not one of its {lang} labels"
                for t in terms
                if fold(t) not in known
            ]
        seen, up = {cid}, c.broader
        while up is not None and up in v.concepts:
            if up in seen:
                problems.append(f"concept {cid}: broader concepts form a cycle")
                break
            seen.add(up)
            up = v.concepts[up].broader
    problems += _claims(
        ((fold(t), cid) for cid, c in v.concepts.items() for t in c.terms()), "label"
    )
    return problems
