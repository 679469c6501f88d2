"""Folding, stop words, stemming and numbers, per language."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index import analysis
from index.schema import ExpressionSchema, declared_field_names


def test_fold_removes_case_accents_and_ligatures() -> None:
    assert analysis.fold("MIGRACIÓN Œuvre Ação ñandú") == "migracion oeuvre acao nandu"


def test_numbers_keep_their_digits_together() -> None:
    assert analysis.word_tokens("Ley 25.871 y Lei 13.445, 1,000 casos; art. 2.1") == [
        "ley", "25871", "y", "lei", "13445", "1000", "casos", "art", "2", "1",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "a", "b"),
    [
        ("es", "migrantes", "migrante"),
        ("es", "trabajadoras", "trabajadora"),
        ("pt", "trabalhadoras", "trabalhadora"),
        ("pt", "domésticas", "doméstica"),
        ("en", "countries", "country"),
        ("fr", "travailleuses", "travailleuse"),
    ],
)
def test_snowball_stems_join_inflections(lang: str, a: str, b: str) -> None:
    assert analysis.stem(analysis.fold(a), lang) == analysis.stem(analysis.fold(b), lang)


def test_stop_words_are_folded_and_left_out() -> None:
    assert "eumes" in analysis.stop_words("fr")
    assert analysis.exact_counts("de la migración de los migrantes", "es") == {
        "migracion": 1,
        "migrantes": 1,
    }


def test_number_keys_find_a_law_by_its_number() -> None:
    assert analysis.number_keys("25.871") == ["25871"]
    assert "2141" in analysis.number_keys("AG/RES. 2141 (XXXV-O/05)")


def test_neighbour_hashes_round_trip() -> None:
    postings = {t: v for t, _c, v in analysis.exact_postings("la trata de personas", "es")}
    after, before = analysis.decode_neighbours(postings["trata"])
    assert analysis.word_hash("de") in after
    assert analysis.word_hash("la") in before
    assert analysis.decode_count(postings["personas"]) == 1


@given(st.text(max_size=200))
def test_whoosh_chain_gives_the_same_terms_as_the_fast_path(text: str) -> None:
    chain = [t.text for t in analysis.exact_analyzer("es")(text)]
    fast = [t for t in analysis.word_tokens(text) if t not in analysis.stop_words("es")]
    assert sorted(set(chain)) == sorted(set(fast))


def test_schema_has_every_declared_field() -> None:
    assert declared_field_names() <= set(ExpressionSchema().names())


def _reference_postings(text: str, lang: str) -> dict[str, tuple[int, set[int], set[int]]]:
    """The neighbour postings as first written: one Python loop over word pairs."""
    tokens = analysis.word_tokens(text)
    stops = analysis.stop_words(lang)
    out: dict[str, tuple[int, set[int], set[int]]] = {
        t: (tokens.count(t), set(), set()) for t in tokens if t not in stops
    }
    for left, right in zip(tokens, tokens[1:], strict=False):
        if left in out:
            out[left][1].add(analysis.word_hash(right))
        if right in out:
            out[right][2].add(analysis.word_hash(left))
    return out


@given(
    st.lists(
        st.sampled_from(["la", "trata", "de", "personas", "Trata", "migración", "x", "1.234"])
    ).map(" ".join)
)
def test_neighbour_postings_match_the_reference(text: str) -> None:
    got = {}
    for token, count, value in analysis.exact_postings(text, "es"):
        after, before = analysis.decode_neighbours(value)
        assert analysis.decode_count(value) == count
        got[token] = (count, set(after), set(before))
    assert got == _reference_postings(text, "es")
    assert [t for t, _c, _v in analysis.exact_postings(text, "es")] == sorted(got)
