"""Segmentation of legal texts into addressable parts."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from ingest.extracted import Block
from ingest.segment import segment
from ingest.segment_patterns import match_heading
from library.model import PART_KINDS, Part

SPANISH_LAW = """\
LEY 1234 DE MIGRACIÓN
El Congreso de la República sanciona con fuerza de ley:

TÍTULO I
DISPOSICIONES GENERALES

CAPÍTULO I
Del objeto

Artículo 1o.- (Objeto) La presente ley regula la migración conforme al artículo 5 de
la Constitución.
Artículo 5 de la Ley 99 se aplica también en lo pertinente.

Artículo 2.- Principios.- El Estado reconoce el derecho a migrar.

Artículo 2 bis.- Toda persona migrante tiene derecho a la información.

CAPÍTULO II - De los derechos

Artículo 3.- Los extranjeros gozan de los mismos derechos que los nacionales.

TÍTULO II
DE LAS AUTORIDADES

CAPÍTULO I
De la Dirección

Artículo 4.- Créase la Dirección Nacional de Migración.

TRANSITORIOS

Artículo Primero.- Esta ley entra en vigor al día siguiente de su publicación.

Artículo Segundo.- Se derogan las disposiciones que se opongan a esta ley.
"""

PORTUGUESE_LAW = """\
LEI Nº 11.340, DE 7 DE AGOSTO DE 2006
O PRESIDENTE DA REPÚBLICA faço saber que o Congresso Nacional decreta:

TÍTULO I
DISPOSIÇÕES PRELIMINARES

Art. 1º Esta Lei cria mecanismos para coibir a violência doméstica, nos termos do
art. 226 da Constituição Federal.
Art. 2º Toda mulher goza dos direitos fundamentais inerentes à pessoa humana.
Art. 10-A. É direito da mulher o atendimento policial especializado.
"""

FRENCH_CODE = """\
Code de l'entrée et du séjour des étrangers

Chapitre Ier : Dispositions générales

Article premier
Le présent code régit l'entrée des étrangers en France.

Article L. 311-1
Sous réserve des engagements internationaux de la France, tout étranger doit être
muni d'une carte de séjour, conformément à l'article L. 311-2.

Article R*311-2
La demande de carte de séjour est présentée à la préfecture.
"""

ENGLISH_TREATY = """\
Convention on the Rights of Migrant Women

Preamble
The States Parties to the present Convention, recalling the Charter,
have agreed as follows:

PART I

Article 1
Definitions
For the purposes of this Convention, "migrant worker" means a person who works abroad.

Article 2
States Parties shall act in accordance with article 1 and with
Article 3 of the Charter, which applies mutatis mutandis.

ANNEX
Model form of declaration
Name and nationality of the declarant.
"""


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\w+", text)}


def _anchors(parts: tuple[Part, ...]) -> list[str]:
    return [p.anchor for p in parts]


def _article(parts: tuple[Part, ...], anchor: str) -> Part:
    return next(p for p in parts if p.anchor == anchor)


def test_spanish_law_gets_its_hierarchy_and_anchors() -> None:
    parts = segment(SPANISH_LAW)
    assert _anchors(parts) == [
        "preamble",
        "tit-1",
        "tit-1-cap-1",
        "art-1",
        "art-2",
        "art-2-bis",
        "tit-1-cap-2",
        "art-3",
        "tit-2",
        "tit-2-cap-1",
        "art-4",
        "trans",
        "trans-art-1",
        "trans-art-2",
    ]
    title = parts[1]
    assert (title.kind, title.number, title.heading) == ("title", "I", "DISPOSICIONES GENERALES")
    chapter = _article(parts, "tit-1-cap-1")
    assert (chapter.kind, chapter.heading, chapter.parent) == ("chapter", "Del objeto", "tit-1")
    assert _article(parts, "tit-1-cap-2").heading == "De los derechos"
    assert _article(parts, "art-4").parent == "tit-2-cap-1"
    assert _article(parts, "trans-art-2").parent == "trans"


def test_article_titles_in_parentheses_or_before_a_dash_become_headings() -> None:
    parts = segment(SPANISH_LAW)
    first = _article(parts, "art-1")
    assert (first.number, first.heading) == ("1", "Objeto")
    assert first.text.startswith("La presente ley regula")
    second = _article(parts, "art-2")
    assert (second.heading, second.text) == (
        "Principios",
        "El Estado reconoce el derecho a migrar.",
    )
    assert _article(parts, "art-2-bis").number == "2 bis"


def test_cross_references_do_not_split_articles() -> None:
    parts = segment(SPANISH_LAW)
    assert "Artículo 5 de la Ley 99" in _article(parts, "art-1").text
    treaty = segment(ENGLISH_TREATY)
    assert "Article 3 of the Charter" in _article(treaty, "art-2").text


def test_no_word_is_lost_except_heading_labels() -> None:
    for source in (SPANISH_LAW, PORTUGUESE_LAW, FRENCH_CODE, ENGLISH_TREATY):
        parts = segment(source)
        kept = set().union(*(_words(f"{p.number} {p.heading} {p.text}") for p in parts))
        labels = {"título", "capítulo", "artículo", "art", "article", "chapitre", "part"}
        labels |= {"annex", "transitorios", "primero", "segundo", "premier", "ier", "preamble"}
        assert _words(source) - kept <= labels | {"1o", "1º", "2º"}


def test_portuguese_articles_with_ordinal_marks_and_letters() -> None:
    parts = segment(PORTUGUESE_LAW)
    articles = [p for p in parts if p.kind == "article"]
    assert [(p.number, p.anchor) for p in articles] == [
        ("1", "art-1"),
        ("2", "art-2"),
        ("10-A", "art-10-a"),
    ]
    assert "art. 226 da Constituição" in articles[0].text
    assert all(p.parent == "tit-1" for p in articles)


def test_french_code_numbers_and_article_premier() -> None:
    parts = segment(FRENCH_CODE)
    articles = [p for p in parts if p.kind == "article"]
    assert [(p.number, p.anchor) for p in articles] == [
        ("1", "art-1"),
        ("L. 311-1", "art-l-311-1"),
        ("R*311-2", "art-r-311-2"),
    ]
    assert parts[1].heading == "Dispositions générales"
    assert "l'article L. 311-2" in articles[1].text


def test_english_treaty_with_preamble_titles_and_annex() -> None:
    parts = segment(ENGLISH_TREATY)
    assert _anchors(parts) == ["preamble", "part-1", "art-1", "art-2", "annex"]
    assert parts[0].heading == "Preamble"
    assert "Convention on the Rights of Migrant Women" in parts[0].text
    assert _article(parts, "art-1").heading == "Definitions"
    annex = _article(parts, "annex")
    assert (annex.kind, annex.heading) == ("annex", "Model form of declaration")


def test_quoted_amendment_does_not_start_an_article() -> None:
    text = (
        "Artículo 1.- Modifícase el artículo 45 de la Ley 100, que quedará así:\n"
        "Artículo 45.- Toda persona extranjera podrá solicitar residencia.\n"
        "Artículo 2.- Comuníquese.\n"
    )
    parts = segment(text)
    assert _anchors(parts) == ["art-1", "art-2"]
    assert "Toda persona extranjera" in parts[0].text


def test_article_number_far_out_of_sequence_is_a_quotation() -> None:
    text = "\n".join(
        [f"Artículo {n}.- Texto del artículo número {n}." for n in (1, 2, 3)]
        + ["Artículo 120.- Texto citado de otra ley.", "Artículo 121.- Otro texto citado."]
        + [f"Artículo {n}.- Texto del artículo número {n}." for n in (4, 5, 6)]
    )
    parts = segment(text)
    assert [p.number for p in parts] == ["1", "2", "3", "4", "5", "6"]
    assert "Texto citado de otra ley" in parts[2].text


def test_annexed_regulation_restarting_at_one_is_kept_and_prefixed() -> None:
    body = "\n".join(f"Artículo {n}.- Disposición {n} del decreto." for n in (1, 2, 3))
    annex = "\n".join(f"Artículo {n}.- Disposición {n} del reglamento." for n in (1, 2, 3, 4))
    parts = segment(f"{body}\nANEXO I\nREGLAMENTO\n{annex}\n")
    assert _anchors(parts) == [
        "art-1",
        "art-2",
        "art-3",
        "annex-1",
        "annex-1-art-1",
        "annex-1-art-2",
        "annex-1-art-3",
        "annex-1-art-4",
    ]


def test_repeated_numbers_get_a_suffix() -> None:
    parts = segment("Artículo 1.- Texto original.\nArtículo 1.- Texto modificado.\n")
    assert _anchors(parts) == ["art-1", "art-1-2"]


def test_markdown_marks_are_not_part_of_headings() -> None:
    text = "# Ley\n\n### CAPITULO I - PRINCIPIOS\n\n##### Artículo 1\n\n(Concepto).- Texto.\n"
    parts = segment(text)
    assert [(p.kind, p.number, p.heading, p.text) for p in parts[1:]] == [
        ("chapter", "I", "PRINCIPIOS", ""),
        ("article", "1", "Concepto", "Texto."),
    ]


def test_lower_case_keyword_at_line_start_is_running_text() -> None:
    text = "Artículo 1.- Se aplica lo dispuesto en el\nartículo 11. Para el cálculo se toma el salario.\n"
    assert len(segment(text)) == 1


def test_hard_wrapped_sentence_after_heading_is_not_a_title() -> None:
    text = "".join(
        f"ARTICULO {n}° — La admisión de las\n\npersonas se rige por esta ley {n}.\n\n"
        for n in (1, 2, 3)
    )
    parts = segment(text)
    assert [p.heading for p in parts] == ["", "", ""]
    assert parts[0].text.startswith("La admisión de las")


def test_heading_blocks_are_strong_evidence() -> None:
    text = "Artículo 1.- Uno.\nArtículo 2.- Dos.\nArtículo 90.- Noventa.\nArtículo 3.- Tres.\n"
    assert len(segment(text)) == 3
    blocks = (Block("Artículo 90.- Noventa.", "heading", 2),)
    assert [p.number for p in segment(text, blocks)] == ["1", "2", "90", "3"]


def test_text_without_structure_is_one_body_part() -> None:
    parts = segment("Un estudio sobre la migración de mujeres en la región.\n\nSegundo párrafo.")
    assert [(p.kind, p.anchor) for p in parts] == [("body", "body")]
    assert segment("") == ()


def test_long_text_without_structure_is_split_into_paragraph_parts() -> None:
    paragraph = "La migración femenina crece en la región y plantea nuevos retos. " * 12
    text = "\n\n".join(f"{paragraph} ({n})" for n in range(20))
    parts = segment(text)
    assert len(parts) > 3
    assert [p.anchor for p in parts[:3]] == ["p-1", "p-2", "p-3"]
    assert all(p.kind == "paragraph" and len(p.text) <= 3000 for p in parts)
    assert "".join(p.text for p in parts).count("(19)") == 1


@pytest.mark.parametrize(
    "line",
    [
        "TÍTULO I",
        "Título Preliminar",
        "CAPÍTULO II",
        "Capítulo único",
        "SECCIÓN 1a",
        "LIBRO PRIMERO",
        "ARTÍCULO 1o.",
        "ARTICULO 1°.-",
        "Art. 5°",
        "Artículo 12 bis",
        "Artículo 14 ter",
        "Artículo único",
        "Artículo primero",
        "ANEXO I",
        "Disposiciones transitorias",
        "Seção I",
        "Art. 5o",
        "Artigo 3º",
        "TITRE Ier",
        "Section 1",
        "Article R*311-2",
        "ANNEXE",
        "PART 1",
        "Part I",
        "CHAPTER II",
        "Sec. 101",
        "ARTICLE 3",
        "Schedule 1",
        "Annex I",
    ],
)
def test_headings_of_the_four_languages_are_recognised(line: str) -> None:
    assert match_heading(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Artículo 5 de la Ley 123",
        "Article 3, paragraph 2, applies",
        "Section 4 of the Act",
        "artículo 11. Para el cálculo",
        "Artículos 5 y 6 de esta ley",
        "“Artículo 3.- Contrato de trabajo",
        "conforme al artículo 5 de esta ley",
    ],
)
def test_references_are_not_headings(line: str) -> None:
    assert match_heading(line) is None


def test_every_part_kind_is_a_model_kind() -> None:
    for source in (SPANISH_LAW, PORTUGUESE_LAW, FRENCH_CODE, ENGLISH_TREATY):
        assert {p.kind for p in segment(source)} <= set(PART_KINDS)


def _corpus_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        text = text[text.find("\n---", 3) + 4 :]
    return text


@pytest.mark.slow
def test_uruguayan_laws_have_as_many_articles_as_their_front_matter_says(
    shared_corpus: Path,
) -> None:
    for path in sorted((shared_corpus / "docs" / "uy").glob("*.md")):
        expected = re.search(r'article_count: "(\d+)"', path.read_text(encoding="utf-8"))
        assert expected, path
        parts = segment(_corpus_text(path))
        assert sum(p.kind == "article" for p in parts) == int(expected[1]), path.name


@pytest.mark.slow
def test_corpus_laws_segment_into_unique_anchors(shared_corpus: Path) -> None:
    for folder in ("ar", "uy", "cl", "co", "pe", "br", "int"):
        for path in sorted((shared_corpus / "docs" / folder).glob("*.md")):
            parts = segment(_corpus_text(path))
            anchors = [p.anchor for p in parts]
            assert len(set(anchors)) == len(anchors), path.name
            assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", a) for a in anchors), path.name


@pytest.mark.slow
def test_treaties_have_one_part_per_article(shared_corpus: Path) -> None:
    for path in sorted((shared_corpus / "docs" / "int").glob("*.md")):
        text = _corpus_text(path)
        printed = len(re.findall(r"(?m)^#+ *Article\b", text))
        parts = segment(text)
        assert sum(p.kind == "article" for p in parts) == printed, path.name


@pytest.mark.slow
def test_two_megabyte_code_is_segmented_quickly(shared_corpus: Path) -> None:
    path = shared_corpus / "docs" / "fr" / "ceseda-code-entree-sejour-etrangers-asile.md"
    text = _corpus_text(path)
    start = time.perf_counter()
    parts = segment(text)
    assert time.perf_counter() - start < 2.0
    printed = len(re.findall(r"(?m)^#+ *Article [LRD]", text))
    assert sum(p.kind == "article" for p in parts) == printed
