"""The site in a real browser: headless Chromium (the system's) driven by Playwright.

Slow tests: ``pytest -m slow tests/web``. They skip, saying why, where Chromium or
Playwright is missing; nothing is downloaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.web.conftest import PAGE_SIZE

pytestmark = pytest.mark.slow


@pytest.fixture()
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A fresh page whose console errors (CSP violations included) fail the test."""
    context = browser.new_context(base_url=base_url, locale="es-ES")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    yield tab
    context.close()
    assert errors == []


def test_type_a_query_and_see_highlighted_results(page: Any) -> None:
    page.goto("/")
    page.get_by_label("Buscar en la biblioteca").fill("reunificación familiar")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=reunificaci"))
    first = page.locator("li.hit").first
    assert "Ley 25.871" in first.locator("h2").inner_text()
    assert first.locator("mark").first.inner_text().lower() in ("reunificación", "familiar")
    assert page.locator("#q").input_value() == "reunificación familiar"


def test_tick_a_facet_and_apply(page: Any) -> None:
    page.goto("/search?q=migrante")
    before = page.locator("li.hit").count()
    page.get_by_label(re.compile(r"^Argentina")).check()
    page.locator("aside").get_by_role("button", name="Aplicar filtros").click()
    page.wait_for_url(re.compile(r"country=AR"))
    assert "q=migrante" in page.url
    assert page.get_by_label(re.compile(r"^Argentina")).is_checked()
    metas = page.locator("li.hit .hit-meta").all_inner_texts()
    assert metas and all("Argentina" in m for m in metas) and len(metas) <= max(before, PAGE_SIZE)
    page.get_by_role("link", name=re.compile("Quitar el filtro")).click()
    page.wait_for_url(lambda url: "country=" not in url)


def test_follow_a_snippet_to_the_article(page: Any) -> None:
    page.goto("/search?q=reunificación+familiar")
    link = page.locator("a.part-link").first
    href = link.get_attribute("href")
    anchor = href.split("#", 1)[1]
    link.click()
    page.wait_for_url(re.compile(re.escape("#" + anchor) + "$"))
    target = page.locator(f"section#{anchor}")
    assert page.evaluate("document.querySelector(':target').id") == anchor
    assert "reunificación familiar" in target.inner_text()
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]


def test_switch_language_and_keep_it_while_searching(page: Any) -> None:
    page.goto("/search?q=trata")
    assert page.locator("html").get_attribute("lang") == "es"
    page.get_by_role("navigation", name="Idioma de la interfaz").get_by_role(
        "link", name="English"
    ).click()
    page.wait_for_url(re.compile(r"lang=en"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert (
        "q=trata" in page.url and page.get_by_label("Search the library").input_value() == "trata"
    )
    page.get_by_label("Search the library").fill("refugio")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url(re.compile(r"q=refugio"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Results for" in page.locator("h1").inner_text()


def test_keyboard_reaches_the_search_box_through_the_skip_link(page: Any) -> None:
    page.goto("/doc/ar/law/2004/25871")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    skip = page.locator("a.skip-link").bounding_box()
    assert skip is not None and skip["y"] >= 0  # shown when focused
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.type("trata")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=trata"))
    assert page.locator("li.hit").count() > 0


def test_focus_is_visible_on_links_and_controls(page: Any) -> None:
    page.goto("/search?q=trata")
    page.locator("#q").focus()
    page.keyboard.press("Tab")  # the search button
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
