"""Cross-language expansion of a query tree through the topics thesaurus.

Words or a phrase that name a thesaurus concept ("trata de personas") become a
:class:`index.query.Concept` node: the words as typed, or any label of the concept in
es/en/pt/fr, or the concept's topic tag. The compiler scores the other labels lower,
so equally good matches in the query's own language rank first.
"""

from __future__ import annotations

from typing import Any, Protocol

from index import analysis
from index import query as q

#: Longest run of words looked up as one label.
MAX_LABEL_WORDS = 6
#: Labels used per language (preferred label first): bounds the cost of a concept.
MAX_LABELS_PER_LANGUAGE = 3


class Thesaurus(Protocol):
    """What the search needs of ``library.vocabulary.Vocabularies``."""

    concepts: Any

    def concepts_for_term(self, term: str) -> tuple[str, ...]: ...

    def expand_query_terms(self, term: str) -> dict[str, tuple[str, ...]]: ...


def _concept(original: q.Node, words: tuple[str, ...], vocab: Thesaurus) -> q.Concept | None:
    text = " ".join(words)
    ids = tuple(vocab.concepts_for_term(text))
    if not ids:
        return None
    expansion = vocab.expand_query_terms(text)
    labels: list[tuple[str, tuple[str, ...]]] = []
    named_in: list[str] = []  # languages with a label that is what was typed
    for lang, terms in sorted(expansion.items()):
        kept = 0
        for term in terms:
            label = tuple(analysis.word_tokens(term))
            if label == words:
                named_in.append(lang)
            elif label and (lang, label) not in labels and kept < MAX_LABELS_PER_LANGUAGE:
                labels.append((lang, label))
                kept += 1
    if not named_in:  # typed an ambiguous label: no expansion
        return None
    # "expulsion" (folded) is the label in Spanish, English and French alike: it says
    # nothing of the query's language, which is then guessed from its other words.
    language = named_in[0] if len(set(named_in)) == 1 else ""
    return q.Concept(original, ids, tuple(labels), language)


def _plain_word(node: q.Node) -> bool:
    return isinstance(node, q.Word) and node.mode == "word" and not node.field


def expand_concepts(node: q.Node, vocab: Thesaurus | None) -> q.Node:
    """Wrap the parts of ``node`` that name a concept in :class:`index.query.Concept`.

    :param node: a parsed query.
    :param vocab: the vocabularies; None leaves the query as it is.
    """
    if vocab is None:
        return node
    if isinstance(node, q.Word) and _plain_word(node):
        return _concept(node, (node.text,), vocab) or node
    if isinstance(node, q.Phrase) and not node.field:
        return _concept(node, node.words, vocab) or node
    if isinstance(node, q.Or):
        return q.Or(tuple(expand_concepts(c, vocab) for c in node.children))
    if isinstance(node, q.And):
        return _expand_runs(node, vocab)
    return node  # Not, filters: exclusions are not widened


def _expand_runs(node: q.And, vocab: Thesaurus) -> q.Node:
    children = list(node.children)
    out: list[q.Node] = []
    i = 0
    while i < len(children):
        if not _plain_word(children[i]):
            out.append(expand_concepts(children[i], vocab))
            i += 1
            continue
        end = i
        while end < len(children) and _plain_word(children[end]):
            end += 1
        found = None
        for size in range(min(MAX_LABEL_WORDS, end - i), 0, -1):
            run = children[i : i + size]
            words = tuple(w.text for w in run)  # type: ignore[union-attr]
            original: q.Node = run[0] if size == 1 else q.And(tuple(run))
            found = _concept(original, words, vocab)
            if found is not None:
                out.append(found)
                i += size
                break
        if found is None:
            out.append(children[i])
            i += 1
    return out[0] if len(out) == 1 else q.And(tuple(out))


def query_language(node: q.Node) -> str:
    """The language the query named a concept in, or "" when it named none."""
    if isinstance(node, q.Concept):
        return node.language
    if isinstance(node, q.And | q.Or):
        for child in node.children:
            lang = query_language(child)
            if lang:
                return lang
    return ""
