"""Stop words of the query's language never narrow a search, even where another
language's text indexed them as words."""

from __future__ import annotations

from pathlib import Path

from index.indexer import rebuild
from index.search import SearchParams
from index.service import SearchService
from tests.index.factories import make_record


def test_spanish_stop_word_indexed_in_a_dutch_translation_does_not_narrow(tmp_path: Path) -> None:
    records = [
        make_record("ar/law/2008/26364", ["Se entiende por trata de personas la captación."]),
        make_record(
            "un/treaty/2000/palermo",
            [
                "Trafficking in persons means the recruitment.",
                "Mensenhandel: de werving van personen.",
            ],
            language="en",
            jurisdiction="UN",
            instrument_type="treaty",
        ),
    ]
    rebuild(tmp_path, records, procs=1)
    with SearchService(tmp_path) as service:
        page = service.search(SearchParams(q="trata de personas", only_language=True))
    assert [h.work_id for h in page.hits] == ["ar/law/2008/26364"]
