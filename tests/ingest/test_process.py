"""Processing one file: language policy and format dispatch."""

from __future__ import annotations

from types import MappingProxyType

from ingest.language import LanguageResult
from ingest.process import collection_language, normalise_language


def _result(language: str, shares: dict[str, float]) -> LanguageResult:
    return LanguageResult(language, 0.9, tuple(shares), MappingProxyType(shares))


def test_translation_outside_the_collection_languages_keeps_the_collection_language() -> None:
    assert collection_language(_result("mul", {"en": 0.5, "nl": 0.5})) == "en"


def test_text_in_two_collection_languages_is_mul() -> None:
    assert collection_language(_result("mul", {"en": 0.5, "fr": 0.5})) == "mul"


def test_single_language_is_kept() -> None:
    assert collection_language(_result("pt", {"pt": 1.0})) == "pt"


def test_three_letter_and_regional_codes_are_normalised() -> None:
    assert [normalise_language(c) for c in ("spa", "pt-BR", "fr_CA", "gug", "x1", "")] == [
        "es",
        "pt",
        "fr",
        "gug",
        "",
        "",
    ]
