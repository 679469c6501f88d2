"""The ``librarian`` blueprint: signing in and out, and the pages that change the catalogue.

Every route but the sign-in page needs a signed-in user (else a redirect to it, with
``next`` limited to paths of this site). Views parse the form, call :mod:`web.librarian`
or the catalogue, and render.
"""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue

from library.errors import DocumentNotFound
from library.model import Record
from library.users import verify
from web import auth, librarian
from web.language import labels
from web.metadata_form import MetadataForm, metadata_form, parse_metadata
from web.state import catalogue, library

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
    user = auth.current_user()
    reindexed = request.args.get("reindexed", "")
    return render_template("librarian/dashboard.html", rows=rows,
                           is_admin=bool(user and user.is_admin),
                           reindexed=int(reindexed) if reindexed.isdigit() else None)  # fmt: skip


def _record(work_id: str) -> Record:
    try:
        return catalogue().get_record(work_id)
    except DocumentNotFound:
        abort(404)


def _work_page(
    record: Record, form: MetadataForm | None = None, status: int = 200, **extra: str
) -> ResponseReturnValue:
    """The work page; ``extra`` holds the relation and withdrawal forms' errors and input."""
    db, lbl = catalogue(), labels()
    page = render_template(
        "librarian/work.html",
        record=record,
        title=librarian.title_of(record),
        withdrawn=db.is_withdrawn(record.work.work_id),
        form=form or metadata_form(record, library().vocab, lbl),
        sources=librarian.field_sources(record, lbl),
        audit=librarian.audit_entries(librarian.work_trail(db, record), lbl),
        saved=request.args.get("saved") == "1",
        withdraw_error=extra.get("withdraw_error", ""),
        relations=librarian.relation_rows(db, record.work, lbl),
        relation_kinds=librarian.relation_kinds(lbl),
        relation_error=extra.get("relation_error", ""),
        relation_target=extra.get("relation_target", ""),
    )
    return page, status


@bp.get("/work/<path:work_id>")
def work(work_id: str) -> ResponseReturnValue:
    """A work's metadata form, its provenance, withdrawal and audit trail."""
    return _work_page(_record(work_id))


@bp.post("/work/<path:work_id>")
def save(work_id: str) -> ResponseReturnValue:
    """Check and save the metadata form; the index follows."""
    record = _record(work_id)
    lib, user = library(), auth.current_user()
    assert user is not None  # require_user ran
    done = parse_metadata(request.form, record, lib.vocab)
    if done.errors:
        form = metadata_form(record, lib.vocab, labels(), request.form, done.errors)
        return _work_page(record, form, 400)
    librarian.save_metadata(catalogue(), lib.service, record, done, user.name)
    return redirect(url_for("librarian.work", work_id=work_id, saved=1))


@bp.post("/withdraw/<path:work_id>")
def withdraw(work_id: str) -> ResponseReturnValue:
    """Withdraw a work with a reason: gone from search and pages, kept in the catalogue."""
    record = _record(work_id)
    reason = request.form.get("reason", "").strip()
    if not reason or len(reason) > 300:
        return _work_page(record, status=400, withdraw_error="form.error.required"
                          if not reason else "form.error.too_long")  # fmt: skip
    user = auth.current_user()
    assert user is not None
    librarian.withdraw(catalogue(), library().service, work_id, reason, user.name)
    return redirect(url_for("librarian.work", work_id=work_id))


@bp.post("/relations/<path:work_id>")
def relations(work_id: str) -> ResponseReturnValue:
    """Add a relation to another work, or remove one; the index follows."""
    record = _record(work_id)
    user = auth.current_user()
    assert user is not None
    form = request.form
    if form.get("action") == "remove":
        librarian.remove_relation(catalogue(), library().service, work_id, form.get("kind", ""),
                                  form.get("target", ""), user.name)  # fmt: skip
        return redirect(url_for("librarian.work", work_id=work_id, _anchor="relations-heading"))
    target = form.get("target", "").strip()[:300]
    error = librarian.add_relation(catalogue(), library().service, work_id, form.get("kind", ""),
                                   target, form.get("note", ""), user.name)  # fmt: skip
    if error:
        return _work_page(record, status=400, relation_error=error, relation_target=target)
    return redirect(url_for("librarian.work", work_id=work_id, _anchor="relations-heading"))


@bp.get("/upload")
def upload_form() -> str:
    """The form to add one file or several."""
    return render_template("librarian/upload.html", error="", outcomes=())


@bp.post("/upload")
def upload() -> ResponseReturnValue:
    """Ingest the uploaded files through the pipeline, one by one, and say what became
    of each; one bad file never stops the others."""
    sent = [f for f in request.files.getlist("file") if f.filename]
    if not sent or len(sent) > librarian.MAX_FILES_PER_UPLOAD:
        error = "form.error.file" if not sent else "form.error.too_many_files"
        page = render_template("librarian/upload.html", error=error, outcomes=(),
                               max_files=librarian.MAX_FILES_PER_UPLOAD)  # fmt: skip
        return page, 400
    user = auth.current_user()
    assert user is not None
    outcomes = tuple(
        librarian.ingest_upload(
            catalogue(), library(), f.stream, f.filename or "", user.name, current_app.config
        )  # fmt: skip
        for f in sent
    )
    page = render_template("librarian/upload.html", error="", outcomes=outcomes)
    return page, 422 if all(o.outcome == "rejected" for o in outcomes) else 200


@bp.post("/reindex")
def reindex() -> ResponseReturnValue:
    """Rebuild the search index from the catalogue (admins only)."""
    user = auth.current_user()
    if user is None or not user.is_admin:
        abort(403)
    count = librarian.rebuild_index(catalogue(), library())
    return redirect(url_for("librarian.dashboard", reindexed=count))
