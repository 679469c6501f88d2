"""View models of the search pages, built from a :class:`~index.search.SearchPage`.

Templates only display what these functions computed: labels in the interface
language, the URLs of filters, pages and sorts, and the snippets. Every URL comes
from one ``link`` function (search arguments -> URL) that the view supplies.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from markupsafe import Markup

from index import fields as F
from index.facets import FacetValue
from index.notices import SYNTAX_CODES
from index.search import MAX_PAGE, SORTS, Hit, SearchPage, SearchParams
from web.labels import Labels
from web.params import FACET_PARAMS, FacetParam, search_args

#: Search arguments -> URL of the results page.
Link = Callable[[Mapping[str, list[str]]], str]
#: (expression id, anchor or "") -> URL of the document page.
DocLink = Callable[[str, str], str]
#: sha256 -> URL of the original file.
FileLink = Callable[[str], str]
#: Pages linked on either side of the current one.
PAGE_WINDOW = 2


@dataclass(frozen=True)
class Option:
    """One value of a facet: a checkbox in the form and a link that toggles it."""

    value: str
    label: str
    count: int
    selected: bool
    url: str
    input_id: str


@dataclass(frozen=True)
class FacetBox:
    """A facet's values, titled by message key (``facet.<field>``)."""

    field: str
    arg: str
    title_key: str
    options: tuple[Option, ...]


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    remove_url: str


@dataclass(frozen=True)
class PageLink:
    number: int
    url: str
    current: bool
    gap_before: bool  # pages are left out between the previous link and this one


@dataclass(frozen=True)
class PartView:
    """A matching part of a hit, linking to its anchor on the document page."""

    label: str
    heading: str
    url: str
    snippet: Markup


@dataclass(frozen=True)
class HitView:
    rank: int
    title: str
    url: str
    language: str
    language_label: str
    jurisdiction_label: str
    type_label: str
    year: int | None
    status: str
    status_label: str
    download_url: str
    parts: tuple[PartView, ...]


@dataclass(frozen=True)
class ResultsView:
    """Everything the results page shows."""

    params: SearchParams
    total: int
    page: int
    pages: int
    hits: tuple[HitView, ...]
    facets: tuple[FacetBox, ...]
    years: tuple[Option, ...]
    year_from: str
    year_to: str
    active: tuple[ActiveFilter, ...]
    previous_url: str
    next_url: str
    page_links: tuple[PageLink, ...]
    sorts: tuple[tuple[str, bool], ...]
    suggestions: tuple[tuple[str, str], ...]
    notices: tuple[tuple[str, str], ...]  # (text, its language)
    clear_url: str


def snippet_markup(snippet_html: str) -> Markup:
    """A snippet from :func:`index.snippets.snippet_html` as safe markup.

    The one place the web trusts HTML from elsewhere: that function escapes the
    part's text with :func:`html.escape` and adds only ``<mark>`` and ``</mark>``
    (a test in tests/web checks that hostile text stays escaped).
    """
    return Markup(snippet_html)  # noqa: S704 - escaped by index/snippets.py


def _toggled(params: SearchParams, facet: FacetParam, value: str) -> SearchParams:
    values: tuple[str, ...] = getattr(params, facet.attr)
    wanted = tuple(v for v in values if v.lower() != value.lower())
    if len(wanted) == len(values):
        wanted = (*values, value)
    changes: dict[str, Any] = {facet.attr: wanted}
    return replace(params, page=1, **changes)


def facet_boxes(
    params: SearchParams, facets: Mapping[str, tuple[FacetValue, ...]], link: Link
) -> tuple[FacetBox, ...]:
    """The facets of a page as checkbox lists, in the order of :data:`FACET_PARAMS`.

    :param params: the search shown (the toggle links start from it).
    :param facets: the page's facet values.
    :param link: search arguments -> URL.
    """
    boxes = []
    for facet in FACET_PARAMS:
        values = facets.get(facet.field, ())
        options = tuple(
            Option(
                value=v.value,
                label=v.label,
                count=v.count,
                selected=v.selected,
                url=link(search_args(_toggled(params, facet, v.value))),
                input_id=f"f-{facet.arg}-{n}",
            )
            for n, v in enumerate(values)
        )
        if options:
            boxes.append(FacetBox(facet.field, facet.arg, f"facet.{facet.field}", options))
    return tuple(boxes)


def _year_options(
    params: SearchParams, values: tuple[FacetValue, ...], link: Link
) -> tuple[Option, ...]:
    selected = params.years or (None, None)
    out = []
    for v in values:
        year = int(v.value)
        chosen = selected == (year, year)
        target = replace(params, page=1, years=None if chosen else (year, year))
        out.append(
            Option(v.value, v.value, v.count, chosen, link(search_args(target)), f"y-{year}")
        )
    return tuple(out)


def _active_filters(params: SearchParams, labels: Labels, link: Link) -> tuple[ActiveFilter, ...]:
    out = []
    for facet in FACET_PARAMS:
        for value in getattr(params, facet.attr):
            title = labels.t(f"facet.{facet.field}")
            label = f"{title}: {labels.value(facet.field, value) or value}"
            out.append(ActiveFilter(label, link(search_args(_toggled(params, facet, value)))))
    if params.years:
        low, high = params.years
        span = f"{low or '…'}–{high or '…'}" if low != high else str(low)
        label = f"{labels.t('facet.year')}: {span}"
        out.append(ActiveFilter(label, link(search_args(replace(params, years=None, page=1)))))
    return tuple(out)


def _pages(params: SearchParams, pages: int, link: Link) -> tuple[PageLink, ...]:
    last = min(pages, MAX_PAGE)
    shown = {1, last} | set(
        range(max(1, params.page - PAGE_WINDOW), min(last, params.page + PAGE_WINDOW) + 1)
    )
    numbers = sorted(shown)
    return tuple(
        PageLink(
            n,
            link(search_args(replace(params, page=n))),
            n == params.page,
            i > 0 and n - numbers[i - 1] > 1,
        )  # fmt: skip
        for i, n in enumerate(numbers)
    )


def hit_view(hit: Hit, labels: Labels, doc_link: DocLink, file_link: FileLink) -> HitView:
    """One hit with labels in the interface language and links to its parts."""
    return HitView(
        rank=hit.rank,
        title=hit.title or hit.work_id,
        url=doc_link(hit.expression_id, ""),
        language=hit.language,
        language_label=labels.language(hit.language),
        jurisdiction_label=labels.jurisdiction(hit.jurisdiction),
        type_label=labels.instrument_type(hit.instrument_type),
        year=hit.year,
        status=hit.status,
        status_label=labels.status(hit.status),
        download_url=file_link(hit.sha256) if hit.sha256 else "",
        parts=tuple(
            PartView(
                label=labels.part(p.kind, p.number),
                heading=p.heading,
                url=doc_link(hit.expression_id, p.anchor),
                snippet=snippet_markup(p.snippet_html),
            )
            for p in hit.parts
        ),
    )


def results_view(
    params: SearchParams,
    page: SearchPage,
    labels: Labels,
    link: Link,
    doc_link: DocLink,
    file_link: FileLink,
) -> ResultsView:
    """The results page of ``page``, the answer to ``params``."""
    last = min(page.pages, MAX_PAGE)
    cleared = SearchParams(q=params.q, sort=params.sort, only_language=params.only_language)
    return ResultsView(
        params=params,
        total=page.total,
        page=page.page,
        pages=page.pages,
        hits=tuple(hit_view(h, labels, doc_link, file_link) for h in page.hits),
        facets=facet_boxes(params, page.facets, link),
        years=_year_options(params, page.facets.get(F.YEAR, ()), link),
        year_from=str(params.years[0] or "") if params.years else "",
        year_to=str(params.years[1] or "") if params.years else "",
        active=_active_filters(params, labels, link),
        previous_url=link(search_args(replace(params, page=page.page - 1)))
        if page.page > 1
        else "",
        next_url=link(search_args(replace(params, page=page.page + 1))) if page.page < last else "",
        page_links=_pages(params, page.pages, link) if page.pages > 1 else (),
        sorts=tuple((s, s == params.sort) for s in SORTS),
        suggestions=tuple(
            (text, link(search_args(replace(params, q=text, page=1)))) for text in page.suggestions
        ),
        notices=tuple(notice_text(n, labels) for n in page.notices),
        clear_url=link(search_args(cleared)),
    )


def _and_list(items: list[str], labels: Labels) -> str:
    if len(items) < 2:
        return "".join(items)
    return labels.t("list.and", first=", ".join(items[:-1]), last=items[-1])


def notice_text(notice: str, labels: Labels) -> tuple[str, str]:
    """A search notice in the interface language: ``(text, language of the text)``.

    The index writes notices in English and gives each a code; a code this interface
    has no message for is shown in English, marked as such.
    """
    code = getattr(notice, "code", "")
    params = dict(getattr(notice, "params", {}))
    if code in SYNTAX_CODES:
        problem = labels.t(f"notice.{code}")
        words = params.get("words", "")
        text = labels.t("notice.searched_words", problem=problem, words=words) if words else problem
        return text, labels.t.lang
    if code == "common_words_only":
        return labels.t("notice.common_words_only", words=params.get("words", "")), labels.t.lang
    if code in ("ordinary_word", "ordinary_words"):
        names = [labels.language(lang) for lang in params.get("languages", ())]
        text = labels.t(
            f"notice.{code}", words=params.get("words", ""), languages=_and_list(names, labels)
        )
        return text, labels.t.lang
    return str(notice), "en"


#: Facets offered on the home page, with their headings.
BROWSE: tuple[tuple[str, str], ...] = (
    (F.JURISDICTION, "home.browse_countries"),
    (F.INSTRUMENT_TYPE, "home.browse_types"),
    (F.TOPICS, "home.browse_topics"),
    (F.LANGUAGE, "home.browse_languages"),
)


def browse_boxes(page: SearchPage, link: Link) -> tuple[tuple[str, FacetBox], ...]:
    """Ways into the collection for the home page: ``(heading key, facet)`` pairs whose
    values link to a search with that one filter.

    :param page: an empty search's page (its facets count the whole collection).
    """
    boxes = {b.field: b for b in facet_boxes(SearchParams(), page.facets, link)}
    return tuple((title, boxes[field]) for field, title in BROWSE if field in boxes)
