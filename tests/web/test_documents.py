"""Document pages: metadata, relations, versions, parts with anchors, 404s."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.web.conftest import WITHDRAWN
from tests.web.helpers import get_html, tags


def test_a_document_shows_labelled_metadata_in_the_interface_language(client: FlaskClient) -> None:
    html = get_html(client, "/doc/ar/law/2008/26364?lang=en")
    assert "<h1" in html and "Ley 26.364 de prevención de la trata de personas" in html
    for label, value in [("Type", "Law"), ("Country or organisation", "Argentina"),
                         ("Number", "26.364"), ("Adopted", "2008-04-30"), ("Status", "amended"),
                         ("Language", "Spanish")]:  # fmt: skip
        assert f"<dt>{label}</dt>" in html and value in html
    assert "trafficking in persons" in html
    spanish = get_html(client, "/doc/ar/law/2008/26364?lang=es")
    assert "<dt>Tipo</dt>" in spanish and "modificada" in spanish and "trata de personas" in spanish


def test_metadata_values_link_to_filtered_searches(client: FlaskClient) -> None:
    html = get_html(client, "/doc/ar/law/2008/26364")
    hrefs = [a["href"] for a in tags(html, "a")]
    assert "/search?country=AR" in hrefs and "/search?topic=trafficking" in hrefs
    assert "/search?status=amended" in hrefs


def test_relations_both_ways(client: FlaskClient) -> None:
    amending = get_html(client, "/doc/ar/law/2012/26842?lang=en")
    assert "Amends:" in amending and 'href="/doc/ar/law/2008/26364?lang=en"' in amending
    assert "Regulates: xx/law/1999/not-in-library" in amending  # not in the library: no link
    amended = get_html(client, "/doc/ar/law/2008/26364?lang=en")
    assert "Amended by:" in amended and "Ley 26.842 que modifica la Ley 26.364" in amended


def test_parts_have_the_anchors_of_search_hits_and_labels(client: FlaskClient) -> None:
    html = get_html(client, "/doc/ar/law/2004/25871@es?lang=pt")
    anchors = [s["id"] for s in tags(html, "section") if s.get("id", "").startswith("art-")]
    assert anchors == ["art-1", "art-2", "art-3"]
    assert "Artigo 2" in html and 'href="#art-2"' in html


def test_work_page_picks_the_interface_language_version(client: FlaskClient) -> None:
    english = get_html(client, "/doc/oas/treaty/1994/belem-do-para?lang=en")
    assert '<h1 id="doc-title" lang="en">Belém do Pará Convention</h1>' in english
    spanish = get_html(client, "/doc/oas/treaty/1994/belem-do-para?lang=es")
    assert '<h1 id="doc-title" lang="es">Convención de Belém do Pará</h1>' in spanish
    assert "Versiones lingüísticas" in spanish
    assert 'href="/doc/oas/treaty/1994/belem-do-para@en?lang=es"' in spanish


def test_download_link_of_the_document(client: FlaskClient) -> None:
    html = get_html(client, "/doc/ar/law/2004/25871")
    link = tags(html, "a", class_="button")[0]["href"]
    with client.get(link) as response:
        assert response.status_code == 200
        assert response.data.startswith(b"ar/law/2004/25871es")


@pytest.mark.parametrize(
    "path",
    ["/doc/xx/law/1/none", "/doc/ar/law/2004/25871@zz", f"/doc/{WITHDRAWN}", f"/doc/{WITHDRAWN}@es",
     "/doc/" + "a/" * 400, "/doc/%00", "/no/such/page", "/doc/ar/law/2004/25871@"],
)  # fmt: skip
def test_unknown_or_withdrawn_documents_are_404_pages(client: FlaskClient, path: str) -> None:
    html = get_html(client, path + "?lang=en", status=404)
    assert "Page not found" in html and '<html lang="en">' in html
    assert tags(html, "a", href="/?lang=en")


def test_countries_page_lists_jurisdictions_with_counts(client: FlaskClient) -> None:
    html = get_html(client, "/countries?lang=es")
    assert "Países" in html and "Organizaciones internacionales y regionales" in html
    assert "Argentina" in html and "Organización de los Estados Americanos" in html
    link = next(a["href"] for a in tags(html, "a") if "country=AR" in a["href"])
    assert "3 documentos" in html  # Argentina: 25.871, 26.364, 26.842
    assert get_html(client, link.replace("&amp;", "&"))
    assert "Perú" not in html  # only a withdrawn work


def test_a_server_error_is_a_page_of_the_site_without_details(data_dir) -> None:  # type: ignore[no-untyped-def]
    from web import create_app
    from web.state import library

    app = create_app({"DATA_DIR": str(data_dir.root)})

    def broken() -> str:
        raise RuntimeError("secret detail")

    app.add_url_rule("/broken", view_func=broken)
    try:
        response = app.test_client().get("/broken?lang=fr")
        html = response.get_data(as_text=True)
        assert response.status_code == 500
        assert "Une erreur est survenue" in html and "secret detail" not in html
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    finally:
        library(app).close()
