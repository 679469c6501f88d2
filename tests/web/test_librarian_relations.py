"""Linking a work to another from its librarian page."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.web.conftest import LIBRARIAN
from tests.web.factories import HOSTILE
from tests.web.helpers import get_html, post_form, sign_in

SOURCE = "oas/treaty/1994/belem-do-para"
TARGET = "ar/law/2008/26364"


def test_a_relation_is_added_shown_on_both_pages_and_removed(lib_client: FlaskClient) -> None:
    sign_in(lib_client, *LIBRARIAN)
    response = post_form(lib_client, f"/librarian/relations/{SOURCE}",
                         {"action": "add", "kind": "implements", "target": TARGET})  # fmt: skip
    assert response.status_code == 302
    html = get_html(lib_client, f"/librarian/work/{SOURCE}?lang=en")
    assert f"<code>{TARGET}</code>" in html and f'href="/librarian/work/{TARGET}?lang=en"' in html
    audit = html.split('id="audit-heading"', 1)[1]
    assert "ana" in audit and TARGET in audit
    assert SOURCE in get_html(lib_client, f"/doc/{TARGET}")  # "implemented by" on the public page
    post_form(lib_client, f"/librarian/relations/{SOURCE}",
              {"action": "remove", "kind": "implements", "target": TARGET})  # fmt: skip
    assert f"<code>{TARGET}</code>" not in get_html(lib_client, f"/librarian/work/{SOURCE}")


def test_a_relation_to_an_unknown_work_is_refused_at_the_field(lib_client: FlaskClient) -> None:
    sign_in(lib_client, *LIBRARIAN)
    response = post_form(lib_client, f"/librarian/relations/{SOURCE}?lang=en",
                         {"action": "add", "kind": "amends", "target": HOSTILE})  # fmt: skip
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "No published work has this id." in html and HOSTILE not in html
    assert 'aria-describedby="relation-target-error relation-target-hint"' in html


def test_an_unknown_kind_is_refused(lib_client: FlaskClient) -> None:
    sign_in(lib_client, *LIBRARIAN)
    response = post_form(lib_client, f"/librarian/relations/{SOURCE}?lang=en",
                         {"action": "add", "kind": "likes", "target": TARGET})  # fmt: skip
    assert response.status_code == 400 and "Choose one of the values offered." in response.get_data(
        True
    )
