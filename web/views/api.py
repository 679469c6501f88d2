"""The ``api`` blueprint: read-only JSON under ``/api/v1`` (see :mod:`web.api_spec`).

``/search`` answers with the JSON of ``migralex search --json`` (``index.jsonout``),
``/documents/<work_id>`` with that of ``migralex show --json``
(``library.jsonout``). Errors are JSON too (:func:`json_error`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flask import Blueprint, current_app, g, jsonify, request
from flask.typing import ResponseReturnValue

from index.jsonout import hit_to_json, page_summary_json
from index.search import MAX_PAGE_SIZE
from library.errors import DocumentNotFound
from library.jsonout import record_to_json
from web.api_spec import openapi_spec
from web.params import parse_search_args, whole_number
from web.state import catalogue, library

PREFIX = "/api/v1"
bp = Blueprint("api", __name__, url_prefix=PREFIX)


def json_error(code: int, message: str) -> ResponseReturnValue:
    """An error as ``{"error": code, "message": …}`` with that status."""
    return jsonify({"error": code, "message": message}), code


@bp.get("/search")
def search() -> ResponseReturnValue:
    """One page of hits, then the totals, facets, suggestions and notices."""
    config = current_app.config
    params = parse_search_args(request.args, ui_language=g.lang, page_size=config["PAGE_SIZE"],
                               facet_size=config["FACET_SIZE"])  # fmt: skip
    size = whole_number(request.args.get("page_size"), 1, MAX_PAGE_SIZE)
    if size:
        params = replace(params, page_size=size)
    page = library().search(params)
    body: dict[str, Any] = {
        "hits": [hit_to_json(hit) for hit in page.hits],
        "summary": page_summary_json(page),
    }
    return jsonify(body)


@bp.get("/documents/<path:work_id>")
def document(work_id: str) -> ResponseReturnValue:
    """The stored record of a published work."""
    db = catalogue()
    try:
        if db.is_withdrawn(work_id):
            raise DocumentNotFound(work_id)
        record = db.get_record(work_id)
    except DocumentNotFound:
        # The id is not echoed: a JSON body is no place for markup from the request.
        return json_error(404, "no published work with this id; see /api/v1/search")
    return jsonify(record_to_json(record))


@bp.get("/openapi.json")
def openapi() -> ResponseReturnValue:
    """The OpenAPI description of this API."""
    return jsonify(openapi_spec(PREFIX))
