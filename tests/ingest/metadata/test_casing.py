from __future__ import annotations

from ingest.metadata.casing import recase


def test_all_caps_spanish_title_becomes_sentence_case_with_accents() -> None:
    assert recase("PREVENCION Y SANCION DE LA TRATA DE PERSONAS", "es") == (
        "Prevención y sanción de la trata de personas"
    )


def test_type_and_number_keep_their_capitals() -> None:
    assert recase("DECRETO SUPREMO Nº 119-2003-RE", "es") == "Decreto Supremo Nº 119-2003-RE"
    assert (
        recase("LEI Nº 13.445, DE 24 DE MAIO DE 2017", "pt")
        == "Lei Nº 13.445, de 24 de maio de 2017"
    )


def test_english_titles_become_title_case() -> None:
    assert recase("CONVENTION RELATING TO THE STATUS OF REFUGEES", "en") == (
        "Convention Relating to the Status of Refugees"
    )


def test_mixed_case_titles_are_kept() -> None:
    title = "Loi n° 2018-778 du 10 septembre 2018 pour une immigration maîtrisée"
    assert recase(title, "fr") == title


def test_leading_caps_word_of_gazette_style_title_is_capitalised() -> None:
    assert recase("DECRETO por el que se reforma la Constitución", "es") == (
        "Decreto por el que se reforma la Constitución"
    )
