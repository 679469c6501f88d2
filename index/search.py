"""The search API: a :class:`SearchParams` in, a :class:`SearchPage` of plain values out.

:func:`search` runs against an open searcher and the per-searcher helpers kept by
:class:`index.service.SearchService` (lexicon memo, facet columns). Steps: parse
(forgiving) -> cross-language expansion -> matching set (``index/plan.py``) -> facet
selections and counts (``index/facets.py``) -> ranking or sorting -> page hits with
their best parts and snippets (``index/snippets.py``) -> suggestions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from whoosh.searching import Searcher

from index import fields as F
from index import query as q
from index.analysis import all_stop_words as stop_words_anywhere
from index.analysis import function_word_language
from index.expand import expand_concepts, query_language
from index.facets import MISSING_YEAR, Columns, FacetValue, facet_counts, labeller
from index.mapping import StoredPart, unpack_parts
from index.notices import Notice
from index.plan import Compiled, Compiler, Marks
from index.postings import bm25
from index.snippets import Matcher, PartHit, best_parts, phrase_found
from index.terms import Lexicon

SORTS: tuple[str, ...] = ("relevance", "newest", "oldest", "title")
MAX_PAGE_SIZE = 100
MAX_PAGE = 1000
#: Extra candidates ranked beyond the page, replacing hits whose phrase check fails.
PHRASE_SLACK = 20
#: Score factor of documents not in the query's language (cross-language and cognates).
OTHER_LANGUAGE_FACTOR = 0.6


@dataclass(frozen=True)
class SearchParams:
    """What to search for. Filters are OR within a facet and AND across facets.

    :param years: ``(from, to)``, either end may be None.
    :param only_language: no cross-language expansion; restrict to ``query_language``
        (or the language the query named a concept in) unless ``languages`` is given.
    :param ui_language: language of the facet labels.
    """

    q: str = ""
    countries: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    years: tuple[int | None, int | None] | None = None
    topics: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    issuing_bodies: tuple[str, ...] = ()
    sort: str = "relevance"
    page: int = 1
    page_size: int = 10
    only_language: bool = False
    query_language: str = ""
    ui_language: str = "es"
    facet_size: int = 20


@dataclass(frozen=True)
class Hit:
    """One document (an expression) with its best matching parts."""

    rank: int
    score: float
    work_id: str
    expression_id: str
    title: str
    language: str
    jurisdiction: str
    instrument_type: str
    year: int | None
    status: str
    sha256: str
    parts: tuple[PartHit, ...]


@dataclass(frozen=True)
class SearchPage:
    """One page of results with exact totals, facets, suggestions and notices."""

    hits: tuple[Hit, ...]
    total: int
    facets: Mapping[str, tuple[FacetValue, ...]]
    suggestions: tuple[str, ...]
    notices: tuple[Notice, ...]  # English sentences, with codes for translations
    page: int
    page_size: int
    sort: str
    query: str

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


@dataclass
class SearchContext:
    """Per-searcher helpers (owned by the service, rebuilt when the searcher changes)."""

    searcher: Searcher
    lexicon: Lexicon
    columns: Columns
    vocab: Any = None


def _selections(params: SearchParams, compiler: Compiler) -> dict[str, tuple[np.ndarray, tuple]]:
    lex = compiler.lexicon
    wanted = {
        F.JURISDICTION: tuple(v.strip().lower() for v in params.countries if v.strip()),
        F.INSTRUMENT_TYPE: tuple(v.strip().lower() for v in params.types if v.strip()),
        F.LANGUAGE: tuple(v.strip().lower() for v in params.languages if v.strip()),
        F.TOPICS: tuple(v.strip().lower() for v in params.topics if v.strip()),
        F.STATUS: tuple(v.strip().lower() for v in params.statuses if v.strip()),
        F.ISSUING_BODY: tuple(v.strip() for v in params.issuing_bodies if v.strip()),
    }
    out: dict[str, tuple[np.ndarray, tuple]] = {
        field: (lex.docs_any((field, v) for v in values), values)
        for field, values in wanted.items()
        if values
    }
    if params.years and any(y is not None for y in params.years):
        low, high = params.years
        docs, _ = compiler.node(q.YearRange(int(low or 0), int(high or 9999)), required=True)
        out[F.YEAR] = (docs, ())  # type: ignore[assignment]
    return out


def _normalised(params: SearchParams) -> SearchParams:
    from dataclasses import replace

    return replace(
        params,
        sort=params.sort if params.sort in SORTS else "relevance",
        page=min(MAX_PAGE, max(1, int(params.page or 1))),
        page_size=min(MAX_PAGE_SIZE, max(1, int(params.page_size or 10))),
    )


def _language_of_words(ctx: SearchContext, words: list[str]) -> str:
    """The language most documents holding the query's words are in ("" if unclear)."""
    codes = ctx.columns.codes(F.LANGUAGE)
    labels = ctx.columns.labels(F.LANGUAGE)
    counts = np.zeros(len(labels), dtype=np.int64)
    for word in words[:4]:
        if word in stop_words_anywhere():
            continue
        ids, _weights = ctx.lexicon.postings(F.BODY_EXACT, word)
        counts += np.bincount(codes[ids[:2000]], minlength=len(labels))
    total = int(counts.sum())
    if not total:
        return ""
    best = int(counts.argmax())
    return str(labels[best]) if counts[best] >= 0.5 * total else ""


def _top(key: np.ndarray, docs: np.ndarray, want: int) -> np.ndarray:
    """The ``want`` documents of ``docs`` (ids) with the smallest ``key``, ties broken by
    document number, in that order."""
    if len(docs) > want:
        values = key[docs]
        part = np.argpartition(values, want - 1)[:want]
        docs = docs[values <= values[part].max()]  # every tie at the cut
    order = np.lexsort((docs, key[docs]))
    return docs[order[:want]]


def _date_key(ctx: SearchContext, newest: bool) -> np.ndarray:
    """Sort key of the newest (or oldest) first; undated documents last either way."""
    return _column_key(ctx, F.SORT_DATE, descending=newest)


def _column_key(ctx: SearchContext, field: str, descending: bool = False) -> np.ndarray:
    codes = ctx.columns.codes(field).astype(np.int64)
    if descending:
        return -codes  # "" (no value) has the smallest code: it comes last
    missing = ctx.columns.code(field, "")
    if missing is not None:
        codes = np.where(codes == missing, np.iinfo(np.int64).max, codes)
    return codes


def _rank(
    ctx: SearchContext,
    compiled: Compiled,
    docs: np.ndarray,
    params: SearchParams,
    want: int,
    language: str,
) -> list[tuple[int, float]]:
    """Document numbers with scores, best first, at least ``want`` of them when there are."""
    if params.sort == "relevance" and compiled.scoring:
        scores = bm25(
            ctx.searcher, compiled.scoring, docs, ctx.columns.lengths, ctx.lexicon.postings
        )
        if language:
            code = ctx.columns.code(F.LANGUAGE, language)
            if code is not None:
                scores[ctx.columns.codes(F.LANGUAGE) != code] *= OTHER_LANGUAGE_FACTOR
        scored = scores > 0
        top = _top(-scores, np.flatnonzero(scored), want)
        ranked = [(d, float(scores[d])) for d in top.tolist()]
        if len(ranked) < want:
            rest = np.flatnonzero(docs & ~scored)
            if len(rest):
                extra = _top(_date_key(ctx, newest=True), rest, want - len(ranked))
                ranked += [(d, 0.0) for d in extra.tolist()]
        return ranked
    if params.sort == "title":
        key = _column_key(ctx, F.SORT_TITLE)
    else:
        key = _date_key(ctx, newest=params.sort != "oldest")
    return [(d, 0.0) for d in _top(key, np.flatnonzero(docs), want).tolist()]


def _stored(ctx: SearchContext, docnum: int) -> tuple[dict[str, Any], tuple[StoredPart, ...]]:
    stored = ctx.searcher.stored_fields(docnum)
    return stored, unpack_parts(stored.get(F.PARTS))


def _hit(
    stored: Mapping[str, Any],
    parts: tuple[StoredPart, ...],
    score: float,
    rank: int,
    matcher: Matcher,
) -> Hit:
    year = stored.get(F.YEAR)
    return Hit(
        rank=rank,
        score=round(score, 4),
        work_id=stored.get(F.WORK_ID, ""),
        expression_id=stored.get(F.EXPRESSION_ID, ""),
        title=stored.get(F.DISPLAY_TITLE, ""),
        language=stored.get(F.LANGUAGE, ""),
        jurisdiction=stored.get(F.JURISDICTION, "").upper(),
        instrument_type=stored.get(F.INSTRUMENT_TYPE, ""),
        year=int(year) if year and int(year) < MISSING_YEAR else None,
        status=stored.get(F.STATUS, ""),
        sha256=stored.get(F.SHA256, ""),
        parts=best_parts(parts, matcher),
    )


def _verified(stored: Mapping[str, Any], parts: tuple[StoredPart, ...], marks: Marks) -> bool:
    """The exact check of the required phrases, on the text of one candidate."""
    texts = [stored.get(F.DISPLAY_TITLE, "")]
    for part in parts:
        texts.extend((part.heading, part.text))
    return all(phrase_found(p, texts) for p in marks.required_phrases)


def _page(
    ctx: SearchContext,
    ranked: list[tuple[int, float]],
    marks: Marks,
    first: int,
    size: int,
) -> tuple[list[Hit], int]:
    """Hits ``first`` to ``first + size`` of ``ranked`` whose phrases check; and how
    many candidates failed the check on the way."""
    matcher = Matcher(marks.words, marks.phrases, marks.groups)
    hits: list[Hit] = []
    kept = failed = 0
    for docnum, score in ranked:
        if kept >= first + size:
            break
        if marks.required_phrases or kept >= first:
            stored, parts = _stored(ctx, docnum)
            if marks.required_phrases and not _verified(stored, parts, marks):
                failed += 1
                continue
            if kept >= first:
                hits.append(_hit(stored, parts, score, kept + 1, matcher))
        kept += 1
    return hits, failed


def _suggestions(ctx: SearchContext, marks: Marks, text: str, total: int) -> tuple[str, ...]:
    if not marks.unknown_words:
        return ()
    corrected = text
    changed = False
    for word in marks.unknown_words:
        better = ctx.lexicon.suggest(word)
        if better:
            corrected = _replace_word(corrected, word, better)
            changed = True
    return (corrected,) if changed and corrected != text else ()


def _replace_word(text: str, folded: str, better: str) -> str:
    from index.analysis import TOKEN, normalize_token

    def swap(m: Any) -> str:
        return better if normalize_token(m.group()) == folded else m.group()

    return TOKEN.sub(swap, text)


def search(ctx: SearchContext, params: SearchParams) -> SearchPage:
    """Run one search; never raises for a malformed query (it becomes a notice).

    :param ctx: the searcher and its helpers (from the service).
    :param params: what to search for.
    """
    params = _normalised(params)
    node, parse_notices = q.parse_forgiving(params.q)
    if not params.only_language:
        node = expand_concepts(node, ctx.vocab)
    words = q.plain_terms(node)
    language = (
        params.query_language
        or query_language(node)
        or function_word_language(words)
        or _language_of_words(ctx, words)
    )
    compiler = Compiler(ctx.lexicon, ctx.columns, language)
    compiled = compiler.compile(node)
    selections = _selections(params, compiler)
    if params.only_language and language and F.LANGUAGE not in selections:
        selections[F.LANGUAGE] = (compiler.lexicon.docs(F.LANGUAGE, language), (language,))
    docs = compiled.docs
    for allowed, _values in selections.values():
        docs = docs & allowed
    label = labeller(ctx.vocab, params.ui_language)
    facets = facet_counts(ctx.columns, compiled.docs, selections, label, params.facet_size)
    first = (params.page - 1) * params.page_size
    slack = PHRASE_SLACK if compiled.marks.required_phrases else 0
    ranked = _rank(ctx, compiled, docs, params, first + params.page_size + slack, language)
    hits, failed = _page(ctx, ranked, compiled.marks, first, params.page_size)
    total = int(docs.sum()) - failed
    if hits:  # the hits shown exist, whatever the candidates' count says
        total = max(total, first + len(hits))
    notices = list(parse_notices) + compiled.marks.notices
    return SearchPage(
        hits=tuple(hits),
        total=total,
        facets=facets,
        suggestions=_suggestions(ctx, compiled.marks, params.q, total),
        notices=tuple(dict.fromkeys(notices)),
        page=params.page,
        page_size=params.page_size,
        sort=params.sort,
        query=params.q,
    )


__all__ = ["Hit", "PartHit", "SearchPage", "SearchParams", "search"]
