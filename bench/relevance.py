"""Relevance of ours against a plain Whoosh baseline: nDCG@10 on judged queries.

The real corpus (``../shared/corpus/docs``) is ingested WITH its ``catalog.csv``
metadata (the demo set-up: a librarian's catalogue, so filters and facets see true
values). The ingested catalogue is cached under ``bench/work/`` keyed by the corpus
files and the ingest code, so later runs skip ingestion. Both systems index the same
records: ours through ``index.indexer``; the baseline is plain Whoosh BM25F on one
unstemmed field (title + body, StandardAnalyzer, default QueryParser). Every query of
``bench/judged_queries.json`` runs on both; hits are mapped to corpus paths through the
sha256 of their file. Results go to ``bench/results/relevance.md`` and ``.json``.

    python bench/relevance.py [--corpus DIR] [--queries FILE] [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from statistics import mean
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import baselines as bl  # noqa: E402
from bench import ours  # noqa: E402
from bench.corpus_sample import DEFAULT_CORPUS, WORK_DIR  # noqa: E402
from library.model import Expression, Record  # noqa: E402

QUERIES = REPO / "bench" / "judged_queries.json"
RESULTS = REPO / "bench" / "results"
K = 10


def dcg(grades: Sequence[int]) -> float:
    """Discounted cumulative gain with exponential gain ``2^g - 1``.

    >>> round(dcg([2, 0, 1]), 4)
    3.5
    """
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


def ndcg(ranked: Sequence[str], judgments: Mapping[str, int], k: int = K) -> float:
    """nDCG@k of a ranked list of document keys against graded judgments (unjudged = 0).

    :param ranked: document keys in rank order (duplicates count once).
    :param judgments: key -> grade (1 partially, 2 highly relevant).

    >>> ndcg(["a", "b"], {"a": 2, "b": 1}), ndcg(["b", "a"], {"a": 2}) < 1, ndcg([], {"a": 1})
    (1.0, True, 0.0)
    """
    seen: list[str] = []
    for key in ranked:
        if key not in seen:
            seen.append(key)
    ideal = dcg(sorted(judgments.values(), reverse=True)[:k])
    return dcg([judgments.get(key, 0) for key in seen[:k]]) / ideal if ideal else 0.0


def source_fingerprint(corpus: Path) -> str:
    """Hash of the corpus files (names, sizes) and of the ingest and library code."""
    h = hashlib.sha256((corpus / "catalog.csv").read_bytes())
    for path in sorted((corpus / "docs").rglob("*")):
        if path.is_file():
            h.update(f"{path.relative_to(corpus)}:{path.stat().st_size}".encode())
    for package in ("ingest", "library"):
        for path in sorted((REPO / package).rglob("*")):
            if path.is_file() and path.suffix in (".py", ".json"):
                h.update(path.read_bytes())
    return h.hexdigest()[:16]


def ingested_records(corpus: Path, work: Path) -> list[Record]:
    """The corpus ingested with its catalogue metadata, from the cache when it is current."""
    from ingest.pipeline import Batch, run
    from ingest.usermeta import load_csv
    from library.datadir import DataDir
    from library.vocabulary import load_vocabularies

    data = DataDir(work / f"relevance-{source_fingerprint(corpus)}")
    done = data.root / "INGESTED"
    if not done.is_file():
        vocab = load_vocabularies()
        given = load_csv(corpus / "catalog.csv", vocab)
        data.root.mkdir(parents=True, exist_ok=True)
        with data.open_catalogue() as catalogue:
            outcomes = run(Batch((corpus / "docs",), given=given, jobs=2), catalogue,
                           data.file_store(), vocab)  # fmt: skip
        rejected = [f"{o.path}: {o.reason}" for o in outcomes if o.outcome != "ingested"]
        done.write_text("\n".join(rejected) + "\n", encoding="utf-8")
    with data.open_catalogue() as catalogue:
        return list(catalogue.iter_records())


def paths_by_sha256(corpus: Path) -> dict[str, str]:
    """sha256 -> corpus path (``docs/xx/file``), from ``catalog.csv``."""
    with (corpus / "catalog.csv").open(encoding="utf-8") as fh:
        return {row["sha256"]: row["path"] for row in csv.DictReader(fh)}


def _body(expression: Expression) -> str:
    return "\n\n".join(c for p in expression.parts for c in (p.heading, p.text) if c)


def baseline_docs(records: Iterable[Record]) -> list[dict[str, Any]]:
    """Flat baseline documents of every expression (same text and metadata as ours)."""
    out: list[dict[str, Any]] = []
    for record in records:
        w = record.work
        for e in record.expressions:
            meta = {"id": e.expression_id, "title": e.title, "language": e.language,
                    "jurisdiction": w.jurisdiction, "instrument_type": w.instrument_type,
                    "year": w.year, "topics": w.topics, "status": w.status,
                    "issuing_body": w.issuing_body}  # fmt: skip
            out.append(bl.flat_doc(meta, _body(e)))
    return out


def evaluate(
    queries: Sequence[Mapping[str, Any]],
    rank_ours: Any,
    rank_baseline: Any,
) -> list[dict[str, Any]]:
    """nDCG@10 of both systems on every judged query.

    :param rank_ours: ``(q, filters) -> [corpus path, ...]`` in rank order.
    :param rank_baseline: the same for the baseline.
    """
    rows: list[dict[str, Any]] = []
    for query in queries:
        judged = query["judgments"]
        row: dict[str, Any] = {k: query[k] for k in ("id", "q", "lang", "class", "filters")}
        for name, rank in (("ours", rank_ours), ("baseline", rank_baseline)):
            try:
                ranked = rank(query["q"], query["filters"])
                row[name] = ndcg(ranked, judged)
                row[f"{name}_top"] = ranked[:K]
            except Exception as exc:  # one failing query is a 0, reported
                row[name] = 0.0
                row[f"{name}_error"] = f"{type(exc).__name__}: {exc}"
        rows.append(row)
    return rows


def summarize(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Mean nDCG@10 overall, per language and per query class, with ours ÷ baseline."""

    def group(key: str | None) -> dict[str, Any]:
        buckets: dict[str, list[Mapping[str, Any]]] = {}
        for row in rows:
            buckets.setdefault(row[key] if key else "all", []).append(row)
        out = {}
        for name, members in sorted(buckets.items()):
            o, b = mean(r["ours"] for r in members), mean(r["baseline"] for r in members)
            out[name] = {"n": len(members), "ours": o, "baseline": b,
                         "ratio": o / b if b else None}  # fmt: skip
        return out

    return {"all": group(None)["all"], "by_lang": group("lang"), "by_class": group("class")}


def render_markdown(report: Mapping[str, Any]) -> str:
    """The human-readable report."""
    s = report["summary"]
    a = s["all"]
    ratio = f"{a['ratio']:.2f}" if a["ratio"] else "—"
    lines = [
        "# Relevance: nDCG@10 on judged queries",
        "",
        f"Run {report['started']} at commit {report.get('commit', 'unknown')}: {a['n']} queries of `bench/judged_queries.json` over the "
        f"shared corpus ({report['expressions']} expressions indexed, ingested with "
        f"`catalog.csv`; {len(report['missing_judged'])} judged files not in the index). "
        "Baseline: plain Whoosh BM25F on one unstemmed field (title + body, "
        "StandardAnalyzer, default QueryParser), same records and filters.",
        "",
        f"**Mean nDCG@10: ours {a['ours']:.3f}, baseline {a['baseline']:.3f} "
        f"(ours ÷ baseline = {ratio}).**",
        "",
    ]
    for title, key in (("By language", "by_lang"), ("By query class", "by_class")):
        lines += [f"## {title}", "", "| group | n | ours | baseline | ours ÷ baseline |",
                  "|---|---|---|---|---|"]  # fmt: skip
        for name, g in s[key].items():
            r = f"{g['ratio']:.2f}" if g["ratio"] else "—"
            lines.append(f"| {name} | {g['n']} | {g['ours']:.3f} | {g['baseline']:.3f} | {r} |")
        lines.append("")
    lines += ["## Per query", "", "| id | lang | class | query | filters | ours | baseline |",
              "|---|---|---|---|---|---|---|"]  # fmt: skip
    for row in report["queries"]:
        filters = ", ".join(f"{k}={'/'.join(map(str, v))}" for k, v in row["filters"].items())
        err = " (error)" if "ours_error" in row else ""
        lines.append(f"| {row['id']} | {row['lang']} | {row['class']} | `{row['q']}` | "
                     f"{filters} | {row['ours']:.3f}{err} | {row['baseline']:.3f} |")  # fmt: skip
    if report["missing_judged"]:
        lines += ["", "Judged files not in the index (rejected at ingest or absent): "
                  + ", ".join(report["missing_judged"])]  # fmt: skip
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--work", type=Path, default=WORK_DIR)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    started = time.strftime("%Y-%m-%d %H:%M")
    print("ingesting (or reading the cached catalogue)…", file=sys.stderr)
    records = ingested_records(args.corpus, args.work)
    by_sha = paths_by_sha256(args.corpus)
    expr_path = {e.expression_id: by_sha.get(e.file_sha256, e.file_sha256)
                 for r in records for e in r.expressions}  # fmt: skip
    queries = json.loads(args.queries.read_text(encoding="utf-8"))["queries"]
    judged = {p for q in queries for p in q["judgments"]}
    with tempfile.TemporaryDirectory(prefix="migralex-relevance-") as tmp:
        print(f"indexing {len(expr_path)} expressions in both systems…", file=sys.stderr)
        ours.build(Path(tmp) / "ours", records, procs=1)
        bl.naive_build(Path(tmp) / "naive", baseline_docs(records))
        service = ours.open_service(Path(tmp) / "ours")

        def rank_ours(q: str, filters: Mapping[str, Any]) -> list[str]:
            page = ours.search(service, q, filters)
            return [by_sha.get(s, s) for s in page.sha256s]

        def rank_baseline(q: str, filters: Mapping[str, Any]) -> list[str]:
            page = bl.naive_search(Path(tmp) / "naive", q, filters, False, False)
            return [expr_path.get(i, i) for i in page.ids]

        rows = evaluate(queries, rank_ours, rank_baseline)
        if hasattr(service, "close"):
            service.close()
    from bench.search_speed import git_commit

    report = {
        "started": started,
        "commit": git_commit(),
        "expressions": len(expr_path),
        "missing_judged": sorted(judged - set(expr_path.values())),
        "summary": summarize(rows),
        "queries": rows,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "relevance.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    (args.out / "relevance.md").write_text(render_markdown(report), encoding="utf-8")
    a = report["summary"]["all"]
    print(f"nDCG@10 ours {a['ours']:.3f} baseline {a['baseline']:.3f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
