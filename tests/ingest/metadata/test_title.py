from __future__ import annotations

from ingest.metadata.text import clean_line
from ingest.metadata.title import choose_title, cited_title, foreign, is_boilerplate
from library.vocabulary import Vocabularies


def test_boilerplate_lines_are_skipped_before_the_title(vocab: Vocabularies) -> None:
    lines = [
        "CÁMARA DE DIPUTADOS DEL H. CONGRESO DE LA UNIÓN",
        "Secretaría General",
        "Secretaría de Servicios Parlamentarios",
        "LEY DE MIGRACIÓN",
        "Última Reforma DOF 15-01-2026",
    ]
    assert choose_title(lines, vocab, "es").title == "Ley de migración"


def test_bare_type_and_number_line_is_joined_with_the_next_subject_line(
    vocab: Vocabularies,
) -> None:
    lines = [
        "Ley 26.364",
        "PREVENCION Y SANCION DE LA TRATA DE PERSONAS",
        "Sancionada: Abril 9 de 2008",
    ]
    choice = choose_title(lines, vocab, "es")
    assert choice.title == "Ley 26.364 - Prevención y sanción de la trata de personas"
    assert choice.number_line == "Ley 26.364"


def test_named_heading_before_a_number_line_is_the_subject(vocab: Vocabularies) -> None:
    lines = [
        "Ley del Refugiado",
        "LEY Nº 27891",
        "(*) De conformidad con el Decreto Legislativo Nº 1719",
    ]
    assert choose_title(lines, vocab, "es").title == "Ley Nº 27891 - Ley del Refugiado"


def test_enacting_formula_between_number_and_name_is_skipped(vocab: Vocabularies) -> None:
    lines = [
        "PODER LEGISLATIVO",
        "CONGRESO DE LA REPUBLICA",
        "LEY Nº 30364",
        "EL PRESIDENTE DE LA REPÚBLICA",
        "POR CUANTO:",
        "Ha dado la Ley siguiente:",
        "LEY PARA PREVENIR, SANCIONAR Y ERRADICAR LA VIOLENCIA CONTRA LAS MUJERES",
    ]
    title = choose_title(lines, vocab, "es").title
    assert (
        title
        == "Ley Nº 30364 - Ley para prevenir, sancionar y erradicar la violencia contra las mujeres"
    )


def test_constitution_published_by_a_law_keeps_its_name_first(vocab: Vocabularies) -> None:
    lines = [
        "CONSTITUCION DE LA NACION ARGENTINA",
        "Ley Nº 24.430",
        "Ordénase la publicación del texto",
    ]
    assert (
        choose_title(lines, vocab, "es").title
        == "Constitución de la nación argentina (Ley Nº 24.430)"
    )


def test_title_in_the_document_language_wins_over_a_translation(vocab: Vocabularies) -> None:
    lines = [
        "Verdrag inzake de uitbanning van alle vormen van discriminatie van vrouwen",
        "Convention on the Elimination of All Forms of Discrimination against Women",
    ]
    assert choose_title(lines, vocab, "en").title == lines[1]


def test_type_after_qualifiers_is_recognised(vocab: Vocabularies) -> None:
    lines = ["Universal Declaration of Human Rights", "Preamble"]
    assert choose_title(lines, vocab, "en").title == "Universal Declaration of Human Rights"


def test_document_without_a_type_line_takes_its_first_heading(vocab: Vocabularies) -> None:
    lines = ["PREVENT, COMBAT AND ERADICATE TRAFFICKING IN PERSONS", "Associated actions"]
    assert (
        choose_title(lines, vocab, "en").title
        == "Prevent, Combat and Eradicate Trafficking in Persons"
    )


def test_long_title_is_shown_after_the_short_title(vocab: Vocabularies) -> None:
    lines = ["An Act respecting citizenship", "Citizenship Act"]
    assert (
        choose_title(lines, vocab, "en").title == "Citizenship Act (An Act respecting citizenship)"
    )


def test_self_cited_short_title_is_found() -> None:
    text = "adopts the following Convention, which may be cited as the Domestic Workers Convention, 2011."
    assert (
        cited_title(text, "Convention concerning decent work")
        == "Domestic Workers Convention, 2011"
    )


def test_boilerplate_and_language() -> None:
    assert is_boilerplate("Viernes 25 de julio de 2025")
    assert is_boilerplate("TEXTO VIGENTE")
    assert is_boilerplate("567008")
    assert not is_boilerplate("LEI Nº 11.340, DE 7 DE AGOSTO DE 2006")
    assert foreign("Protocol inzake de voorkoming van mensenhandel en van de", "en")
    assert not foreign("Régimen especial de contrato de trabajo para el personal", "es")


def test_markdown_marks_are_cleaned() -> None:
    assert clean_line("**Ley 25.871** [Ver Antecedentes](#1)") == "Ley 25.871 Ver Antecedentes"


def test_a_long_epigraph_above_the_number_is_the_subject_cut_at_a_gerund_clause(
    vocab: Vocabularies,
) -> None:
    lines = [
        "MODIFICA EL CÓDIGO PENAL Y LA LEY Nº 20.066 SOBRE VIOLENCIA INTRAFAMILIAR, "
        'ESTABLECIENDO EL "FEMICIDIO", AUMENTANDO LAS PENAS APLICABLES A ESTE DELITO Y '
        "REFORMA LAS NORMAS SOBRE PARRICIDIO",
        "LEY NÚM. 20.480",
        "Teniendo presente que el H. Congreso Nacional ha dado su aprobación al siguiente",
    ]
    choice = choose_title(lines, vocab, "es")
    assert choice.title.startswith("Ley Núm. 20.480 - Modifica el código penal")
    assert "aumentando" not in choice.title


def test_a_footnote_mark_glued_to_an_all_caps_title_is_dropped_before_recasing(
    vocab: Vocabularies,
) -> None:
    lines = [
        "ABORDAR LAS REALIDADES DE GÉNERO DE TODOS LOS MIGRANTES8",
        "La gobernanza migratoria.",
    ]
    assert choose_title(lines, vocab, "es").title == (
        "Abordar las realidades de género de todos los migrantes"
    )
