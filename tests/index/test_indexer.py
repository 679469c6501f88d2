"""Incremental updates, rebuilds, drift checks and repair."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from index import indexer
from index.jsonout import hit_to_json, page_summary_json
from index.mapping import stamp
from index.search import SearchParams
from index.service import SearchService
from tests.index.conftest import collection
from tests.index.factories import make_record


def test_stamp_changes_with_the_text_and_the_metadata() -> None:
    record = collection()[0]
    expression = record.expressions[0]
    base = stamp(record, expression)
    assert stamp(record, expression) == base
    edited = replace(record, work=replace(record.work, status="repealed"))
    assert stamp(edited, expression) != base
    part = replace(expression.parts[0], text="otro texto")
    changed = replace(expression, parts=(part, *expression.parts[1:]))
    assert stamp(record, changed) != base


def test_ingest_edit_and_withdraw_update_the_index(tmp_path: Path) -> None:
    records = collection()
    indexer.rebuild(tmp_path, records[:3], procs=1)
    with SearchService(tmp_path) as service:
        assert service.search(SearchParams(q="refugiados")).total == 0
        service.update(records[7])  # ingest
        assert [h.work_id for h in service.search(SearchParams(q="refugiados")).hits] == [
            "uy/law/2006/18076"
        ]
        edited = make_record("uy/law/2006/18076", ["Texto nuevo sobre asilo."], title="Ley")
        service.update(edited)  # edit: old text gone, new text found
        assert service.search(SearchParams(q="refugiados")).total == 0
        assert service.search(SearchParams(q="asilo", only_language=True)).total == 1
        assert service.delete("uy/law/2006/18076") == 1  # withdraw
        assert service.search(SearchParams(q="asilo", only_language=True)).total == 0
        assert service.doc_count() == 3


def test_check_reports_missing_stale_and_orphaned(tmp_path: Path) -> None:
    records = collection()
    indexer.rebuild(tmp_path, records, procs=1)
    ix = indexer.open_or_create(tmp_path)
    assert indexer.check(ix, records).ok
    edited = replace(records[0], work=replace(records[0].work, status="repealed"))
    extra = make_record("cl/law/2021/21325", ["Ley de migración y extranjería."])
    catalogue = [edited, *records[1:6], extra]  # 6 and 7 withdrawn from the catalogue
    report = indexer.check(ix, catalogue)
    assert report.missing == ("cl/law/2021/21325@es",)
    assert report.stale == ("ar/law/2004/25871@es",)
    assert report.orphaned == ("fr/law/2016/274@fr", "uy/law/2006/18076@es")
    assert not report.ok
    assert indexer.repair(ix, catalogue) == report
    assert indexer.check(ix, catalogue).ok


def test_rebuild_swaps_in_a_new_generation(tmp_path: Path) -> None:
    records = collection()
    indexer.rebuild(tmp_path, records[:2], procs=1)
    first = indexer.current_generation(tmp_path)
    with SearchService(tmp_path) as service:
        assert service.doc_count() == 2
        assert indexer.rebuild(tmp_path, records, procs=1) == 8
        second = indexer.current_generation(tmp_path)
        assert second != first and first is not None and not first.exists()
        assert service.doc_count() == 8  # the service notices the swap


def test_parallel_build_gives_the_same_documents(tmp_path: Path) -> None:
    records = collection()
    indexer.rebuild(tmp_path, records, procs=2)
    ix = indexer.open_or_create(tmp_path)
    assert indexer.check(ix, records).ok


def test_rebuild_in_batches_indexes_every_record_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = collection()
    monkeypatch.setattr(indexer, "BUILD_BATCH", 3)
    seen: list[int] = []
    assert indexer.rebuild(tmp_path / "batched", records, seen.append, procs=2) == 8
    indexer.rebuild(tmp_path / "whole", records, procs=1)
    assert seen == sorted(seen) and seen[-1] == 8
    assert indexer.check(indexer.open_or_create(tmp_path / "batched"), records).ok
    params = SearchParams(q="migrante OR trafficking", page_size=20)
    with SearchService(tmp_path / "batched") as batched, SearchService(tmp_path / "whole") as whole:
        assert [h.expression_id for h in batched.search(params).hits] == [
            h.expression_id for h in whole.search(params).hits
        ]


def test_json_lines_have_the_documented_keys(tmp_path: Path) -> None:
    indexer.rebuild(tmp_path, collection(), procs=1)
    with SearchService(tmp_path) as service:
        page = service.search(SearchParams(q="migrante"))
    line = json.loads(json.dumps(hit_to_json(page.hits[0])))
    assert {
        "rank", "score", "work_id", "title", "language", "jurisdiction", "instrument_type",
        "year", "status", "sha256", "parts",
    } <= set(line)  # fmt: skip
    assert {"anchor", "number", "snippet"} <= set(line["parts"][0])
    summary = page_summary_json(page)
    assert summary["total"] == page.total and "facets" in summary and "notices" in summary


def test_a_rebuild_from_the_catalogue_catches_up_changes_made_while_it_ran(
    tmp_path: Path,
) -> None:
    from library.store import Catalogue

    kept, edited, withdrawn = (
        make_record(f"ar/law/2004/{n}", [f"Los migrantes y la ley {n}."]) for n in (1, 2, 3)
    )
    catalogue = Catalogue(tmp_path / "catalogue.sqlite")
    for record in (kept, edited, withdrawn):
        catalogue.add_document(record.work, record.expressions[0], record.files[0], actor="t")
    reading = catalogue.iter_records

    def iter_records():  # another librarian edits and withdraws during the rebuild
        for n, record in enumerate(reading()):
            if n == 0:
                work = replace(edited.work, status="repealed")
                catalogue.update_work(work, actor="ana")
                catalogue.withdraw(withdrawn.work.work_id, actor="ana", reason="duplicate")
            yield record

    catalogue.iter_records = iter_records  # type: ignore[method-assign]
    index_dir = tmp_path / "index"
    assert indexer.rebuild_catalogue(index_dir, catalogue, procs=1) == 3
    with SearchService(index_dir) as service:
        ids = {h.work_id for h in service.search(SearchParams(q="migrantes")).hits}
        repealed = service.search(SearchParams(q="migrantes", statuses=("repealed",))).hits
    assert ids == {kept.work.work_id, edited.work.work_id}
    assert [h.work_id for h in repealed] == [edited.work.work_id]
    catalogue.close()
