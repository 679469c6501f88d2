"""The outcome of one file of an ingest batch: what `migralex ingest --json` prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from library.model import Expression, Work

OUTCOMES = ("ingested", "duplicate", "rejected")


@dataclass(frozen=True)
class FileOutcome:
    """One line of the ingest report.

    :param outcome: ``ingested``, ``duplicate`` or ``rejected``.
    :param reason: why a file was rejected (or whose duplicate it is).
    """

    path: Path
    sha256: str
    outcome: str
    seconds: float
    reason: str = ""
    work_id: str = ""
    expression_id: str = ""
    title: str = ""
    language: str = ""
    languages: tuple[str, ...] = ()
    instrument_type: str = ""
    jurisdiction: str = ""
    date_adopted: str = ""
    topics: tuple[str, ...] = ()
    parts: int = 0
    pages: int | None = None
    format: str = ""
    warnings: tuple[str, ...] = field(default=())

    @classmethod
    def rejected(cls, path: Path, sha256: str, reason: str, seconds: float) -> FileOutcome:
        return cls(path, sha256, "rejected", seconds, reason=reason)

    @classmethod
    def duplicate(
        cls, path: Path, sha256: str, work_id: str, seconds: float, reason: str
    ) -> FileOutcome:
        return cls(path, sha256, "duplicate", seconds, reason=reason, work_id=work_id)

    @classmethod
    def ingested(
        cls,
        path: Path,
        work: Work,
        expression: Expression,
        seconds: float,
        pages: int | None = None,
        fmt: str = "",
    ) -> FileOutcome:
        return cls(
            path,
            expression.file_sha256,
            "ingested",
            seconds,
            work_id=work.work_id,
            expression_id=expression.expression_id,
            title=expression.title,
            language=expression.language,
            languages=expression.languages,
            instrument_type=work.instrument_type,
            jurisdiction=work.jurisdiction,
            date_adopted=work.date_adopted,
            topics=work.topics,
            parts=len(expression.parts),
            pages=pages,
            format=fmt,
            warnings=expression.warnings,
        )

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape documented in the README."""
        return {
            "path": str(self.path),
            "sha256": self.sha256,
            "outcome": self.outcome,
            "reason": self.reason,
            "work_id": self.work_id,
            "expression_id": self.expression_id,
            "title": self.title,
            "language": self.language,
            "languages": list(self.languages),
            "instrument_type": self.instrument_type,
            "jurisdiction": self.jurisdiction,
            "date_adopted": self.date_adopted,
            "topics": list(self.topics),
            "parts": self.parts,
            "pages": self.pages,
            "format": self.format,
            "warnings": list(self.warnings),
            "seconds": round(self.seconds, 3),
        }


def summarise(outcomes: list[FileOutcome]) -> dict[str, Any]:
    """Counts per outcome, pages and time: the batch summary."""
    counts = {name: sum(1 for o in outcomes if o.outcome == name) for name in OUTCOMES}
    pages = sum(o.pages or 0 for o in outcomes if o.outcome == "ingested")
    seconds = sum(o.seconds for o in outcomes if o.outcome == "ingested")
    return {
        "summary": True,
        "files": len(outcomes),
        **counts,
        "pages": pages,
        "extraction_seconds": round(seconds, 2),
        "rejected_files": [
            {"path": str(o.path), "reason": o.reason} for o in outcomes if o.outcome == "rejected"
        ],
    }
