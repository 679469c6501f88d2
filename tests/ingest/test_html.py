"""HTML extraction: decoding, boilerplate removal, blocks and metadata."""

from __future__ import annotations

import contextlib
import re
import time
from pathlib import Path

import pytest

from ingest.extracted import Limits
from ingest.html import choose_title, declared_charset, defuse, extract_html
from library.errors import ExtractionError, LimitExceeded

LIMITS = Limits()
LAW = "".join(
    f"<p>Artículo {n}.- Los extranjeros gozan de los derechos que la ley les reconoce, "
    f"con las condiciones del presente capítulo número {n}.</p>\n"
    for n in range(1, 13)
)


def page(body: str, head: str = "<title>Ley 25.871</title>", lang: str = "es") -> bytes:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head>{head}</head><body>{body}</body></html>'.encode()
    )


def test_nav_header_footer_and_aside_are_dropped_main_is_kept() -> None:
    body = (
        '<header><a href="/">Inicio</a> Portal del Estado</header>'
        '<nav><ul><li><a href="/a">Leyes</a></li><li><a href="/b">Decretos</a></li></ul></nav>'
        f"<main><h1>Ley de Migraciones</h1>{LAW}</main>"
        "<aside>Noticias del día</aside><footer>Contacto: 555-1234</footer>"
    )
    result = extract_html(page(body), LIMITS)
    assert result.blocks[0].text == "Ley de Migraciones" and result.blocks[0].kind == "heading"
    assert "Artículo 12.-" in result.text
    for junk in ("Inicio", "Leyes", "Noticias", "Contacto"):
        assert junk not in result.text
    assert result.format == "html"


def test_boilerplate_found_by_class_id_role_links_and_hiding() -> None:
    links = "".join(f'<a href="/l{n}">Enlace {n}</a> ' for n in range(8))
    body = (
        '<div id="breadcrumbs">Inicio &gt; Normas</div>'
        '<div class="cookie-banner">Usamos cookies</div>'
        '<div class="socialShare">Compartir en redes</div>'
        '<div role="search">Buscar en el sitio</div>'
        f"<div>{links}</div>"
        '<div style="display: none">Texto oculto de la plantilla</div>'
        '<div aria-hidden="true">Icono</div>'
        f'<div class="contenido">{LAW}</div>'
        '<div id="login-box">Usuario Clave Entrar</div>'
    )
    text = extract_html(page(body), LIMITS).text
    assert "Artículo 1.-" in text and "Artículo 12.-" in text
    for junk in ("Normas", "cookies", "Compartir", "Buscar", "Enlace", "oculto", "Icono", "Clave"):
        assert junk not in text


def test_main_content_is_never_dropped_even_inside_furniture_named_wrappers() -> None:
    body = f'<div class="page-with-sidebar menu-open"><div class="header-text">{LAW}</div></div>'
    text = extract_html(page(body), LIMITS).text
    assert "Artículo 1.-" in text and "Artículo 12.-" in text


def test_header_inside_article_is_the_document_heading() -> None:
    body = (
        "<header>Sitio oficial</header>"
        f"<article><header><h1>Decreto 616/2010</h1></header>{LAW}</article>"
    )
    blocks = extract_html(page(body), LIMITS).blocks
    assert blocks[0].text == "Decreto 616/2010" and blocks[0].level == 1
    assert "Sitio oficial" not in "".join(b.text for b in blocks)


def test_layout_table_side_column_and_copyright_footer_are_dropped() -> None:
    body = (
        f'<table><tr><td id="contenido">{LAW}</td>'
        "<td>INDICADORES Tipo de cambio 17.5 UDIS 8.83</td></tr></table>"
        "<div>Diario Oficial 111 AVISO LEGAL | DERECHOS RESERVADOS © 2026</div>"
    )
    text = extract_html(page(body), LIMITS).text
    assert "Artículo 12.-" in text
    assert "INDICADORES" not in text and "©" not in text


def test_script_driven_control_links_are_dropped() -> None:
    body = f'<p>ÍNDICE [<a href="#" onclick="toggle()">Mostrar</a>]</p>{LAW}'
    body += '<p><a href="javascript:print()">Imprimir</a></p>'
    text = extract_html(page(body), LIMITS).text
    assert "ÍNDICE" in text and "Mostrar" not in text and "[]" not in text
    assert "Imprimir" not in text


def test_headings_lists_tables_and_line_breaks() -> None:
    body = (
        "<h2>Capítulo I</h2><h3>Disposiciones generales</h3>"
        "<ul><li>primero</li><li>segundo <b>punto</b></li></ul>"
        "<table><tr><th>Año</th><th>Ley</th></tr><tr><td>2004</td><td>25.871</td></tr></table>"
        "<div>Línea uno<br>Línea dos<br><br>Párrafo nuevo</div>"
        "<pre>  código\n  literal</pre>"
    )
    blocks = extract_html(page(body), LIMITS).blocks
    assert [(b.kind, b.level, b.text) for b in blocks] == [
        ("heading", 2, "Capítulo I"),
        ("heading", 3, "Disposiciones generales"),
        ("list", 0, "primero"),
        ("list", 0, "segundo punto"),
        ("table", 0, "Año | Ley"),
        ("table", 0, "2004 | 25.871"),
        ("paragraph", 0, "Línea uno\nLínea dos"),
        ("paragraph", 0, "Párrafo nuevo"),
        ("paragraph", 0, "  código\n  literal"),
    ]


def test_entities_and_whitespace() -> None:
    body = "<p>Constituci&oacute;n&nbsp;&nbsp;Pol&iacute;tica\n   de los&#32;Estados &amp; más\u200b</p>"
    assert extract_html(page(body), LIMITS).text == "Constitución Política de los Estados & más"


def test_page_full_of_scripts_has_no_text() -> None:
    body = "<script>var a = 1;</script>" * 29 + "<style>p {}</style><noscript>Active JS</noscript>"
    with pytest.raises(ExtractionError, match="no text content in HTML page"):
        extract_html(page(body), LIMITS)


def test_utf8_bytes_win_over_a_wrong_declared_charset() -> None:
    head = '<meta http-equiv="Content-Type" content="text/html; charset=utf-16">'
    head += '<meta charset="ISO-8859-1"><title>Ley</title>'
    text = extract_html(page("<p>Código Civil, artículo 1º</p>", head), LIMITS).text
    assert text == "Código Civil, artículo 1º"


def test_single_byte_page_declaring_utf8_decodes_as_windows_1252() -> None:
    data = page("<p>Código “Civil” – año 1928</p>", '<meta charset="utf-8">').decode()
    result = extract_html(data.encode("cp1252"), LIMITS)
    assert result.text == "Código “Civil” – año 1928"


def test_declared_charset_prefers_single_byte_labels() -> None:
    data = b'<meta charset="utf-16"><meta content="text/html; charset=windows-1252">'
    assert declared_charset(data) == "windows-1252"
    assert declared_charset(b"<p>none</p>") is None


def test_two_titles_the_informative_one_wins() -> None:
    head = (
        "<title>DOF - Diario Oficial de la Federación</title>"
        "<title>DECRETO por el que se reforma la Ley de Migración</title>"
    )
    body = f"<p>DECRETO por el que se reforma la Ley de Migración.</p>{LAW}"
    assert extract_html(page(body, head), LIMITS).metadata["title"] == (
        "DECRETO por el que se reforma la Ley de Migración"
    )


def test_site_name_title_is_kept_apart() -> None:
    head = "<title>InfoLEG - Ministerio de Economía - Argentina</title>"
    meta = extract_html(page(LAW, head), LIMITS).metadata
    assert "title" not in meta
    assert meta["site_title"] == "InfoLEG - Ministerio de Economía - Argentina"


def test_title_is_reduced_to_the_segments_the_text_supports() -> None:
    title = choose_title(["LEY 57 DE 1887 | SUIN Juriscol"], "LEY 57 DE 1887\n\n(abril 15)")
    assert title == "LEY 57 DE 1887"


def test_meta_description_dublin_core_and_language() -> None:
    head = (
        '<meta name="description" content="Ley de migraciones">'
        '<meta name="DC.title" content="Ley 25.871">'
        '<meta name="DC.date" content="21/01/2004">'
        '<meta name="DC.language" content="spa">'
        '<meta name="DC.publisher" content="Congreso">'
        '<meta property="og:type" content="website">'
    )
    meta = extract_html(
        page("<p>Ley 25.871 de Migraciones.</p>", head, lang="es-AR"), LIMITS
    ).metadata
    assert meta["description"] == "Ley de migraciones"
    assert meta["title"] == "Ley 25.871"
    assert meta["date_published"] == "2004-01-21"
    assert meta["language"] == "es"
    assert meta["issuing_body_hint"] == "Congreso"
    assert "instrument_type_hint" not in meta


def test_index_page_made_of_links_keeps_its_list_with_a_warning() -> None:
    rows = "".join(
        f'<tr><td>{n}</td><td><a href="/l{n}.pdf">Ley número {n} de la Federación</a></td></tr>'
        for n in range(40)
    )
    body = f"<div hidden><table>{rows}</table></div><div hidden><table>{rows}</table></div>"
    body += "<p>Índice</p>"
    result = extract_html(page(body), LIMITS)
    assert "Ley número 39 de la Federación" in result.text
    assert any("boilerplate removal kept" in w for w in result.warnings)


def test_unclosed_markup_at_the_end_is_defused() -> None:
    assert defuse("<p>a</p><!-- x <!-- y") == "<p>a</p>"
    assert defuse("<p>a</p> 1 < 2") == "<p>a</p> 1 &lt; 2"


@pytest.mark.parametrize("hostile", [b"<a " * 100_000, b"<!-- " * 100_000, b"<div>" * 50_000])
def test_hostile_markup_stays_fast(hostile: bytes) -> None:
    start = time.perf_counter()
    with contextlib.suppress(ExtractionError):
        extract_html(hostile, LIMITS)
    assert time.perf_counter() - start < 10  # generous: catches quadratic behaviour only


def test_size_limit_is_enforced() -> None:
    with pytest.raises(LimitExceeded):
        extract_html(page(LAW), Limits(max_bytes=100))


# --- the shared corpus -------------------------------------------------------

#: page -> (text that must survive, boilerplate that must not)
CORPUS_PAGES = {
    "ar/constitucion-nacional-ley-24430-infoleg.htm": (
        ["CONSTITUCION DE LA NACION ARGENTINA", "ARTICULO 3º.- Publíquese"],
        ["MInisterio de Justicia", "gtag("],
    ),
    "ar/codigo-civil-y-comercial-ley-26994-infoleg-texact.htm": (
        ["CODIGO CIVIL Y COMERCIAL DE LA NACION", "ARTICULO 1°"],
        ["inicio sitio infoleg"],
    ),
    "co/ley-57-1887-codigo-civil-suin.html": (
        ["LEY 57 DE 1887", "Regirán en la República"],
        ["Ayúdanos a mejorar", "Inscripciones abiertas", "document.write", "Lectura de voz"],
    ),
    "mx/dof-reforma-constitucional-poder-judicial-2024.html": (
        ["ANDRÉS MANUEL LÓPEZ OBRADOR", "Poder Judicial"],
        ["Olvidó su clave", "Crear Usuario", "ENCUESTAS", "INDICADORES", "Ejemplar de hoy"],
    ),
    "mx/diputados-leyes-federales-vigentes.html": (
        ["LEY de Migración", "CÓDIGO Civil Federal"],
        ["LXVI Legislatura"],
    ),
    "mx/ojn-orden-juridico-federal-index.html": (["Ley de Migración"], ["INICIO | / |"]),
    "br/constituicao-federal-1988.html": (["Todos são iguais perante a lei"], []),
    "br/lindb-decreto-lei-4657-1942.html": (["DECRETO-LEI Nº 4.657"], []),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CORPUS_PAGES))
def test_corpus_page_keeps_the_law_and_drops_the_site(shared_corpus: Path, name: str) -> None:
    data = (shared_corpus / "docs" / name).read_bytes()
    start = time.perf_counter()
    result = extract_html(data, LIMITS)
    assert time.perf_counter() - start < 15
    present, absent = CORPUS_PAGES[name]
    for needle in present:
        assert needle in result.text, needle
    for needle in absent:
        assert needle not in result.text, needle
    assert "\ufffd" not in result.text
    assert not re.search("Ã[\u0080-\u00bf]", result.text)  # no UTF-8 read as Latin-1


@pytest.mark.slow
def test_corpus_dof_page_title_is_the_decree_not_the_site(shared_corpus: Path) -> None:
    name = "mx/dof-reforma-constitucional-poder-judicial-2024.html"
    meta = extract_html((shared_corpus / "docs" / name).read_bytes(), LIMITS).metadata
    assert meta["title"].startswith("DECRETO por el que se reforman, adicionan y derogan")
    assert meta["language"] == "es"
