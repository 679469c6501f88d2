"""Reading pages in tests: the visible structure, not the exact markup."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser

from flask import Flask
from flask.testing import FlaskClient


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def tags(html: str, tag: str, **attrs: str) -> list[dict[str, str]]:
    """Attributes of each ``<tag>`` start tag having ``attrs`` (``class_`` for class)."""
    parser = _Collector()
    parser.feed(html)
    wanted = {k.rstrip("_"): v for k, v in attrs.items()}
    return [a for t, a in parser.tags if t == tag and all(a.get(k) == v for k, v in wanted.items())]


def hit_links(html: str) -> list[str]:
    """The document URLs of the hits, in order."""
    return re.findall(r'<h2 class="hit-title" id="hit-\d+"><a href="([^"]+)"', html)


def hit_work_ids(html: str) -> list[str]:
    return [re.sub(r"^/doc/|@.*$|\?.*$", "", url) for url in hit_links(html)]


def get_html(client: FlaskClient, url: str, status: int = 200, **kwargs: object) -> str:
    response = client.get(url, **kwargs)  # type: ignore[arg-type]
    assert response.status_code == status, (url, response.status_code)
    return response.get_data(as_text=True)


def summary(html: str) -> str:
    found = re.search(r'<p class="summary" role="status">(.*?)</p>', html, re.S)
    assert found, "no result summary on the page"
    return found.group(1)


def form_token(client: FlaskClient) -> str:
    """The CSRF token of the client's session, as a form of the site carries it ("" if none)."""
    html = get_html(client, "/librarian/login")
    found = tags(html, "input", name="csrf_token")
    return found[0]["value"] if found else ""


def post_form(client: FlaskClient, url: str, data: dict[str, object], **kwargs: object) -> object:
    """POST ``data`` to ``url`` as the site's forms do, with the session's CSRF token."""
    return client.post(url, data={"csrf_token": form_token(client), **data}, **kwargs)  # type: ignore[arg-type]


def sign_in(client: FlaskClient, name: str, password: str) -> None:
    """Sign ``client`` in, or fail the test."""
    response = post_form(client, "/librarian/login", {"name": name, "password": password})
    assert response.status_code == 302, response.status_code  # type: ignore[attr-defined]


@contextmanager
def served(app: Flask) -> Iterator[str]:
    """``app`` served by waitress on a free loopback port: yields its base URL, then
    stops the server and closes the app's searcher."""
    from waitress.server import create_server

    from web.state import library

    server = create_server(app, host="127.0.0.1", port=0, threads=2)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        server.close()
        thread.join(timeout=10)
        library(app).close()
