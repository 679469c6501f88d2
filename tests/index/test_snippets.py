"""Best parts of a hit: the one-scan shortcut finds what matching every part finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from index import snippets
from index.mapping import StoredPart
from index.snippets import Matcher, best_parts

WORDS = ["migración", "Migracion", "derecho", "derechos", "de", "la", "asilo", "1.234", "x"]
text = st.lists(st.sampled_from(WORDS + [",", ".", "\n"]), max_size=12).map(" ".join)
parts = st.lists(st.tuples(text, text), max_size=8)
query_words = st.sets(st.sampled_from(["migracion", "derecho", "asilo", "1234", "la"]))
query_phrases = st.sets(
    st.tuples(st.sampled_from(["derecho", "la"]), st.sampled_from(["la", "migracion"]))
)


def _every_part(stored: list[StoredPart], matcher: Matcher) -> list[int]:
    return [i for i, p in enumerate(stored) if matcher.spans(p.text) or matcher.spans(p.heading)]


@settings(max_examples=300)
@given(parts, query_words, query_phrases)
def test_the_joined_scan_misses_no_matching_part(
    rows: list[tuple[str, str]], words: set[str], phrases: set[tuple[str, str]]
) -> None:
    stored = [
        StoredPart("article", str(i), heading, f"art{i}", body)
        for i, (body, heading) in enumerate(rows)
    ]
    matcher = Matcher(words, phrases)
    expected = _every_part(stored, matcher)
    assert set(expected) <= set(snippets._touched(stored, matcher))
    limit = len(stored) + 1
    assert [h.anchor for h in best_parts(stored, matcher, limit)] == [
        h.anchor
        for h in sorted(
            (best_parts([stored[i]], matcher, 1)[0] for i in expected),
            key=lambda h: (-h.score, int(h.number)),
        )
    ]
