"""Adding and removing relations between works, audited."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from library.relations import RelationError, add_relation, remove_relation
from library.store import Catalogue
from tests.library.test_store import _document


@pytest.fixture()
def catalogue(tmp_path: Path) -> Catalogue:
    catalogue = Catalogue(tmp_path / "c.sqlite")
    for work_id, sha in (("ar/law/2004/25871", "a" * 64), ("ar/decree/2010/616", "b" * 64)):
        work, expression, file = _document(work_id, sha)
        work = replace(work, relations=())
        expression = replace(expression, expression_id=f"{work_id}@es", work_id=work_id)
        catalogue.add_document(work, expression, file, actor="test")
    return catalogue


def test_a_relation_is_added_audited_and_removed(catalogue: Catalogue) -> None:
    add_relation(catalogue, "ar/decree/2010/616", "regulates", " AR/law/2004/25871 ", actor="ana")
    relations = catalogue.get_work("ar/decree/2010/616").relations
    assert [(r.kind, r.target) for r in relations] == [("regulates", "ar/law/2004/25871")]
    assert catalogue.audit_trail("ar/decree/2010/616")[-1]["actor"] == "ana"
    assert remove_relation(catalogue, "ar/decree/2010/616", "regulates", "ar/law/2004/25871", "ana")
    assert catalogue.get_work("ar/decree/2010/616").relations == ()
    assert not remove_relation(catalogue, "ar/decree/2010/616", "regulates", "x", "ana")


@pytest.mark.parametrize(
    ("kind", "target", "code"),
    [
        ("likes", "ar/law/2004/25871", "kind"),
        ("amends", "xx/law/1/none", "target"),
        ("amends", "ar/decree/2010/616", "self"),
    ],
)
def test_bad_relations_are_refused_with_a_code(
    catalogue: Catalogue, kind: str, target: str, code: str
) -> None:
    with pytest.raises(RelationError) as caught:
        add_relation(catalogue, "ar/decree/2010/616", kind, target, actor="ana")
    assert caught.value.code == code


def test_a_relation_is_made_once(catalogue: Catalogue) -> None:
    add_relation(catalogue, "ar/decree/2010/616", "amends", "ar/law/2004/25871", actor="ana")
    with pytest.raises(RelationError, match="exists"):
        add_relation(catalogue, "ar/decree/2010/616", "amends", "ar/law/2004/25871", actor="ana")
