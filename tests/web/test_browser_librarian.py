"""The librarian pages in a real browser (headless Chromium): sign in, edit, search.

Slow tests: ``pytest -m slow tests/web``; they skip where Chromium or Playwright is
missing. The server has a library of its own, since the test changes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from library.users import add_user
from tests.web.conftest import LIBRARIAN
from tests.web.factories import build_library, web_records
from tests.web.helpers import served
from web import create_app

pytestmark = pytest.mark.slow
WORK = "ar/law/2012/26842"


@pytest.fixture(scope="module")
def librarian_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = build_library(tmp_path_factory.mktemp("librarian-browser"), web_records())
    with data.open_catalogue() as catalogue:
        add_user(catalogue, LIBRARIAN[0], "librarian", LIBRARIAN[1])
    with served(create_app({"DATA_DIR": str(data.root), "INGEST_JOBS": 0})) as url:
        yield url


@pytest.fixture()
def tab(browser: Any, librarian_url: str) -> Iterator[Any]:
    """A fresh page whose console errors (CSP violations included) fail the test; a form
    sent back with its errors (status 400, which Chromium logs) is expected."""
    context = browser.new_context(base_url=librarian_url, locale="es-ES")
    page = context.new_page()
    errors: list[str] = []
    expected = "the server responded with a status of 400"
    page.on("console", lambda m: errors.append(m.text)
            if m.type == "error" and expected not in m.text else None)  # fmt: skip
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert errors == []


def test_sign_in_edit_a_title_and_find_it(tab: Any) -> None:
    tab.goto(f"/librarian/work/{WORK}")
    tab.wait_for_url(re.compile(r"/librarian/login\?next="))
    tab.get_by_label("Nombre de usuario").fill(LIBRARIAN[0])
    tab.get_by_label("Contraseña").fill(LIBRARIAN[1])
    tab.get_by_role("button", name="Entrar").click()
    tab.wait_for_url(re.compile(r"/librarian/work/ar/law/2012/26842$"))
    title = tab.locator("#title-0")
    title.fill("Ley del colibrí migrante")
    title.press("Enter")  # the form is sent from the keyboard
    tab.wait_for_url(re.compile(r"saved=1"))
    assert tab.get_by_role("status").inner_text().startswith("Los cambios se guardaron")
    tab.goto("/search?q=colibrí")
    assert "Ley del colibrí migrante" in tab.locator("li.hit h2").first.inner_text()


def test_an_invalid_date_is_announced_at_its_field(tab: Any) -> None:
    tab.goto("/librarian/login")
    tab.get_by_label("Nombre de usuario").fill(LIBRARIAN[0])
    tab.get_by_label("Contraseña").fill(LIBRARIAN[1])
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"/librarian/$"))
    tab.goto(f"/librarian/work/{WORK}")
    field = tab.get_by_label("Adopción")
    field.fill("ayer")
    tab.get_by_role("button", name="Guardar").click()
    field = tab.locator("#date_adopted")
    assert field.get_attribute("aria-invalid") == "true"
    described = field.get_attribute("aria-describedby").split()[0]
    assert "AAAA-MM-DD" in tab.locator(f"#{described}").inner_text()
