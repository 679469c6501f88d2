"""The systems ours is compared with, on the same documents and queries.

- **naive Whoosh**: what a first Whoosh set-up looks like. One stored ``content`` field
  (title + body) with ``StandardAnalyzer`` (lower case, stop words, no stemming, no
  accent folding), the default ``QueryParser`` and BM25F, the default (compound) writer,
  facet fields without columns, a new searcher per query, highlights by re-tokenising
  the stored text. The relevance baseline is its ranking.
- **SQLite FTS5**: ``tokenize='unicode61 remove_diacritics 2'``, ``bm25()`` with the
  title weighted 3, ``snippet()`` for highlights, facet counts by ``GROUP BY`` on a
  metadata table, one connection reused across queries.

Documents are flat dicts (:func:`flat_doc`): ``id, title, body, language, jurisdiction,
instrument_type, year, topics, status, issuing_body``. Filters use the names of
``SearchParams``: ``countries, types, languages, topics, statuses, years`` (a
``(from, to)`` pair).
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.analysis import StandardAnalyzer
from whoosh.fields import ID, KEYWORD, NUMERIC, TEXT, Schema
from whoosh.qparser import QueryParser
from whoosh.query import And, NumericRange, Or, Query, Term
from whoosh.sorting import Count, Facets, FieldFacet

PAGE_SIZE = 10
#: Facet fields of the flat documents, as in ours (index/fields.py FACETS).
FACET_FIELDS: tuple[str, ...] = (
    "jurisdiction",
    "instrument_type",
    "year",
    "language",
    "topics",
    "status",
    "issuing_body",
)
#: SearchParams filter name -> flat document field.
FILTER_FIELDS: Mapping[str, str] = {
    "countries": "jurisdiction",
    "types": "instrument_type",
    "languages": "language",
    "topics": "topics",
    "statuses": "status",
}
HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE = "<mark>", "</mark>"


@dataclass(frozen=True)
class BaselinePage:
    """One page of results of a baseline: ids in rank order, total, facet counts, snippets."""

    ids: tuple[str, ...]
    total: int
    facets: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    snippets: tuple[str, ...] = ()


@dataclass(frozen=True)
class BuildStats:
    """Documents indexed and the wall time it took."""

    docs: int
    seconds: float

    @property
    def docs_per_second(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0


def flat_doc(doc: Mapping[str, Any], body: str) -> dict[str, Any]:
    """The flat document of the baselines from a generated or catalogue document.

    :param doc: a dict with the metadata keys of ``bench/corpus_sample.make_doc``.
    :param body: its text.
    """
    return {
        "id": doc["id"],
        "title": doc.get("title", ""),
        "body": body,
        "language": (doc.get("language") or "").lower(),
        "jurisdiction": (doc.get("jurisdiction") or "").lower(),
        "instrument_type": (doc.get("instrument_type") or "").lower(),
        "year": doc.get("year"),
        "topics": [t.lower() for t in doc.get("topics", ())],
        "status": (doc.get("status") or "").lower(),
        "issuing_body": doc.get("issuing_body") or "",
    }


# -- naive Whoosh -----------------------------------------------------------------------


def naive_schema() -> Schema:
    """One stored text field, StandardAnalyzer, plus facet fields without columns."""
    return Schema(
        id=ID(stored=True, unique=True),
        content=TEXT(analyzer=StandardAnalyzer(), stored=True),
        jurisdiction=ID,
        instrument_type=ID,
        year=NUMERIC(int),
        language=ID,
        topics=KEYWORD(lowercase=True),
        status=ID,
        issuing_body=ID,
    )


def naive_build(index_dir: Path, docs: Iterable[Mapping[str, Any]]) -> BuildStats:
    """Index flat documents with the default writer (one process, compound segments).

    :param index_dir: an empty or missing folder.
    :param docs: flat documents (:func:`flat_doc`).
    """
    index_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    ix = whoosh_index.create_in(str(index_dir), naive_schema())
    writer = ix.writer()
    count = 0
    for doc in docs:
        values = {
            "id": doc["id"],
            "content": f"{doc['title']}\n\n{doc['body']}",
            "topics": " ".join(doc["topics"]),
        }
        for name in ("jurisdiction", "instrument_type", "language", "status", "issuing_body"):
            if doc[name]:
                values[name] = doc[name]
        if doc["year"] is not None:
            values["year"] = int(doc["year"])
        writer.add_document(**values)
        count += 1
    writer.commit()
    ix.close()
    return BuildStats(count, time.perf_counter() - started)


def _naive_filter(filters: Mapping[str, Any]) -> Query | None:
    clauses: list[Query] = []
    for name, values in filters.items():
        if name == "years" and values:
            low, high = values
            clauses.append(NumericRange("year", low, high))
        elif name in FILTER_FIELDS and values:
            clauses.append(Or([Term(FILTER_FIELDS[name], str(v).lower()) for v in values]))
    return And(clauses) if clauses else None


def naive_search(
    index_dir: Path,
    q: str,
    filters: Mapping[str, Any] | None = None,
    facets: bool = True,
    highlights: bool = True,
    page_size: int = PAGE_SIZE,
) -> BaselinePage:
    """One search the naive way: open the index and a searcher, parse, search, close.

    :param index_dir: a folder built by :func:`naive_build`.
    :param q: the user's query (Whoosh default syntax: AND between words, quotes, OR, NOT).
    :param filters: SearchParams-style filters.
    :param facets: count every facet field over all matches.
    :param highlights: a highlighted fragment of each hit of the page.
    """
    ix = whoosh_index.open_dir(str(index_dir))
    try:
        with ix.searcher() as searcher:
            query = QueryParser("content", ix.schema).parse(q)
            grouped = Facets({name: FieldFacet(name, maptype=Count) for name in FACET_FIELDS})
            results = searcher.search(
                query,
                limit=page_size,
                filter=_naive_filter(filters or {}),
                groupedby=grouped if facets else None,
            )
            page = results[:page_size]  # with groupedby, iterating results yields every match
            ids = tuple(hit["id"] for hit in page)
            counts = {name: dict(results.groups(name)) for name in FACET_FIELDS} if facets else {}
            snippets = tuple(hit.highlights("content") for hit in page) if highlights else ()
            return BaselinePage(ids, len(results), counts, snippets)
    finally:
        ix.close()


# -- SQLite FTS5 ------------------------------------------------------------------------

_FTS_SCHEMA = """
CREATE TABLE docs (rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, language TEXT, jurisdiction TEXT,
  instrument_type TEXT, year INTEGER, status TEXT, issuing_body TEXT);
CREATE TABLE doc_topics (rowid INTEGER, topic TEXT);
CREATE INDEX doc_topics_rowid ON doc_topics (rowid);
CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize='unicode61 remove_diacritics 2');
"""
_QUERY_TOKEN = re.compile(r'"[^"]*"?|\(|\)|[^\s()"]+')
_OPERATORS = {"AND", "OR", "NOT"}


def fts_build(db_path: Path, docs: Iterable[Mapping[str, Any]]) -> BuildStats:
    """Create the FTS5 database and load flat documents in one transaction.

    :param db_path: a database file that does not exist yet.
    :param docs: flat documents (:func:`flat_doc`).
    """
    db_path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    conn = sqlite3.connect(db_path)
    conn.executescript(_FTS_SCHEMA)
    count = 0
    with conn:
        for rowid, doc in enumerate(docs, start=1):
            conn.execute(
                "INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    rowid,
                    doc["id"],
                    doc["language"],
                    doc["jurisdiction"],
                    doc["instrument_type"],
                    doc["year"],
                    doc["status"],
                    doc["issuing_body"],
                ),  # fmt: skip
            )
            conn.executemany(
                "INSERT INTO doc_topics VALUES (?, ?)", [(rowid, t) for t in doc["topics"]]
            )
            conn.execute(
                "INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)",
                (rowid, doc["title"], doc["body"]),
            )
            count += 1
    conn.execute("INSERT INTO fts (fts) VALUES ('optimize')")
    conn.commit()
    conn.close()
    return BuildStats(count, time.perf_counter() - started)


def fts_open(db_path: Path) -> sqlite3.Connection:
    """A read connection, reused for every query (the natural way to use SQLite)."""
    return sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, check_same_thread=False)


def to_fts_query(q: str) -> str:
    """Translate the user syntax (words, "phrases", AND/OR/NOT, parentheses) to FTS5 MATCH.

    Every word and phrase is quoted, so punctuation ("25.871", "d'asile") cannot break
    the FTS5 syntax; FTS5 tokenises inside the quotes as it does the text.

    >>> to_fts_query('trata "de personas" OR (asilo NOT refugio)')
    '"trata" "de personas" OR ( "asilo" NOT "refugio" )'
    """
    out: list[str] = []
    for token in _QUERY_TOKEN.findall(q):
        if token in _OPERATORS or token in "()":
            out.append(token)
        else:
            inner = token.strip('"').replace('"', " ").strip()
            if inner:
                out.append(f'"{inner}"')
    while out and out[-1] in _OPERATORS:
        out.pop()
    while out and out[0] in _OPERATORS:
        out.pop(0)
    return " ".join(out) or '""'


def _fts_where(filters: Mapping[str, Any]) -> tuple[str, list[Any]]:
    sql: list[str] = []
    args: list[Any] = []
    for name, values in filters.items():
        if not values:
            continue
        if name == "years":
            sql.append("d.year BETWEEN ? AND ?")
            args += list(values)
        elif name == "topics":
            marks = ",".join("?" * len(values))
            sql.append(f"d.rowid IN (SELECT rowid FROM doc_topics WHERE topic IN ({marks}))")
            args += [str(v).lower() for v in values]
        elif name in FILTER_FIELDS:
            marks = ",".join("?" * len(values))
            sql.append(f"d.{FILTER_FIELDS[name]} IN ({marks})")
            args += [str(v).lower() for v in values]
    return "".join(f" AND {s}" for s in sql), args


_FACET_SQL = " UNION ALL ".join(
    f"SELECT '{name}', CAST({name} AS TEXT), count(*) FROM m GROUP BY 2"
    for name in FACET_FIELDS
    if name != "topics"
)


def fts_search(
    conn: sqlite3.Connection,
    q: str,
    filters: Mapping[str, Any] | None = None,
    facets: bool = True,
    highlights: bool = True,
    page_size: int = PAGE_SIZE,
) -> BaselinePage:
    """One search: ranked page with snippets, total, and facet counts by GROUP BY.

    :param conn: from :func:`fts_open`.
    :param q: the user's query (translated by :func:`to_fts_query`).
    :param filters: SearchParams-style filters.
    """
    match = to_fts_query(q)
    where, args = _fts_where(filters or {})
    snippet = (
        f"snippet(fts, 1, '{HIGHLIGHT_OPEN}', '{HIGHLIGHT_CLOSE}', '…', 24)" if highlights else "''"
    )
    try:
        rows = conn.execute(
            f"SELECT d.id, {snippet} FROM fts JOIN docs d ON d.rowid = fts.rowid"
            f" WHERE fts MATCH ?{where} ORDER BY bm25(fts, 3.0, 1.0) LIMIT ?",
            [match, *args, page_size],
        ).fetchall()
    except sqlite3.OperationalError:  # a query FTS5 cannot parse finds nothing
        return BaselinePage((), 0)
    matched = (
        "WITH m AS MATERIALIZED (SELECT d.* FROM docs d WHERE d.rowid IN"
        f" (SELECT rowid FROM fts WHERE fts MATCH ?){where})"
    )
    counts: dict[str, dict[str, int]] = {}
    if facets:
        for name, value, n in conn.execute(
            f"{matched} {_FACET_SQL} UNION ALL SELECT 'topics', t.topic, count(*)"
            " FROM m JOIN doc_topics t ON t.rowid = m.rowid GROUP BY 2",
            [match, *args],
        ):
            counts.setdefault(name, {})[value] = n
        total = sum(counts.get("language", {}).values())
    else:
        total = conn.execute(f"{matched} SELECT count(*) FROM m", [match, *args]).fetchone()[0]
    return BaselinePage(tuple(r[0] for r in rows), total, counts, tuple(r[1] for r in rows))


def directory_size(path: Path) -> int:
    """Bytes on disk of a file or of every file under a folder."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def alternatives_query(alternatives: Sequence[str]) -> str:
    """An OR of words and phrases, for baselines without a thesaurus (cross-language class).

    >>> alternatives_query(["trata de personas", "trafficking"])
    '"trata de personas" OR trafficking'
    """
    return " OR ".join(f'"{a}"' if " " in a else a for a in alternatives)
