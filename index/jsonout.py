"""The stable JSON shape of search results (``migralex search --json``, the API).

One object per hit (:func:`hit_to_json`), then one summary object
(:func:`page_summary_json`) with totals, facets, suggestions and notices.
"""

from __future__ import annotations

from typing import Any

from index.search import Hit, SearchPage


def hit_to_json(hit: Hit) -> dict[str, Any]:
    """One hit as a JSON-ready dict (snippets are HTML: escaped text with ``<mark>``).

    :param hit: a hit of a :class:`~index.search.SearchPage`.
    """
    return {
        "rank": hit.rank,
        "score": hit.score,
        "work_id": hit.work_id,
        "expression_id": hit.expression_id,
        "title": hit.title,
        "language": hit.language,
        "jurisdiction": hit.jurisdiction,
        "instrument_type": hit.instrument_type,
        "year": hit.year,
        "status": hit.status,
        "sha256": hit.sha256,
        "parts": [
            {
                "anchor": p.anchor,
                "kind": p.kind,
                "number": p.number,
                "heading": p.heading,
                "snippet": p.snippet_html,
            }
            for p in hit.parts
        ],
    }


def page_summary_json(page: SearchPage) -> dict[str, Any]:
    """The last line of a result listing: totals, facets, suggestions and notices.

    :param page: the page whose hits were printed before.
    """
    return {
        "summary": True,
        "query": page.query,
        "total": page.total,
        "page": page.page,
        "page_size": page.page_size,
        "pages": page.pages,
        "sort": page.sort,
        "returned": len(page.hits),
        "facets": {
            name: [
                {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}
                for v in values
            ]
            for name, values in page.facets.items()
        },
        "suggestions": list(page.suggestions),
        "notices": list(page.notices),
    }
