"""derive_metadata: embedded values win, the text fills the rest."""

from __future__ import annotations

from collections.abc import Callable

from ingest.extracted import Extracted
from ingest.metadata import derive_metadata
from library.vocabulary import Vocabularies


def test_argentine_law_from_its_text(
    make_extracted: Callable[..., Extracted], vocab: Vocabularies
) -> None:
    extracted = make_extracted(
        "# Ley 26.364",
        "PREVENCION Y SANCION DE LA TRATA DE PERSONAS Y ASISTENCIA A SUS VICTIMAS",
        "Sancionada: Abril 9 de 2008",
        "Promulgada: Abril 29 de 2008",
        "El Senado y Cámara de Diputados de la Nación Argentina reunidos en Congreso, etc. "
        "sancionan con fuerza de Ley:",
        "ARTICULO 1º — Objeto. La presente ley tiene por objeto prevenir la trata de personas.",
    )
    result = derive_metadata(extracted, (), "es", vocab)
    assert result.values["title"].startswith("Ley 26.364 - Prevención y sanción de la trata")
    assert result.values["instrument_type"] == "law"
    assert result.values["number"] == "26.364"
    assert result.values["date_adopted"] == "2008-04-09"
    assert result.values["jurisdiction"] == "AR"
    assert result.values["issuing_body"] == "Honorable Congreso de la Nación Argentina"
    assert result.values["topics"].split(";")[0] == "trafficking"
    assert set(result.sources.values()) == {"derived"}


def test_embedded_values_win_and_hints_are_normalised(
    make_extracted: Callable[..., Extracted], vocab: Vocabularies
) -> None:
    extracted = make_extracted(
        "# Ley Nº 18250 - LEY DE MIGRACIONES",
        "Artículo 1. El Estado uruguayo reconoce el derecho a la migración.",
        metadata={
            "title": "Ley Nº 18250 - LEY DE MIGRACIONES",
            "jurisdiction": "UY",
            "instrument_type_hint": "Ley",
            "date_published": "2008-01-17",
            "status": "in_force",
        },
    )
    result = derive_metadata(extracted, (), "es", vocab)
    assert result.values["title"] == "Ley Nº 18250 - Ley de migraciones"
    assert result.sources["title"] == "embedded"
    assert result.values["instrument_type"] == "law"
    assert result.sources["instrument_type"] == "embedded"
    assert result.values["jurisdiction"] == "UY"
    assert result.values["date_published"] == "2008-01-17"
    assert result.values["date_adopted"] == "2008-01-17"  # falls back to publication
    assert result.values["status"] == "in_force"


def test_office_file_names_are_not_titles(
    make_extracted: Callable[..., Extracted], vocab: Vocabularies
) -> None:
    extracted = make_extracted(
        "Enfrentando a violência doméstica e familiar contra a mulher",
        "Apresentação",
        metadata={"pdf_title": "Microsoft Word - cartilha.doc"},
        fmt="pdf",
    )
    result = derive_metadata(extracted, (), "pt", vocab)
    assert result.values["title"] == "Enfrentando a violência doméstica e familiar contra a mulher"


def test_brazilian_law_date_comes_from_its_title(
    make_extracted: Callable[..., Extracted], vocab: Vocabularies
) -> None:
    extracted = make_extracted(
        "LEI Nº 11.340, DE 7 DE AGOSTO DE 2006",
        "Cria mecanismos para coibir a violência doméstica e familiar contra a mulher.",
        "O PRESIDENTE DA REPÚBLICA Faço saber que o Congresso Nacional decreta e eu sanciono a seguinte Lei:",
        "Art. 1º Esta Lei cria mecanismos para coibir a violência doméstica.",
    )
    result = derive_metadata(extracted, (), "pt", vocab)
    assert result.values["date_adopted"] == "2006-08-07"
    assert result.values["number"] == "11.340"
    assert result.values["jurisdiction"] == "BR"
    assert result.values["issuing_body"] == "Congresso Nacional"


def test_running_header_from_the_extractor_gives_type_and_jurisdiction_not_the_title(
    make_extracted: Callable[..., Extracted], vocab: Vocabularies
) -> None:
    header = (
        "Extract from Implementing the Global Compact for Safe Orderly and Regular Migration: "
        "Guidance for governments and all relevant stakeholders"
    )
    extracted = make_extracted(
        "# ENHANCE CONSULAR PROTECTION THROUGHOUT THE MIGRATION CYCLE",
        "Associated actions",
        "Mexico and Honduras set up consular offices. Mexico trained officers.",
        metadata={"running_header": header, "pdf_created": "2022-09-14"},
        fmt="pdf",
    )
    result = derive_metadata(extracted, (), "en", vocab)
    assert result.values["instrument_type"] == "guideline"
    assert result.values["jurisdiction"] == "UN"
    assert result.values["title"].lower().startswith("enhance consular protection")
    assert result.values["date_adopted"] == "2022"


def test_a_templates_creation_date_gives_way_to_the_latest_year_the_study_cites(
    make_extracted: Callable[..., Extracted], vocab: Vocabularies
) -> None:
    extracted = make_extracted(
        "# Sistema de preguntas y respuestas sobre legislación",
        "Resumen",
        "Según estudios de 2019 y 2020, y la ley de 1908, el acceso (Pérez, 2025) es difícil.",
        metadata={"doc_title": "Author instructions", "doc_created": "2009-02-17"},
        fmt="odt",
    )
    result = derive_metadata(extracted, (), "es", vocab)
    assert result.values["date_adopted"] == "2025"
    assert result.sources["date_adopted"] == "derived"


def test_a_files_own_creation_date_dates_a_publication_without_a_dated_formula(
    make_extracted: Callable[..., Extracted], vocab: Vocabularies
) -> None:
    extracted = make_extracted(
        "# Guía de atención a mujeres migrantes",
        "Metas para 2030 y datos de 2015.",
        metadata={"doc_title": "Guía de atención a mujeres migrantes", "doc_created": "2021-03-01"},
        fmt="docx",
    )
    result = derive_metadata(extracted, (), "es", vocab)
    assert result.values["date_adopted"] == "2021"
    assert result.sources["date_adopted"] == "embedded"
