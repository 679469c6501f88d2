"""The ``documents`` blueprint: a page per work or expression, and the original files."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, g, render_template, send_file, url_for

from library.errors import DocumentNotFound
from web import documents
from web.language import labels
from web.security import DOWNLOAD_POLICY
from web.state import catalogue, library
from web.views.search import document_link, file_link

bp = Blueprint("documents", __name__)

#: Media types of the formats ingest recognises; anything else is octet-stream.
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "html": "text/html",
    "xml": "application/xml",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "rtf": "application/rtf",
    "doc": "application/msword",
    "markdown": "text/markdown",
    "text": "text/plain",
}
_HEX = frozenset("0123456789abcdef")


def _filter_link(arg: str, value: str) -> str:
    values: dict[str, Any] = {arg: value}
    return url_for("search.results", **values)


@bp.get("/doc/<path:ref>")
def show(ref: str) -> str:
    """One language version of a work: metadata, relations, versions and its parts."""
    try:
        record, expression = documents.load(catalogue(), ref, g.lang)
    except DocumentNotFound:
        abort(404)
    view = documents.document_view(catalogue(), record, expression, labels(), document_link,
                                   _filter_link, file_link)  # fmt: skip
    return render_template("documents/show.html", doc=view)


@bp.get("/file/<sha256>")
def download(sha256: str) -> Response:
    """The original file of a document, unchanged, as an attachment."""
    if len(sha256) != 64 or not set(sha256) <= _HEX:
        abort(404)
    db = catalogue()
    work_id = db.work_for_file(sha256)
    store = library().file_store()
    if work_id is None or db.is_withdrawn(work_id) or sha256 not in store:
        abort(404)
    file = db.get_file(sha256)
    name = file.original_name.rsplit("/", 1)[-1] or f"{sha256[:12]}.{file.format or 'bin'}"
    response = send_file(
        store.path(sha256),  # FileStore.path accepts only a 64-hex digest
        mimetype=MEDIA_TYPES.get(file.format, "application/octet-stream"),
        as_attachment=True,
        download_name=name,
        max_age=31536000,  # content-addressed: the bytes under this URL never change
    )
    response.headers["Content-Security-Policy"] = DOWNLOAD_POLICY
    return response
