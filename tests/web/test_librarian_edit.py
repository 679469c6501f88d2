"""Editing a work's metadata, withdrawing it, and its audit trail."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from tests.web.conftest import LIBRARIAN
from tests.web.factories import HOSTILE
from tests.web.helpers import get_html, hit_work_ids, post_form, sign_in, tags
from web.metadata_form import CHOICE_FIELDS, DATE_FIELDS, TEXT_FIELDS
from web.state import library

WORK = "ar/law/2012/26842"


def work_form(app: Flask, work_id: str = WORK) -> dict[str, Any]:
    """The metadata form of ``work_id`` as the page fills it in."""
    with library(app).data.open_catalogue() as catalogue:
        record = catalogue.get_record(work_id)
    data: dict[str, Any] = {
        name: getattr(record.work, name) for name in (*TEXT_FIELDS, *DATE_FIELDS, *CHOICE_FIELDS)
    }
    data["topics"] = list(record.work.topics)
    data.update({f"title-{i}": e.title for i, e in enumerate(record.expressions)})
    return data


def test_the_work_page_shows_the_form_with_its_values(
    lib_app: Flask, lib_client: FlaskClient
) -> None:
    sign_in(lib_client, *LIBRARIAN)
    html = get_html(lib_client, f"/librarian/work/{WORK}?lang=en")
    assert tags(html, "input", id="title-0", value="Ley 26.842 que modifica la Ley 26.364")
    assert tags(html, "option", value="AR", selected="")
    assert tags(html, "input", type="checkbox", value="trafficking", checked="")
    assert tags(html, "label", for_="number")
    assert "Audit trail" in html and "ingested" in html


def test_an_edit_is_saved_searchable_and_audited_with_the_user(
    lib_app: Flask, lib_client: FlaskClient
) -> None:
    sign_in(lib_client, *LIBRARIAN)
    data = {**work_form(lib_app), "title-0": "Ley zanahoria de trata", "status": "repealed",
            "note": "título oficial"}  # fmt: skip
    response = post_form(lib_client, f"/librarian/work/{WORK}", data)
    assert response.status_code == 302
    assert WORK in hit_work_ids(get_html(lib_client, "/search?q=zanahoria"))
    html = get_html(lib_client, f"/librarian/work/{WORK}?saved=1&lang=en")
    assert "The changes were saved" in html
    audit = html.split('id="audit-heading"', 1)[1]
    assert "ana" in audit and "Ley zanahoria de trata" in audit and "título oficial" in audit
    with library(lib_app).data.open_catalogue() as catalogue:
        work = catalogue.get_work(WORK)
        assert work.status == "repealed" and work.field_sources["status"] == "given"
        assert [e["actor"] for e in catalogue.audit_trail(WORK)][-2:] == ["ana", "ana"]
    assert "zanahoria" in get_html(lib_client, f"/doc/{WORK}")


def test_a_value_outside_the_vocabulary_is_refused_with_a_message_at_the_field(
    lib_app: Flask, lib_client: FlaskClient
) -> None:
    sign_in(lib_client, *LIBRARIAN)
    data = {**work_form(lib_app), "jurisdiction": "XX", "topics": ["nonsense"],
            "date_adopted": "2012-13-40", "title-0": "Nuevo título"}  # fmt: skip
    response = post_form(lib_client, f"/librarian/work/{WORK}?lang=en", data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert tags(html, "select", id="jurisdiction", **{"aria-invalid": "true"})
    assert 'aria-describedby="jurisdiction-error"' in html
    assert "Choose one of the values offered." in html
    assert "Write the date as YYYY, YYYY-MM or YYYY-MM-DD." in html
    assert tags(html, "input", id="title-0", value="Nuevo título")  # input kept
    with library(lib_app).data.open_catalogue() as catalogue:
        assert catalogue.get_record(WORK).expressions[0].title != "Nuevo título"


def test_hostile_input_is_saved_as_text_and_shown_escaped(
    lib_app: Flask, lib_client: FlaskClient
) -> None:
    sign_in(lib_client, *LIBRARIAN)
    data = {**work_form(lib_app), "title-0": f"Ley {HOSTILE}", "number": f'"><img src=x>{HOSTILE}'}
    assert post_form(lib_client, f"/librarian/work/{WORK}", data).status_code == 302
    for url in (f"/librarian/work/{WORK}", "/librarian/", f"/doc/{WORK}"):
        html = get_html(lib_client, url)
        assert HOSTILE not in html and "<img src=x>" not in html, url
        assert "&lt;script&gt;" in html, url


def test_withdrawing_removes_the_work_from_search_and_its_page(
    lib_app: Flask, lib_client: FlaskClient
) -> None:
    sign_in(lib_client, *LIBRARIAN)
    assert WORK in hit_work_ids(get_html(lib_client, "/search?q=26.842"))
    response = post_form(lib_client, f"/librarian/withdraw/{WORK}", {"reason": "duplicado"})
    assert response.status_code == 302
    assert WORK not in hit_work_ids(get_html(lib_client, "/search?q=26.842"))
    assert lib_client.get(f"/doc/{WORK}").status_code == 404
    html = get_html(lib_client, f"/librarian/work/{WORK}?lang=en")
    assert "duplicado" in html and "withdrawn" in html
    # A later edit of the withdrawn work does not bring it back into search.
    assert post_form(lib_client, f"/librarian/work/{WORK}", work_form(lib_app)).status_code == 302
    assert WORK not in hit_work_ids(get_html(lib_client, "/search?q=26.842"))


def test_withdrawing_needs_a_reason(lib_client: FlaskClient) -> None:
    sign_in(lib_client, *LIBRARIAN)
    response = post_form(lib_client, f"/librarian/withdraw/{WORK}?lang=en", {"reason": " "})
    assert response.status_code == 400 and "This field is required." in response.get_data(True)
    assert lib_client.get(f"/doc/{WORK}").status_code == 200


def test_unknown_works_are_404_and_edits_need_a_token(lib_client: FlaskClient) -> None:
    sign_in(lib_client, *LIBRARIAN)
    assert lib_client.get("/librarian/work/xx/law/1/none").status_code == 404
    assert (
        lib_client.post(f"/librarian/work/{WORK}", data={"status": "repealed"}).status_code == 400
    )
    assert lib_client.post(f"/librarian/withdraw/{WORK}", data={"reason": "x"}).status_code == 400
