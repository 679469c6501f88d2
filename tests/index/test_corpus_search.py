"""Search over the real shared corpus, ingested without its catalogue."""

from __future__ import annotations

import pytest

from index import indexer
from index.search import SearchParams
from index.service import SearchService

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus_service(ingested_corpus, tmp_path_factory: pytest.TempPathFactory):
    data, outcomes = ingested_corpus
    index_dir = tmp_path_factory.mktemp("corpus-index")
    with data.open_catalogue() as catalogue:
        indexer.rebuild(index_dir, catalogue.iter_records())
    names = {o.sha256: o.path.name for o in outcomes if o.outcome == "ingested"}
    with SearchService(index_dir) as service:
        yield service, names


def _names(corpus_service, **kwargs) -> list[str]:
    service, names = corpus_service
    page = service.search(SearchParams(**kwargs))
    return [names.get(h.sha256, "") for h in page.hits]


def test_a_law_number_finds_that_law_first(corpus_service) -> None:
    assert _names(corpus_service, q="25.871")[0] == "ley-25871-migraciones.md"
    assert _names(corpus_service, q="Ley 26.364")[0] == "ley-26364-trata-de-personas.md"


def test_trafficking_in_spanish_finds_other_languages_below_spanish(corpus_service) -> None:
    service, names = corpus_service
    page = service.search(SearchParams(q="trata de personas", page_size=30))
    languages = [h.language for h in page.hits]
    assert languages[0] == "es"
    assert {"en", "fr"} <= set(languages)
    assert any(names.get(h.sha256) == "palermo-protocol-trafficking-2000_en.md" for h in page.hits)


def test_only_language_keeps_results_in_the_query_language(corpus_service) -> None:
    service, _ = corpus_service
    page = service.search(SearchParams(q="trata de personas", only_language=True, page_size=30))
    assert page.hits and {h.language for h in page.hits} == {"es"}


def test_article_level_hits_point_at_marked_articles(corpus_service) -> None:
    service, _ = corpus_service
    page = service.search(SearchParams(q='"reunificación familiar"', countries=("AR",)))
    assert page.hits
    part = page.hits[0].parts[0]
    assert part.anchor.startswith("art-") and "<mark>" in part.snippet_html


def test_facets_count_documents_in_every_facet(corpus_service) -> None:
    service, _ = corpus_service
    page = service.search(SearchParams(q="migración"))
    for values in page.facets.values():
        assert sum(v.count for v in values) <= page.total or values
    assert page.facets
