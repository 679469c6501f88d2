"""Signing in to the librarian pages: redirects, wrong passwords, throttling, cookies."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.web.conftest import LIBRARIAN
from tests.web.helpers import get_html, post_form, sign_in
from web.auth import safe_next


@pytest.mark.parametrize("path", ["/librarian/", "/librarian/?lang=en"])
def test_librarian_pages_send_strangers_to_the_sign_in(lib_client: FlaskClient, path: str) -> None:
    response = lib_client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/librarian/login?next=")


def test_signing_in_leads_back_to_the_page_asked_for(lib_client: FlaskClient) -> None:
    response = post_form(
        lib_client, "/librarian/login",
        {"name": LIBRARIAN[0], "password": LIBRARIAN[1], "next": "/librarian/?lang=en"},
    )  # fmt: skip
    assert response.status_code == 302 and response.headers["Location"] == "/librarian/?lang=en"
    html = get_html(lib_client, "/librarian/?lang=en")
    assert "Recently changed works" in html


def test_a_wrong_password_gets_the_same_message_as_an_unknown_name(lib_client: FlaskClient) -> None:
    wrong = post_form(lib_client, "/librarian/login?lang=en", {"name": "ana", "password": "nope"})
    unknown = post_form(lib_client, "/librarian/login?lang=en", {"name": "zoe", "password": "nope"})
    assert wrong.status_code == unknown.status_code == 401
    message = "The user name or the password is not correct."
    assert message in wrong.get_data(as_text=True) and message in unknown.get_data(as_text=True)
    assert lib_client.get("/librarian/").status_code == 302


def test_repeated_failures_block_that_name_even_with_the_right_password(
    lib_app: Flask, lib_client: FlaskClient
) -> None:
    for _ in range(lib_app.config["LOGIN_MAX_FAILURES"]):
        post_form(lib_client, "/librarian/login", {"name": "ana", "password": "guess"})
    blocked = post_form(lib_client, "/librarian/login?lang=en",
                        {"name": "ana", "password": LIBRARIAN[1]})  # fmt: skip
    assert blocked.status_code == 429 and "Too many failed attempts" in blocked.get_data(True)
    other = lib_app.test_client()  # another name is not blocked
    sign_in(other, "root", "staple of admins")


def test_the_session_cookie_is_http_only_and_same_site(lib_client: FlaskClient) -> None:
    response = post_form(lib_client, "/librarian/login",
                         {"name": LIBRARIAN[0], "password": LIBRARIAN[1]})  # fmt: skip
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if "migralex_session" in c)
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_signing_out_ends_the_session(lib_client: FlaskClient) -> None:
    sign_in(lib_client, *LIBRARIAN)
    assert lib_client.get("/librarian/").status_code == 200
    assert post_form(lib_client, "/librarian/logout", {}).status_code == 302
    assert lib_client.get("/librarian/").status_code == 302


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"],
)
def test_next_never_leaves_the_site(lib_client: FlaskClient, target: str) -> None:
    response = post_form(lib_client, "/librarian/login",
                         {"name": LIBRARIAN[0], "password": LIBRARIAN[1], "next": target})  # fmt: skip
    assert response.headers["Location"] == "/librarian/"
    assert safe_next(target, "/") == "/"


def test_the_secret_key_is_made_once_in_the_data_directory(lib_app: Flask, writable_data) -> None:  # type: ignore[no-untyped-def]
    key_file = writable_data.root / "secret_key"
    assert key_file.read_text().strip() == lib_app.config["SECRET_KEY"]
    assert len(lib_app.config["SECRET_KEY"]) == 64 and key_file.stat().st_mode & 0o077 == 0


def test_the_throttle_forgets_failures_after_its_window(monkeypatch: pytest.MonkeyPatch) -> None:
    from web import auth

    clock = [1000.0]
    monkeypatch.setattr(auth, "SWEEP_AT", 3)
    throttle = auth.LoginThrottle(max_failures=2, window=60, clock=lambda: clock[0])
    throttle.failed("ana", "10.0.0.1")
    throttle.failed("ANA", "10.0.0.1")
    assert throttle.blocked("ana", "10.0.0.1") and not throttle.blocked("ana", "10.0.0.2")
    clock[0] += 61
    assert not throttle.blocked("ana", "10.0.0.1")
    for n in range(5):  # many names: expired entries are swept
        throttle.failed(f"user{n}", "10.0.0.9")
        clock[0] += 61
    assert len(throttle._failures) <= 3
