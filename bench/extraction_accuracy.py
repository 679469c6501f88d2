"""Measure derived metadata against the true catalogue, and ingestion throughput.

Ingests ../shared/corpus/docs WITHOUT its catalog.csv into a fresh data
directory, then compares each file's derived metadata with catalog.csv:
language, jurisdiction, instrument type, year of adoption and title
(normalised similarity >= 0.8). Writes bench/results/extraction_accuracy.md
and .json.

    python bench/extraction_accuracy.py [--corpus DIR] [--jobs N]
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import sys
import tempfile
import time
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ingest.outcome import FileOutcome  # noqa: E402
from ingest.pipeline import Batch, run  # noqa: E402
from library.datadir import DataDir  # noqa: E402
from library.vocabulary import Vocabularies, fold, load_vocabularies  # noqa: E402

TARGETS = {
    "language": 0.98,
    "jurisdiction": 0.95,
    "instrument_type": 0.90,
    "year": 0.90,
    "title": 0.80,
}


def title_similarity(a: str, b: str) -> float:
    """Similarity of two titles after folding case, accents and punctuation."""
    norm = lambda s: " ".join("".join(c if c.isalnum() else " " for c in fold(s)).split())  # noqa: E731
    return SequenceMatcher(None, norm(a), norm(b)).ratio()


def expected_jurisdiction(row: dict[str, str], vocab: Vocabularies) -> str:
    if row["country"] and row["country"] != "INT":
        return row["country"]
    return vocab.jurisdiction_by_name(row["organization"]) or row["organization"]


def compare(row: dict[str, str], got: FileOutcome, vocab: Vocabularies) -> dict[str, Any]:
    """Per-field agreement of one file (None where the catalogue has no value to compare)."""
    year = row["date"][:4]
    return {
        # The catalogue's 'mul' is a mixed-language document: one we flag as such.
        "language": got.language == row["language"]
        or (row["language"] == "mul" and len(got.languages) > 1),
        "jurisdiction": got.jurisdiction == expected_jurisdiction(row, vocab),
        "instrument_type": got.instrument_type == row["instrument_type"],
        "year": (got.date_adopted[:4] == year) if year else None,
        "year_all": got.date_adopted[:4] == year,
        "title": title_similarity(got.title, row["title"]) >= 0.8,
        "title_similarity": round(title_similarity(got.title, row["title"]), 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results")
    args = parser.parse_args()
    catalog = {
        r["path"]: r for r in csv.DictReader((args.corpus / "catalog.csv").open(encoding="utf-8"))
    }
    vocab = load_vocabularies()
    with tempfile.TemporaryDirectory() as tmp:
        data = DataDir(Path(tmp))
        started = time.perf_counter()
        with data.open_catalogue() as catalogue:
            outcomes = run(
                Batch((args.corpus / "docs",), jobs=args.jobs), catalogue, data.file_store(), vocab
            )
        wall = time.perf_counter() - started
    rows: list[dict[str, Any]] = []
    for outcome in outcomes:
        rel = outcome.path.relative_to(args.corpus).as_posix()
        truth = catalog.get(rel)
        if truth is None:
            continue
        result = {"path": rel, "outcome": outcome.outcome, "reason": outcome.reason}
        if outcome.outcome == "ingested":
            result |= compare(truth, outcome, vocab)
            result["got"] = {
                k: getattr(outcome, k)
                for k in ("title", "language", "jurisdiction", "instrument_type", "date_adopted")
            }
            result["want"] = {
                k: truth[k]
                for k in ("title", "language", "country", "organization", "instrument_type", "date")
            }
        rows.append(result)
    report = summarise(rows, outcomes, wall, args.jobs)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "extraction_accuracy.json").write_text(
        json.dumps({"summary": report, "files": rows}, ensure_ascii=False, indent=1)
    )
    (args.out / "extraction_accuracy.md").write_text(render(report, rows))
    print(render(report, rows))
    return 0


def summarise(
    rows: list[dict[str, Any]], outcomes: list[FileOutcome], wall: float, jobs: int
) -> dict[str, Any]:
    n = len(rows)
    accuracy: dict[str, Any] = {}
    for field in ("language", "jurisdiction", "instrument_type", "year", "year_all", "title"):
        judged = [r[field] for r in rows if r.get(field) is not None]
        # A rejected file counts as wrong for every field.
        wrong_by_rejection = sum(1 for r in rows if r["outcome"] != "ingested")
        total = len(judged) + wrong_by_rejection
        accuracy[field] = {
            "correct": sum(judged),
            "of": total,
            "rate": round(sum(judged) / total, 3) if total else None,
        }
    ingested = [o for o in outcomes if o.outcome == "ingested"]
    pdfs = [o for o in ingested if o.format == "pdf"]
    pdf_pages, pdf_seconds = sum(o.pages or 0 for o in pdfs), sum(o.seconds for o in pdfs)
    return {
        "files": n,
        "outcomes": dict(Counter(r["outcome"] for r in rows)),
        "accuracy": accuracy,
        "targets": TARGETS,
        "throughput": {
            "wall_seconds": round(wall, 1),
            "jobs": jobs,
            "files_per_second": round(len(outcomes) / wall, 2),
            "pdf_pages": pdf_pages,
            "pdf_pages_per_second_per_process": round(pdf_pages / pdf_seconds, 2)
            if pdf_seconds
            else None,
            "mb_per_second_per_process": round(
                sum(o.path.stat().st_size for o in ingested)
                / 1e6
                / max(sum(o.seconds for o in ingested), 1e-9),
                2,
            ),
        },
        "machine": f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}",
        "date": time.strftime("%Y-%m-%d"),
    }


def render(report: dict[str, Any], rows: list[dict[str, Any]]) -> str:
    lines = [
        "# Extraction accuracy on the shared corpus (ingested without catalog.csv)",
        "",
        f"{report['files']} files, outcomes {report['outcomes']}; {report['date']}, {report['machine']}.",
        "",
        "| field | correct | of | rate | target |",
        "|---|---|---|---|---|",
    ]
    for field, acc in report["accuracy"].items():
        target = TARGETS.get(field, "")
        lines.append(f"| {field} | {acc['correct']} | {acc['of']} | {acc['rate']} | {target} |")
    t = report["throughput"]
    lines += [
        "",
        "`year` counts files whose catalogue date is set; `year_all` also counts an empty date as right only when none is derived.",
        "",
        "## Throughput",
        "",
        f"- wall time {t['wall_seconds']} s with {t['jobs']} worker processes ({t['files_per_second']} files/s)",
        f"- PDF: {t['pdf_pages']} pages at {t['pdf_pages_per_second_per_process']} pages/s per process",
        f"- all formats: {t['mb_per_second_per_process']} MB/s per process",
        "",
        "## Misses",
        "",
        "| file | field | got | want |",
        "|---|---|---|---|",
    ]
    for r in rows:
        if r["outcome"] != "ingested":
            lines.append(f"| {r['path']} | outcome | {r['outcome']}: {r['reason']} | ingested |")
            continue
        for field in ("language", "jurisdiction", "instrument_type", "year", "title"):
            if r.get(field) is False:
                got = r["got"]
                want = r["want"]
                g = {"year": got["date_adopted"], "title": got["title"]}.get(
                    field, got.get(field, "")
                )
                w = {
                    "year": want["date"],
                    "jurisdiction": want["country"] + "/" + want["organization"],
                    "title": want["title"],
                }.get(field, want.get(field, ""))
                lines.append(f"| {r['path']} | {field} | {str(g)[:90]} | {str(w)[:90]} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
