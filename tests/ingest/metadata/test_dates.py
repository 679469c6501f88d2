from __future__ import annotations

import pytest

from ingest.metadata.dates import find_dates, normalise_date, words_to_int


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17 de diciembre de 2003", "2003-12-17"),
        ("24 de maio de 2017", "2017-05-24"),
        ("1er septembre 2018", "2018-09-01"),
        ("10 septembre 2018", "2018-09-10"),
        ("December 18, 1979", "1979-12-18"),
        ("18 December 1979", "1979-12-18"),
        ("Diciembre 17 de 2003", "2003-12-17"),
        ("17/12/2003", "2003-12-17"),
        ("17.12.2003", "2003-12-17"),
        ("2003-12-17", "2003-12-17"),
        ("DOF 25-05-2011", "2011-05-25"),
        ("15 de setiembre de 1983", "1983-09-15"),
        ("DE 4 DE SETEMBRO DE 1942", "1942-09-04"),
    ],
)
def test_written_and_numeric_dates_are_read_in_four_languages(text: str, expected: str) -> None:
    assert [d.value for d in find_dates(text)] == [expected]


def test_dates_in_words_are_read_from_final_formulas() -> None:
    spanish = "a los diecisiete días del mes de diciembre del año dos mil tres"
    english = "adopts this sixteenth day of June of the year two thousand and eleven the following"
    assert [d.value for d in find_dates(spanish)] == ["2003-12-17"]
    assert [d.value for d in find_dates(english)] == ["2011-06-16"]


def test_impossible_dates_are_ignored() -> None:
    assert find_dates("32/13/2003") == []


def test_positions_point_into_the_original_text() -> None:
    text = "Sancionada: Diciembre 17 de 2003."
    (match,) = find_dates(text)
    assert text[match.start : match.end].startswith("Diciembre")


def test_number_words() -> None:
    assert words_to_int("mil novecientos noventa y ocho") == 1998
    assert words_to_int("one thousand nine hundred and forty-nine") == 1949
    assert words_to_int("veintiuno") == 21


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2003-12-17T10:00:00Z", "2003-12-17"),
        ("D:20220917101010+02'00'", "2022-09-17"),
        ("2004", "2004"),
        ("2004-05", "2004-05"),
        ("17 de diciembre de 2003", "2003-12-17"),
        ("soon", ""),
    ],
)
def test_stated_dates_are_normalised_to_iso(value: str, expected: str) -> None:
    assert normalise_date(value) == expected
