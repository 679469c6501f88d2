"""Naive Whoosh and FTS5 baselines on a handful of documents: same answers, filters, facets."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import baselines as bl
from bench import corpus_sample as cs
from tests.bench.helpers import SENTENCES


@pytest.fixture(scope="module")
def docs() -> list[dict]:
    out = [bl.flat_doc(d, cs.doc_text(d)) for d in cs.generate_docs(8, SENTENCES)]
    out[0]["body"] += " La apatridia es un caso especial."
    return out


@pytest.fixture(scope="module")
def built(docs: list[dict], tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("baselines")
    assert bl.naive_build(root / "naive", docs).docs == len(docs)
    assert bl.fts_build(root / "fts.db", docs).docs == len(docs)
    return root


def test_both_find_the_one_document_with_a_rare_word(built: Path, docs: list[dict]) -> None:
    conn = bl.fts_open(built / "fts.db")
    naive = bl.naive_search(built / "naive", "apatridia")
    fts = bl.fts_search(conn, "apatridia")
    assert naive.ids == fts.ids == (docs[0]["id"],)
    assert "<mark>apatridia</mark>" in fts.snippets[0]
    assert "apatridia" in naive.snippets[0]


def test_filters_restrict_and_facets_count_every_match(built: Path, docs: list[dict]) -> None:
    lang = docs[0]["language"]
    word = {"es": "derecho", "en": "right", "pt": "direito", "fr": "droit"}[lang]
    conn = bl.fts_open(built / "fts.db")
    fts = bl.fts_search(conn, word, {"languages": [lang]})
    naive = bl.naive_search(built / "naive", word, {"languages": [lang]})
    expected = sum(1 for d in docs if d["language"] == lang and word in d["body"].lower())
    assert fts.total == naive.total == expected
    assert fts.facets["language"] == naive.facets["language"] == {lang: expected}


def test_unparseable_fts_query_finds_nothing_instead_of_failing(built: Path) -> None:
    assert bl.fts_search(bl.fts_open(built / "fts.db"), "NOT").total == 0


def test_user_syntax_becomes_quoted_fts_terms() -> None:
    assert bl.to_fts_query('"25.871" OR ley') == '"25.871" OR "ley"'
    assert bl.to_fts_query("d'asile AND") == '"d\'asile"'


def test_directory_size_counts_files(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"12345")
    assert bl.directory_size(tmp_path) == 5 == bl.directory_size(tmp_path / "a")
