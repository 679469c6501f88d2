"""Search behaviour on a small multilingual collection."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.indexer import rebuild
from index.search import SearchParams
from index.service import SearchService
from tests.index.factories import make_record


def ids(service: SearchService, **kwargs: object) -> list[str]:
    return [h.work_id for h in service.search(SearchParams(**kwargs)).hits]  # type: ignore[arg-type]


def test_unaccented_query_finds_accented_text(service: SearchService) -> None:
    assert "ar/law/2004/25871" in ids(service, q="migracion", only_language=True)


def test_stemming_joins_plural_and_singular(service: SearchService) -> None:
    found = ids(service, q="migrante", only_language=True)
    assert "ar/law/2004/25871" in found  # has "migrantes"
    assert "mx/law/2011/ley-migracion" in found


def test_portuguese_inflections_match(service: SearchService) -> None:
    found = ids(service, q="trabalhadoras domésticas")
    assert found[0] == "br/law/2017/13445"


def test_a_law_number_finds_that_law_first(service: SearchService) -> None:
    assert ids(service, q="25.871")[0] == "ar/law/2004/25871"
    assert ids(service, q="25871")[0] == "ar/law/2004/25871"
    assert ids(service, q="Lei 13.445")[0] == "br/law/2017/13445"
    assert ids(service, q="AG/RES. 2141")[0] == "oas/resolution/2005/2141"


def test_phrase_requires_adjacent_words(service: SearchService) -> None:
    page = service.search(SearchParams(q='"derecho a la reunificación familiar"'))
    assert [h.work_id for h in page.hits] == ["ar/law/2004/25871"]
    assert page.total == 1
    assert ids(service, q='"familiar reunificación"') == []


def test_boolean_operators(service: SearchService) -> None:
    both = set(ids(service, q="trata AND víctimas", only_language=True))
    assert both == {"ar/law/2008/26364"}
    either = set(ids(service, q="refugio OR educación", only_language=True))
    assert either == {"uy/law/2006/18076", "mx/law/2011/ley-migracion"}
    without = set(ids(service, q="ley -migración", only_language=True))
    assert "mx/law/2011/ley-migracion" not in without and "uy/law/2006/18076" in without


def test_prefix_and_fuzzy(service: SearchService) -> None:
    assert "uy/law/2006/18076" in ids(service, q="refug*")
    assert "uy/law/2006/18076" in ids(service, q="refugo~")


def test_field_filters_in_the_query(service: SearchService) -> None:
    assert set(ids(service, q="country:ar")) == {"ar/law/2004/25871", "ar/law/2008/26364"}
    assert set(ids(service, q="year:2005..2010 type:law")) == {
        "ar/law/2008/26364",
        "uy/law/2006/18076",
    }
    assert ids(service, q="lang:pt") == ["br/law/2017/13445"]
    assert "fr/law/2016/274" in ids(service, q="topic:trafficking")


def test_cross_language_search_ranks_own_language_first(service: SearchService) -> None:
    page = service.search(SearchParams(q="trata de personas"))
    languages = [h.language for h in page.hits]
    assert languages[0] == "es"
    assert {"en", "pt", "fr"} <= set(languages)
    first_other = min(i for i, lang in enumerate(languages) if lang != "es")
    assert all(lang == "es" for lang in languages[:first_other])


def test_only_language_turns_expansion_off(service: SearchService) -> None:
    found = service.search(SearchParams(q="trata de personas", only_language=True)).hits
    assert found and {h.language for h in found} == {"es"}


def test_filters_or_within_and_across_facets(service: SearchService) -> None:
    page = service.search(SearchParams(countries=("ar", "uy"), statuses=("in_force", "repealed")))
    assert {h.work_id for h in page.hits} == {"ar/law/2004/25871", "uy/law/2006/18076"}
    counts = {f.value: f.count for f in page.facets["jurisdiction"]}
    assert counts["AR"] == 1 and counts["UY"] == 1 and counts["MX"] == 1  # own selection ignored
    status = {f.value: (f.count, f.selected) for f in page.facets["status"]}
    assert status["amended"] == (1, False) and status["in_force"][1] is True


def test_facets_count_documents_not_articles(service: SearchService) -> None:
    page = service.search(SearchParams(q="migrante", only_language=True))
    counts = {f.value: f.count for f in page.facets["jurisdiction"]}
    assert counts.get("MX") == 1
    assert page.total == sum(f.count for f in page.facets["jurisdiction"])


def test_year_range_and_sorts(service: SearchService) -> None:
    newest = ids(service, q="", years=(2004, 2011), sort="newest")
    assert newest == [
        "mx/law/2011/ley-migracion",
        "ar/law/2008/26364",
        "uy/law/2006/18076",
        "oas/resolution/2005/2141",
        "ar/law/2004/25871",
    ]
    assert ids(service, q="", years=(2004, 2011), sort="oldest") == newest[::-1]
    titles = [h.title for h in service.search(SearchParams(sort="title")).hits]
    assert titles == sorted(titles, key=str.casefold)


def test_pagination_has_exact_totals(service: SearchService) -> None:
    first = service.search(SearchParams(q="", page_size=3, sort="oldest"))
    second = service.search(SearchParams(q="", page_size=3, page=2, sort="oldest"))
    assert first.total == second.total == 8
    assert first.pages == 3
    assert not {h.work_id for h in first.hits} & {h.work_id for h in second.hits}
    assert [h.rank for h in second.hits] == [4, 5, 6]


def test_a_page_past_the_end_keeps_the_exact_total(service: SearchService) -> None:
    page = service.search(SearchParams(q="", page_size=3, page=50))
    assert page.hits == () and page.total == 8 and page.pages == 3


def test_did_you_mean_uses_the_collection_vocabulary(service: SearchService) -> None:
    page = service.search(SearchParams(q="refugados"))
    assert page.total == 0
    assert page.suggestions == ("refugiados",)


def test_hits_carry_best_parts_with_marked_escaped_snippets(service: SearchService) -> None:
    page = service.search(SearchParams(q="detain"))
    hit = page.hits[0]
    assert hit.sha256 and hit.year == 2001 and hit.jurisdiction == "CA"
    part = hit.parts[0]
    assert part.anchor == "art-2" and part.number == "2"
    assert "<mark>detain</mark>" in part.snippet_html
    assert "<script>" not in part.snippet_html and "&lt;script&gt;" in part.snippet_html


def test_marks_cover_accent_variants(service: SearchService) -> None:
    hit = service.search(SearchParams(q="migracion", only_language=True)).hits[0]
    assert any(re.search(r"<mark>[Mm]igración</mark>", p.snippet_html) for p in hit.parts)


def test_malformed_query_is_answered_with_a_notice(service: SearchService) -> None:
    page = service.search(SearchParams(q='"trata de personas'))
    assert page.notices
    assert page.total > 0


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    parts=st.lists(
        st.sampled_from(
            list('"()*~:-+ ') + ["AND", "OR", "NOT", "year:", "country:", "ley", "trata", "é"]
        ),
        max_size=12,
    ),
    glue=st.sampled_from(["", " "]),
)
def test_no_query_string_makes_search_raise(
    service: SearchService, parts: list[str], glue: str
) -> None:
    page = service.search(SearchParams(q=glue.join(parts)))
    assert page.total >= len(page.hits)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=40))
def test_no_unicode_text_makes_search_raise(service: SearchService, text: str) -> None:
    service.search(SearchParams(q=text))


def test_year_range_leaves_out_undated_and_withdrawn_documents(tmp_path: Path) -> None:
    records = [
        make_record("ar/law/1999/1", ["Migración laboral."], date="1999-05-01"),
        make_record("ar/law/2005/2", ["Migración y asilo."], date="2005-05-01"),
        make_record("ar/law/2012/3", ["Migración y refugio."], date="2012-05-01"),
        make_record("ar/law/x/4", ["Migración sin fecha."], date=""),
    ]
    rebuild(tmp_path, records, procs=1)
    with SearchService(tmp_path) as service:
        assert set(ids(service, q="migración", years=(2000, None))) == {
            "ar/law/2005/2",
            "ar/law/2012/3",
        }
        assert ids(service, q="migración year:..2000") == ["ar/law/1999/1"]
        service.delete("ar/law/2005/2")
        assert ids(service, q="migración", years=(2000, 2010)) == []


def test_the_best_part_covers_most_words_of_the_query(tmp_path: Path) -> None:
    record = make_record(
        "ar/law/2013/26844",
        [
            "Los trabajos remunerados por hora y las horas trabajadas se pagan al mes.",
            "Prohibición de trabajar: el trabajo del personal femenino.",
            "Las trabajadoras domésticas tienen derecho a vacaciones pagas.",
        ],
    )
    rebuild(tmp_path, [record], procs=1)
    with SearchService(tmp_path) as service:
        page = service.search(SearchParams(q="trabajadora doméstica"))
    assert page.hits[0].parts[0].anchor == record.expressions[0].parts[2].anchor


def test_a_concept_label_shared_by_languages_does_not_set_the_query_language(
    tmp_path: Path,
) -> None:
    # Folded "expulsion" is the thesaurus label in Spanish, English and French: the
    # query's language comes from its other words, so Spanish "de" stays a stop word.
    records = [
        make_record("ar/law/2004/25871", ["La expulsión de extranjeros se dicta por resolución."]),
        make_record(
            "ca/act/2001/27",
            ["Expulsion orders under the Loi de 2001."],
            language="en",
            jurisdiction="CA",
        ),
    ]
    rebuild(tmp_path, records, procs=1)
    with SearchService(tmp_path) as service:
        page = service.search(SearchParams(q="expulsión de extranjeros"))
    assert [h.work_id for h in page.hits][:1] == ["ar/law/2004/25871"]
