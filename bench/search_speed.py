"""Search speed of ours, a naive Whoosh set-up and SQLite FTS5 on generated collections.

For each size, every system builds its index in a subprocess of its own (build rate,
size on disk, peak memory of the build), then serves the same queries in another
subprocess (latency p50/p95 per query class, peak memory of the serving process).
Ours also times adding one document to the built index. Results, with ratios from
the same run and pass/fail against the issue's targets, go to
``bench/results/search_speed_<size>.md`` and ``.json``; progress goes to stderr.

    python bench/search_speed.py                       # 1,000 and 10,000 documents
    python bench/search_speed.py --sizes 100000 --systems ours fts5
    python bench/search_speed.py --sizes 1000 --per-class 20 --out /tmp/speed

See bench/README.md for what is measured and how to read the ratios.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import corpus_sample as cs  # noqa: E402
from bench.speed_queries import CLASSES, make_queries  # noqa: E402
from bench.speed_worker import SYSTEMS  # noqa: E402

RESULTS = REPO / "bench" / "results"
#: The issue's targets for the full search call, the build and the serving process.
P95_TARGET_MS = {10_000: 60.0, 100_000: 300.0}
BUILD_TARGET_DOCS_S = 150.0
ADD_ONE_TARGET_S = 1.0
SERVE_MEMORY_TARGET_MB = 500.0


def remove(path: Path) -> None:
    """Delete a built index, whether a folder (Whoosh) or a file (SQLite)."""
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run_worker(args: Sequence[str]) -> dict[str, Any]:
    """Run ``bench/speed_worker.py`` in a fresh interpreter and return its JSON answer."""
    cmd = [sys.executable, str(REPO / "bench" / "speed_worker.py"), *args]
    done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, cwd=REPO)
    if done.returncode != 0:
        return {"error": f"worker exited with {done.returncode}: {' '.join(args[:3])}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def percentile(values: Sequence[float], p: float) -> float | None:
    """Nearest-rank percentile (None for no values).

    >>> percentile([5, 1, 3, 2, 4], 50), percentile(list(range(1, 101)), 95)
    (3, 95)
    """
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


def p95_target(size: int) -> float | None:
    """The p95 target that applies at ``size`` (10k: 60 ms, 100k: 300 ms), else None."""
    return P95_TARGET_MS.get(size)


def summarize(size: int, systems: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Percentiles per class and system, ratios to ours, and the targets' verdicts."""
    classes: dict[str, Any] = {}
    for cls in CLASSES:
        row: dict[str, Any] = {}
        for name, result in systems.items():
            lat = result.get("serve", {}).get("latencies_ms", {}).get(cls, [])
            hits = result.get("serve", {}).get("hits", {}).get(cls, [])
            row[name] = {"p50": percentile(lat, 50), "p95": percentile(lat, 95), "n": len(lat),
                         "zero_hit": sum(1 for h in hits if h == 0),
                         "median_hits": percentile(hits, 50)}  # fmt: skip
        ours = row.get("ours", {})
        for name in systems:
            if name != "ours" and ours.get("p95") and row[name]["p95"]:
                row[name]["ours_over_this_p50"] = ours["p50"] / row[name]["p50"]
                row[name]["ours_over_this_p95"] = ours["p95"] / row[name]["p95"]
        classes[cls] = row
    verdicts: dict[str, Any] = {}
    ours = systems.get("ours", {})
    target = p95_target(size)
    if ours and target is not None:
        worst = max((classes[c]["ours"]["p95"] or 0.0) for c in CLASSES)
        verdicts["p95_every_class_ms"] = {"value": worst, "target": target, "ok": worst <= target}
    build = ours.get("build", {})
    if build.get("docs_per_second"):
        rate = build["docs_per_second"]
        verdicts["build_docs_per_s"] = {
            "value": rate,
            "target": BUILD_TARGET_DOCS_S,
            "ok": rate >= BUILD_TARGET_DOCS_S,
        }
    add = ours.get("serve", {}).get("add_one_s")
    if add and size == 10_000:
        verdicts["add_one_s"] = {"value": max(add), "target": ADD_ONE_TARGET_S,
                                 "ok": max(add) < ADD_ONE_TARGET_S}  # fmt: skip
    rss = ours.get("serve", {}).get("peak_rss_mb")
    if rss and size == 100_000:
        verdicts["serve_peak_mb"] = {"value": rss, "target": SERVE_MEMORY_TARGET_MB,
                                     "ok": rss < SERVE_MEMORY_TARGET_MB}  # fmt: skip
    return {"classes": classes, "verdicts": verdicts}


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:,.1f}"


def _count(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f}"


def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def render_markdown(report: Mapping[str, Any]) -> str:
    """The human-readable report of one size."""
    size, systems, summary = report["size"], report["systems"], report["summary"]
    names = list(systems)
    lines = [
        f"# Search speed at {size:,} documents",
        "",
        f"Run {report['started']} at commit {report.get('commit', 'unknown')} on "
        f"{report['machine']}; {report['per_class']} queries per "
        f"class, seed {report['seed']}. Every query is the full search call (query, filters, "
        "facet counts, highlighted snippets of a 10-hit page). Ratios are ours ÷ the other "
        "system, from this run: below 1 means ours is faster.",
        "",
        *([f"Note: {report['note']}", ""] if report.get("note") else []),
        "## Build",
        "",
        "| system | docs/s | seconds | index MB | build peak RSS MB | serving peak RSS MB |",
        "|---|---|---|---|---|---|",
    ]
    for name in names:
        b, s = systems[name].get("build", {}), systems[name].get("serve", {})
        lines.append(
            f"| {name} | {b.get('docs_per_second', 0):,.0f} | {b.get('seconds', 0):,.1f} | "
            f"{b.get('bytes', 0) / 1e6:,.1f} | {b.get('peak_rss_mb', 0):,.0f} | "
            f"{s.get('peak_rss_mb', 0):,.0f} |"
        )
    errors = [f"- {n}: {systems[n][k]['error']}" for n in names for k in ("build", "serve")
              if "error" in systems[n].get(k, {})]  # fmt: skip
    if errors:
        lines += ["", "Errors:", "", *errors]
    add = systems.get("ours", {}).get("serve", {}).get("add_one_s")
    if add:
        lines += ["", "Adding one document to the built index (ours, commit + searcher refresh): "
                  + ", ".join(f"{x:.2f} s" for x in add)]  # fmt: skip
    header = "| class | " + " | ".join(f"{n} p50 | {n} p95" for n in names)
    others = [n for n in names if n != "ours"]
    header += "".join(f" | ours÷{n} p50 | ours÷{n} p95" for n in others) + " |"
    lines += [
        "",
        "## Latency (ms)",
        "",
        header,
        "|---" * (1 + 2 * len(names) + 2 * len(others)) + "|",
    ]
    for cls, row in summary["classes"].items():
        cells = [f"{_ms(row[n]['p50'])} | {_ms(row[n]['p95'])}" for n in names]
        ratios = [f"{_ratio(row[n].get('ours_over_this_p50'))} | "
                  f"{_ratio(row[n].get('ours_over_this_p95'))}" for n in others]  # fmt: skip
        lines.append(f"| {cls} | " + " | ".join(cells + ratios) + " |")
    lines += ["", "## Result counts (are the systems doing the same work?)", "",
              "Queries that found nothing, and the median total of hits, per class. A system "
              "that finds nothing where the others find documents is fast for the wrong reason.",
              "", "| class | " + " | ".join(f"{n} zero-hit | {n} median hits" for n in names) + " |",
              "|---" * (1 + 2 * len(names)) + "|"]  # fmt: skip
    for cls, row in summary["classes"].items():
        cells = [f"{row[n].get('zero_hit', '—')} / {row[n].get('n', 0)} | "
                 f"{_count(row[n].get('median_hits'))}" for n in names]  # fmt: skip
        lines.append(f"| {cls} | " + " | ".join(cells) + " |")
    for cls, row in summary["classes"].items():
        ours, others = row.get("ours"), [row[n] for n in names if n != "ours"]
        if ours and others and ours["n"]:
            excess = ours["zero_hit"] - min(o.get("zero_hit", 0) for o in others)
            if excess > 0.1 * ours["n"]:
                lines += ["", f"**Warning: ours found nothing for {excess} more `{cls}` queries "
                          "than another system did; its latency for this class is not comparable "
                          "until that is fixed.**"]  # fmt: skip
    lines += ["", "## Targets (ours)", ""]
    if not summary["verdicts"]:
        lines.append("No target applies at this size (latency targets are set at 10k and 100k).")
    for key, v in summary["verdicts"].items():
        lines.append(f"- {key}: {v['value']:,.2f} (target {v['target']:,}) — "
                     + ("PASS" if v["ok"] else "FAIL"))  # fmt: skip
    return "\n".join(lines) + "\n"


def run_size(size: int, args: argparse.Namespace, queries_path: Path) -> dict[str, Any]:
    """Build and serve every system at one size; returns the report."""
    log(f"size {size:,}: preparing the collection")
    sample = cs.ensure_sample(size, args.corpus, args.seed)
    extra = args.work / f"extra-{args.seed}-{size}.jsonl"
    pools = cs.load_pools(args.corpus)
    extra.write_text("".join(json.dumps(cs.make_doc(size + i, pools, args.seed),
                                        ensure_ascii=False) + "\n" for i in range(3)),
                     encoding="utf-8")  # fmt: skip
    systems: dict[str, Any] = {}
    for name in args.systems:
        target = args.work / f"index-{name}-{size}"
        remove(target)
        log(f"size {size:,}: {name}: building")
        build = run_worker(["build", name, str(sample), str(target)])
        log(f"size {size:,}: {name}: built {build}")
        serve: dict[str, Any] = {}
        if "error" not in build:
            log(f"size {size:,}: {name}: serving {args.per_class} queries per class")
            serve = run_worker(["serve", name, str(target), str(queries_path), str(extra)])
            log(f"size {size:,}: {name}: served (peak {serve.get('peak_rss_mb', 0):.0f} MB)")
        systems[name] = {"build": build, "serve": serve}
        if not args.keep:
            remove(target)
    report = {
        "size": size,
        "seed": args.seed,
        "per_class": args.per_class,
        "started": time.strftime("%Y-%m-%d %H:%M"),
        "machine": f"{platform.machine()}, {platform.python_version()}, {_cpus()} CPUs",
        "commit": git_commit(),
        "systems": systems,
    }
    report["summary"] = summarize(size, systems)
    return report


def git_commit() -> str:
    """The repository's HEAD commit (short), with ``+dirty`` when tracked files changed."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=REPO,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+dirty" if dirty else "")  # fmt: skip


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--systems", nargs="+", choices=SYSTEMS, default=list(SYSTEMS))
    parser.add_argument("--per-class", type=int, default=60)
    parser.add_argument("--seed", type=int, default=cs.DEFAULT_SEED)
    parser.add_argument("--corpus", type=Path, default=cs.DEFAULT_CORPUS)
    parser.add_argument("--work", type=Path, default=cs.WORK_DIR)
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--keep", action="store_true", help="keep the built indexes")
    parser.add_argument("--rerender", action="store_true",
                        help="rewrite the .md of the given sizes from their .json, run nothing")  # fmt: skip
    parser.add_argument("--note", default="", help="with --rerender: a note on the run")
    args = parser.parse_args(argv)
    if args.rerender:
        for size in args.sizes:
            path = args.out / f"search_speed_{size}.json"
            report = json.loads(path.read_text())
            report["summary"] = summarize(size, report["systems"])
            if args.note:
                report["note"] = args.note
            path.write_text(json.dumps(report, indent=1))
            path.with_suffix(".md").write_text(render_markdown(report))
        return 0
    args.work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    queries = make_queries(cs.load_pools(args.corpus, args.work), args.per_class)
    queries_path = args.work / f"queries-{args.per_class}.json"
    queries_path.write_text(json.dumps([q.to_json() for q in queries], ensure_ascii=False))
    for size in args.sizes:
        report = run_size(size, args, queries_path)
        (args.out / f"search_speed_{size}.json").write_text(json.dumps(report, indent=1))
        (args.out / f"search_speed_{size}.md").write_text(render_markdown(report))
        log(f"size {size:,}: wrote {args.out / f'search_speed_{size}.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
