"""Facet values and hit fields as users see them."""

from __future__ import annotations

from pathlib import Path

from index.indexer import rebuild
from index.search import SearchParams
from index.service import SearchService
from tests.index.factories import make_record


def test_undated_documents_add_no_year_and_codes_are_upper_case(tmp_path: Path) -> None:
    records = [
        make_record("ar/law/2004/25871", ["La migración es un derecho."], date="2004-01-21"),
        make_record(
            "un/treaty/nd/x", ["Migration is a right."], language="mul", jurisdiction="UN", date=""
        ),
    ]
    rebuild(tmp_path, records, procs=1)
    with SearchService(tmp_path) as service:
        page = service.search(SearchParams(q="", ui_language="en"))
        filtered = service.search(SearchParams(q="", countries=("ar",)))
    assert [v.value for v in page.facets["year"]] == ["2004"]
    assert {v.value for v in page.facets["jurisdiction"]} == {"AR", "UN"}
    assert {h.jurisdiction for h in page.hits} == {"AR", "UN"}
    assert {h.year for h in page.hits} == {2004, None}
    assert {v.label for v in page.facets["language"]} == {"Spanish", "multilingual"}
    assert [h.work_id for h in filtered.hits] == ["ar/law/2004/25871"]
    assert [v.value for v in filtered.facets["jurisdiction"] if v.selected] == ["AR"]
