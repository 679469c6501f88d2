"""Every POST carries its session's token; without it, or with another, it is refused."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.web.conftest import LIBRARIAN
from tests.web.helpers import form_token, sign_in, tags


def test_forms_carry_the_token_of_the_session(lib_client: FlaskClient) -> None:
    html = lib_client.get("/librarian/login").get_data(as_text=True)
    token = tags(html, "input", name="csrf_token")[0]["value"]
    assert len(token) > 30 and token == form_token(lib_client)


@pytest.mark.parametrize("token", [None, "", "forged-token"])
def test_a_post_without_the_right_token_is_refused(
    lib_client: FlaskClient, token: str | None
) -> None:
    form_token(lib_client)  # the session has a token
    data = {"name": LIBRARIAN[0], "password": LIBRARIAN[1]}
    if token is not None:
        data["csrf_token"] = token
    response = lib_client.post("/librarian/login?lang=en", data=data)
    assert response.status_code == 400
    assert "security token" in response.get_data(as_text=True)
    assert lib_client.get("/librarian/").status_code == 302  # not signed in


def test_a_token_of_another_session_is_refused(lib_client: FlaskClient, lib_app) -> None:  # type: ignore[no-untyped-def]
    other = lib_app.test_client()
    sign_in(other, *LIBRARIAN)
    stolen = form_token(other)
    sign_in(lib_client, *LIBRARIAN)
    response = lib_client.post("/librarian/logout", data={"csrf_token": stolen})
    assert response.status_code == 400


def test_signing_in_gives_a_new_token(lib_client: FlaskClient) -> None:
    before = form_token(lib_client)
    sign_in(lib_client, *LIBRARIAN)
    assert form_token(lib_client) not in ("", before)


def test_public_pages_set_no_cookie(client: FlaskClient) -> None:
    for path in ("/", "/search?q=trata", "/countries", "/api/v1/search?q=trata"):
        assert "Set-Cookie" not in client.get(path).headers, path
