"""Text analysis: case and accent folding, stop words, Snowball stems, neighbour hashes.

The index holds folded, unstemmed words (stop words left out); stemming happens at
query time by expanding a word to the indexed words of the same Snowball stem
(``index/terms.py``). Each posting also carries 16-bit hashes of the words just before
and after the term in that document, stop words included, so that a quoted phrase is
narrowed to documents where its words are neighbours without a positional index.

Everything here works on whole strings with C-level ``unicodedata``, ``re`` and
``Counter``; :func:`exact_analyzer` and :func:`language_analyzer` state the same
rules as Whoosh analyzer chains (a test checks that both agree).
"""

from __future__ import annotations

import re
import struct
import unicodedata
import zlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import cache, lru_cache
from typing import Any

import numpy as np
from whoosh.analysis import Analyzer, Filter, StemFilter, StopFilter, Token, Tokenizer
from whoosh.lang import has_stemmer, has_stopwords, stemmer_for_language, stopwords_for_language
from whoosh.support.charset import accent_map

from index.fields import OTHER_LANGUAGE, STEMMED_LANGUAGES

_MARKS = re.compile("[\u0300-\u036f]+")
_SPECIAL_LETTERS = {"ø": "o", "ł": "l", "đ": "d", "ß": "ss", "œ": "oe", "æ": "ae", "ı": "i"}
_SPECIAL = re.compile("[" + "".join(_SPECIAL_LETTERS) + "]")
#: Thousands separators inside numbers: "25.871" and "1,000" are one word.
_THOUSANDS = re.compile(r"[.,](?<=\d[.,])(?=\d{3}(?!\d))")
_WORD = re.compile(r"[^\W_]+")
#: A word with its thousands separators, for tokenising with offsets (snippets).
TOKEN = re.compile(r"[^\W_]+(?:(?<=\d)[.,]\d{3}(?!\d))*")
_SAME_LENGTH = {**accent_map, ord("İ"): "I"}
_NEIGHBOURS = struct.Struct("<IH")


def fold(text: str) -> str:
    """Lower-case ``text`` and remove accents (NFKD, combining marks dropped).

    :param text: any text.

    >>> fold("Migración ÉTÉ Œuvre nº")
    'migracion ete oeuvre no'
    """
    text = text.lower()
    if text.isascii():
        return text
    text = _MARKS.sub("", unicodedata.normalize("NFKD", text))
    return _SPECIAL.sub(lambda m: _SPECIAL_LETTERS[m.group()], text)


def fold_same_length(text: str) -> str:
    """A fold that maps each character to one character, keeping offsets (for snippets)."""
    return text.translate(_SAME_LENGTH).lower()


def normalize_token(token: str) -> str:
    """Fold a token found by :data:`TOKEN` and drop its thousands separators."""
    return fold(token).replace(".", "").replace(",", "")


def word_tokens(text: str) -> list[str]:
    """The folded words of ``text`` in order, numbers without thousands separators.

    :param text: any text.

    >>> word_tokens("Ley N° 25.871: Migraciones")
    ['ley', 'n', '25871', 'migraciones']
    """
    folded = fold(text)
    if "." in folded or "," in folded:
        folded = _THOUSANDS.sub("", folded)
    return _WORD.findall(folded)


def language_key(lang: str) -> str:
    """The analysis language for ``lang``: one of the stemmed languages, or ``xx``."""
    lang = (lang or "").lower()[:2]
    return lang if lang in STEMMED_LANGUAGES else OTHER_LANGUAGE


#: Words of Snowball's stop lists that legal texts use as nouns: "Estado", "Estados
#: Partes", "en el sentido del artículo 1". Snowball lists them as forms of the verbs
#: *estar* and *sentir*; a library of law must index them.
CONTENT_WORDS: dict[str, frozenset[str]] = {
    "es": frozenset(
        {"estado", "estados", "estada", "estadas", "sentido", "sentidos", "sentida", "sentidas"}
    ),  # fmt: skip
}


@cache
def stop_words(lang: str) -> frozenset[str]:
    """Folded stop words of ``lang`` (empty for languages without a list).

    Snowball's list for the language, less the :data:`CONTENT_WORDS` legal texts need.
    """
    if lang == OTHER_LANGUAGE or not has_stopwords(lang):
        return frozenset()
    listed = frozenset(fold(w) for w in stopwords_for_language(lang))
    return listed - CONTENT_WORDS.get(lang, frozenset())


@cache
def all_stop_words() -> frozenset[str]:
    """Words that are stop words in at least one language (French "but", "goal", is an
    English stop word): what a query of unknown language cannot require."""
    return frozenset().union(*(stop_words(lang) for lang in STEMMED_LANGUAGES))


def function_word_language(words: Iterable[str]) -> str:
    """The language whose function words (stop words) the folded ``words`` use most,
    or "" without a clear winner. Function words say a query's language better than
    its content words, which are often cognates ("la migration", "the migration").

    >>> function_word_language(["dans", "le", "but"]), function_word_language(["de"])
    ('fr', '')
    """
    words = list(words)
    counts = {lang: sum(w in stop_words(lang) for w in words) for lang in STEMMED_LANGUAGES}
    best = max(counts.values())
    winners = [lang for lang, n in counts.items() if n == best]
    return winners[0] if best and len(winners) == 1 else ""


@cache
def _stemmer(lang: str) -> Callable[[str], str]:
    if lang == OTHER_LANGUAGE or not has_stemmer(lang):
        return str
    return lru_cache(maxsize=200_000)(stemmer_for_language(lang))


def stem(word: str, lang: str) -> str:
    """Snowball stem of a folded ``word`` in ``lang`` (the word itself for other languages).

    >>> stem("migrantes", "es"), stem("trabalhadoras", "pt"), stem("migracion", "es")
    ('migrant', 'trabalh', 'migracion')
    """
    return _stemmer(language_key(lang))(word)


def word_hash(word: str) -> int:
    """A 16-bit hash of a folded word, stable across processes."""
    return zlib.crc32(word.encode("utf-8")) & 0xFFFF


#: Words recur from document to document: their hashes are memoised while building.
_cached_hash = lru_cache(maxsize=200_000)(word_hash)


def encode_posting(count: int, before: set[int], after: set[int]) -> bytes:
    """Posting value: frequency, then the hashes of the words after and before the term."""
    return (
        _NEIGHBOURS.pack(count, len(after))
        + array("H", after).tobytes()
        + array("H", before).tobytes()
    )


def decode_neighbours(value: bytes) -> tuple[array, array]:
    """``(after, before)`` hash arrays of a posting value (empty for a plain frequency)."""
    after, before = array("H"), array("H")
    if len(value) >= _NEIGHBOURS.size:
        _count, n_after = _NEIGHBOURS.unpack_from(value)
        cut = _NEIGHBOURS.size + 2 * n_after
        after.frombytes(value[_NEIGHBOURS.size : cut])
        before.frombytes(value[cut : cut + 2 * ((len(value) - cut) // 2)])
    return after, before


def decode_count(value: bytes) -> int:
    """The frequency stored in a posting value."""
    return _NEIGHBOURS.unpack_from(value)[0] if len(value) >= _NEIGHBOURS.size else 1


def exact_postings(text: str, lang: str) -> list[tuple[str, int, bytes]]:
    """``(word, count, value)`` for each indexed word of ``text``, sorted by word.

    The value holds the hashes of the distinct words found right after and right
    before the word (:func:`encode_posting`). Pairs of neighbours are grouped with
    NumPy: a Python loop over every pair of words was most of the cost of a build.

    :param text: the text (any case, accents).
    :param lang: ISO 639-1 code, for the stop words.
    """
    tokens = word_tokens(text)
    if not tokens:
        return []
    stops = stop_words(language_key(lang))
    counts = Counter(tokens)
    vocab = sorted(counts)
    index = {t: n for n, t in enumerate(vocab)}
    size = len(vocab)
    hashes = np.fromiter(map(_cached_hash, vocab), dtype="<u2", count=size)
    ids = np.fromiter(map(index.__getitem__, tokens), dtype=np.int64, count=len(tokens))
    pairs = np.sort(ids[:-1] * size + ids[1:])  # (left, right) by left, then distinct
    pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))[: len(pairs)]]
    left, right = pairs // size, pairs % size
    after = hashes[right].tobytes()
    after_at = np.searchsorted(left, np.arange(size + 1)).tolist()
    by_right = np.lexsort((left, right))
    before = hashes[left[by_right]].tobytes()
    before_at = np.searchsorted(right[by_right], np.arange(size + 1)).tolist()
    pack = _NEIGHBOURS.pack
    out = []
    for n, token in enumerate(vocab):
        if token in stops:
            continue
        count = counts[token]
        a0, a1, b0, b1 = after_at[n], after_at[n + 1], before_at[n], before_at[n + 1]
        out.append(
            (token, count, pack(count, a1 - a0) + after[2 * a0 : 2 * a1] + before[2 * b0 : 2 * b1])
        )
    return out


def exact_counts(text: str, lang: str) -> dict[str, int]:
    """Counts of the folded, unstemmed words of ``text``, stop words of ``lang`` left out.

    :param text: the text (any case, accents).
    :param lang: ISO 639-1 code.

    >>> exact_counts("Las trabajadoras domésticas", "es")
    {'trabajadoras': 1, 'domesticas': 1}
    """
    stops = stop_words(language_key(lang))
    return {t: c for t, c in Counter(word_tokens(text)).items() if t not in stops}


def number_keys(number: str) -> list[str]:
    """Lookup keys of an instrument number: each number token, and all tokens joined.

    :param number: as printed, e.g. ``25.871``, ``AG/RES. 2141 (XXXV-O/05)``.

    >>> number_keys("25.871"), number_keys("AG/RES. 2141 (XXXV-O/05)")
    (['25871'], ['2141', '05', 'agres2141xxxvo05'])
    """
    tokens = word_tokens(number)
    keys = [t for t in tokens if any(ch.isdigit() for ch in t)]
    joined = "".join(tokens)
    if joined and joined not in keys:
        keys.append(joined)
    return keys


# -- the same rules as Whoosh analyzer chains -------------------------------------------


class FoldFilter(Filter):
    """Fold each token as :func:`normalize_token` does (for chains on other tokenizers)."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:  # type: ignore[override]
        for t in tokens:
            t.text = normalize_token(t.text)
            yield t


class FoldingTokenizer(Tokenizer):
    """Whoosh tokenizer yielding :func:`word_tokens` (folding happens before splitting)."""

    def __call__(  # type: ignore[override]
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, word in enumerate(word_tokens(value) if tokenize else [value]):
            token.text = word
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = word
            if positions:
                token.pos = start_pos + pos
            yield token


def exact_analyzer(lang: str = OTHER_LANGUAGE) -> Analyzer:
    """Whoosh chain of the ``body_exact`` terms: folded words without stop words."""
    return FoldingTokenizer() | StopFilter(stoplist=stop_words(language_key(lang)), minsize=1)


def language_analyzer(lang: str) -> Analyzer:
    """Whoosh chain of what a query word means in ``lang``: its Snowball stem."""
    chain = exact_analyzer(lang)
    if language_key(lang) != OTHER_LANGUAGE:
        chain = chain | StemFilter(lang=language_key(lang), cachesize=50_000)
    return chain
