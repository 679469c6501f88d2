"""The ``librarian`` blueprint: signing in and out, and the pages that change the catalogue.

Every route but the sign-in page needs a signed-in user (else a redirect to it, with
``next`` limited to paths of this site). Views parse the form, call :mod:`web.librarian`
or the catalogue, and render.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from library.users import verify
from web import auth, librarian
from web.language import labels
from web.state import catalogue

bp = Blueprint("librarian", __name__, url_prefix="/librarian")
PUBLIC_ENDPOINTS = frozenset({"librarian.login"})


@bp.before_request
def require_user() -> ResponseReturnValue | None:
    """Send anyone not signed in to the sign-in page."""
    if request.endpoint in PUBLIC_ENDPOINTS or auth.current_user() is not None:
        return None
    return redirect(url_for("librarian.login", next=request.full_path.rstrip("?")))


@bp.after_request
def no_store(response: Response) -> Response:
    """Pages behind the sign-in are never cached."""
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    """The sign-in form; one generic message for any failure."""
    target = auth.safe_next(request.values.get("next"), url_for("librarian.dashboard"))
    if request.method == "GET":
        return render_template("librarian/login.html", next=target, name="", error="")
    name = request.form.get("name", "").strip()[:64]
    password = request.form.get("password", "")
    address = request.remote_addr or ""
    throttle = auth.throttle()
    if throttle.blocked(name, address):
        page = render_template("librarian/login.html", next=target, name=name,
                               error="login.throttled")  # fmt: skip
        return page, 429
    user = verify(catalogue(), name, password) if name and password else None
    if user is None:
        throttle.failed(name, address)
        page = render_template("librarian/login.html", next=target, name=name, error="login.failed")
        return page, 401
    throttle.succeeded(name, address)
    auth.sign_in(user)
    return redirect(target)


@bp.post("/logout")
def logout() -> ResponseReturnValue:
    """End the session."""
    auth.sign_out()
    return redirect(url_for("search.home"))


@bp.get("/")
def dashboard() -> str:
    """Recently ingested or edited works, with where each field's value came from."""
    rows = librarian.recent_works(catalogue(), labels())
    return render_template("librarian/dashboard.html", rows=rows)


def require_admin() -> None:
    user = auth.current_user()
    if user is None or not user.is_admin:
        abort(403)
