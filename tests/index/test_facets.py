"""Facet columns across segments and deletions, checked against the records themselves."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index import fields as F
from index.facets import Columns, facet_counts
from index.indexer import delete_work, index_records, open_or_create
from index.mapping import to_fields
from library.model import Record
from tests.index.factories import make_record

COUNTRIES = ("AR", "BR", "MX", "CA", "UY")
TOPICS = ("migration", "trafficking", "refugees", "domestic-work")
SEGMENTS = 3
PER_SEGMENT = 12


def _records() -> list[Record]:
    rng = random.Random(7)
    records = []
    for n in range(SEGMENTS * PER_SEGMENT):
        year = rng.choice((None, 1998, 2004, 2010, 2017, 2023))
        records.append(
            make_record(
                f"xx/law/{n}",
                [f"Texto {n} sobre migración."],
                jurisdiction=rng.choice(COUNTRIES),
                date="" if year is None else f"{year}-05-01",
                status=rng.choice(("in_force", "repealed", "amended")),
                topics=tuple(rng.sample(TOPICS, rng.randint(0, 3))),
                issuing_body=rng.choice(("Congreso", "Senado", "")),
            )
        )
    return records


RECORDS = _records()
#: Withdrawn after indexing: their documents stay in the segment files, marked deleted.
WITHDRAWN = {RECORDS[1].work.work_id, RECORDS[PER_SEGMENT + 5].work.work_id}


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    ix = open_or_create(tmp_path_factory.mktemp("facets"))
    for start in range(0, len(RECORDS), PER_SEGMENT):  # one commit, one segment each
        index_records(ix, RECORDS[start : start + PER_SEGMENT], replace=False)
    for work_id in WITHDRAWN:
        delete_work(ix, work_id)
    with ix.searcher() as s:
        assert len(s.leaf_searchers()) == SEGMENTS
        yield s
    ix.close()


def _expected_values(searcher, docnum: int) -> dict:
    """The facet values of a document as the mapping gives them for its record."""
    expression_id = searcher.stored_fields(docnum)[F.EXPRESSION_ID]
    record = next(r for r in RECORDS if r.expressions[0].expression_id == expression_id)
    return to_fields(record, record.expressions[0])


def _brute_count(searcher, field: str, mask: np.ndarray) -> Counter:
    counts: Counter = Counter()
    for docnum in np.flatnonzero(mask).tolist():
        value = _expected_values(searcher, docnum).get(field)
        if value is None:
            counts[""] += field != F.TOPICS  # no value: the empty label (topics: none)
        elif field == F.TOPICS:
            counts.update(value.split())
        else:
            counts[str(value) if field == F.YEAR else value] += 1
    return counts


def _column_value(searcher, docnum: int, field: str) -> str:
    value = _expected_values(searcher, docnum).get(field) or ""
    return value.decode("utf-8") if isinstance(value, bytes) else value


def _live(searcher) -> np.ndarray:
    mask = np.zeros(searcher.doc_count_all(), dtype=bool)
    mask[list(searcher.reader().all_doc_ids())] = True
    return mask


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1), field=st.sampled_from(F.FACETS))
def test_counts_over_any_document_set_match_the_records(searcher, seed: int, field: str) -> None:
    columns = Columns(searcher, {})
    rng = np.random.default_rng(seed)
    mask = _live(searcher) & (rng.random(searcher.doc_count_all()) < rng.random())
    expected = +_brute_count(searcher, field, mask)
    assert Counter(columns.count(field, mask)) == expected


def test_codes_sort_as_the_values_do_across_segments(searcher) -> None:
    columns = Columns(searcher, {})
    for field in (F.JURISDICTION, F.SORT_DATE, F.SORT_TITLE):
        labels = columns.labels(field)
        assert labels == sorted(labels)
        values = [labels[c] for c in columns.codes(field).tolist()]
        assert len(values) == searcher.doc_count_all()
        assert values == [_column_value(searcher, d, field) for d in range(len(values))]
    assert columns.labels(F.JURISDICTION)[columns.code(F.JURISDICTION, "mx")] == "mx"
    assert columns.code(F.JURISDICTION, "zz") is None


def test_years_between_is_inclusive_and_leaves_out_undated(searcher) -> None:
    columns = Columns(searcher, {})
    mask = columns.years_between(2004, 2017)
    for docnum in range(searcher.doc_count_all()):
        year = _expected_values(searcher, docnum).get(F.YEAR)
        assert bool(mask[docnum]) == (year is not None and 2004 <= year <= 2017)


def test_a_refreshed_searcher_reuses_unchanged_segments(searcher) -> None:
    cache: dict = {}
    Columns(searcher, cache)
    kept = dict(cache)
    Columns(searcher, cache)
    assert cache.keys() == kept.keys()
    assert all(cache[key] is kept[key] for key in kept)


def test_each_facet_ignores_its_own_selection(searcher) -> None:
    columns = Columns(searcher, {})
    live = _live(searcher)
    country = "br"
    by_country = columns.codes(F.JURISDICTION) == columns.code(F.JURISDICTION, country)
    selections = {F.JURISDICTION: (by_country, (country,))}
    shown = facet_counts(columns, live, selections, lambda _f, v: v, size=50)
    # the country facet still counts every country: the others stay selectable
    countries = {v.value: v.count for v in shown[F.JURISDICTION]}
    assert countries == {k.upper(): n for k, n in columns.count(F.JURISDICTION, live).items()}
    assert len(countries) == len(COUNTRIES)
    assert [v.value for v in shown[F.JURISDICTION] if v.selected] == ["BR"]
    # every other facet counts only the selected country's documents
    statuses = {v.value: v.count for v in shown[F.STATUS]}
    assert statuses == columns.count(F.STATUS, live & by_country)
