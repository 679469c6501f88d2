"""The data directory: ``catalogue.sqlite``, ``files/`` (originals) and ``index/`` (Whoosh).

Chosen by ``--data``, else the ``MIGRALEX_DATA`` environment variable, else ``./instance``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from library.files import FileStore
from library.store import Catalogue

ENV_VAR = "MIGRALEX_DATA"
DEFAULT = Path("instance")


@dataclass(frozen=True)
class DataDir:
    """Paths of one Migralex data directory."""

    root: Path

    @classmethod
    def resolve(cls, given: str | Path | None = None) -> DataDir:
        """The data directory from an explicit value, the environment, or the default."""
        raw = given or os.environ.get(ENV_VAR) or DEFAULT
        return cls(Path(raw).expanduser().resolve())

    @property
    def catalogue_path(self) -> Path:
        return self.root / "catalogue.sqlite"

    @property
    def files_path(self) -> Path:
        return self.root / "files"

    @property
    def index_path(self) -> Path:
        return self.root / "index"

    def open_catalogue(self) -> Catalogue:
        return Catalogue(self.catalogue_path)

    def file_store(self) -> FileStore:
        return FileStore(self.files_path)
