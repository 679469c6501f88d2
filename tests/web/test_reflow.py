"""Hard-wrapped printed lines are joined for reading; real paragraphs are kept."""

from __future__ import annotations

from web.reflow import paragraphs

WRAPPED = (
    "Sustitúyase\n\nen cuanto a sus normas, denominación y funciones al\n\n"
    "“Consejo de Trabajo Doméstico” creado por el Decreto N° 7979 de fecha\n\n"
    "30 de abril de 1956, por el Tribunal, que será el organismo compe-\n\n"
    "tente para entender en los conflictos.\n\n"
    "Son sus funciones:\n\na) conciliar;\n\nb) resolver."
)


def test_printed_lines_run_on_until_a_sentence_ends() -> None:
    assert paragraphs(WRAPPED) == (
        "Sustitúyase en cuanto a sus normas, denominación y funciones al “Consejo de Trabajo "
        "Doméstico” creado por el Decreto N° 7979 de fecha 30 de abril de 1956, por el "
        "Tribunal, que será el organismo competente para entender en los conflictos.",
        "Son sus funciones:",
        "a) conciliar;",
        "b) resolver.",
    )


def test_list_items_open_paragraphs_even_after_an_open_line() -> None:
    text = "Los deberes del empleador\n\nson los siguientes\n\n1. pagar\n\n2) dar descanso\n\nIV - otros"
    assert paragraphs(text) == (
        "Los deberes del empleador son los siguientes",
        "1. pagar",
        "2) dar descanso",
        "IV - otros",
    )


def test_a_text_of_real_paragraphs_is_left_as_it_is() -> None:
    text = (
        "El Estado garantiza el derecho a migrar.\n\n"
        "Los extranjeros gozan de los mismos derechos.\n\n"
        "JULIAN A. DOMINGUEZ\n\n"
        "Juan H. Estrada"
    )
    assert paragraphs(text) == tuple(text.split("\n\n"))
    assert paragraphs("") == ()
    assert paragraphs("Una línea\n\notra") == ("Una línea", "otra")


def test_an_abbreviation_or_a_lower_case_start_does_not_end_a_paragraph() -> None:
    text = (
        "aprobado por la ley 20.744 (t.o.\n\n1976) y sus modificatorias, según el art.\n\n"
        "15 de la ley.\n\ny el decreto que la reglamenta\n\nSegún el artículo 3.\n\n"
        "Otra oración."
    )
    assert paragraphs(text) == (
        "aprobado por la ley 20.744 (t.o. 1976) y sus modificatorias, según el art. 15 de la "
        "ley. y el decreto que la reglamenta Según el artículo 3.",
        "Otra oración.",
    )
