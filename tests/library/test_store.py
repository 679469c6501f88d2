"""The catalogue store: round trips, withdrawal, audit, schema versioning."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from library.errors import CatalogueError, DocumentNotFound
from library.migrations import MIGRATIONS
from library.model import Expression, File, Part, Relation, Work
from library.store import Catalogue


def _document(work_id: str = "ar/law/2004/25871", sha: str = "a" * 64):
    work = Work(
        work_id=work_id,
        instrument_type="law",
        jurisdiction="AR",
        number="25.871",
        date_adopted="2003-12-17",
        status="in_force",
        topics=("migration", "human-rights"),
        relations=(Relation("regulates", "ar/law/1981/22439"),),
        field_sources={"number": "derived", "jurisdiction": "given"},
    )
    parts = (
        Part("preamble", "", "", "El Senado y Cámara de Diputados…", "preamble"),
        Part(
            "article",
            "1",
            "Derecho a migrar",
            "La migración es un derecho.",
            "art-1",
            "cap-1",
            "es",
        ),
    )
    expression = Expression(
        expression_id=f"{work_id}@es",
        work_id=work_id,
        language="es",
        title="Ley de Migraciones",
        file_sha256=sha,
        parts=parts,
        languages=("es",),
        warnings=("stopped after 3 pages",),
        field_sources={"title": "derived"},
    )
    file = File(sha256=sha, format="pdf", bytes=123, pages=3, original_name="ley.pdf", added_at="x")
    return work, expression, file


def test_record_round_trips_through_the_catalogue(tmp_path: Path) -> None:
    work, expression, file = _document()
    with Catalogue(tmp_path / "c.sqlite") as cat:
        cat.add_document(work, expression, file, actor="tester")
        record = cat.get_record(work.work_id)
    assert record.work == work
    assert record.expressions == (expression,)
    assert record.files == (file,)


def test_catalogue_uses_wal_and_records_schema_version(tmp_path: Path) -> None:
    with Catalogue(tmp_path / "c.sqlite") as cat:
        assert cat.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert cat.schema_version == len(MIGRATIONS)


def test_newer_schema_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(CatalogueError, match="upgrade Migralex"):
        Catalogue(path)


def test_withdrawn_work_leaves_listings_but_not_the_catalogue(tmp_path: Path) -> None:
    work, expression, file = _document()
    with Catalogue(tmp_path / "c.sqlite") as cat:
        cat.add_document(work, expression, file)
        cat.withdraw(work.work_id, actor="ana", reason="duplicate upload")
        assert cat.work_ids() == []
        assert list(cat.iter_records()) == []
        assert cat.get_record(work.work_id).work == work
        assert cat.is_withdrawn(work.work_id)
        actions = [e["action"] for e in cat.audit_trail(work.work_id)]
    assert actions == ["withdraw"]


def test_editing_a_work_is_audited_with_the_changed_fields(tmp_path: Path) -> None:
    from dataclasses import replace

    work, expression, file = _document()
    with Catalogue(tmp_path / "c.sqlite") as cat:
        cat.add_document(work, expression, file)
        cat.update_work(replace(work, status="repealed"), actor="ana", note="Ley 27.000")
        assert cat.get_work(work.work_id).status == "repealed"
        (event,) = cat.audit_trail(work.work_id)
    assert event["actor"] == "ana"
    assert event["detail"]["changed"] == {"status": ["in_force", "repealed"]}


def test_unknown_work_raises_document_not_found(tmp_path: Path) -> None:
    with Catalogue(tmp_path / "c.sqlite") as cat, pytest.raises(DocumentNotFound, match="no work"):
        cat.get_record("xx/law/nd/none")


def test_corrupt_database_file_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(CatalogueError, match="cannot open the catalogue"):
        Catalogue(path)


def test_retitle_marks_the_title_given_and_audits_it_on_the_work(tmp_path: Path) -> None:
    work, expression, file = _document()
    with Catalogue(tmp_path / "c.sqlite") as catalogue:
        catalogue.add_document(work, expression, file, actor="ingest")
        catalogue.retitle(expression.expression_id, "Ley de Migraciones", actor="ana", note="typo")
        renamed = catalogue.get_record(work.work_id).expressions[0]
        assert renamed.title == "Ley de Migraciones" and renamed.field_sources["title"] == "given"
        last = catalogue.audit_trail(work.work_id)[-1]
        assert last["actor"] == "ana" and last["action"] == "edit"
        assert (
            last["detail"]["changed"][f"title@{expression.expression_id}"][1]
            == "Ley de Migraciones"
        )
        with pytest.raises(DocumentNotFound):
            catalogue.retitle("xx/none@es", "x", actor="ana")
