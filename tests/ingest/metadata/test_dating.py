from __future__ import annotations

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
