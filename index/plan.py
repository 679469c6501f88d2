"""A parsed query turned into a mask of matching documents and the term weights to score them.

Matching is computed with boolean masks over the document numbers (NumPy), so
``AND``/``OR``/``NOT``, filters and phrase candidates cost little even when a word is in
most documents. Scoring is a flat map ``(field, term) -> boost`` summed by BM25 over the
matching set (``index/postings.py``). :class:`Marks` records what to highlight and which
phrases to verify in the text of the page shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from index import analysis
from index import fields as F
from index import query as q
from index.facets import Columns
from index.notices import Notice, common_words_only, found_as_ordinary_words
from index.terms import Lexicon

Weights = dict[tuple[str, str], float]


@dataclass
class Marks:
    """Words and phrases to highlight; phrases that every hit must contain."""

    words: set[str] = field(default_factory=set)
    phrases: set[tuple[str, ...]] = field(default_factory=set)
    required_phrases: set[tuple[str, ...]] = field(default_factory=set)
    unknown_words: list[str] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    #: The terms of each query word (its variants) and each phrase (joined by spaces):
    #: a part that covers more of the query's words is a better part to show.
    groups: list[frozenset[str]] = field(default_factory=list)


@dataclass(frozen=True)
class Compiled:
    """Matching documents (a mask), the term weights to score them by and the marks."""

    docs: np.ndarray
    scoring: Weights
    marks: Marks


class _Neutral:
    """A node that neither narrows nor scores (a stop word alone)."""


NEUTRAL = _Neutral()
Result = tuple[np.ndarray | _Neutral, Weights]


def _merge(*parts: Weights, boost: float = 1.0) -> Weights:
    out: Weights = {}
    for part in parts:
        for key, value in part.items():
            value *= boost
            if value > out.get(key, 0.0):
                out[key] = value
    return out


class Compiler:
    """Compiles one query tree against one searcher's :class:`Lexicon` and columns.

    :param language: the query's language ("" if unknown): its stop words are ignored.
    :param keep_stop_words: match stop words too, where they are indexed (as ordinary
        words of texts in other languages); used when a query has nothing else.
    """

    def __init__(
        self, lexicon: Lexicon, columns: Columns, language: str = "", keep_stop_words: bool = False
    ) -> None:
        self.lexicon = lexicon
        self.language = language
        self.columns = columns
        self.keep_stop_words = keep_stop_words
        self.marks = Marks()

    def compile(self, node: q.Node) -> Compiled:
        docs, scoring = self.node(node, required=True)
        if isinstance(docs, _Neutral):
            # Only common words: "son" (they are; his) or "dos" (of the; two) are ordinary
            # words in texts of other languages, where the index holds them.
            words = q.plain_terms(node)
            again = Compiler(self.lexicon, self.columns, self.language, keep_stop_words=True)
            docs, scoring = again.node(node, required=True) if words else (NEUTRAL, {})
            if isinstance(docs, _Neutral) or not docs.any():
                self.marks.notices.append(common_words_only(" ".join(words)))
                return Compiled(self.lexicon.empty(), {}, self.marks)
            self.marks = again.marks
            self.marks.notices.append(found_as_ordinary_words(words))
        return Compiled(docs, scoring, self.marks)

    def node(self, node: q.Node, required: bool, positive: bool = True) -> Result:
        if isinstance(node, q.MatchAll):
            return self.lexicon.live(), {}
        if isinstance(node, q.Word):
            return self.word(node, positive)
        if isinstance(node, q.Phrase):
            return self.phrase(node.words, node.field, required and positive, positive)
        if isinstance(node, q.Filter):
            return self.lexicon.docs_any((node.field, v) for v in node.values), {}
        if isinstance(node, q.YearRange):
            return self.columns.years_between(node.low, node.high) & self.lexicon.live(), {}
        if isinstance(node, q.Not):
            docs, _ = self.node(node.child, required=False, positive=not positive)
            if isinstance(docs, _Neutral):
                return NEUTRAL, {}
            return self.lexicon.live() & ~docs, {}
        if isinstance(node, q.And):
            return self.conjunction(node, required, positive)
        if isinstance(node, q.Or):
            return self.disjunction(node, positive)
        if isinstance(node, q.Concept):
            return self.concept(node, required, positive)
        raise TypeError(f"unknown query node {node!r}")  # pragma: no cover

    # -- words and phrases --------------------------------------------------------------
    def _query_stop_words(self) -> frozenset[str]:
        if self.keep_stop_words:
            return frozenset()
        if self.language in F.STEMMED_LANGUAGES:
            return analysis.stop_words(self.language)
        return analysis.all_stop_words()

    def _terms(self, word: q.Word) -> tuple[str, ...]:
        if word.mode == "exact":
            return (word.text,) if self.lexicon.exists(word.text) else ()
        if word.mode == "prefix":
            return self.lexicon.prefix(word.text)
        if word.mode == "fuzzy":
            return self.lexicon.fuzzy(word.text, word.fuzz)
        return self.lexicon.variants(word.text, self.language)

    def word(self, word: q.Word, positive: bool) -> Result:
        if word.field == F.NUMBER:
            return self.lexicon.docs(F.NUMBER, word.text), {(F.NUMBER, word.text): F.NUMBER_BOOST}
        if word.mode == "word" and word.text in self._query_stop_words():
            # A stop word of the query's language neither narrows nor scores, even
            # where it is indexed (as a word of a text in another language).
            return NEUTRAL, {}
        terms = self._terms(word)
        numeric = any(ch.isdigit() for ch in word.text)
        if not terms and not (numeric and self.lexicon.doc_frequency(F.NUMBER, word.text)):
            if word.mode == "word" and word.text in analysis.all_stop_words():
                return NEUTRAL, {}
            if positive:
                self.marks.unknown_words.append(word.text)
            return self.lexicon.empty(), {}
        fields = (F.TITLE,) if word.field == F.TITLE else (F.BODY_EXACT, F.TITLE)
        pairs = [(f, t) for t in terms for f in fields]
        if numeric:
            pairs.append((F.NUMBER, word.text))
        docs = self.lexicon.docs_any(pairs)
        scoring = {
            (f, t): (F.TITLE_BOOST if f == F.TITLE else F.NUMBER_BOOST if f == F.NUMBER else 1)
            * (F.EXACT_BOOST if t == word.text and word.mode == "word" else 1)
            for f, t in pairs
        }
        if positive:
            self.marks.words.update(terms)
            if numeric:
                self.marks.words.add(word.text)
            self.marks.groups.append(frozenset(terms) | ({word.text} if numeric else set()))
        return docs, scoring

    def phrase(
        self, words: tuple[str, ...], field_name: str, required: bool, positive: bool
    ) -> Result:
        present = [w for w in words if self.lexicon.exists(w)]
        missing = [w for w in words if w not in present]
        if any(w not in analysis.all_stop_words() for w in missing):
            if positive:
                self.marks.unknown_words.extend(
                    w for w in missing if w not in analysis.all_stop_words()
                )
            return self.lexicon.empty(), {}
        # Stop words of the query's language are indexed only in texts of other
        # languages: they must neither select documents nor be checked in postings;
        # the neighbours recorded with the content words check them.
        stop = self._query_stop_words()
        content = [w for w in present if w not in stop]
        if not content:  # like a lone stop word: it neither narrows nor scores
            if positive:
                self.marks.notices.append(common_words_only(" ".join(words)))
            return NEUTRAL, {}
        fields = (F.TITLE,) if field_name == F.TITLE else (F.BODY_EXACT,)
        if F.BODY_EXACT in fields:  # one read gives the postings and their neighbours
            for w in content:
                self.lexicon.neighbours(F.BODY_EXACT, w)
        docs: np.ndarray | None = None
        for w in sorted(content, key=lambda t: self.lexicon.doc_frequency(F.BODY_EXACT, t)):
            found = self.lexicon.docs_any((f, w) for f in fields)
            docs = found if docs is None else docs & found
            if not docs.any():
                break
        docs = self.lexicon.empty() if docs is None else docs
        if F.BODY_EXACT in fields and docs.any():
            docs = neighbour_filter(self.lexicon, words, docs, skip=stop)
        if field_name != F.TITLE:
            docs |= self._title_phrase(content)
        if positive:
            self.marks.phrases.add(words)
            self.marks.groups.append(frozenset({" ".join(words)}))
            if required:
                self.marks.required_phrases.add(words)
        scoring = {(f, w): F.EXACT_BOOST for w in content for f in fields}
        scoring.update({(F.TITLE, w): F.TITLE_BOOST for w in content})
        return docs, scoring

    def _title_phrase(self, present: list[str]) -> np.ndarray:
        docs: np.ndarray | None = None
        for w in present:
            found = self.lexicon.docs(F.TITLE, w)
            docs = found if docs is None else docs & found
        return self.lexicon.empty() if docs is None else docs

    # -- boolean structure ---------------------------------------------------------------
    def conjunction(self, node: q.And, required: bool, positive: bool) -> Result:
        docs: np.ndarray | None = None
        scoring: list[Weights] = []
        for child in node.children:
            child_docs, child_q = self.node(child, required, positive)
            if isinstance(child_docs, _Neutral):
                continue
            docs = child_docs if docs is None else docs & child_docs
            scoring.append(child_q)
        if docs is None:
            return NEUTRAL, {}
        return docs, _merge(*scoring)

    def disjunction(self, node: q.Or, positive: bool) -> Result:
        docs = self.lexicon.empty()
        scoring: list[Weights] = []
        for child in node.children:
            child_docs, child_q = self.node(child, required=False, positive=positive)
            if isinstance(child_docs, _Neutral):
                continue
            docs |= child_docs
            scoring.append(child_q)
        if not scoring:  # every alternative a stop word
            return NEUTRAL, {}
        return docs, _merge(*scoring)

    def concept(self, node: q.Concept, required: bool, positive: bool) -> Result:
        docs, scoring = self.node(node.original, required=False, positive=positive)
        docs = self.lexicon.empty() if isinstance(docs, _Neutral) else docs
        expansions: list[Weights] = []
        known = len(self.marks.unknown_words)
        for _lang, words in node.labels:
            if len(words) == 1:
                label_docs, label_q = self.word(q.Word(words[0], "exact"), positive)
            else:
                label_docs, label_q = self.phrase(words, "", False, positive)
            if not isinstance(label_docs, _Neutral):
                docs |= label_docs
            expansions.append(label_q)
        del self.marks.unknown_words[known:]  # labels absent from the collection are no typo
        for concept_id in node.concept_ids:
            topic_docs = self.lexicon.docs(F.TOPICS, concept_id)
            if topic_docs.any():
                docs |= topic_docs
                expansions.append({(F.TOPICS, concept_id): F.TOPIC_BOOST / F.EXPANSION_BOOST})
        return docs, _merge(scoring, _merge(*expansions, boost=F.EXPANSION_BOOST))


def neighbour_filter(
    lexicon: Lexicon, words: tuple[str, ...], docs: np.ndarray, skip: frozenset[str] = frozenset()
) -> np.ndarray:
    """Keep the documents where each indexed word of the phrase has its neighbours.

    :param lexicon: the searcher's lexicon.
    :param words: the phrase's folded words, stop words included.
    :param docs: mask of the candidates holding every indexed word of the phrase.
    :param skip: words not to look up themselves (stop words of the query's language).
    """
    hashes = [analysis.word_hash(w) for w in words]
    checks: list[tuple[int, int, str, int | None, int | None]] = []
    for i, w in enumerate(words):
        if w not in skip and lexicon.doc_frequency(F.BODY_EXACT, w):
            before = hashes[i - 1] if i > 0 else None
            after = hashes[i + 1] if i + 1 < len(words) else None
            checks.append((lexicon.doc_frequency(F.BODY_EXACT, w), i, w, before, after))
    kept = docs
    for _df, _i, w, before, after in sorted(checks, key=lambda c: (c[0], c[1])):
        ids, neighbours = lexicon.neighbours(F.BODY_EXACT, w)
        candidates = kept[ids]
        survivors = lexicon.empty()
        survivors[ids[candidates & neighbours.having(before, after)]] = True
        kept = survivors
        if not kept.any():
            break
    return kept
