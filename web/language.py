"""Per-request interface language: ``?lang=`` (kept in every link), else Accept-Language, else es."""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, g, request, url_for

from web.i18n import NATIVE_NAMES, UI_LANGUAGES, Translator, negotiate
from web.labels import Labels
from web.state import library


def translator() -> Translator:
    """The messages of this request's language."""
    return Translator(g.get("lang", "es"))


def labels() -> Labels:
    """Vocabulary and message labels in this request's language."""
    return Labels(library().vocab, translator())


def _choose_language() -> None:
    g.lang, g.lang_explicit = negotiate(request.args.get("lang"), request.accept_languages)


def _keep_language(endpoint: str, values: dict[str, Any]) -> None:
    if g.get("lang_explicit") and endpoint not in ("static", "documents.download"):
        values.setdefault("lang", g.lang)


def switch_links() -> list[tuple[str, str, str, bool]]:
    """``(code, native name, URL, current)`` of the same page in each interface language."""
    endpoint = request.endpoint if request.url_rule is not None else None
    args: dict[str, Any] = {k: request.args.getlist(k) for k in request.args if k != "lang"}
    out = []
    for code in UI_LANGUAGES:
        if endpoint and endpoint != "static":
            url = url_for(endpoint, **(request.view_args or {}), **args, lang=code)
        else:
            url = url_for("search.home", lang=code)
        out.append((code, NATIVE_NAMES[code], url, code == g.get("lang")))
    return out


def _template_globals() -> dict[str, Any]:
    return {
        "t": translator(),
        "lang": g.get("lang", "es"),
        "lang_explicit": bool(g.get("lang_explicit")),
        "language_links": switch_links,
    }


def _language_headers(response: Response) -> Response:
    response.headers["Content-Language"] = g.get("lang", "es")
    response.vary.add("Accept-Language")
    return response


def init_app(app: Flask) -> None:
    """Choose the language before each request and keep it in generated links."""
    app.before_request(_choose_language)
    app.url_defaults(_keep_language)
    app.context_processor(_template_globals)
    app.after_request(_language_headers)
