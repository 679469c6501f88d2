"""The search service shared by threads, as the web server shares it."""

from __future__ import annotations

import threading
from pathlib import Path

from index.indexer import rebuild
from index.search import SearchParams
from index.service import SearchService
from tests.index.factories import make_record


def test_threads_search_while_another_writes(tmp_path: Path) -> None:
    base = [make_record(f"ar/law/2004/{n}", [f"Los migrantes y la ley {n}."]) for n in range(20)]
    rebuild(tmp_path, base, procs=1)
    errors: list[BaseException] = []
    totals: list[int] = []

    with SearchService(tmp_path) as service:

        def searching() -> None:
            try:
                for _ in range(40):
                    totals.append(service.search(SearchParams(q="migrantes")).total)
            except BaseException as exc:  # reported by the assertion below
                errors.append(exc)

        readers = [threading.Thread(target=searching) for _ in range(4)]
        for thread in readers:
            thread.start()
        # Each update commits, so the readers' next search refreshes (and closes) the
        # searcher that the others may be using.
        for n in range(20, 30):
            service.update(make_record(f"ar/law/2004/{n}", [f"Los migrantes, ley {n}."]))
        for thread in readers:
            thread.join()
        final = service.search(SearchParams(q="migrantes")).total

    assert not errors
    assert len(totals) == 160 and all(20 <= t <= 30 for t in totals)
    assert final == 30


def test_an_update_after_a_rebuild_goes_into_the_new_index(tmp_path: Path) -> None:
    rebuild(tmp_path, [make_record("ar/law/2004/1", ["Los migrantes."])], procs=1)
    with SearchService(tmp_path) as service:
        assert service.search(SearchParams(q="migrantes")).total == 1
        rebuild(tmp_path, [make_record("ar/law/2004/2", ["Los migrantes."])], procs=1)
        # No search in between: the update itself must follow the swap.
        service.update(make_record("ar/law/2004/3", ["Las migrantes."]))
        assert service.search(SearchParams(q="migrantes")).total == 2
        assert service.delete("ar/law/2004/2") == 1
