"""The web front end: search, document pages, browsing by country, and the librarian
pages behind a sign-in (:mod:`web.views.librarian`).

:func:`create_app` builds the Flask app over one data directory (the layout of
:class:`library.datadir.DataDir`, the same as the command line's). Views are thin:
arguments are parsed by :mod:`web.params`, searches run in :mod:`index`, and pages
are built by the view models of :mod:`web.results`, :mod:`web.documents` and
:mod:`web.browse`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask
from jinja2 import StrictUndefined

from library.datadir import DataDir
from library.errors import LibraryError
from library.settings import setting
from web import auth, csrf, language, security, state
from web.views import api, countries, documents, errors, librarian, search


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """The Migralex web app.

    :param config: Flask settings applied over the defaults: ``DATA_DIR`` (else
        $MIGRALEX_DATA, else ./instance), ``PAGE_SIZE`` and ``FACET_SIZE`` (the
        ``page_size`` and ``facet_size`` settings), ``SECRET_KEY`` (else the
        data directory's ``secret_key`` file, created on first use),
        ``SESSION_COOKIE_SECURE`` (set it behind HTTPS), ``LOGIN_MAX_FAILURES`` and
        ``LOGIN_WINDOW_SECONDS`` (the sign-in throttle), ``MAX_CONTENT_LENGTH`` (largest
        upload, 50 MB), ``INGEST_TIMEOUT`` (seconds of extraction per upload) and
        ``INGEST_JOBS`` (1: extract uploads in a worker process; 0: in the server's),
        and any of Flask's.
    :raises LibraryError: when the data directory holds no catalogue.
    """
    app = Flask(__name__)
    app.config.from_mapping(
        DATA_DIR=None,
        PAGE_SIZE=setting("page_size"),
        FACET_SIZE=setting("facet_size"),
        JSON_AS_ASCII=False,
        SECRET_KEY=None,
        SESSION_COOKIE_NAME="migralex_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=False,
        PERMANENT_SESSION_LIFETIME=8 * 3600,
        LOGIN_MAX_FAILURES=5,
        LOGIN_WINDOW_SECONDS=900,
        MAX_CONTENT_LENGTH=50 * 1024 * 1024,
        INGEST_TIMEOUT=120,
        INGEST_JOBS=1,
    )
    if config:
        app.config.from_mapping(config)
    data = DataDir.resolve(app.config["DATA_DIR"])
    if not data.catalogue_path.is_file():
        raise LibraryError(
            f"no catalogue at {data.catalogue_path}; run `migralex demo --data {data.root}`"
            f" or `migralex ingest PATH --data {data.root}` first"
        )
    app.jinja_env.autoescape = True  # every template, whatever its name
    app.jinja_env.undefined = StrictUndefined
    state.init_app(app, data)
    auth.init_app(app, data.root)
    language.init_app(app)
    security.init_app(app)
    csrf.init_app(app)
    errors.init_app(app)
    app.register_blueprint(search.bp)
    app.register_blueprint(documents.bp)
    app.register_blueprint(countries.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(librarian.bp)
    return app


__all__ = ["create_app"]
