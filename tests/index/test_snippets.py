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


def test_a_part_covering_more_query_words_beats_one_repeating_a_word() -> None:
    # "trabajadoras domésticas": every form of "trabaj-" stands for the first word.
    stored = [
        StoredPart("article", "1", "", "art1", "Los trabajos, las horas trabajadas, trabajar."),
        StoredPart("article", "2", "", "art2", "El trabajo doméstico se rige por esta ley."),
        StoredPart("article", "3", "", "art3", "El trabajo y el trabajo, siempre el trabajo."),
    ]
    trabaj = {"trabajos", "trabajadas", "trabajar", "trabajo", "trabajadoras"}
    domestic = {"domestico", "domesticas"}
    matcher = Matcher(trabaj | domestic, (), [trabaj, domestic])
    assert [h.anchor for h in best_parts(stored, matcher)] == ["art2", "art1", "art3"]
    assert matcher.coverage(["trabajos", "Trabajar"]) == 1
    assert matcher.coverage(["trabajo", "doméstico"]) == 2


def test_a_phrase_counts_as_one_word_of_the_query() -> None:
    matcher = Matcher({"asilo"}, {("derecho", "de", "asilo")}, [{"asilo"}, {"derecho de asilo"}])
    assert matcher.coverage(["derecho  de\nasilo", "asilo"]) == 2
    assert matcher.coverage(["Derecho de asilo"]) == 1
