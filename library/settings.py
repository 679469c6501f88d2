"""Settings as data: name, default and help, documented in the README (a test checks)."""

from __future__ import annotations

from typing import NamedTuple


class Setting(NamedTuple):
    name: str
    default: int
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("page_size", 10, "Hits per page of search results."),
    Setting("facet_size", 20, "Values shown per facet."),
    Setting("max_file_mb", 200, "Largest file accepted for ingestion, in MB."),
    Setting("extraction_timeout", 300, "Seconds allowed to extract one file."),
    Setting("worker_memory_mb", 2048, "Address-space limit of an extraction worker, in MB."),
    Setting("max_zip_ratio", 100, "Largest decompression ratio of a zip-based file (DOCX, ODT)."),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def setting(name: str) -> int:
    """The default value of a setting.

    >>> setting("page_size")
    10
    """
    return _BY_NAME[name].default
