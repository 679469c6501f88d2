"""One measured step of ``search_speed.py``, in a process of its own so memory is attributable.

    python bench/speed_worker.py build SYSTEM SAMPLE.jsonl TARGET
    python bench/speed_worker.py serve SYSTEM TARGET QUERIES.json EXTRA.jsonl

Prints one JSON object on the last line of stdout. Peak memory is ``ru_maxrss`` of this
process (and, for a build, of its writer subprocesses, whichever is larger).
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import baselines as bl  # noqa: E402
from bench import corpus_sample as cs  # noqa: E402
from bench.speed_queries import SpeedQuery  # noqa: E402

SYSTEMS: tuple[str, ...] = ("ours", "naive", "fts5")
#: Queries run before timing starts (caches, lazy imports), spread over the classes.
WARMUP = 7


def peak_rss_mb(children: bool = False) -> float:
    """Peak resident memory in MB of this process (or of its largest finished child)."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024


def build(system: str, sample: Path, target: Path) -> dict[str, Any]:
    """Build ``system``'s index of the collection in ``sample`` at ``target``."""
    docs = cs.read_sample(sample)
    if system == "ours":
        from bench import ours

        stats = ours.build(target, (cs.to_record(d) for d in docs), procs=2)
    elif system == "naive":
        stats = bl.naive_build(target, (bl.flat_doc(d, cs.doc_text(d)) for d in docs))
    else:
        stats = bl.fts_build(target, (bl.flat_doc(d, cs.doc_text(d)) for d in docs))
    return {
        "docs": stats.docs,
        "seconds": stats.seconds,
        "docs_per_second": stats.docs_per_second,
        "bytes": bl.directory_size(target),
        "peak_rss_mb": max(peak_rss_mb(), peak_rss_mb(children=True)),
    }


def searcher_for(system: str, target: Path) -> tuple[Callable[[SpeedQuery], int], Any]:
    """A function running one query on ``system`` (returns the hit count), and its handle."""
    if system == "ours":
        from bench import ours

        service = ours.open_service(target)
        return (lambda q: ours.search(service, q.q, q.filters).total), service
    if system == "naive":
        return (lambda q: bl.naive_search(target, q.baseline_q or q.q, q.filters).total), None
    conn = bl.fts_open(target)
    return (lambda q: bl.fts_search(conn, q.baseline_q or q.q, q.filters).total), conn


def serve(system: str, target: Path, queries_path: Path, extra: Path) -> dict[str, Any]:
    """Run every query once (after a warm-up) and time each full call in milliseconds."""
    queries = [SpeedQuery.from_json(x) for x in json.loads(queries_path.read_text())]
    run, handle = searcher_for(system, target)
    step = max(1, len(queries) // WARMUP)
    for q in queries[::step][:WARMUP]:
        run(q)
    latencies: dict[str, list[float]] = {}
    hits: dict[str, list[int]] = {}
    errors: list[str] = []
    for q in queries:
        started = time.perf_counter()
        try:
            n = run(q)
        except Exception as exc:  # a failing query is reported, the run goes on
            errors.append(f"{q.cls} {q.q!r}: {type(exc).__name__}: {exc}")
            continue
        latencies.setdefault(q.cls, []).append((time.perf_counter() - started) * 1000)
        hits.setdefault(q.cls, []).append(n)
    out: dict[str, Any] = {
        "latencies_ms": latencies,
        "hits": hits,
        "errors": errors[:20],
        "error_count": len(errors),
        "peak_rss_mb": peak_rss_mb(),
    }
    if system == "ours":
        from bench import ours

        out["add_one_s"] = [
            ours.add_one(handle, cs.to_record(doc)) for doc in cs.read_sample(extra)
        ]
    return out


def main(argv: Sequence[str]) -> int:
    step, system, *paths = argv
    if system not in SYSTEMS:
        raise SystemExit(f"unknown system {system!r}; one of {', '.join(SYSTEMS)}")
    if step == "build":
        result = build(system, Path(paths[0]), Path(paths[1]))
    else:
        result = serve(system, Path(paths[0]), Path(paths[1]), Path(paths[2]))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
