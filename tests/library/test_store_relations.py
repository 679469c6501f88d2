"""Reading relations backwards and naming related works, for the document pages."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from library.model import Relation
from library.store import Catalogue
from tests.index.factories import make_record


def _add(catalogue: Catalogue, record) -> None:  # type: ignore[no-untyped-def]
    for expression, file in zip(record.expressions, record.files, strict=True):
        catalogue.add_document(record.work, expression, file, actor="test")


def test_relations_to_lists_the_works_pointing_at_a_work_except_withdrawn(tmp_path: Path) -> None:
    base = make_record("ar/law/2008/26364", ["Trata."], title="Ley 26.364")
    amending = make_record("ar/law/2012/26842", ["Modifica."], title="Ley 26.842")
    amending = replace(amending, work=replace(amending.work, relations=(
        Relation("amends", "ar/law/2008/26364", "art. 2"),)))  # fmt: skip
    repealing = make_record("ar/law/2020/1", ["Deroga."], title="Ley 1")
    repealing = replace(repealing, work=replace(repealing.work, relations=(
        Relation("repeals", "ar/law/2008/26364"),)))  # fmt: skip
    with Catalogue(tmp_path / "c.sqlite") as catalogue:
        for record in (base, amending, repealing):
            _add(catalogue, record)
        assert catalogue.relations_to("ar/law/2008/26364") == (
            Relation("amends", "ar/law/2012/26842", "art. 2"),
            Relation("repeals", "ar/law/2020/1"),
        )
        catalogue.withdraw("ar/law/2020/1", actor="test", reason="duplicate")
        assert [r.target for r in catalogue.relations_to("ar/law/2008/26364")] == [
            "ar/law/2012/26842"
        ]
        assert catalogue.relations_to("ar/law/2012/26842") == ()


def test_work_titles_names_only_works_in_the_catalogue(tmp_path: Path) -> None:
    treaty = make_record(
        "oas/treaty/1994/belem",
        {"es": ["Texto."], "en": ["Text."]},
        title={"es": "Convención de Belém do Pará", "en": "Belém do Pará Convention"},
    )
    with Catalogue(tmp_path / "c.sqlite") as catalogue:
        _add(catalogue, treaty)
        titles = catalogue.work_titles(["oas/treaty/1994/belem", "xx/law/1/none"])
        first = catalogue.get_record("oas/treaty/1994/belem").expressions[0]
        assert titles == {"oas/treaty/1994/belem": first.title}
        assert catalogue.work_titles([]) == {}
