"""The admins' button that rebuilds the index from the catalogue."""

from __future__ import annotations

import shutil

from flask import Flask
from flask.testing import FlaskClient

from tests.web.conftest import ADMIN, LIBRARIAN
from tests.web.helpers import get_html, hit_work_ids, post_form, sign_in, tags
from tests.web.test_librarian_edit import work_form
from web.state import library

WORK = "ar/law/2012/26842"


def test_an_admin_rebuilds_a_lost_index(lib_app: Flask, lib_client: FlaskClient) -> None:
    sign_in(lib_client, *ADMIN)
    assert tags(get_html(lib_client, "/librarian/"), "form", action="/librarian/reindex")
    lib = library(lib_app)
    shutil.rmtree(lib.data.index_path)  # the index is derived: it may be lost
    lib.service.close()
    response = post_form(lib_client, "/librarian/reindex?lang=en", {})
    assert response.status_code == 302
    html = get_html(lib_client, response.headers["Location"])
    assert "The index was rebuilt with" in html
    assert WORK in hit_work_ids(get_html(lib_client, "/search?q=26.842"))


def test_an_edit_after_a_rebuild_is_searchable(lib_app: Flask, lib_client: FlaskClient) -> None:
    sign_in(lib_client, *ADMIN)
    post_form(lib_client, "/librarian/reindex", {})
    data = {**work_form(lib_app), "title-0": "Ley mandarina"}
    assert post_form(lib_client, f"/librarian/work/{WORK}", data).status_code == 302
    assert WORK in hit_work_ids(get_html(lib_client, "/search?q=mandarina"))


def test_the_dashboard_title_is_only_its_name(lib_client: FlaskClient) -> None:
    sign_in(lib_client, *ADMIN)
    html = get_html(lib_client, "/librarian/")
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "<form" not in title and html.count('action="/librarian/reindex"') == 1


def test_librarians_may_not_rebuild_the_index(lib_client: FlaskClient) -> None:
    sign_in(lib_client, *LIBRARIAN)
    assert not tags(get_html(lib_client, "/librarian/"), "form", action="/librarian/reindex")
    response = post_form(lib_client, "/librarian/reindex?lang=en", {})
    assert response.status_code == 403 and "Not allowed" in response.get_data(as_text=True)
