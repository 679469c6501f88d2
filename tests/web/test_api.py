"""The JSON API: the same answers as the command line's JSON, and JSON errors."""

from __future__ import annotations

import json

from flask.testing import FlaskClient

from tests.web.conftest import PAGE_SIZE, WITHDRAWN
from web.params import FACET_PARAMS

HIT_KEYS = {"rank", "score", "work_id", "expression_id", "title", "language", "jurisdiction",
            "instrument_type", "year", "status", "sha256", "parts"}  # fmt: skip


def _json(client: FlaskClient, url: str, status: int = 200) -> dict:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    assert response.mimetype == "application/json"
    return json.loads(response.get_data(as_text=True))


def test_search_returns_hits_parts_and_a_summary(client: FlaskClient) -> None:
    body = _json(client, "/api/v1/search?q=reunificación+familiar&lang=en")
    first = body["hits"][0]
    assert set(first) >= HIT_KEYS and first["work_id"] == "ar/law/2004/25871"
    assert first["parts"] and "<mark>" in first["parts"][0]["snippet"]
    summary = body["summary"]
    assert summary["total"] >= len(body["hits"]) and summary["page_size"] == PAGE_SIZE
    assert {v["label"] for v in summary["facets"]["jurisdiction"]} >= {"Argentina"}


def test_search_filters_page_size_and_junk(client: FlaskClient) -> None:
    everything = _json(client, "/api/v1/search?page_size=100")["summary"]["total"]
    argentina = _json(client, "/api/v1/search?country=AR&page_size=100")
    assert 0 < argentina["summary"]["total"] < everything
    assert all(h["jurisdiction"] == "AR" for h in argentina["hits"])
    assert len(argentina["hits"]) == argentina["summary"]["total"]
    junk = _json(client, '/api/v1/search?q="trata+(de&page=abc&page_size=0&year_from=x')
    assert junk["summary"]["notices"] and junk["summary"]["page"] == 1


def test_documents_give_the_stored_record(client: FlaskClient) -> None:
    body = _json(client, "/api/v1/documents/ar/law/2004/25871")
    assert body["work"]["work_id"] == "ar/law/2004/25871"
    assert body["expressions"][0]["parts"] and body["files"][0]["sha256"]


def test_unknown_and_withdrawn_documents_are_json_404s(client: FlaskClient) -> None:
    for url in (f"/api/v1/documents/{WITHDRAWN}", "/api/v1/documents/xx/none",
                "/api/v1/documents/..%2F..%2Fcatalogue.sqlite", "/api/v1/nothing-here"):  # fmt: skip
        body = _json(client, url, 404)
        assert body["error"] == 404 and body["message"]
    assert "<script" not in client.get("/api/v1/documents/<script>x").get_data(as_text=True)


def test_the_openapi_description_lists_every_search_argument(client: FlaskClient) -> None:
    spec = _json(client, "/api/v1/openapi.json")
    assert spec["openapi"].startswith("3.1")
    names = {p["name"] for p in spec["paths"]["/search"]["get"]["parameters"]}
    assert {f.arg for f in FACET_PARAMS} | {"q", "sort", "page", "page_size", "lang"} <= names
    assert "/documents/{work_id}" in spec["paths"]
