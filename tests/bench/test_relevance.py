"""nDCG and the relevance report, with fake rankers (no index needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import relevance as rel

QUERIES = [
    {"id": "q1", "q": "a", "lang": "es", "class": "word", "filters": {}, "judgments": {"x": 2, "y": 1}},
    {"id": "q2", "q": "b", "lang": "en", "class": "cross", "filters": {"countries": ["UY"]},
     "judgments": {"z": 2}},
]  # fmt: skip


def test_ndcg_is_one_for_the_ideal_order_and_less_otherwise() -> None:
    assert rel.ndcg(["x", "y"], {"x": 2, "y": 1}) == 1.0
    assert rel.ndcg(["y", "x"], {"x": 2, "y": 1}) < 1.0
    assert rel.ndcg([f"n{i}" for i in range(10)] + ["x"], {"x": 2}) == 0.0  # beyond the cut-off
    assert rel.ndcg(["x", "x"], {"x": 2, "y": 2}) == pytest.approx(1 / (1 + 1 / 1.5849625), 1e-6)


def test_evaluate_scores_both_systems_and_records_failures() -> None:
    def failing(q: str, filters: dict) -> list[str]:
        raise RuntimeError("boom")

    rows = rel.evaluate(QUERIES, lambda q, f: ["x", "y", "z"], failing)
    assert rows[0]["ours"] == 1.0 and rows[0]["baseline"] == 0.0
    assert "boom" in rows[1]["baseline_error"]
    summary = rel.summarize(rows)
    assert summary["all"]["n"] == 2
    assert set(summary["by_lang"]) == {"es", "en"}
    assert summary["all"]["ratio"] is None  # baseline mean is 0


def test_report_renders_every_query() -> None:
    rows = rel.evaluate(QUERIES, lambda q, f: ["x"], lambda q, f: ["y"])
    report = {"started": "now", "expressions": 3, "missing_judged": [], "summary": rel.summarize(rows),
              "queries": rows}  # fmt: skip
    text = rel.render_markdown(report)
    assert "| q2 | en | cross | `b` | countries=UY |" in text
    assert "Mean nDCG@10" in text


def test_the_judged_set_is_large_multilingual_and_graded() -> None:
    data = json.loads((Path(rel.QUERIES)).read_text(encoding="utf-8"))["queries"]
    assert len(data) >= 30
    assert {q["lang"] for q in data} == {"es", "en", "pt", "fr"}
    assert sum(q["class"] == "cross" for q in data) >= 5
    assert all(q["judgments"] and set(q["judgments"].values()) <= {1, 2} for q in data)
    assert len({q["id"] for q in data}) == len(data)
