"""Ingestion of the real shared corpus, without its catalogue: nothing crashes,
and derived metadata agrees with the true catalogue at the issue's thresholds."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]


def _catalog(shared_corpus: Path) -> dict[str, dict[str, str]]:
    with (shared_corpus / "catalog.csv").open(encoding="utf-8") as f:
        return {row["path"]: row for row in csv.DictReader(f)}


def test_every_corpus_file_is_ingested_or_rejected_with_a_reason(
    ingested_corpus, shared_corpus: Path
) -> None:
    _, outcomes = ingested_corpus
    catalog = _catalog(shared_corpus)
    assert {o.path.relative_to(shared_corpus).as_posix() for o in outcomes} == set(catalog)
    for outcome in outcomes:
        assert outcome.outcome in ("ingested", "duplicate", "rejected")
        if outcome.outcome == "rejected":
            assert len(outcome.reason) > 10, outcome
    ingested = [o for o in outcomes if o.outcome == "ingested"]
    assert len(ingested) >= 0.95 * len(catalog)
    assert all(o.parts >= 1 for o in ingested)


def test_derived_metadata_meets_the_accuracy_targets(ingested_corpus, shared_corpus: Path) -> None:
    sys.path.insert(0, str(REPO))
    from bench.extraction_accuracy import TARGETS, compare
    from library.vocabulary import load_vocabularies

    _, outcomes = ingested_corpus
    catalog = _catalog(shared_corpus)
    vocab = load_vocabularies()
    results = [
        compare(catalog[o.path.relative_to(shared_corpus).as_posix()], o, vocab)
        if o.outcome == "ingested" else {}
        for o in outcomes
    ]  # fmt: skip
    for field, target in TARGETS.items():
        judged = [r.get(field) for r in results if r.get(field, False) is not None]
        rate = sum(bool(v) for v in judged) / len(judged)
        assert rate >= target, f"{field}: {rate:.1%} < {target:.0%}"


def test_scanned_pdf_is_ocred_or_rejected_with_the_reason(
    ingested_corpus, shared_corpus: Path
) -> None:
    _, outcomes = ingested_corpus
    (scanned,) = [o for o in outcomes if o.path.name == "ley-de-migracion-p3-scanned.pdf"]
    if scanned.outcome == "rejected":
        assert "OCR" in scanned.reason or "tesseract" in scanned.reason
    else:
        assert any("OCR" in w for w in scanned.warnings)


def test_parallel_language_versions_share_one_work(ingested_corpus, shared_corpus: Path) -> None:
    _, outcomes = ingested_corpus
    by_name = {o.path.name: o for o in outcomes}
    english, french = by_name["irpa-I-2.5_en.xml"], by_name["lipr-I-2.5_fr.xml"]
    assert english.work_id == french.work_id
    assert {english.language, french.language} == {"en", "fr"}
