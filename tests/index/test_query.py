"""The query language: what parses, what is malformed, and the plain-words fallback."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index import fields as F
from index import query as q
from library.errors import QuerySyntaxError


def test_juxtaposed_words_are_anded_and_accents_folded() -> None:
    assert q.parse("Migración  trabajadoras") == q.And(
        (q.Word("migracion"), q.Word("trabajadoras"))
    )


def test_operators_grouping_and_exclusion() -> None:
    node = q.parse('(trata OR tráfico) AND personas -"de la red" NOT niños')
    assert node == q.And(
        (
            q.Or((q.Word("trata"), q.Word("trafico"))),
            q.Word("personas"),
            q.Not(q.Phrase(("de", "la", "red"))),
            q.Not(q.Word("ninos")),
        )
    )


def test_prefix_fuzzy_and_quoted_word() -> None:
    assert q.parse("migra*") == q.Word("migra", "prefix")
    assert q.parse("migrasion~") == q.Word("migrasion", "fuzzy", 1)
    assert q.parse("migrasion~2") == q.Word("migrasion", "fuzzy", 2)
    assert q.parse('"migrantes"') == q.Word("migrantes", "exact")


def test_field_filters() -> None:
    node = q.parse("country:mx,ar type:law year:2010..2020 lang:pt topic:trafficking")
    assert node == q.And(
        (
            q.Filter(F.JURISDICTION, ("mx", "ar")),
            q.Filter(F.INSTRUMENT_TYPE, ("law",)),
            q.YearRange(2010, 2020),
            q.Filter(F.LANGUAGE, ("pt",)),
            q.Filter(F.TOPICS, ("trafficking",)),
        )
    )
    assert q.parse("year:2015") == q.YearRange(2015, 2015)
    assert q.parse("year:..1990") == q.YearRange(0, 1990)


def test_numbers_and_text_fields() -> None:
    assert q.parse("25.871") == q.Word("25871")
    assert q.parse('title:"ley de migración"') == q.Phrase(("ley", "de", "migracion"), F.TITLE)
    assert q.parse("number:13.445") == q.Word("13445", field=F.NUMBER)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ('"trata de personas', "unbalanced_quote"),
        ("(trata OR personas", "unbalanced_paren"),
        ("trata)", "unbalanced_paren"),
        ("trata OR", "dangling_operator"),
        ("AND trata", "dangling_operator"),
        ("colour:red", "unknown_field"),
        ("year:abc", "bad_range"),
        ("()", "empty_group"),
        ("a*", "short_prefix"),
    ],
)
def test_malformed_queries_raise_with_a_code_and_a_suggestion(text: str, code: str) -> None:
    with pytest.raises(QuerySyntaxError) as info:
        q.parse(text)
    assert info.value.code == code
    assert '"' not in info.value.suggestion and "(" not in info.value.suggestion


def test_forgiving_parse_answers_plain_words_with_a_notice() -> None:
    node, notices = q.parse_forgiving('"trata de (personas')
    assert node == q.And((q.Word("trata"), q.Word("de"), q.Word("personas")))
    assert notices and "trata de personas" in notices[0]


def test_empty_query_matches_everything() -> None:
    assert q.parse_forgiving("   ") == (q.MatchAll(), ())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(), max_size=80))
def test_forgiving_parse_never_raises(text: str) -> None:
    node, notices = q.parse_forgiving(text)
    assert node is not None
    assert isinstance(notices, tuple)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ['"', "(", ")", "AND", "OR", "NOT", "-", "*", "~", "country:", "year:", "x", "ley", ":"]
        ),
        max_size=12,
    )
)
def test_forgiving_parse_never_raises_on_syntax_soup(parts: list[str]) -> None:
    q.parse_forgiving(" ".join(parts))
    q.parse_forgiving("".join(parts))
