"""Generated collections: deterministic, prefix-stable, within bounds, valid records."""

from __future__ import annotations

from pathlib import Path

from bench import corpus_sample as cs
from library.model import Record
from tests.bench.helpers import SENTENCES, write_corpus


def test_sentences_keep_prose_and_drop_fragments() -> None:
    text = (
        "Artículo 1. "
        + SENTENCES["es"][0]
        + "\n\n| a | b |\n\nVer http://x.org para más datos aquí y allá."
    )
    assert cs.split_sentences(text) == [SENTENCES["es"][0]]


def test_language_of_tells_the_four_languages_and_dutch_apart() -> None:
    assert [cs.language_of(SENTENCES[lang][0]) for lang in ("es", "en", "pt", "fr")] == [
        "es",
        "en",
        "pt",
        "fr",
    ]
    assert cs.language_of("Deze bepaling is van toepassing op het verdrag.") == "nl"


def test_pools_come_from_the_corpus_by_catalogue_language(tmp_path: Path) -> None:
    pools = cs.load_pools(write_corpus(tmp_path / "corpus"), tmp_path / "work")
    assert set(pools["fr"]) == set(SENTENCES["fr"])
    assert len(pools["es"]) == len(SENTENCES["es"])  # duplicates removed
    assert list((tmp_path / "work").glob("sentences-*.json"))  # cached


def test_a_document_depends_on_its_index_and_seed_only() -> None:
    first = list(cs.generate_docs(5, SENTENCES))
    assert first[:3] == list(cs.generate_docs(3, SENTENCES))
    assert first[3] == cs.make_doc(3, SENTENCES)
    assert cs.make_doc(3, SENTENCES, seed=1) != first[3]


def test_documents_have_500_to_5000_words_in_articles_and_metadata() -> None:
    for doc in cs.generate_docs(20, SENTENCES):
        assert cs.MIN_WORDS <= doc["words"] <= cs.MAX_WORDS + 200
        assert doc["language"] in cs.LANGUAGES
        assert doc["parts"][0]["anchor"] == "art-1"
        assert 1 <= len(doc["topics"]) <= 3
        assert doc["id"] == f"{doc['work_id']}@{doc['language']}"


def test_records_carry_text_metadata_and_file() -> None:
    doc = cs.make_doc(0, SENTENCES)
    record = cs.to_record(doc)
    assert isinstance(record, Record)
    expression = record.expressions[0]
    assert expression.text.replace("\n\n", " ").split()[:3] == doc["parts"][0]["text"].split()[:3]
    assert record.work.year == doc["year"]
    assert record.files[0].sha256 == expression.file_sha256 == doc["sha256"]


def test_samples_are_cached_as_json_lines(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    path = cs.ensure_sample(4, corpus, work_dir=tmp_path / "work")
    docs = list(cs.read_sample(path))
    assert [d["id"] for d in docs] == [
        cs.make_doc(i, cs.load_pools(corpus, tmp_path / "work"))["id"] for i in range(4)
    ]
    assert len(list(cs.read_sample(path, limit=2))) == 2
