"""Speed harness pieces: query sets, percentiles, ratios, verdicts and the report."""

from __future__ import annotations

from bench import search_speed as speed
from bench.speed_queries import CLASSES, SpeedQuery, make_queries, vocabulary
from tests.bench.helpers import SENTENCES


def test_query_sets_are_deterministic_and_cover_every_class() -> None:
    first = make_queries(SENTENCES, per_class=4)
    assert first == make_queries(SENTENCES, per_class=4)
    assert [q.cls for q in first] == [c for c in CLASSES for _ in range(4)]
    assert all(q.q.startswith('"') for q in first if q.cls == "phrase")
    assert all(q.filters for q in first if q.cls == "filter")
    assert all(" OR " in q.baseline_q for q in first if q.cls == "cross")
    assert SpeedQuery.from_json(first[12].to_json()) == first[12]


def test_frequent_words_for_facets_are_content_words_not_function_words() -> None:
    # After the 30 most frequent words, "para", "dos" and "the" lead the band the
    # facets class draws from; a search engine may leave them out of its index.
    counts = {f"top{chr(97 + i // 26)}{chr(97 + i % 26)}": 100 for i in range(40)}
    counts |= {"para": 60, "dos": 60, "the": 60, "migrante": 50}
    counts |= {f"rare{chr(97 + i // 26)}{chr(97 + i % 26)}": 1 for i in range(200)}
    sentences = [" ".join([word] * n) for word, n in counts.items()]
    vocab = vocabulary(sentences)
    assert "migrante" in vocab.frequent
    assert not {"para", "dos", "the"} & set(vocab.frequent)


def test_percentiles_use_the_nearest_rank() -> None:
    assert speed.percentile([], 95) is None
    assert speed.percentile([10.0], 95) == 10.0
    assert speed.percentile(list(range(1, 21)), 95) == 19


def _system(ms: float, rate: float = 200.0) -> dict:
    return {
        "build": {"docs_per_second": rate, "seconds": 1.0, "bytes": 10**6, "peak_rss_mb": 50.0},
        "serve": {"latencies_ms": {c: [ms] * 10 for c in CLASSES}, "peak_rss_mb": 80.0,
                  "add_one_s": [0.2, 0.3]},
    }  # fmt: skip


def test_ratios_are_ours_over_the_other_and_targets_apply_by_size() -> None:
    systems = {"ours": _system(30.0), "fts5": _system(10.0, 2000.0)}
    summary = speed.summarize(10_000, systems)
    assert summary["classes"]["word"]["fts5"]["ours_over_this_p95"] == 3.0
    verdicts = summary["verdicts"]
    assert verdicts["p95_every_class_ms"]["ok"] and verdicts["add_one_s"]["ok"]
    assert "serve_peak_mb" not in verdicts
    assert speed.summarize(1000, systems)["verdicts"].keys() == {"build_docs_per_s"}
    slow = speed.summarize(100_000, {"ours": _system(400.0)})["verdicts"]
    assert not slow["p95_every_class_ms"]["ok"] and slow["serve_peak_mb"]["ok"]


def test_report_shows_a_row_per_class_and_the_verdicts() -> None:
    systems = {"ours": _system(30.0), "naive": _system(300.0, 50.0)}
    report = {"size": 10_000, "seed": 1, "per_class": 10, "started": "now", "machine": "m",
              "systems": systems, "summary": speed.summarize(10_000, systems)}  # fmt: skip
    text = speed.render_markdown(report)
    assert "| phrase | 30.0 | 30.0 | 300.0 | 300.0 | 0.10 | 0.10 |" in text
    assert "p95_every_class_ms: 30.00 (target 60.0) — PASS" in text


def test_report_warns_when_ours_finds_nothing_where_others_find_documents() -> None:
    ours, fts = _system(5.0), _system(20.0)
    ours["serve"]["hits"] = {c: [0] * 10 if c == "phrase" else [3] * 10 for c in CLASSES}
    fts["serve"]["hits"] = {c: [3] * 10 for c in CLASSES}
    systems = {"ours": ours, "fts5": fts}
    report = {"size": 1000, "seed": 1, "per_class": 10, "started": "now", "machine": "m",
              "systems": systems, "summary": speed.summarize(1000, systems)}  # fmt: skip
    text = speed.render_markdown(report)
    assert "| phrase | 10 / 10 | 0 | 0 / 10 | 3 |" in text
    assert "ours found nothing for 10 more `phrase` queries" in text
    assert "`word` queries" not in text
