"""Error pages in the interface language (404 for unknown documents and pages); JSON
errors under ``/api/``."""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException


def _error_page(error: HTTPException) -> ResponseReturnValue:
    code = error.code or 500
    if request.path.startswith("/api/"):
        message = "no such resource" if code == 404 else "internal error; it has been logged"
        return jsonify({"error": code, "message": message}), code
    key = "404" if code == 404 else "500"
    return render_template("errors/error.html", key=key, code=code), code


def init_app(app: Flask) -> None:
    """Render 404 and 500 responses as pages of the site."""
    for code in (404, 500):
        app.register_error_handler(code, _error_page)
