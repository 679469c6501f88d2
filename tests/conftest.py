"""Shared fixtures: the shared corpus location and a deterministic langdetect."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from langdetect import DetectorFactory

DetectorFactory.seed = 0

REPO = Path(__file__).resolve().parent.parent
SHARED_CORPUS = Path(os.environ.get("MIGRALEX_SHARED_CORPUS", REPO.parent / "shared" / "corpus"))


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """The real documents of ../shared/corpus; tests using it skip where it is absent."""
    if not (SHARED_CORPUS / "catalog.csv").is_file():
        pytest.skip(f"shared corpus not found at {SHARED_CORPUS} (set MIGRALEX_SHARED_CORPUS)")
    return SHARED_CORPUS


@pytest.fixture(scope="session")
def ingested_corpus(shared_corpus: Path, tmp_path_factory: pytest.TempPathFactory):
    """The shared corpus ingested once WITHOUT its catalogue: (data dir, outcomes)."""
    from ingest.pipeline import Batch, run
    from library.datadir import DataDir
    from library.vocabulary import load_vocabularies

    data = DataDir(tmp_path_factory.mktemp("corpus-data"))
    with data.open_catalogue() as catalogue:
        outcomes = run(
            Batch((shared_corpus / "docs",), jobs=2),
            catalogue,
            data.file_store(),
            load_vocabularies(),
        )
    return data, outcomes
