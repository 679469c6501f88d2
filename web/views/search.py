"""The ``search`` blueprint: the home page and the results page."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Blueprint, current_app, g, render_template, request, url_for

from index.search import SearchParams
from web.language import labels
from web.params import parse_search_args
from web.results import browse_boxes, results_view
from web.state import library

bp = Blueprint("search", __name__)


def search_link(args: Mapping[str, list[str]]) -> str:
    """The URL of the results page for these search arguments."""
    values: dict[str, Any] = dict(args)
    return url_for("search.results", **values)


def document_link(ref: str, anchor: str) -> str:
    """The URL of a document page, at a part's anchor when one is given."""
    return url_for("documents.show", ref=ref, _anchor=anchor or None)


def file_link(sha256: str) -> str:
    """The URL of an original file."""
    return url_for("documents.download", sha256=sha256)


@bp.get("/")
def home() -> str:
    """The home page: the search box and ways into the collection."""
    page = library().search(SearchParams(ui_language=g.lang, page_size=1, facet_size=12))
    return render_template(
        "search/home.html", total=page.total, boxes=browse_boxes(page, search_link)
    )


@bp.get("/search")
def results() -> str:
    """Results of a search: hits with their best parts, facets, pages."""
    config = current_app.config
    params = parse_search_args(request.args, ui_language=g.lang, page_size=config["PAGE_SIZE"],
                               facet_size=config["FACET_SIZE"])  # fmt: skip
    page = library().search(params)
    view = results_view(params, page, labels(), search_link, document_link, file_link)
    return render_template("search/results.html", view=view)
