"""Error pages in the interface language (400 for a form without its token, 403, 404 for
unknown documents and pages, 413 for an upload too large); JSON
errors under ``/api/``."""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException


def _error_page(error: HTTPException) -> ResponseReturnValue:
    code = error.code or 500
    if request.path.startswith("/api/"):
        message = (
            "no such resource" if code == 404
            else "bad request" if code < 500
            else "internal error; it has been logged"
        )  # fmt: skip
        return jsonify({"error": code, "message": message}), code
    key = str(code) if code in PAGES else "500"
    return render_template("errors/error.html", key=key, code=code), code


#: Statuses with a page of their own; any other error shows the 500 page.
PAGES = (400, 403, 404, 413, 500)


def init_app(app: Flask) -> None:
    """Render the :data:`PAGES` errors as pages of the site."""
    for code in PAGES:
        app.register_error_handler(code, _error_page)
