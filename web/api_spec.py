"""The OpenAPI description of the JSON API (``/api/v1/openapi.json``).

Built from the same tables the views use (facet arguments, sorts), so the description
cannot drift from what the API accepts.
"""

from __future__ import annotations

from typing import Any

from index.search import MAX_PAGE, MAX_PAGE_SIZE, SORTS
from web.i18n import UI_LANGUAGES
from web.params import FACET_PARAMS

_FACET_HELP = {
    "country": "Jurisdiction code (ISO 3166 alpha-2, or OAS, UN, ILO…); repeat for OR.",
    "type": "Instrument type id (law, decree, treaty…); repeat for OR.",
    "language": "Language of the document (ISO 639-1); repeat for OR.",
    "topic": "Topic concept id of the thesaurus; repeat for OR.",
    "status": "Status (in_force, repealed, amended…); repeat for OR.",
    "body": "Issuing body; repeat for OR.",
}


def _param(name: str, description: str, schema: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"name": name, "in": "query", "description": description, "schema": schema, **extra}


def openapi_spec(server_url: str = "/api/v1") -> dict[str, Any]:
    """The OpenAPI 3.1 document of the API served under ``server_url``."""
    search_params = [
        _param("q", "The query: words, \"phrases\", AND / OR / NOT, -word, prefix*, "
               "fuzzy~, field filters (country:mx type:law year:2010..2020).", {"type": "string"}),
        *(_param(f.arg, _FACET_HELP.get(f.arg, f.arg), {"type": "array", "items": {"type": "string"}},
                 style="form", explode=True) for f in FACET_PARAMS),
        _param("year_from", "First year of adoption.", {"type": "integer", "minimum": 1}),
        _param("year_to", "Last year of adoption.", {"type": "integer", "minimum": 1}),
        _param("sort", "Order of the hits.", {"type": "string", "enum": list(SORTS)}),
        _param("page", "Page number.", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}),
        _param("page_size", "Hits per page.",
               {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE}),
        _param("only_language", "1: no cross-language expansion.", {"type": "string", "enum": ["1"]}),
        _param("lang", "Language of the facet labels.", {"type": "string", "enum": list(UI_LANGUAGES)}),
    ]  # fmt: skip
    error = {
        "description": "Not found",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Migralex API",
            "version": "1",
            "description": "Read-only search and records of the Migralex library of migration "
            "and gender law. Snippets are HTML: escaped text with <mark> around matches.",
        },
        "servers": [{"url": server_url}],
        "paths": {
            "/search": {
                "get": {
                    "summary": "Search the library",
                    "parameters": search_params,
                    "responses": {
                        "200": {
                            "description": "One page of hits with totals, facets and notices",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["hits", "summary"],
                                        "properties": {
                                            "hits": {"type": "array"},
                                            "summary": {"type": "object"},
                                        },
                                    }
                                }
                            },
                        }
                    },  # fmt: skip
                }
            },
            "/documents/{work_id}": {
                "get": {
                    "summary": "The stored record of a work: work, expressions with parts, files",
                    "parameters": [
                        {
                            "name": "work_id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                            "description": "e.g. ar/law/2004/25871",
                        }
                    ],  # fmt: skip
                    "responses": {"200": {"description": "The record"}, "404": error},
                }
            },
            "/openapi.json": {
                "get": {
                    "summary": "This description",
                    "responses": {"200": {"description": "OpenAPI 3.1"}},
                }
            },
        },
        "components": {
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error", "message"],
                    "properties": {"error": {"type": "integer"}, "message": {"type": "string"}},
                }
            }
        },
    }
