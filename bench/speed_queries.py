"""Query sets for the speed benchmark, drawn deterministically from the corpus vocabulary.

Seven classes, as the issue names them. Every query is run as the FULL search call
(query + filters + facet counts + highlighted snippets of one page) on every system;
the classes differ in the shape of the query:

- ``word``: one mid-frequency word;
- ``phrase``: 2-3 consecutive words of a real sentence, quoted (stop words included,
  the worst case for positional search);
- ``boolean``: ``a AND b``, ``a OR b``, ``a NOT b``, ``(a OR b) AND c``;
- ``filter``: a word with country / type / language / year-range filters;
- ``facets``: one very frequent word, so facet counts run over most documents; a
  content word, not a function word (Snowball stop list) of any of the four languages,
  which a search engine may leave out of its index and answer differently;
- ``highlights``: two words of one sentence (many fragments to mark);
- ``cross``: a thesaurus concept named in one language; baselines without a thesaurus
  get the OR of its names in the four languages (:data:`CONCEPTS`).
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from whoosh.lang import stopwords_for_language

from bench.corpus_sample import JURISDICTIONS, LANGUAGES, TYPES

CLASSES: tuple[str, ...] = ("word", "phrase", "boolean", "filter", "facets", "highlights", "cross")
_WORDS = re.compile(r"[^\W\d_]{3,}")
_LETTERS = re.compile(r"[^\W\d_]+")
#: Concept names per language (what the thesaurus expands between).
CONCEPTS: tuple[Mapping[str, str], ...] = (
    {"es": "trata de personas", "en": "trafficking in persons", "pt": "tráfico de pessoas",
     "fr": "traite des personnes"},
    {"es": "reunificación familiar", "en": "family reunification", "pt": "reunificação familiar",
     "fr": "regroupement familial"},
    {"es": "trabajo doméstico", "en": "domestic work", "pt": "trabalho doméstico",
     "fr": "travail domestique"},
    {"es": "refugiados", "en": "refugees", "pt": "refugiados", "fr": "réfugiés"},
    {"es": "asilo", "en": "asylum", "pt": "asilo", "fr": "asile"},
    {"es": "apatridia", "en": "statelessness", "pt": "apatridia", "fr": "apatridie"},
    {"es": "violencia contra las mujeres", "en": "violence against women",
     "pt": "violência contra a mulher", "fr": "violence à l'égard des femmes"},
    {"es": "remesas", "en": "remittances", "pt": "remessas", "fr": "envois de fonds"},
    {"es": "protección consular", "en": "consular protection", "pt": "proteção consular",
     "fr": "protection consulaire"},
    {"es": "nacionalidad", "en": "nationality", "pt": "nacionalidade", "fr": "nationalité"},
    {"es": "tráfico ilícito de migrantes", "en": "smuggling of migrants",
     "pt": "contrabando de migrantes", "fr": "trafic illicite de migrants"},
    {"es": "retorno", "en": "return", "pt": "retorno", "fr": "retour"},
)  # fmt: skip


@dataclass(frozen=True)
class SpeedQuery:
    """One benchmark query.

    :param q: what ours and the naive Whoosh receive.
    :param baseline_q: what FTS5 and the naive Whoosh receive when it differs (cross class).
    :param filters: SearchParams-style filters (``countries``, ``types``, ``languages``,
        ``years`` as a ``(from, to)`` pair).
    """

    cls: str
    q: str
    lang: str
    filters: Mapping[str, Any] = field(default_factory=dict)
    baseline_q: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"cls": self.cls, "q": self.q, "lang": self.lang,
                "filters": {k: list(v) for k, v in self.filters.items()},
                "baseline_q": self.baseline_q}  # fmt: skip

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SpeedQuery:
        filters = {k: tuple(v) for k, v in data["filters"].items()}
        return cls(data["cls"], data["q"], data["lang"], filters, data.get("baseline_q", ""))


@dataclass(frozen=True)
class Vocabulary:
    """Words of one language's sentence pool by frequency band."""

    frequent: tuple[str, ...]  # ranks 30-300, function words left out: many matches (facets)
    middle: tuple[str, ...]  # ranks 300-5000: ordinary search words
    stop: frozenset[str]  # the 40 most frequent words


def vocabulary(sentences: Sequence[str]) -> Vocabulary:
    """Frequency bands of the words of ``sentences``."""
    counts = Counter(w.lower() for s in sentences for w in _WORDS.findall(s))
    ranked = [w for w, _ in counts.most_common()]
    n = len(ranked)
    low, high = min(30, n // 5), min(300, max(n // 2, 1))
    middle = ranked[high:5000] if n - high >= 3 else ranked
    function_words = set().union(*(stopwords_for_language(lang) for lang in LANGUAGES))
    frequent = tuple(w for w in ranked[low:high] if w not in function_words) or tuple(
        ranked[low:high]
    )
    return Vocabulary(frequent, tuple(middle), frozenset(ranked[: min(40, n // 5)]))


def _phrase(rng: random.Random, sentences: Sequence[str]) -> str:
    """2-3 adjacent words of a sentence, none with digits or inner punctuation."""
    while True:
        tokens = rng.choice(sentences).split()
        n = rng.choice((2, 2, 3))
        if len(tokens) < n:
            continue
        start = rng.randrange(len(tokens) - n + 1)
        words = [t.lower() for t in tokens[start : start + n]]
        # punctuation may end the last word only: "a, b" is not a phrase of the text
        inner, last = words[:-1], words[-1].rstrip(".,;:")
        if all(_LETTERS.fullmatch(w) for w in (*inner, last)):
            return '"' + " ".join((*inner, last)) + '"'


def _two_words_of_a_sentence(
    rng: random.Random, sentences: Sequence[str], stop: frozenset[str]
) -> str:
    while True:
        words = {w.lower() for w in _WORDS.findall(rng.choice(sentences))} - stop
        if len(words) >= 2:
            return " ".join(rng.sample(sorted(words), 2))


def _filters(rng: random.Random, lang: str) -> dict[str, Any]:
    choice = rng.randrange(4)
    if choice == 0:
        return {"countries": tuple(rng.sample(JURISDICTIONS[lang], 2))}
    if choice == 1:
        return {"types": (rng.choice(TYPES),), "languages": (lang,)}
    if choice == 2:
        low = rng.randint(1950, 2015)
        return {"years": (low, low + rng.randint(3, 15))}
    return {"countries": (rng.choice(JURISDICTIONS[lang]),), "types": (rng.choice(TYPES),)}


def make_queries(
    pools: Mapping[str, Sequence[str]], per_class: int = 60, seed: int = 7
) -> list[SpeedQuery]:
    """``per_class`` queries of each class of :data:`CLASSES`, in a fixed order.

    :param pools: sentence pools by language (``corpus_sample.load_pools``).
    :param per_class: queries per class.
    :param seed: the query set's seed.
    """
    rng = random.Random(seed)
    vocab = {lang: vocabulary(pools[lang]) for lang in LANGUAGES}
    out: list[SpeedQuery] = []
    for cls in CLASSES:
        for _ in range(per_class):
            lang = rng.choice(LANGUAGES)
            v = vocab[lang]
            if cls == "word":
                out.append(SpeedQuery(cls, rng.choice(v.middle), lang))
            elif cls == "phrase":
                out.append(SpeedQuery(cls, _phrase(rng, pools[lang]), lang))
            elif cls == "boolean":
                a, b, c = rng.sample(v.middle[:1500], 3)
                shape = rng.choice((f"{a} AND {b}", f"{a} OR {b}", f"{a} NOT {b}",
                                    f"({a} OR {b}) AND {c}"))  # fmt: skip
                out.append(SpeedQuery(cls, shape, lang))
            elif cls == "filter":
                out.append(SpeedQuery(cls, rng.choice(v.middle), lang, _filters(rng, lang)))
            elif cls == "facets":
                out.append(SpeedQuery(cls, rng.choice(v.frequent), lang))
            elif cls == "highlights":
                out.append(
                    SpeedQuery(cls, _two_words_of_a_sentence(rng, pools[lang], v.stop), lang)
                )
            else:
                concept = rng.choice(CONCEPTS)
                names = [concept[x] for x in LANGUAGES]
                baseline = " OR ".join(f'"{n}"' if " " in n else n for n in names)
                out.append(SpeedQuery(cls, concept[lang], lang, baseline_q=baseline))
    return out
