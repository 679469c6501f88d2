"""The message catalogues and the choice of the interface language."""

from __future__ import annotations

import json
import re
import string
from importlib import resources

import pytest
from flask.testing import FlaskClient

from tests.web.helpers import get_html, tags
from web.i18n import UI_LANGUAGES, Translator, catalogue

#: Messages spelled the same as in English because they are the same words.
SAME_AS_ENGLISH: dict[str, set[str]] = {
    "es": {"site.title", "size.mb", "audit.change"},
    "pt": {"site.title", "size.mb", "audit.change"},
    "fr": {
        "site.title", "countries.documents.one", "countries.documents.other", "field.format",
        "field.instrument_type", "field.pages", "field.source_url", "pagination.page",
        "part.article", "part.division", "part.section",
    },
}  # fmt: skip
TEMPLATES = resources.files("web") / "templates"
PYTHON = resources.files("web")


def _placeholders(message: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(message) if name}


def test_every_key_is_in_every_catalogue_with_the_same_placeholders() -> None:
    english = catalogue("en")
    for lang in UI_LANGUAGES:
        messages = catalogue(lang)
        assert set(messages) == set(english), lang
        for key, message in messages.items():
            assert message.strip(), (lang, key)
            assert _placeholders(message) == _placeholders(english[key]), (lang, key)


@pytest.mark.parametrize("lang", [lang for lang in UI_LANGUAGES if lang != "en"])
def test_no_message_is_left_in_english(lang: str) -> None:
    english, messages = catalogue("en"), catalogue(lang)
    same = {key for key in english if messages[key] == english[key]}
    assert same == SAME_AS_ENGLISH[lang]


def test_catalogues_are_plain_json_objects_of_strings() -> None:
    for lang in UI_LANGUAGES:
        data = json.loads(
            (resources.files("web") / "translations" / f"{lang}.json").read_text("utf-8")
        )
        assert all(isinstance(v, str) for v in data.values())


def test_every_key_the_code_and_templates_use_exists() -> None:
    used: set[str] = set()
    literal = re.compile(r"""\bt(?:\.n)?\(\s*["']([a-z_]+(?:\.[a-z0-9_]+)+)["']""")
    files = [p for p in TEMPLATES.iterdir() if p.name.endswith(".html")]
    files += [p for d in TEMPLATES.iterdir() if d.is_dir() for p in d.iterdir()]
    files += [p for p in PYTHON.iterdir() if p.name.endswith(".py")]
    for path in files:
        used |= set(literal.findall(path.read_text("utf-8")))
    english = catalogue("en")
    plural = {k.rsplit(".", 1)[0] for k in english if k.endswith((".one", ".other"))}
    missing = {k for k in used if k not in english and k not in plural}
    assert not missing
    assert len(used) > 40  # the pattern does find the keys


def test_plurals_and_numbers_follow_the_language() -> None:
    assert Translator("es").n("results.count", 0) == "Ningún resultado"
    assert Translator("en").n("results.count", 1) == "1 result"
    assert Translator("es").n("results.count", 12345) == "12.345 resultados"
    assert Translator("fr").size(2048) == "2 Ko"
    assert Translator("pt").size(3 * 1024 * 1024 + 200_000) == "3,2 MB"


def test_spanish_is_the_default(client: FlaskClient) -> None:
    html = get_html(client, "/")
    assert '<html lang="es">' in html and "Buscar en la biblioteca" in html


@pytest.mark.parametrize(
    ("header", "lang", "label"),
    [
        ("en-US,en;q=0.9", "en", "Search the library"),
        ("pt-BR", "pt", "Pesquisar na biblioteca"),
        ("fr-CA,fr;q=0.8,en;q=0.5", "fr", "Rechercher dans la bibliothèque"),
        ("de-DE,de;q=0.9", "es", "Buscar en la biblioteca"),
    ],
)
def test_accept_language_chooses_the_interface(
    client: FlaskClient, header: str, lang: str, label: str
) -> None:
    response = client.get("/", headers={"Accept-Language": header})
    html = response.get_data(as_text=True)
    assert f'<html lang="{lang}">' in html and label in html
    assert response.headers["Content-Language"] == lang
    assert "Accept-Language" in response.headers["Vary"]


def test_lang_argument_wins_and_is_kept_in_links_and_the_form(client: FlaskClient) -> None:
    html = get_html(client, "/search?q=trata&lang=pt", headers={"Accept-Language": "en"})
    assert '<html lang="pt">' in html and "Resultados para" in html
    hits = [a["href"] for a in tags(html, "a", class_="part-link")]
    assert hits and all("lang=pt" in href for href in hits)
    assert tags(html, "input", type="hidden", name="lang", value="pt")
    for a in tags(html, "a"):
        href = a["href"]
        if href.startswith("/") and not href.startswith(("/file/", "/static/")):
            assert "lang=" in href, href


def test_without_lang_argument_links_carry_no_language(client: FlaskClient) -> None:
    html = get_html(client, "/search?q=trata", headers={"Accept-Language": "fr"})
    assert '<html lang="fr">' in html
    switcher = {a["hreflang"] for a in tags(html, "a") if "hreflang" in a}
    assert switcher == set(UI_LANGUAGES)
    others = [a["href"] for a in tags(html, "a") if "hreflang" not in a]
    assert not any("lang=" in href for href in others)


def test_language_switcher_keeps_the_search(client: FlaskClient) -> None:
    html = get_html(client, "/search?q=trata&country=AR&page=1&lang=en")
    links = {a["hreflang"]: a["href"] for a in tags(html, "a") if "hreflang" in a}
    assert links["fr"].startswith("/search?") and "q=trata" in links["fr"]
    assert "country=AR" in links["fr"] and "lang=fr" in links["fr"]
    assert "lang=en" not in links["fr"]
    assert tags(html, "a", hreflang="en")[0].get("aria-current") == "true"


def test_facet_labels_come_in_the_interface_language(client: FlaskClient) -> None:
    spanish = get_html(client, "/search?q=&lang=es")
    english = get_html(client, "/search?q=&lang=en")
    assert "Estados Unidos" not in spanish  # not in the collection
    assert "vigente" in spanish and "in force" in english
    assert "trata de personas" in spanish and "trafficking in persons" in english
    assert "Organización de los Estados Americanos" in spanish
    assert "Organization of American States" in english


def test_unknown_lang_argument_is_ignored(client: FlaskClient) -> None:
    html = get_html(client, "/?lang=%3Cxx%3E", headers={"Accept-Language": "en"})
    assert '<html lang="en">' in html and "%3Cxx" not in html and "<xx>" not in html
