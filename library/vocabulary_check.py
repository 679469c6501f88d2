"""Consistency checks of the controlled vocabularies, for their maintainers and CI.

:func:`validate` reports what would make matching wrong or lookups fail: missing
labels, unknown references, cycles of broader concepts, and names, acronyms or
labels claimed by two entries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from library.phrases import fold, plain
from library.vocabulary_records import KINDS, LANGUAGES, MULTILINGUAL

if TYPE_CHECKING:
    from library.vocabulary import Vocabularies


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
        ((plain(a), c) for c, j in v.jurisdictions.items() for a in j.acronyms), "acronym"
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
