"""Markdown extraction: front matter mapping and body stripping."""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from pathlib import Path

import pytest

from ingest.extracted import Limits
from ingest.markdown import (
    extract_markdown,
    inline_text,
    iso_date,
    language_code,
    map_front_matter,
    number_from_identifier,
    status_value,
)
from library.errors import ExtractionError, LimitExceeded
from library.model import METADATA_FIELDS, STATUSES

LIMITS = Limits()


def md(text: str) -> bytes:
    return text.encode()


def test_english_keys_of_consolidated_law_front_matter() -> None:
    data = md(
        '---\ntitle: "MIGRACIONES"\nidentifier: "LEY-25871"\ncountry: "ar"\nrank: "ley"\n'
        'publication_date: "2004-01-21"\nlast_updated: "1900-01-01"\nstatus: "in_force"\n'
        'source: "http://example.org/92016/texact.htm"\n'
        'department: "HONORABLE CONGRESO DE LA NACION ARGENTINA"\n'
        'enactment_date: "2003-12-17"\n---\n# MIGRACIONES\n\nLey 25.871\n'
    )
    meta = extract_markdown(data, LIMITS).metadata
    assert meta["title"] == "MIGRACIONES"
    assert meta["jurisdiction"] == "AR"
    assert meta["instrument_type_hint"] == "ley"
    assert meta["date_published"] == "2004-01-21"
    assert meta["date_adopted"] == "2003-12-17"
    assert "version_date" not in meta  # 1900-01-01 is a placeholder
    assert meta["status"] == "in_force"
    assert meta["source_url"] == "http://example.org/92016/texact.htm"
    assert meta["issuing_body_hint"] == "HONORABLE CONGRESO DE LA NACION ARGENTINA"
    assert (meta["number"], meta["identifier"]) == ("25871", "LEY-25871")


def test_spanish_keys_and_status_words() -> None:
    data = md(
        '---\ntitulo: "LEY 1257 DE 2008"\npais: "co"\nrango: "ley"\n'
        'fecha_publicacion: "2008-12-04"\nestado: "vigente"\n'
        'fuente: "https://example.org/doc?id=1"\n---\n# LEY 1257 DE 2008\n'
    )
    meta = extract_markdown(data, LIMITS).metadata
    assert meta["title"] == "LEY 1257 DE 2008"
    assert meta["jurisdiction"] == "CO"
    assert meta["date_published"] == "2008-12-04"
    assert meta["status"] == "in_force"
    assert meta["source_url"] == "https://example.org/doc?id=1"


def test_accented_and_french_keys() -> None:
    meta = map_front_matter({"Título": "Ley X", "País": "Perú", "Idioma": "Español"})
    assert meta["title"] == "Ley X"
    assert meta["jurisdiction_hint"] == "Perú" and "jurisdiction" not in meta
    assert meta["language"] == "es"
    assert map_front_matter({"titre": "Code pénal", "langue": "fr-FR"}) == {
        "title": "Code pénal",
        "language": "fr",
    }


def test_unquoted_yaml_dates_and_priorities() -> None:
    data = md(
        "---\ntitle: Ley del Refugiado\npublication_date: 2002-12-22\n"
        "promulgation_date: 2002-12-18\nofficial_type: Decreto Supremo\nrank: decreto_supremo\n"
        "official_number: '20066'\nidentifier: CL-242648\n---\nTexto.\n"
    )
    meta = extract_markdown(data, LIMITS).metadata
    assert meta["date_published"] == "2002-12-22"
    assert meta["date_adopted"] == "2002-12-18"
    assert meta["instrument_type_hint"] == "Decreto Supremo"
    assert meta["number"] == "20066"  # official number wins over the identifier


def test_number_from_identifier_drops_type_prefix_and_year() -> None:
    assert number_from_identifier("LEY-1257-2008") == "1257"
    assert number_from_identifier("DEC-616-2010") == "616"
    assert number_from_identifier("UY-ley-18065") == "18065"
    assert number_from_identifier("DS-119-2003-RE") == "119-2003-RE"
    assert number_from_identifier("LEGITEXT000006070158") == "LEGITEXT000006070158"


def test_generic_date_key_only_when_no_publication_key() -> None:
    assert map_front_matter({"fecha": "15/04/1887"})["date_published"] == "1887-04-15"
    both = map_front_matter({"date": "2001-01-01", "publication_date": "2002-02-02"})
    assert both["date_published"] == "2002-02-02"


def test_metadata_keys_are_model_fields_or_hints() -> None:
    meta = map_front_matter(
        {
            "title": "t",
            "rank": "ley",
            "country": "int",
            "status": "derogado",
            "department": "x",
            "subjects": ["Violencia", "Migración"],
            "texto_resumido": "resumen",
            "gazette": "Diario Oficial",
        }
    )
    extra = {"identifier", "description"}
    assert all(k in METADATA_FIELDS or k.endswith("_hint") or k in extra for k in meta)
    assert meta["status"] == "repealed"
    assert meta["subject_hint"] == "Violencia; Migración"
    assert meta["gazette"] == "Diario Oficial"


def test_status_mapping() -> None:
    assert status_value("En vigor") == "in_force"
    assert status_value("no vigente") == "not_in_force"
    assert status_value("Derogada") == "repealed"
    assert status_value("modificado") == "amended"
    assert status_value("abrogée") == "repealed"
    assert status_value("banana") == ""
    assert map_front_matter({"status": "banana"}) == {"status_hint": "banana"}
    assert all(status_value(s) == s for s in STATUSES)


def test_dates_and_languages() -> None:
    assert iso_date(dt.date(2010, 5, 6)) == "2010-05-06"
    assert iso_date("2010-05") == "2010-05"
    assert iso_date("12/31/2010") == "2010-12-31"
    assert iso_date("31/02/2010") == ""
    assert iso_date("sometime") == ""
    assert language_code("pt-BR") == "pt" and language_code("Portuguese") == "pt"
    assert language_code("klingon") == ""


def test_non_url_source_is_not_a_source_url() -> None:
    assert "source_url" not in map_front_matter({"source": "InfoLEG"})


def test_malformed_yaml_warns_and_salvages_simple_lines() -> None:
    data = md('---\ntitle: "Ley 5\ncountry: ar\n  bad: [indent\n---\n# Ley 5\n\nTexto.\n')
    result = extract_markdown(data, LIMITS)
    assert any("malformed YAML front matter" in w for w in result.warnings)
    assert result.metadata.get("jurisdiction") == "AR"
    assert result.text == "Ley 5\n\nTexto."


def test_front_matter_that_is_not_a_mapping_is_ignored_with_a_warning() -> None:
    result = extract_markdown(md("---\n- a\n- b\n---\nTexto.\n"), LIMITS)
    assert result.metadata == {}
    assert any("not a mapping" in w for w in result.warnings)


def test_unclosed_front_matter_is_body() -> None:
    result = extract_markdown(md("---\ntitle: x\n\nTexto.\n"), LIMITS)
    assert result.metadata == {}
    assert "Texto." in result.text


def test_headings_keep_their_level_even_without_a_space() -> None:
    data = md(
        "<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />\n\n"
        "##Verdrag\n\n####Convention on X\n\n# Title #\n\nSetext\n======\n\nSub\n---\n"
    )
    blocks = extract_markdown(data, LIMITS).blocks
    assert [(b.kind, b.level, b.text) for b in blocks] == [
        ("heading", 2, "Verdrag"),
        ("heading", 4, "Convention on X"),
        ("heading", 1, "Title"),
        ("heading", 1, "Setext"),
        ("heading", 2, "Sub"),
    ]


def test_inline_syntax_is_stripped_but_text_kept() -> None:
    assert inline_text("**Artículo 1°.** ***Creación****.* Ver [Ley 1](../a(b).md)") == (
        "Artículo 1°. Creación. Ver Ley 1"
    )
    assert inline_text("S**ERVICIO** ![image](x.png) <span>texto</span> `code`") == (
        "SERVICIO texto code"
    )
    assert (
        inline_text(r"(\*) nota \_literal\_ &amp; ____ blank") == "(*) nota _literal_ & ____ blank"
    )
    assert (
        inline_text("Inicio ** Laboral ** snake_case_name")
        == "Inicio ** Laboral ** snake_case_name"
    )
    assert inline_text("a<br>b") == "a\nb"
    assert inline_text("* item (*) y (**Nota**)") == "* item (*) y (Nota)"
    assert inline_text("**CAPÍTULO I  \n**") == "CAPÍTULO I" == inline_text("**CAPÍTULO I **")
    assert inline_text("N° 4880/2015](http://x.org/v?id=2)de la") == "N° 4880/2015de la"


def test_comments_tables_lists_quotes_and_code() -> None:
    data = md(
        "Intro <!-- image --> text\n\n<!-- multi\nline -->\n\n"
        "| Año | Ley |\n|:---|---:|\n| 2004 | **25.871** |\n\n"
        "- primero\n- segundo\ncontinúa\n1. uno\n\n"
        "> citado\n> también\n\n```\ncódigo  literal\n```\n\n---\n\n[ref]: http://x\n"
    )
    blocks = extract_markdown(data, LIMITS).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "Intro text"),
        ("table", "Año | Ley"),
        ("table", "2004 | 25.871"),
        ("list", "- primero"),
        ("list", "- segundo\ncontinúa"),
        ("list", "1. uno"),
        ("paragraph", "citado\ntambién"),
        ("paragraph", "código  literal"),
    ]


def test_empty_and_front_matter_only_files_are_errors() -> None:
    with pytest.raises(ExtractionError, match="empty file"):
        extract_markdown(b"", LIMITS)
    with pytest.raises(ExtractionError, match="no text content"):
        extract_markdown(md("---\ntitle: x\n---\n<!-- nada -->\n"), LIMITS)


def test_size_limit_is_enforced() -> None:
    with pytest.raises(LimitExceeded):
        extract_markdown(b"# x\n" * 100, Limits(max_bytes=50))


@pytest.mark.parametrize(
    "hostile",
    [b"[" * 300_000, b"[a](" * 100_000, b"<!-- " * 100_000, b"**a " * 200_000, b"| " * 300_000],
)
def test_hostile_input_stays_linear(hostile: bytes) -> None:
    start = time.perf_counter()
    with contextlib.suppress(ExtractionError):
        extract_markdown(hostile, LIMITS)
    assert time.perf_counter() - start < 10  # generous: catches quadratic behaviour only


def test_two_megabytes_extract_quickly() -> None:
    article = (
        "##### Article L{n}\n\nLe **préfet** peut [refuser](../x.md) le titre ; voir *infra*.\n\n"
    )
    data = "".join(article.format(n=n) for n in range(30_000)).encode()
    assert len(data) > 2_000_000
    start = time.perf_counter()
    result = extract_markdown(data, LIMITS)
    assert time.perf_counter() - start < 10
    assert len(result.blocks) == 60_000


# --- the shared corpus -------------------------------------------------------


def corpus_markdown(corpus: Path) -> list[Path]:
    return sorted((corpus / "docs").glob("*/*.md"))


@pytest.mark.slow
def test_every_corpus_markdown_extracts_without_syntax_left(shared_corpus: Path) -> None:
    for path in corpus_markdown(shared_corpus):
        result = extract_markdown(path.read_bytes(), LIMITS)
        assert result.format == "markdown" and result.blocks, path.name
        assert "<!--" not in result.text and "](" not in result.text, path.name
        assert "**" not in result.text.replace(" ** ", ""), path.name
        assert not any(line.startswith("#") for line in result.text.splitlines()), path.name


@pytest.mark.slow
def test_corpus_front_matter_maps_to_catalogue_values(shared_corpus: Path) -> None:
    import csv

    with open(shared_corpus / "catalog.csv", encoding="utf-8", newline="") as handle:
        rows = {row["path"]: row for row in csv.DictReader(handle)}
    checked = 0
    for path in corpus_markdown(shared_corpus):
        row = rows[str(path.relative_to(shared_corpus))]
        meta = extract_markdown(path.read_bytes(), LIMITS).metadata
        if "jurisdiction" in meta:
            assert meta["jurisdiction"] == row["country"], path.name
            dates = {meta.get("date_published"), meta.get("date_adopted")}
            assert row["date"] in dates, path.name
            checked += 1
    assert checked >= 20


@pytest.mark.slow
def test_corpus_colombian_spanish_keys(shared_corpus: Path) -> None:
    path = shared_corpus / "docs" / "co" / "ley-1465-2011-sistema-nacional-migraciones.md"
    meta = extract_markdown(path.read_bytes(), LIMITS).metadata
    assert meta["title"].startswith("LEY 1465 DE 2011")
    assert (meta["jurisdiction"], meta["date_published"]) == ("CO", "2011-06-30")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("converted", "original"),
    [
        ("uy/ley-18076-refugiados_latin1.txt", "uy/ley-18076-refugiados.md"),
        ("ar/ley-26844-casas-particulares_utf16.txt", "ar/ley-26844-casas-particulares.md"),
    ],
)
def test_corpus_re_encoded_copies_extract_identically(
    shared_corpus: Path, converted: str, original: str
) -> None:
    docs = shared_corpus / "docs"
    copy = extract_markdown((docs / converted).read_bytes(), LIMITS)
    source = extract_markdown((docs / original).read_bytes(), LIMITS)
    assert copy.text == source.text
    assert copy.metadata == source.metadata


@pytest.mark.slow
def test_corpus_largest_markdown_is_fast(shared_corpus: Path) -> None:
    path = shared_corpus / "docs" / "fr" / "ceseda-code-entree-sejour-etrangers-asile.md"
    start = time.perf_counter()
    result = extract_markdown(path.read_bytes(), LIMITS)
    assert time.perf_counter() - start < 10
    assert sum(b.kind == "heading" for b in result.blocks) > 1000
