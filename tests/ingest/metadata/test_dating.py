from __future__ import annotations

import pytest

from ingest.metadata.dates import find_dates
from ingest.metadata.dating import choose_dates, year_from_title


def test_sanctioned_date_is_the_adoption_date() -> None:
    text = (
        "Ley 25.871\n\nSancionada: Diciembre 17 de 2003.\n\nPromulgada de Hecho: Enero 20 de 2004."
    )
    assert choose_dates(text).adopted == "2003-12-17"


def test_publication_note_gives_the_publication_date_and_amendments_are_ignored() -> None:
    text = (
        "LEY DE MIGRACIÓN\n\nNueva Ley publicada en el Diario Oficial de la Federación el 25 de "
        "mayo de 2011\n\nTEXTO VIGENTE\n\nÚltima reforma publicada DOF 15-01-2026"
    )
    dating = choose_dates(text)
    assert dating.published == "2011-05-25"
    assert dating.adopted == ""


def test_date_in_the_title_is_the_adoption_date() -> None:
    title = "LEI Nº 13.445, DE 24 DE MAIO DE 2017"
    assert choose_dates(title + "\n\nInstitui a Lei de Migração.", title).adopted == "2017-05-24"


def test_dates_of_cross_referenced_instruments_are_never_taken() -> None:
    text = (
        "Decreto 616/2010\n\nVISTO los Decretos Nº 464 del 21 de febrero de 1977, Nº 1434 del "
        "31 de agosto de 1987 y la Ley Nº 25.871 de 2004,\n\nBs. As., 3/5/2010"
    )
    assert choose_dates(text, "Decreto 616/2010").adopted == "2010-05-03"


def test_treaty_final_clause_gives_the_adoption_date() -> None:
    body = "Article 1\n\n" + "The Parties agree. " * 300
    text = (
        body + "In witness whereof. DONE at Strasbourg, this 24th day of November 1977, in English."
    )
    assert choose_dates(text).adopted == "1977-11-24"


def test_title_year_rules_out_dates_of_other_years() -> None:
    text = "LEY 57 DE 1887\n\nSancionada el 16 de octubre de 1858 por otra ley."
    assert choose_dates(text, "LEY 57 DE 1887").adopted == "1887"


def test_year_from_title() -> None:
    assert year_from_title("Decreto 616/2010") == "2010"
    assert year_from_title("LEY 1465 DE 2011") == "2011"
    assert year_from_title("Ley 25.871") == ""


def test_a_treaty_opened_for_signature_on_a_date_in_words_was_adopted_then() -> None:
    text = (
        "The Contracting Parties agree as follows.\n\n"
        + "Article. Text of the treaty.\n\n" * 400
        + "IN FAITH WHEREOF the undersigned have signed the present Convention, opened for "
        "signature at New York, on the thirty-first day of March, one thousand nine hundred "
        "and fifty-three.\n\n" + "Slotbepalingen in een andere taal.\n\n" * 200
    )
    assert choose_dates(text, treaty=True).adopted == "1953-03-31"


def test_a_treaty_open_for_signature_over_some_days_dates_from_that_year() -> None:
    text = (
        "Preamble.\n\n" * 300
        + (
            "1. This Protocol shall be open to all States for signature from 12 to 15 December "
            "2000 in Palermo, Italy, and thereafter at Headquarters in New York until 12 "
            "December 2002.\n\n"
        )
        + "Article. Text.\n\n" * 300
    )
    assert choose_dates(text, treaty=True).adopted[:4] == "2000"
    assert choose_dates(text).adopted == ""  # a law citing a treaty's signature is not dated by it


@pytest.mark.parametrize(
    ("formula", "iso"),
    [
        (
            "fait à Strasbourg, le vingt-quatre novembre mil neuf cent soixante-dix-sept",
            "1977-11-24",
        ),
        (
            "hecha en Nueva York el dieciocho de diciembre de mil novecientos setenta y nueve",
            "1979-12-18",
        ),
        ("feito aos trinta e um dias de março de mil novecentos e cinquenta e três", "1953-03-31"),
        ("fait le trente et un mars mil neuf cent quatre-vingt-dix-neuf", "1999-03-31"),
    ],
)
def test_final_formula_dates_in_words_in_four_languages(formula: str, iso: str) -> None:
    assert [d.value for d in find_dates(formula)] == [iso]
