"""Posting reads into arrays: the vectorised neighbour check and BM25."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from index import analysis
from index.postings import Neighbours

hashes = st.sets(st.integers(0, 0xFFFF), max_size=6)
postings = st.lists(
    st.one_of(st.tuples(st.integers(1, 9), hashes, hashes), st.integers(1, 9)),
    min_size=1,
    max_size=12,
)
probe = st.one_of(st.none(), st.integers(0, 0xFFFF))


def _value(posting: tuple[int, set[int], set[int]] | int) -> bytes:
    if isinstance(posting, int):  # a bare frequency, as in fields without neighbours
        return posting.to_bytes(4, "little")
    count, before, after = posting
    return analysis.encode_posting(count, before, after)


@given(postings, probe, probe)
def test_vectorised_check_agrees_with_decoding_each_value(
    rows: list, before: int | None, after: int | None
) -> None:
    values = [_value(r) for r in rows]
    lengths = np.array([len(v) for v in values], dtype=np.int64)
    got = Neighbours(lengths, b"".join(values)).having(before, after).tolist()
    expected = []
    for value in values:
        after_hashes, before_hashes = analysis.decode_neighbours(value)
        expected.append(
            (before is None or before in before_hashes) and (after is None or after in after_hashes)
        )
    assert got == expected


def test_a_hash_in_the_wrong_list_does_not_count() -> None:
    value = analysis.encode_posting(2, before={7}, after={9})
    neighbours = Neighbours(np.array([len(value)]), value)
    assert neighbours.having(before=7, after=9).tolist() == [True]
    assert neighbours.having(before=9, after=None).tolist() == [False]
    assert neighbours.having(before=None, after=7).tolist() == [False]
    assert neighbours.having(before=None, after=None).tolist() == [True]
