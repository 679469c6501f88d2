"""The Whoosh schema: one document per expression (one language version of a work).

Text fields are *pre-analysed*: their value is ``(language, text)`` and the field turns
it into postings with the fast path of ``index/analysis.py``. That work runs inside
``field.index``, so with ``procs=2`` it runs in the writer's worker processes. Each
field also carries the equivalent Whoosh analyzer chain (``field.analyzer``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, ID, KEYWORD, NUMERIC, STORED, FieldType, SchemaClass
from whoosh.formats import Frequency
from whoosh.system import pack_uint

from index import analysis
from index import fields as F

#: Bumped when the schema or the analysis changes; an index of another version is rebuilt.
SCHEMA_VERSION = 2

Postings = Callable[[str, str], Iterable[tuple[str, int, bytes]]]


class NeighbourFrequency(Frequency):
    """Frequency format whose values also hold the neighbour hashes of the term."""

    posting_size = -1

    def decode_frequency(self, valuestring: bytes) -> int:
        return analysis.decode_count(valuestring)

    def decode_weight(self, valuestring: bytes) -> float:
        return analysis.decode_count(valuestring) * self.field_boost


class PreAnalyzedText(FieldType):
    """A scorable text field whose value is ``(language, text)``.

    :param postings: ``(text, language) -> [(term, count, value bytes)]``.
    :param analyzer: the equivalent Whoosh chain (declarative).
    """

    indexed = True
    stored = False
    scorable = True
    column_type = None
    vector = None
    spelling = False
    multitoken_query = "and"

    def __init__(self, postings: Postings, analyzer: Any, neighbours: bool = False) -> None:
        self.postings = postings
        self.analyzer = analyzer
        self.format = NeighbourFrequency() if neighbours else Frequency()

    def index(self, value: Any, **kwargs: Any) -> list[tuple[bytes, int, float, bytes]]:
        lang, text = value if isinstance(value, tuple) else (F.OTHER_LANGUAGE, value)
        return [
            (term.encode("utf-8"), count, float(count), vbytes)
            for term, count, vbytes in self.postings(text, lang)
        ]


def _counted(counts: dict[str, int]) -> Iterator[tuple[str, int, bytes]]:
    for term, count in counts.items():
        yield term, count, pack_uint(count)


def _words(text: str, lang: str) -> Iterator[tuple[str, int, bytes]]:
    return _counted(analysis.exact_counts(text, lang))


def _numbers(text: str, lang: str) -> Iterator[tuple[str, int, bytes]]:
    return _counted(dict.fromkeys(analysis.number_keys(text), 1))


class ExpressionSchema(SchemaClass):
    """One document per expression; facet fields are indexed (filters) and columns (counts)."""

    expression_id = ID(unique=True, stored=True, sortable=True)
    work_id = ID(stored=True)
    stamp = COLUMN(VarBytesColumn())

    body_exact = PreAnalyzedText(analysis.exact_postings, analysis.exact_analyzer(), True)
    title = PreAnalyzedText(_words, analysis.exact_analyzer())
    number = PreAnalyzedText(_numbers, analysis.exact_analyzer())

    jurisdiction = ID(stored=True, sortable=True)
    instrument_type = ID(stored=True, sortable=True)
    year = NUMERIC(int, bits=32, stored=True, sortable=True, signed=False)
    language = ID(stored=True, sortable=True)
    topics = KEYWORD(stored=True, sortable=True, scorable=False, lowercase=False)
    status = ID(stored=True, sortable=True)
    issuing_body = ID(stored=True, sortable=True)

    sort_date = COLUMN(VarBytesColumn())
    sort_title = COLUMN(VarBytesColumn())
    display_title = STORED()
    sha256 = STORED()
    parts = STORED()


def declared_field_names() -> set[str]:
    """The field names ``index/fields.py`` declares (a test checks the schema has them)."""
    return {
        F.EXPRESSION_ID,
        F.WORK_ID,
        F.STAMP,
        F.TITLE,
        F.BODY_EXACT,
        F.NUMBER,
        F.SORT_DATE,
        F.SORT_TITLE,
        F.DISPLAY_TITLE,
        F.SHA256,
        F.PARTS,
        *F.FACETS,
    }
