"""Fixtures of the web tests: one small library on disk per session, an app per test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from library.datadir import DataDir
from library.users import add_user
from tests.index.factories import make_record
from tests.web.factories import build_library, web_records
from tests.web.helpers import served
from web import create_app
from web.state import library

#: Small pages, so that the collection spans several.
PAGE_SIZE = 3
WITHDRAWN = "pe/law/2003/withdrawn"


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> DataDir:
    withdrawn = make_record(
        WITHDRAWN,
        ["Ley retirada sobre migración."],
        title="Ley retirada",
        jurisdiction="PE",
        date="2003-01-01",
    )
    root = tmp_path_factory.mktemp("web-data")
    return build_library(root, [*web_records(), withdrawn], withdrawn=(WITHDRAWN,))


@pytest.fixture()
def app(data_dir: DataDir) -> Iterator[Flask]:
    app = create_app({"DATA_DIR": str(data_dir.root), "PAGE_SIZE": PAGE_SIZE, "TESTING": True})
    yield app
    library(app).close()


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="module")
def base_url(data_dir: DataDir) -> Iterator[str]:
    """The test library served by waitress on a free port of the loopback."""
    with served(create_app({"DATA_DIR": str(data_dir.root), "PAGE_SIZE": PAGE_SIZE})) as url:
        yield url


#: The librarian of the writable test libraries, and her password.
LIBRARIAN = ("ana", "correct horse battery")
ADMIN = ("root", "staple of admins")


@pytest.fixture()
def writable_data(tmp_path: Path) -> DataDir:
    """A library of its own for a test that changes it, with a librarian and an admin."""
    data = build_library(tmp_path / "data", web_records())
    with data.open_catalogue() as catalogue:
        add_user(catalogue, LIBRARIAN[0], "librarian", LIBRARIAN[1])
        add_user(catalogue, ADMIN[0], "admin", ADMIN[1])
    return data


@pytest.fixture()
def lib_app(writable_data: DataDir) -> Iterator[Flask]:
    app = create_app({"DATA_DIR": str(writable_data.root), "TESTING": True, "INGEST_JOBS": 0})
    yield app
    library(app).close()


@pytest.fixture()
def lib_client(lib_app: Flask) -> FlaskClient:
    return lib_app.test_client()


CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = CHROMIUM if CHROMIUM.exists() else shutil.which("chromium")
    if not executable:
        pytest.skip(
            "Chromium not found at /usr/bin/chromium: install the Debian package chromium (./run does)"
        )
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[test]'")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(executable), headless=True)
        yield launched
        launched.close()
