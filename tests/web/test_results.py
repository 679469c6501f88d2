"""The results view model: page links, toggles, and the trusted snippet markup."""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlencode

from hypothesis import given
from hypothesis import strategies as st

from index.facets import FacetValue
from index.notices import found_as_ordinary_words
from index.search import SearchPage, SearchParams
from index.snippets import snippet_html
from library.vocabulary import load_vocabularies
from web.i18n import Translator
from web.labels import Labels
from web.results import ResultsView, notice_text, results_view, snippet_markup


def link(args: Mapping[str, list[str]]) -> str:
    return "/search?" + urlencode([(k, v) for k, values in args.items() for v in values])


def view(
    params: SearchParams, total: int, facets: Mapping[str, tuple[FacetValue, ...]] | None = None
) -> ResultsView:
    facets = facets or {}
    page = SearchPage(
        (), total, facets, (), (), params.page, params.page_size, params.sort, params.q
    )
    labels = Labels(load_vocabularies(), Translator("en"))
    return results_view(params, page, labels, link, lambda ref, a: f"/doc/{ref}#{a}", lambda s: s)


def test_page_links_show_the_ends_and_a_window_with_gaps() -> None:
    shown = view(SearchParams(q="x", page=10, page_size=10), total=500)
    assert [p.number for p in shown.page_links] == [1, 8, 9, 10, 11, 12, 50]
    assert [p.gap_before for p in shown.page_links] == [
        False,
        True,
        False,
        False,
        False,
        False,
        True,
    ]
    assert [p.number for p in shown.page_links if p.current] == [10]
    assert shown.previous_url.endswith("page=9") and shown.next_url.endswith("page=11")
    assert "q=x" in shown.page_links[0].url and "page=" not in shown.page_links[0].url


def test_a_single_page_has_no_page_links() -> None:
    shown = view(SearchParams(q="x"), total=4)
    assert shown.page_links == () and shown.previous_url == "" and shown.next_url == ""


def test_facet_options_toggle_their_value_and_go_back_to_page_one() -> None:
    facets = {
        "jurisdiction": (
            FacetValue("AR", "Argentina", 3, True),
            FacetValue("MX", "Mexico", 1, False),
        )
    }
    shown = view(SearchParams(countries=("AR",), page=3), total=40, facets=facets)
    (box,) = shown.facets
    ar, mx = box.options
    assert "country=AR" not in ar.url and "page=" not in ar.url
    assert "country=AR" in mx.url and "country=MX" in mx.url
    assert [a.label for a in shown.active] == ["Country or organisation: Argentina"]


@given(st.text(max_size=80), st.data())
def test_snippets_hold_no_markup_but_mark(text: str, data: st.DataObject) -> None:
    spans: list[tuple[int, int]] = []
    if text:
        start = data.draw(st.integers(0, len(text) - 1))
        spans = [(start, data.draw(st.integers(start + 1, len(text))))]
    markup = str(snippet_markup(snippet_html(text, spans)))
    assert re.sub(r"</?mark>", "", markup).count("<") == 0


def test_common_word_notices_name_the_languages_in_the_interface_language() -> None:
    son = found_as_ordinary_words(["son"])
    both = found_as_ordinary_words(["son", "dos"])
    spanish = Labels(load_vocabularies(), Translator("es"))
    french = Labels(load_vocabularies(), Translator("fr"))
    text, lang = notice_text(son, spanish)
    assert lang == "es" and text.startswith("«son» es una palabra común en español y francés")
    text, lang = notice_text(both, french)
    assert lang == "fr" and "en espagnol, portugais et français" in text
    assert notice_text(son, Labels(load_vocabularies(), Translator("en")))[0].startswith(
        "“son” is a common word in Spanish and French"
    )


def test_a_notice_without_a_known_code_is_shown_in_english() -> None:
    labels = Labels(load_vocabularies(), Translator("pt"))
    assert notice_text("a notice from a newer index", labels) == (
        "a notice from a newer index",
        "en",
    )
