"""A small library on disk for the web tests: catalogue, original files and index."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from index.indexer import rebuild
from library.datadir import DataDir
from library.model import File, Record, Relation
from tests.index.conftest import collection
from tests.index.factories import make_record

HOSTILE = '<script>alert("x")</script>'


def original_bytes(record: Record, language: str) -> bytes:
    """The bytes whose sha256 :func:`tests.index.factories.make_record` gave the file."""
    texts = next([p.text for p in e.parts] for e in record.expressions if e.language == language)
    return (record.work.work_id + language + "".join(texts)).encode("utf-8")


def web_records() -> list[Record]:
    """The index tests' collection, plus what the web pages must show or withstand:
    relations, a two-language treaty, a hostile title and a hostile source URL."""
    records = collection()
    by_id = {r.work.work_id: r for r in records}
    amended = by_id["ar/law/2008/26364"]
    amending = make_record(
        "ar/law/2012/26842",
        ["Modifícase el artículo 2 de la Ley 26.364 sobre trata de personas."],
        title="Ley 26.842 que modifica la Ley 26.364",
        number="26.842",
        date="2012-12-19",
        topics=("trafficking",),
    )
    amending = replace(
        amending,
        work=replace(
            amending.work,
            relations=(
                Relation("amends", amended.work.work_id),
                Relation("regulates", "xx/law/1999/not-in-library"),
            ),
        ),
    )
    treaty = make_record(
        "oas/treaty/1994/belem-do-para",
        {
            "es": [
                "Toda mujer tiene derecho a una vida libre de violencia.",
                "Los Estados Partes condenan la violencia contra la mujer.",
            ],
            "en": [
                "Every woman has the right to be free from violence.",
                "The States Parties condemn violence against women.",
            ],
        },
        title={"es": "Convención de Belém do Pará", "en": "Belém do Pará Convention"},
        jurisdiction="OAS",
        instrument_type="treaty",
        date="1994-06-09",
        topics=("violence-against-women",),
    )
    hostile = make_record(
        "cr/decree/2019/hostile",
        [f"Artículo con {HOSTILE} dentro del texto sobre migración laboral."],
        title=f"Decreto {HOSTILE} sobre trabajadores migrantes",
        jurisdiction="CR",
        instrument_type="decree",
        date="2019-02-01",
        headings=(f"Encabezado {HOSTILE}",),
    )
    hostile = replace(
        hostile,
        files=tuple(
            replace(f, source_url="javascript:alert(1)", original_name=f"{HOSTILE}.md")
            for f in hostile.files
        ),
    )
    return [*records, amending, treaty, hostile]


def build_library(root: Path, records: list[Record], withdrawn: tuple[str, ...] = ()) -> DataDir:
    """Write ``records`` to a data directory at ``root`` and index it.

    :param withdrawn: work ids withdrawn after ingesting (hidden from search and pages).
    """
    data = DataDir(root)
    store = data.file_store()
    with data.open_catalogue() as catalogue:
        for record in records:
            files = {f.sha256: f for f in record.files}
            for expression in record.expressions:
                digest = store.put(original_bytes(record, expression.language))
                assert digest == expression.file_sha256
                file: File = files[digest]
                catalogue.add_document(record.work, expression, file, actor="test")
        for work_id in withdrawn:
            catalogue.withdraw(work_id, actor="test", reason="test")
        rebuild(data.index_path, list(catalogue.iter_records()), procs=1)
    return data
