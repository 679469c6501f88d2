"""Request arguments <-> :class:`~index.search.SearchParams`, shared by every search view.

Everything a search needs is in the URL (GET), so results can be linked to. Junk is
ignored, never an error: a page or year that is not a small whole number is dropped,
unknown sorts fall back to relevance, and the lengths of the query and of the filter
values are capped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from werkzeug.datastructures import MultiDict

from index import fields as F
from index.search import MAX_PAGE, SORTS, SearchParams

#: Longest query kept (characters); the rest is cut off.
MAX_QUERY_CHARS = 1000
#: Most values kept per filter, and the longest value.
MAX_VALUES = 50
MAX_VALUE_CHARS = 200
_WHOLE_NUMBER = re.compile(r"[0-9]{1,6}")


@dataclass(frozen=True)
class FacetParam:
    """How one facet of the index appears in URLs and in :class:`SearchParams`."""

    field: str  # index field (index/fields.py)
    arg: str  # URL argument
    attr: str  # SearchParams attribute


FACET_PARAMS: tuple[FacetParam, ...] = (
    FacetParam(F.JURISDICTION, "country", "countries"),
    FacetParam(F.INSTRUMENT_TYPE, "type", "types"),
    FacetParam(F.LANGUAGE, "language", "languages"),
    FacetParam(F.TOPICS, "topic", "topics"),
    FacetParam(F.STATUS, "status", "statuses"),
    FacetParam(F.ISSUING_BODY, "body", "issuing_bodies"),
)
FACET_BY_FIELD: Mapping[str, FacetParam] = {f.field: f for f in FACET_PARAMS}


def whole_number(raw: str | None, low: int, high: int) -> int | None:
    """``raw`` as an int within ``[low, high]``, or None for anything else.

    >>> whole_number("12", 1, 100), whole_number("-3", 1, 100), whole_number("1e9", 1, 100)
    (12, None, None)
    """
    text = (raw or "").strip()
    if not _WHOLE_NUMBER.fullmatch(text):
        return None
    value = int(text)
    return value if low <= value <= high else None


def _values(args: MultiDict[str, str], name: str) -> tuple[str, ...]:
    kept = (v.strip()[:MAX_VALUE_CHARS] for v in args.getlist(name))
    return tuple(dict.fromkeys(v for v in kept if v))[:MAX_VALUES]


def parse_search_args(
    args: MultiDict[str, str], *, ui_language: str, page_size: int, facet_size: int
) -> SearchParams:
    """The search a request asks for; never raises.

    :param args: the request's query arguments.
    :param ui_language: language of the facet labels.
    :param page_size: hits per page.
    :param facet_size: values shown per facet.
    """
    year_from = whole_number(args.get("year_from"), 1, 9999)
    year_to = whole_number(args.get("year_to"), 1, 9999)
    if year_from and year_to and year_from > year_to:
        year_from, year_to = year_to, year_from
    sort = args.get("sort", "")
    return SearchParams(
        q=args.get("q", "")[:MAX_QUERY_CHARS].strip(),
        **{f.attr: _values(args, f.arg) for f in FACET_PARAMS},  # type: ignore[arg-type]
        years=(year_from, year_to) if year_from or year_to else None,
        sort=sort if sort in SORTS else "relevance",
        page=whole_number(args.get("page"), 1, MAX_PAGE) or 1,
        page_size=page_size,
        only_language=args.get("only_language") == "1",
        ui_language=ui_language,
        facet_size=facet_size,
    )


def search_args(params: SearchParams) -> dict[str, list[str]]:
    """The URL arguments that ask for ``params`` (the inverse of :func:`parse_search_args`).

    Page 1, relevance and empty values are left out, so equal searches have equal URLs.
    """
    out: dict[str, list[str]] = {}
    if params.q:
        out["q"] = [params.q]
    for facet in FACET_PARAMS:
        values = getattr(params, facet.attr)
        if values:
            out[facet.arg] = list(values)
    if params.years:
        low, high = params.years
        if low:
            out["year_from"] = [str(low)]
        if high:
            out["year_to"] = [str(high)]
    if params.only_language:
        out["only_language"] = ["1"]
    if params.sort != "relevance":
        out["sort"] = [params.sort]
    if params.page != 1:
        out["page"] = [str(params.page)]
    return out


def has_criteria(params: SearchParams) -> bool:
    """Whether the request asks for a search at all (a query or any filter)."""
    return bool(params.q or params.years or any(getattr(params, f.attr) for f in FACET_PARAMS))
