"""Language detection of documents and of their parts."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from langdetect import DetectorFactory

from ingest.language import LanguageResult, detect_language, detect_part_languages
from library.model import Part

SPANISH = (
    "El derecho a la migración es esencial e inalienable de la persona y la República lo "
    "garantiza sobre la base de los principios de igualdad y universalidad. El Estado "
    "asegurará las condiciones que garanticen una efectiva igualdad de trato a fin de que "
    "los extranjeros puedan gozar de sus derechos y cumplir con sus obligaciones. "
)
ENGLISH = (
    "States Parties shall take all appropriate measures to eliminate discrimination against "
    "women in the field of employment in order to ensure, on a basis of equality of men and "
    "women, the same rights, in particular the right to work as an inalienable right of all "
    "human beings and the right to the same employment opportunities. "
)
PORTUGUESE = (
    "Toda mulher, independentemente de classe, raça, etnia, orientação sexual, renda, "
    "cultura, nível educacional, idade e religião, goza dos direitos fundamentais inerentes "
    "à pessoa humana, sendo-lhe asseguradas as oportunidades e facilidades para viver sem "
    "violência, preservar sua saúde física e mental e seu aperfeiçoamento moral. "
)
FRENCH = (
    "Tout étranger qui souhaite entrer en France doit être muni des documents et visas "
    "exigés par les conventions internationales et les règlements en vigueur. Les "
    "étrangers qui séjournent en France doivent être titulaires d'une carte de séjour, "
    "sous réserve des engagements internationaux de la France et des dispositions du code. "
)
DUTCH = (
    "De Staten die partij zijn bij dit Verdrag nemen alle passende maatregelen om "
    "discriminatie van vrouwen op het gebied van de arbeid uit te bannen, ten einde op "
    "grond van gelijkheid van mannen en vrouwen dezelfde rechten te verzekeren, in het "
    "bijzonder het recht op arbeid als onvervreemdbaar recht van alle mensen. "
)


@pytest.mark.parametrize(
    ("text", "language"),
    [(SPANISH, "es"), (ENGLISH, "en"), (PORTUGUESE, "pt"), (FRENCH, "fr")],
)
def test_each_language_of_the_collection_is_recognised(text: str, language: str) -> None:
    result = detect_language(text * 3)
    assert result.language == language
    assert result.languages == (language,)
    assert result.confidence > 0.8
    assert result.shares == {language: 1.0}


def test_bilingual_text_is_mul_with_both_languages() -> None:
    result = detect_language(ENGLISH * 20 + DUTCH * 20)
    assert result.language == "mul"
    assert set(result.languages) == {"en", "nl"}
    assert all(share >= 0.3 for share in result.shares.values())


def test_a_little_foreign_text_does_not_make_a_document_mixed() -> None:
    result = detect_language(DUTCH + SPANISH * 30)
    assert result.language == "es"
    assert result.languages == ("es",)


def test_short_text_has_no_language() -> None:
    assert detect_language("Artículo 1.") == LanguageResult("", 0.0, (), {})
    assert detect_language("12 / 2004 — 33").language == ""
    assert detect_language("").language == ""


def test_detection_is_deterministic() -> None:
    sample = (SPANISH[:90] + PORTUGUESE[:90]) * 2
    first = detect_language(sample)
    assert all(detect_language(sample) == first for _ in range(5))


def test_detection_does_not_depend_on_langdetects_global_seed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sample = (SPANISH[:90] + PORTUGUESE[:90]) * 2
    expected = detect_language(sample)
    monkeypatch.setattr(DetectorFactory, "seed", None)
    assert all(detect_language(sample) == expected for _ in range(5))


def test_links_do_not_count_as_text() -> None:
    link = "[Charter](../../verdrag/charter/van/de/verenigde/naties/README.md) "
    assert detect_language((ENGLISH + link) * 5).language == "en"


def test_parts_get_their_language_and_short_parts_the_default() -> None:
    parts = (
        Part("article", "1", "", SPANISH, "art-1"),
        Part("article", "2", "", "Derógase.", "art-2"),
        Part("article", "3", "", FRENCH, "art-3"),
    )
    found = detect_part_languages(parts, "es")
    assert [p.language for p in found] == ["es", "es", "fr"]
    assert [p.text for p in found] == [p.text for p in parts]


def test_short_parts_between_parts_of_one_language_take_that_language() -> None:
    parts = (
        Part("article", "1", "", DUTCH, "art-1"),
        Part("article", "2", "", "Vervallen.", "art-2"),
        Part("article", "3", "", DUTCH, "art-3"),
    )
    assert [p.language for p in detect_part_languages(parts, "en")] == ["nl", "nl", "nl"]


def test_many_parts_are_detected_within_a_bounded_budget() -> None:
    parts = tuple(Part("article", str(n), "", FRENCH, f"art-{n}") for n in range(1000))
    found = detect_part_languages(parts, "fr")
    assert {p.language for p in found} == {"fr"}
    assert detect_part_languages((), "es") == ()


def _plain_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    return re.sub(r"<[^>]+>", " ", text) if path.suffix == ".xml" else text


@pytest.mark.slow
def test_corpus_text_documents_agree_with_the_catalogue(shared_corpus: Path) -> None:
    with (shared_corpus / "catalog.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    checked = 0
    for row in rows:
        path = shared_corpus / row["path"]
        if path.suffix not in (".md", ".xml") or row["language"] not in ("es", "en", "pt", "fr"):
            continue
        text = _plain_text(path)
        bilingual = len(re.findall(r"(?m)^#+ *Artikel\b", text)) > 0
        result = detect_language(text)
        # Some treaties listed as English carry the full Dutch translation too.
        expected = "mul" if bilingual else row["language"]
        assert result.language == expected, row["path"]
        assert row["language"] in result.languages, row["path"]
        checked += 1
    assert checked >= 30


@pytest.mark.slow
def test_corpus_bilingual_documents_are_mul(shared_corpus: Path) -> None:
    for name in ("convention-political-rights-women-1953_en-nl.md", "iom-constitution_en-nl.md"):
        result = detect_language(_plain_text(shared_corpus / "docs" / "int" / name))
        assert result.language == "mul"
        assert set(result.languages) == {"en", "nl"}


@pytest.mark.slow
def test_languages_langdetect_does_not_know_do_not_crash(shared_corpus: Path) -> None:
    for name in ("udhr_gug.xml", "udhr_hat_popular.xml", "udhr_quz.xml"):
        result = detect_language(_plain_text(shared_corpus / "docs" / "int" / name))
        assert isinstance(result, LanguageResult)
        assert 0.0 <= result.confidence <= 1.0
