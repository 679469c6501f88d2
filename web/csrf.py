"""Cross-site request forgery: every POST must carry its session's token.

A random token is kept in the session and written into each form as the hidden field
``csrf_token``; a POST (or any other unsafe method) without it, or with another, is
refused with 400 before any view runs. SameSite=Lax cookies already stop most forged
POSTs; the token covers older browsers and same-site attackers.

Written here rather than taken from Flask-WTF: twenty lines, no forms library needed
by forms that are parsed by our own view models.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Any

from flask import Flask, abort, request, session

FIELD = "csrf_token"
SESSION_KEY = "csrf"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def token() -> str:
    """This session's token, created on first use."""
    value = session.get(SESSION_KEY)
    if not isinstance(value, str) or not value:
        value = secrets.token_urlsafe(32)
        session[SESSION_KEY] = value
    return value


def _check() -> None:
    if request.method in SAFE_METHODS or request.routing_exception is not None:
        return  # unknown pages and methods get their 404 or 405 from the router
    expected = session.get(SESSION_KEY)
    given = request.form.get(FIELD, "")
    if not isinstance(expected, str) or not expected or not given:
        abort(400)
    if not hmac.compare_digest(expected.encode(), given.encode()):
        abort(400)


def _template_globals() -> dict[str, Any]:
    return {"csrf_token": token}


def init_app(app: Flask) -> None:
    """Check the token of every unsafe request; give templates ``csrf_token()``."""
    app.before_request(_check)
    app.context_processor(_template_globals)
