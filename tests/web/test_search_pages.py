"""The home and results pages through the Flask test client."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.web.conftest import PAGE_SIZE, WITHDRAWN
from tests.web.factories import web_records
from tests.web.helpers import get_html, hit_links, hit_work_ids, summary, tags

TOTAL = len(web_records()) + 1  # the two-language treaty counts twice, one work is withdrawn


def test_home_has_a_labelled_search_box_and_ways_into_the_collection(client: FlaskClient) -> None:
    html = get_html(client, "/?lang=en")
    assert tags(html, "label", for_="q") and tags(html, "input", id="q", name="q", type="search")
    assert tags(html, "form", role="search", method="get")
    assert f"The library holds {TOTAL} documents." in html
    assert any("country=AR" in a["href"] for a in tags(html, "a"))
    assert "Argentina" in html and "Law" in html and "trafficking in persons" in html


def test_results_show_title_jurisdiction_type_year_status_and_language(client: FlaskClient) -> None:
    html = get_html(client, "/search?q=reunificación+familiar&lang=en")
    assert hit_work_ids(html)[0] == "ar/law/2004/25871"
    first = html.split('class="hit"')[1]
    for expected in (
        "Ley 25.871 de Migraciones",
        "Argentina",
        "Law",
        "2004",
        "in force",
        "Spanish",
    ):
        assert expected in first
    assert "<mark>reunificación</mark>" in first and "<mark>familiar</mark>" in first


def test_snippets_link_to_the_anchor_of_their_part(client: FlaskClient) -> None:
    html = get_html(client, "/search?q=reunificación+familiar")
    links = [a["href"] for a in tags(html, "a", class_="part-link")]
    assert "/doc/ar/law/2004/25871@es#art-2" in links
    page = get_html(client, "/doc/ar/law/2004/25871@es")
    assert tags(page, "section", id="art-2")


def test_filters_are_or_within_a_facet_and_and_across(client: FlaskClient) -> None:
    def total(query: str) -> int:
        text = summary(get_html(client, "/search?lang=en&" + query))
        found = re.match(r"(\d+) results?|No results", text)
        assert found
        return int(found.group(1) or 0)

    ar = total("country=AR")
    mx = total("country=MX")
    assert total("country=AR&country=MX") == ar + mx
    assert total("country=AR&status=amended") == 1
    assert total("country=AR&country=MX&status=in_force") == ar + mx - 1
    assert total("country=MX&type=treaty") == 0


def test_ticked_values_stay_checked_and_can_be_removed(client: FlaskClient) -> None:
    html = get_html(client, "/search?q=&country=AR&type=law&lang=en")
    checked = {
        (i["name"], i["value"]) for i in tags(html, "input", type="checkbox") if "checked" in i
    }
    assert checked == {("country", "AR"), ("type", "law")}
    removers = [
        a["href"] for a in tags(html, "a") if a.get("aria-label", "").startswith("Remove filter")
    ]
    assert len(removers) == 2
    assert any("country=AR" not in href and "type=law" in href for href in removers)
    # the other countries stay selectable (a facet's counts ignore its own selection)
    assert ("country", "MX") in {
        (i["name"], i["value"]) for i in tags(html, "input", type="checkbox")
    }


def test_year_range_and_year_links(client: FlaskClient) -> None:
    html = get_html(client, "/search?year_from=2005&year_to=2010&lang=en")
    years = [int(y) for y in re.findall(r"<span>(\d{4})</span>", html)]
    assert years and all(2005 <= y <= 2010 for y in years)
    assert tags(html, "input", id="year_from", value="2005")
    assert "Year of adoption: 2005–2010" in html
    single = get_html(client, "/search?year_from=2017&year_to=2017")
    assert hit_work_ids(single) == ["br/law/2017/13445"]


@pytest.mark.parametrize(
    ("sort", "first"),
    [("newest", "cr/decree/2019/hostile"), ("oldest", "oas/treaty/1994/belem-do-para")],
)
def test_sorts(client: FlaskClient, sort: str, first: str) -> None:
    html = get_html(client, f"/search?sort={sort}")
    assert hit_work_ids(html)[0] == first
    assert tags(html, "option", value=sort)[0].get("selected") is not None


def test_title_sort_is_alphabetical(client: FlaskClient) -> None:
    html = get_html(client, "/search?sort=title&language=es&page=1")
    titles = re.findall(r'lang="es">([^<]+)</a></h2>', html)
    assert titles == sorted(titles, key=str.casefold)


def test_pagination_has_exact_totals_and_covers_every_document_once(client: FlaskClient) -> None:
    html = get_html(client, "/search?lang=en")
    pages = -(-TOTAL // PAGE_SIZE)
    assert summary(html) == f"{TOTAL} results · page 1 of {pages}"
    seen: list[str] = []
    for n in range(1, pages + 1):
        page = get_html(client, f"/search?lang=en&page={n}")
        seen += hit_links(page)
        assert ('rel="next"' in page) == (n < pages)
        assert ('rel="prev"' in page) == (n > 1)
        current = [a for a in tags(page, "a") if a.get("aria-current") == "page"]
        assert [a["aria-label"] for a in current] == [f"Page {n}"]
    assert len(seen) == len(set(seen)) == TOTAL
    assert not any(WITHDRAWN in link for link in seen)


def test_a_page_past_the_end_is_empty_but_keeps_the_total(client: FlaskClient) -> None:
    html = get_html(client, "/search?page=50&lang=en")
    assert hit_links(html) == [] and summary(html).startswith(f"{TOTAL} results")
    assert "Nothing matches" in html


def test_did_you_mean_links_to_the_corrected_search(client: FlaskClient) -> None:
    html = get_html(client, "/search?q=migracoin&country=AR&lang=en")
    assert "Did you mean:" in html
    suggestion = re.search(r'class="suggestions">.*?<a href="([^"]+)">([^<]+)</a>', html, re.S)
    assert suggestion and "country=AR" in suggestion.group(1)
    assert hit_links(get_html(client, suggestion.group(1).replace("&amp;", "&")))


def test_unparseable_queries_are_answered_with_a_notice(client: FlaskClient) -> None:
    html = get_html(client, '/search?q="trata+de+(personas&lang=en')
    assert "About this search" in html
    assert hit_links(html)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("es", "Unas comillas no están cerradas: se buscaron las palabras «trata de personas»"),
     ("en", "A quotation mark is not closed: searched for the words “trata de personas”"),
     ("pt", "Há aspas que não foram fechadas: foram buscadas as palavras “trata de personas”"),
     ("fr", "Des guillemets ne sont pas fermés : mots recherchés « trata de personas »")],
)  # fmt: skip
def test_notices_speak_the_interface_language(
    client: FlaskClient, lang: str, expected: str
) -> None:
    html = get_html(client, f'/search?q="trata+de+personas&lang={lang}')
    notice = re.search(r'<div class="notices".*?</div>', html, re.S)
    assert notice and f'<li lang="{lang}">{expected}</li>' in notice.group()


def test_a_common_words_notice_speaks_the_interface_language(
    client: FlaskClient,
) -> None:
    html = get_html(client, "/search?q=de+los&lang=es")
    assert '<li lang="es">«de los» solo contiene palabras comunes' in html


@pytest.mark.parametrize(
    "query",
    ["page=-1", "page=abc", "page=99999999999999", "year_from=abc&year_to=%00", "sort=drop",
     "q=%00%01%02", "q=" + "(" * 300, "q=a:b:c+OR+AND+NOT", "country=%3Cscript%3E",
     "q=*", "q=~~~", "q=%22", "only_language=yes", "q=" + "x" * 5000, "lang=zz&page=2.5"],
)  # fmt: skip
def test_junk_arguments_never_fail(client: FlaskClient, query: str) -> None:
    get_html(client, "/search?" + query)


def test_only_language_restricts_to_the_query_language(client: FlaskClient) -> None:
    everything = get_html(client, "/search?q=trata+de+personas")
    spanish = get_html(client, "/search?q=trata+de+personas&only_language=1")
    assert len(hit_links(spanish)) <= len(hit_links(everything))
    assert tags(spanish, "input", id="only_language")[0].get("checked") is not None
    assert "@en" not in " ".join(hit_links(spanish))


def test_a_link_jumps_over_the_hits_to_the_filters(client: FlaskClient) -> None:
    html = get_html(client, "/search?q=trata&lang=en")
    assert tags(html, "a", href="#filters")
    assert tags(html, "aside", id="filters")
    assert html.index('href="#filters"') < html.index('class="hit"')


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    query=st.text(max_size=60),
    name=st.sampled_from(["country", "type", "topic", "year_from", "page", "sort", "lang"]),
    value=st.text(max_size=20),
)
def test_any_query_string_gets_a_page(
    client: FlaskClient, query: str, name: str, value: str
) -> None:
    response = client.get("/search", query_string={"q": query, name: value})
    assert response.status_code == 200
    assert "<script" not in response.get_data(as_text=True)
