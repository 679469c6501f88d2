"""Instrument type, status, issuing body, jurisdiction and topics rules."""

from __future__ import annotations

from ingest.metadata.instrument import content_type, normalise_type, title_type
from ingest.metadata.issuer import formula_body, normalise_body
from ingest.metadata.jurisdiction import derive_jurisdiction, normalise_jurisdiction
from ingest.metadata.status import normalise_status, text_status
from ingest.metadata.topics import find_topics
from library.vocabulary import Vocabularies


def test_instrument_type_from_title_in_four_languages(vocab: Vocabularies) -> None:
    assert title_type("Ley Nº 25.871", vocab, "es") == "law"
    assert title_type("Lei nº 13.445", vocab, "pt") == "law"
    assert title_type("Loi n° 2018-778", vocab, "fr") == "law"
    assert title_type("Decreto 616/2010", vocab, "es") == "decree"
    assert title_type("Convention on the Political Rights of Women", vocab, "en") == "treaty"
    assert title_type("Declaración Universal de Derechos Humanos", vocab, "es") == "declaration"
    assert (
        title_type("Constituição da República Federativa do Brasil", vocab, "pt") == "constitution"
    )
    assert title_type("Código Civil Federal", vocab, "es") == "law"


def test_constitution_of_an_organisation_is_a_treaty(vocab: Vocabularies) -> None:
    assert (
        title_type("Constitution of the International Organization for Migration", vocab, "en")
        == "treaty"
    )


def test_stated_types_are_normalised(vocab: Vocabularies) -> None:
    assert normalise_type("ley", vocab, "es") == "law"
    assert normalise_type("decreto_supremo", vocab, "es") == "decree"
    assert normalise_type("treaty", vocab) == "treaty"


def test_documents_that_name_no_instrument() -> None:
    assert content_type("Guía práctica para consulados. " * 5, "Guía práctica") == "guideline"
    study = "Resumen. Palabras clave: migración. Metodología. Referencias."
    assert content_type(study, "Sistema de preguntas") == "study"
    assert content_type("Ginebra - Una de las tendencias.", "Las mujeres migrantes") == "other"


def test_status_from_the_heading_area() -> None:
    assert text_status("LEY X\nTEXTO VIGENTE\nÚltima reforma publicada DOF 15-01-2026") == "amended"
    assert text_status("LEY X\nDEROGADA\nArtículo 1. ...") == "repealed"
    assert text_status("LEY X\nTexto vigente") == "in_force"
    assert text_status("LEY X\nArtículo 5 derogado por la Ley Y.") == "unknown"
    assert normalise_status("vigente") == "in_force"


def test_issuing_body_from_the_enacting_formula() -> None:
    assert formula_body(
        "El Senado y Cámara de Diputados de la Nación Argentina reunidos en Congreso"
    ) == ("Honorable Congreso de la Nación Argentina")
    assert formula_body(
        "Preamble The General Conference of the International Labour Organization"
    ) == ("International Labour Conference")
    assert normalise_body("TABARE VAZQUEZ - JORGE BRUNI") == ""
    assert normalise_body("MINISTERIO DE JUSTICIA") == "Ministerio de Justicia"


def test_jurisdiction_of_national_and_international_texts(vocab: Vocabularies) -> None:
    argentine = (
        "El Senado y Cámara de Diputados de la Nación Argentina sancionan con fuerza de Ley:"
    )
    assert derive_jurisdiction("Ley 25.871", argentine, "law", vocab) == "AR"
    treaty = (
        "The States Parties to the present Convention, noting the Charter of the United Nations"
    )
    assert derive_jurisdiction("Convention on the Rights of Women", treaty, "treaty", vocab) == "UN"
    assert normalise_jurisdiction("ar", vocab) == "AR"


def test_topics_are_ranked_and_limited(vocab: Vocabularies) -> None:
    text = "La trata de personas y la migración. " * 20 + "Refugiados. "
    topics = find_topics("Ley de trata de personas", text, vocab, "es")
    assert topics[0] == "trafficking"
    assert len(topics) <= 6


def test_an_organisation_in_the_running_header_beats_countries_named_in_the_body(
    vocab: Vocabularies,
) -> None:
    body = "Practices in Mexico and Honduras. Mexico set up consular offices. " * 3
    header = "Extract from a guide of the Organización de las Naciones Unidas"
    assert derive_jurisdiction("Enhance consular protection", body, "guideline", vocab) == "MX"
    assert (
        derive_jurisdiction("Enhance consular protection", body, "guideline", vocab, header) == "UN"
    )


def test_the_files_own_title_names_the_country_when_the_body_names_a_neighbour(
    vocab: Vocabularies,
) -> None:
    body = "El Código de Comercio del Estado de Panamá regirá. Estado de Panamá. Panamá."
    context = "LEY 57 DE 1887 - Colombia"
    assert derive_jurisdiction("Ley 57 de 1887", body, "law", vocab, context) == "CO"


def test_an_article_about_several_countries_has_no_jurisdiction(vocab: Vocabularies) -> None:
    text = "Honduras, Guatemala and El Salvador: Honduras and Guatemala; Honduras."
    assert derive_jurisdiction("The triangle of despair", text, "other", vocab) == ""
    assert derive_jurisdiction("The triangle of despair", text, "law", vocab) == "HN"


def test_an_organisation_acronym_written_as_a_word_still_counts(vocab: Vocabularies) -> None:
    text = "La Oim ha exhortado a los Estados. La Oim considera que las Naciones Unidas…"
    assert derive_jurisdiction("Las mujeres migrantes", text, "other", vocab) == "IOM"


def test_a_type_name_after_an_article_inside_a_title_is_a_common_noun(
    vocab: Vocabularies,
) -> None:
    title = "Prévenir, combattre et éliminer la traite de personnes"
    assert title_type(title, vocab, "fr") is None
    assert title_type("La aplicación del Pacto Mundial", vocab, "es") is None
    assert title_type("The Convention on the Rights of the Child", vocab, "en") == "treaty"
    assert title_type("Universal Declaration of Human Rights", vocab, "en") == "declaration"


def test_a_removed_running_header_tells_a_guidance_chapter(vocab: Vocabularies) -> None:
    text = "ENHANCE CONSULAR PROTECTION\n\nAssociated actions\n\na. Cooperate to build capacities."
    header = "Extract from Implementing the Global Compact: Guidance for governments"
    assert content_type(text, "Enhance consular protection") == "other"
    assert content_type(text, "Enhance consular protection", header) == "guideline"


def test_a_text_set_out_as_questions_and_answers_is_a_guide(vocab: Vocabularies) -> None:
    leaflet = (
        "VIOLÊNCIA DOMÉSTICA\n\nO QUE É VIOLÊNCIA DOMÉSTICA?\n\nÉ qualquer ação.\n\n"
        "Por que Maria da Penha?\n\nPorque sim.\n\nONDE PROCURAR AJUDA?\n\nNa Defensoria."
    )
    assert content_type(leaflet, "Violência doméstica") == "guideline"
    news = "Las mujeres migrantes\n\n¿Qué ha cambiado?\n\nMás mujeres emigran solas."
    assert content_type(news, "Las mujeres migrantes") == "other"
