"""The ``countries`` blueprint: browse the collection by jurisdiction."""

from __future__ import annotations

from flask import Blueprint, g, render_template, url_for

from index.search import SearchParams
from web.browse import jurisdiction_groups
from web.state import library

bp = Blueprint("countries", __name__)

#: Facet size that lists every jurisdiction (the vocabulary has about fifty).
ALL_VALUES = 1000


@bp.get("/countries")
def index() -> str:
    """Every country and organisation with documents, with their counts."""
    lib = library()
    page = lib.search(SearchParams(ui_language=g.lang, page_size=1, facet_size=ALL_VALUES))
    groups = jurisdiction_groups(
        page, lib.vocab, lambda code: url_for("search.results", country=code, sort="title")
    )
    return render_template("countries/index.html", groups=groups)
