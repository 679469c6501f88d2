"""The ingest batch: outcomes, idempotence, given metadata, limits and isolation."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from ingest import process as process_module
from ingest.extracted import Extracted, Limits
from ingest.pipeline import Batch, collect_files, run
from library.datadir import DataDir
from library.vocabulary import load_vocabularies
from tests.ingest.laws import ENGLISH_TREATY, SPANISH_LAW


def _ingest(tmp_path: Path, paths: list[Path], **kwargs: object):
    data = DataDir(tmp_path.parent / f"{tmp_path.name}-data")
    with data.open_catalogue() as catalogue:
        outcomes = run(
            Batch(tuple(paths), **kwargs), catalogue, data.file_store(), load_vocabularies()
        )
        counts = catalogue.counts()
    return outcomes, counts, data


def test_each_file_ends_ingested_duplicate_or_rejected_with_a_reason(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a-ley.txt").write_text(SPANISH_LAW, encoding="utf-8")
    (docs / "b-copy.txt").write_text(SPANISH_LAW, encoding="utf-8")
    (docs / "c-empty.pdf").write_bytes(b"")
    (docs / "d-junk.bin").write_bytes(bytes(range(256)) * 40)
    (docs / "e-treaty.md").write_text(ENGLISH_TREATY, encoding="utf-8")
    outcomes, counts, _ = _ingest(tmp_path, [docs, tmp_path / "missing.pdf"], jobs=0)
    by_name = {o.path.name: o for o in outcomes}
    assert by_name["a-ley.txt"].outcome == "ingested"
    assert by_name["b-copy.txt"].outcome == "duplicate"
    assert by_name["b-copy.txt"].work_id == by_name["a-ley.txt"].work_id
    assert by_name["c-empty.pdf"].outcome == "rejected" and "empty" in by_name["c-empty.pdf"].reason
    assert by_name["d-junk.bin"].outcome == "rejected" and by_name["d-junk.bin"].reason
    assert (
        by_name["missing.pdf"].outcome == "rejected"
        and "cannot read" in by_name["missing.pdf"].reason
    )
    assert by_name["e-treaty.md"].outcome == "ingested"
    assert counts["works"] == 2 and counts["files"] == 2


def test_ingested_law_has_parts_language_and_derived_metadata(tmp_path: Path) -> None:
    law = tmp_path / "ley.txt"
    law.write_text(SPANISH_LAW, encoding="utf-8")
    (outcome,), _, data = _ingest(tmp_path, [law], jobs=0)
    assert outcome.outcome == "ingested"
    assert outcome.language == "es"
    assert outcome.jurisdiction == "AR"
    assert outcome.instrument_type == "law"
    assert "migration" in outcome.topics
    with data.open_catalogue() as catalogue:
        record = catalogue.get_record(outcome.work_id)
    anchors = [p.anchor for p in record.expressions[0].parts]
    assert "art-1" in anchors and "art-4" in anchors
    assert record.work.field_sources["jurisdiction"] in ("derived", "embedded")
    assert data.file_store().read(outcome.sha256) == law.read_bytes()


def test_running_the_same_batch_again_only_reports_duplicates(tmp_path: Path) -> None:
    law = tmp_path / "ley.txt"
    law.write_text(SPANISH_LAW, encoding="utf-8")
    _ingest(tmp_path, [law], jobs=0)
    outcomes, counts, _ = _ingest(tmp_path, [law], jobs=0)
    assert [o.outcome for o in outcomes] == ["duplicate"]
    assert counts["expressions"] == 1


def test_metadata_beside_a_file_wins_and_is_marked_given(tmp_path: Path) -> None:
    law = tmp_path / "ley.txt"
    law.write_text(SPANISH_LAW, encoding="utf-8")
    meta = {
        "title": "Ley de prueba",
        "country": "UY",
        "date": "2020-12-17",
        "topics": ["migration"],
    }
    (tmp_path / "ley.txt.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    (outcome,), _, data = _ingest(tmp_path, [tmp_path], jobs=0)
    assert (outcome.title, outcome.jurisdiction, outcome.date_adopted) == (
        "Ley de prueba",
        "UY",
        "2020-12-17",
    )
    with data.open_catalogue() as catalogue:
        record = catalogue.get_record(outcome.work_id)
    assert record.work.field_sources["jurisdiction"] == "given"
    assert record.expressions[0].field_sources["title"] == "given"
    assert outcome.work_id.startswith("uy/law/2020/")


def test_invalid_sidecar_rejects_only_that_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SPANISH_LAW, encoding="utf-8")
    (tmp_path / "a.txt.meta.json").write_text('{"status": "sort of"}', encoding="utf-8")
    (tmp_path / "b.txt").write_text(ENGLISH_TREATY, encoding="utf-8")
    outcomes, _, _ = _ingest(tmp_path, [tmp_path], jobs=0)
    assert [o.outcome for o in outcomes] == ["rejected", "ingested"]
    assert "unknown status" in outcomes[0].reason


def test_oversized_file_is_rejected_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Artículo 1. " * 2000, encoding="utf-8")
    (outcome,), _, _ = _ingest(tmp_path, [big], jobs=0, limits=Limits(max_bytes=1000))
    assert outcome.outcome == "rejected" and "over the 1,000-byte limit" in outcome.reason


def _slow_extractor(data: bytes, limits: Limits) -> Extracted:
    time.sleep(30)
    raise AssertionError("the time limit should have stopped this")


def _crashing_extractor(data: bytes, limits: Limits) -> Extracted:
    os._exit(3)


@pytest.mark.parametrize(
    ("extractor", "reason"),
    [("_slow_extractor", "time limit"), ("_crashing_extractor", "crashed its worker")],
)
def test_worker_limits_reject_one_file_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extractor: str, reason: str
) -> None:
    (tmp_path / "a.txt").write_text(SPANISH_LAW, encoding="utf-8")
    html = (
        "<html><body><h1>Convention</h1>"
        + "".join(f"<p>{p}</p>" for p in ENGLISH_TREATY.split("\n\n"))
        + "</body></html>"
    )
    (tmp_path / "b.html").write_text(html, encoding="utf-8")
    patched = dict(process_module.EXTRACTORS, text=(__name__, extractor))
    monkeypatch.setattr(process_module, "EXTRACTORS", patched)
    outcomes, _, _ = _ingest(
        tmp_path, [tmp_path / "a.txt", tmp_path / "b.html"], jobs=1, limits=Limits(max_seconds=1)
    )
    assert outcomes[0].outcome == "rejected" and reason in outcomes[0].reason
    assert outcomes[1].outcome == "ingested"


def test_collect_files_skips_hidden_files_and_sidecars(tmp_path: Path) -> None:
    (tmp_path / ".hidden").write_text("x")
    (tmp_path / "a.pdf").write_text("x")
    (tmp_path / "a.pdf.meta.json").write_text("{}")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("x")
    assert [p.name for p in collect_files([tmp_path])] == ["a.pdf", "b.html"]
