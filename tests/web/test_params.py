"""Search arguments from URLs: junk is ignored, searches round-trip through URLs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from index.search import MAX_PAGE, SearchParams
from web.params import has_criteria, parse_search_args, search_args


def parse(pairs: list[tuple[str, str]]) -> SearchParams:
    return parse_search_args(MultiDict(pairs), ui_language="en", page_size=10, facet_size=20)


def test_filters_repeat_for_or_and_keep_their_order_without_duplicates() -> None:
    params = parse([("q", " trata "), ("country", "AR"), ("country", "MX"), ("country", "AR"),
                    ("type", "law"), ("country", "  ")])  # fmt: skip
    assert params.q == "trata"
    assert params.countries == ("AR", "MX")
    assert params.types == ("law",)
    assert params.ui_language == "en"


def test_junk_numbers_and_sorts_are_ignored() -> None:
    params = parse([("page", "abc"), ("year_from", "-5"), ("year_to", "1e3"), ("sort", "evil")])
    assert params.page == 1 and params.years is None and params.sort == "relevance"
    assert parse([("page", "99999999")]).page == 1
    assert parse([("page", str(MAX_PAGE))]).page == MAX_PAGE
    assert parse([("page", "٣")]).page == 1  # digits of other scripts are not page numbers


def test_reversed_year_range_is_put_in_order() -> None:
    assert parse([("year_from", "2020"), ("year_to", "2005")]).years == (2005, 2020)
    assert parse([("year_to", "2005")]).years == (None, 2005)


def test_overlong_query_and_values_are_cut() -> None:
    params = parse([("q", "a" * 5000), ("topic", "t" * 5000)])
    assert len(params.q) == 1000 and len(params.topics[0]) == 200


def test_search_args_leave_out_defaults_so_equal_searches_have_equal_urls() -> None:
    assert search_args(parse([("page", "1"), ("sort", "relevance"), ("q", "")])) == {}
    assert not has_criteria(parse([("sort", "newest")]))
    assert has_criteria(parse([("status", "in_force")]))


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["q", "country", "type", "language", "topic", "status", "body",
                             "year_from", "year_to", "sort", "page", "only_language", "junk"]),
            st.text(max_size=30),
        ),
        max_size=12,
    )
)  # fmt: skip
def test_any_arguments_parse_and_round_trip(pairs: list[tuple[str, str]]) -> None:
    params = parse(pairs)
    again = parse([(k, v) for k, values in search_args(params).items() for v in values])
    assert again == params
