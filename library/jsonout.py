"""The stable JSON shape of a stored record (``migralex show --json``, the API)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from library.model import Record


def record_to_json(record: Record) -> dict[str, Any]:
    """The stored record as plain JSON: work, expressions (with parts) and files."""
    return {
        "work": asdict(record.work),
        "expressions": [
            {**asdict(e), "parts": [asdict(p) for p in e.parts]} for e in record.expressions
        ],
        "files": [asdict(f) for f in record.files],
    }
