"""Escaping, file downloads and security headers."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from flask import Flask
from flask.testing import FlaskClient

from library.datadir import DataDir
from library.errors import LibraryError
from tests.web.factories import HOSTILE, original_bytes, web_records
from tests.web.helpers import get_html, tags
from web import create_app
from web.results import snippet_markup
from web.security import CONTENT_SECURITY_POLICY

HOSTILE_ID = "cr/decree/2019/hostile"
PAGES = ["/", "/search?q=migración", f"/doc/{HOSTILE_ID}", "/countries", "/doc/none"]


def _no_live_script(html: str) -> None:
    assert "<script" not in html.lower()
    assert "javascript:" not in html.lower().replace("javascript:alert(1)</dd>", "")


@pytest.mark.parametrize(
    "query",
    [HOSTILE, '"><img src=x onerror=alert(1)>', "</title><script>alert(1)</script>",
     "{{ 7*7 }}", "{n}{q}{0}", "%(q)s", "' onmouseover='alert(1)"],
)  # fmt: skip
def test_hostile_queries_are_escaped_everywhere_they_appear(
    client: FlaskClient, query: str
) -> None:
    html = get_html(client, "/search?q=" + quote(query) + "&country=" + quote(query))
    _no_live_script(html)
    assert "<img" not in html and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
    assert "49" not in re.findall(r"<title>(.*?)</title>", html, re.S)[0]
    box = tags(html, "input", id="q")[0]
    assert box["value"] == query.strip()


def test_hostile_titles_headings_and_texts_are_escaped(client: FlaskClient) -> None:
    results = get_html(client, "/search?q=trabajadores+migrantes+decreto")
    assert HOSTILE_ID in results
    _no_live_script(results)
    assert "&lt;script&gt;" in results
    page = get_html(client, f"/doc/{HOSTILE_ID}")
    _no_live_script(page)
    assert (
        page.count("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;") >= 3
    )  # title, heading, text


def test_snippets_are_the_only_trusted_markup_and_index_escapes_them(client: FlaskClient) -> None:
    html = get_html(client, "/search?q=detain")  # the Canadian act's article holds <script>
    snippet = re.search(r'<p class="snippet" lang="en">(.*?)</p>', html, re.S)
    assert snippet and "<mark>detain</mark>" in snippet.group(1)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in snippet.group(1)
    assert str(snippet_markup("<mark>x</mark>")) == "<mark>x</mark>"


def test_a_javascript_source_url_is_not_a_link(client: FlaskClient) -> None:
    html = get_html(client, f"/doc/{HOSTILE_ID}")
    assert not [a for a in tags(html, "a") if a["href"].lower().startswith("javascript")]
    assert "javascript:alert(1)" in html  # shown as text


@pytest.mark.parametrize("path", PAGES)
def test_security_headers_on_every_page(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    headers = response.headers
    assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY
    assert (
        "script-src 'self'" in CONTENT_SECURITY_POLICY
        and "unsafe-inline" not in CONTENT_SECURITY_POLICY
    )
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("path", PAGES)
def test_pages_have_no_inline_script_or_style_and_no_external_assets(
    client: FlaskClient, path: str
) -> None:
    html = client.get(path).get_data(as_text=True)
    assert "<script" not in html and "<style" not in html and " style=" not in html
    assert not re.search(r"\son[a-z]+=", html)  # no inline event handlers
    for tag, attr in (("link", "href"), ("script", "src"), ("img", "src")):
        for found in tags(html, tag):
            value = found.get(attr, "")
            assert value.startswith(("/", "data:")) and not value.startswith("//"), value


def test_pages_have_landmarks_and_a_skip_link(client: FlaskClient) -> None:
    html = get_html(client, "/search?q=trata")
    assert tags(html, "a", class_="skip-link", href="#main")
    assert tags(html, "main", id="main")
    for landmark in ("header", "nav", "footer", "aside"):
        assert tags(html, landmark), landmark


def test_the_stylesheet_is_served_locally(client: FlaskClient) -> None:
    with client.get("/static/style.css") as response:
        assert response.status_code == 200 and b":focus-visible" in response.data


def _sha(language: str = "es") -> str:
    record = next(r for r in web_records() if r.work.work_id == "ar/law/2004/25871")
    return record.expressions[0].file_sha256


def test_download_serves_the_original_bytes_as_a_sandboxed_attachment(client: FlaskClient) -> None:
    record = next(r for r in web_records() if r.work.work_id == "ar/law/2004/25871")
    with client.get(f"/file/{_sha()}") as response:
        assert response.status_code == 200
        assert response.data == original_bytes(record, "es")
        assert response.headers["Content-Type"].startswith("text/markdown")
        assert response.headers["Content-Disposition"].startswith("attachment")
        assert "sandbox" in response.headers["Content-Security-Policy"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_download_name_cannot_inject_headers_or_paths(client: FlaskClient) -> None:
    record = next(r for r in web_records() if r.work.work_id == HOSTILE_ID)
    with client.get(f"/file/{record.files[0].sha256}") as response:
        assert response.status_code == 200
        disposition = response.headers["Content-Disposition"]
        assert "\n" not in disposition and "<script>" not in disposition.split("filename*=")[0]


@pytest.mark.parametrize(
    "sha",
    ["0" * 64, _sha().upper(), _sha()[:63], _sha() + "0", "../../catalogue.sqlite",
     "..%2F..%2Fcatalogue.sqlite", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "g" * 64,
     _sha()[:62] + "/.", "%00" + _sha()[:61]],
)  # fmt: skip
def test_download_refuses_anything_but_a_known_digest(client: FlaskClient, sha: str) -> None:
    with client.get(f"/file/{sha}") as response:
        assert response.status_code == 404
        assert b"SQLite" not in response.data and b"root:" not in response.data


def test_traversal_through_the_document_route_finds_nothing(client: FlaskClient) -> None:
    for path in ("/doc/../catalogue.sqlite", "/doc/..%2F..%2Fcatalogue.sqlite", "/static/../catalogue.sqlite",
                 "/static/..%2F..%2F..%2Fcatalogue.sqlite"):  # fmt: skip
        with client.get(path) as response:
            assert response.status_code == 404, path
            assert b"SQLite" not in response.data


def test_files_of_withdrawn_works_are_not_served(app: Flask, client: FlaskClient) -> None:
    from tests.web.conftest import WITHDRAWN
    from web.state import library

    with library(app).data.open_catalogue() as catalogue:
        sha = catalogue.get_record(WITHDRAWN).expressions[0].file_sha256
    assert sha in library(app).file_store()
    with client.get(f"/file/{sha}") as response:
        assert response.status_code == 404


def test_no_post_forms_and_post_is_refused(client: FlaskClient) -> None:
    for path in ("/", "/search?q=trata", f"/doc/{HOSTILE_ID}", "/countries"):
        html = get_html(client, path)
        assert all(form.get("method") == "get" for form in tags(html, "form"))
    assert client.post("/search", data={"q": "x"}).status_code == 405


def test_create_app_refuses_a_data_dir_without_catalogue(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(LibraryError, match="no catalogue"):
        create_app({"DATA_DIR": str(tmp_path / "empty")})
    assert not (tmp_path / "empty").exists()


def test_each_app_has_its_own_search_service(data_dir: DataDir) -> None:
    from web.state import library

    first = create_app({"DATA_DIR": str(data_dir.root)})
    second = create_app({"DATA_DIR": str(data_dir.root)})
    try:
        assert library(first).service is not library(second).service
        assert library(first).data == data_dir
    finally:
        library(first).close()
        library(second).close()
