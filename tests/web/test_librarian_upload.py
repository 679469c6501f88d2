"""Adding one file through the web: the real ingest pipeline, duplicates, size limit."""

from __future__ import annotations

import io

from flask import Flask
from flask.testing import FlaskClient

from tests.ingest.laws import SPANISH_LAW
from tests.web.conftest import LIBRARIAN
from tests.web.factories import HOSTILE
from tests.web.helpers import form_token, get_html, hit_work_ids, sign_in, tags
from web.state import library

#: A word found in no other document of the test library.
WORD = "ornitorrinco"


def _upload(client: FlaskClient, data: bytes, name: str, url: str = "/librarian/upload") -> object:
    form = {"csrf_token": form_token(client), "file": (io.BytesIO(data), name)}
    return client.post(url, data=form, content_type="multipart/form-data")


def _law() -> bytes:
    return (SPANISH_LAW + f"\n\nArtículo 99. El {WORD} migrante tiene derechos.\n").encode()


def test_an_uploaded_file_is_ingested_indexed_and_audited(
    lib_app: Flask, lib_client: FlaskClient
) -> None:
    lib_app.config["INGEST_JOBS"] = 1  # as served: extraction in a worker process
    sign_in(lib_client, *LIBRARIAN)
    response = _upload(lib_client, _law(), "ley nueva.txt")
    assert response.status_code == 200  # type: ignore[attr-defined]
    html = response.get_data(as_text=True)  # type: ignore[attr-defined]
    assert "ley_nueva.txt" in html
    link = next(a["href"] for a in tags(html, "a") if a["href"].startswith("/librarian/work/"))
    work_id = link.removeprefix("/librarian/work/")
    assert work_id in hit_work_ids(get_html(lib_client, f"/search?q={WORD}"))
    with library(lib_app).data.open_catalogue() as catalogue:
        record = catalogue.get_record(work_id)
        assert (
            record.files[0].added_by == "ana" and record.files[0].original_name == "ley_nueva.txt"
        )
    assert "ana" in get_html(lib_client, link).split('id="audit-heading"', 1)[1]


def test_the_same_bytes_twice_are_reported_as_a_duplicate(lib_client: FlaskClient) -> None:
    sign_in(lib_client, *LIBRARIAN)
    _upload(lib_client, _law(), "a.txt")
    again = _upload(lib_client, _law(), "b.txt")
    response = _upload(lib_client, _law(), "c.txt", "/librarian/upload?lang=en")
    assert again.status_code == response.status_code == 200  # type: ignore[attr-defined]
    assert "is already in the library" in response.get_data(as_text=True)  # type: ignore[attr-defined]


def test_an_oversized_upload_gets_a_clear_413_page(lib_app: Flask, lib_client: FlaskClient) -> None:
    sign_in(lib_client, *LIBRARIAN)
    lib_app.config["MAX_CONTENT_LENGTH"] = 10_000
    response = _upload(lib_client, b"x" * 20_000, "big.txt", "/librarian/upload?lang=en")
    assert response.status_code == 413  # type: ignore[attr-defined]
    assert "File too large" in response.get_data(as_text=True)  # type: ignore[attr-defined]


def test_a_file_that_cannot_be_read_is_rejected_with_the_reason(lib_client: FlaskClient) -> None:
    sign_in(lib_client, *LIBRARIAN)
    response = _upload(lib_client, b"%PDF-1.7\n1 0 obj << /Type /Catalog", f"{HOSTILE}.pdf",
                       "/librarian/upload?lang=en")  # fmt: skip
    assert response.status_code == 422  # type: ignore[attr-defined]
    html = response.get_data(as_text=True)  # type: ignore[attr-defined]
    assert "could not be added" in html and HOSTILE not in html


def test_the_file_name_never_chooses_a_path(lib_app: Flask, lib_client: FlaskClient) -> None:
    sign_in(lib_client, *LIBRARIAN)
    response = _upload(lib_client, _law(), "../../../outside.txt")
    assert response.status_code == 200  # type: ignore[attr-defined]
    root = library(lib_app).data.root
    assert not (root.parent / "outside.txt").exists() and not (root / "outside.txt").exists()


def test_an_upload_needs_a_file_and_a_token(lib_client: FlaskClient) -> None:
    sign_in(lib_client, *LIBRARIAN)
    missing = lib_client.post(
        "/librarian/upload?lang=en", data={"csrf_token": form_token(lib_client)}
    )
    assert missing.status_code == 400 and "Choose a file to add." in missing.get_data(True)
    forged = lib_client.post("/librarian/upload", data={"file": (io.BytesIO(_law()), "x.txt")},
                             content_type="multipart/form-data")  # fmt: skip
    assert forged.status_code == 400


def test_several_files_at_once_each_get_their_outcome(lib_client: FlaskClient) -> None:
    sign_in(lib_client, *LIBRARIAN)
    other = (SPANISH_LAW + "\n\nArtículo 98. El quetzal migrante.\n").encode()
    form = {
        "csrf_token": form_token(lib_client),
        "file": [
            (io.BytesIO(_law()), "uno.txt"),
            (io.BytesIO(b"%PDF-1.7\n1 0 obj"), "roto.pdf"),
            (io.BytesIO(other), "dos.txt"),
        ],
    }
    response = lib_client.post("/librarian/upload?lang=en", data=form,
                               content_type="multipart/form-data")  # fmt: skip
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    outcomes = html.split('class="upload-outcomes"', 1)[1].split("</ul>", 1)[0]
    assert outcomes.count("was added") == 2 and outcomes.count("could not be added") == 1
    assert "quetzal" in get_html(lib_client, "/search?q=quetzal").lower()


def test_too_many_files_at_once_are_refused_with_a_pointer_to_the_cli(
    lib_client: FlaskClient,
) -> None:
    sign_in(lib_client, *LIBRARIAN)
    files = [(io.BytesIO(b"x"), f"f{i}.txt") for i in range(51)]
    response = lib_client.post(
        "/librarian/upload?lang=en",
        data={"csrf_token": form_token(lib_client), "file": files},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert "at most 50 files" in response.get_data(as_text=True)
